/** A whole-number command-line option of a benchmark; a bad one stops the run with a message naming it. */
export function positiveInt(name: string, raw: string | undefined, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max} (got ${raw})`);
    process.exit(2);
  }
  return n;
}
