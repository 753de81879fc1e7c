import { parseArgs } from 'node:util';

/** `npm run import:… -- FILE [--skip-bad] [--dry-run]`, read once for every importer; exits on --help or misuse. */
export function importCommand(usage: string): { file: string; skipBad: boolean; dryRun: boolean } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'skip-bad': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    console.error(usage);
    process.exit(values.help ? 0 : 1);
  }
  return { file, skipBad: values['skip-bad'] ?? false, dryRun: values['dry-run'] ?? false };
}
