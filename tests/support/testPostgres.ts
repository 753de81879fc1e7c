import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresProgram } from '../../src/server/store/postgresTools.ts';

/** Name of the database that postgresGlobalSetup.ts migrates once per run for test stores to copy. */
export const migratedTemplate = 'portal_migrated';

export interface TestPostgres {
  /** Maintenance database URL (superuser `postgres`, trust auth on loopback). */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb and postgres refuse to run as root, so as root they run as Debian's `postgres` system user. */
function runner(dir: string): (program: string, args: string[]) => void {
  if (process.getuid?.() !== 0) return (program, args) => void execFileSync(program, args, { stdio: 'pipe' });
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  chownSync(dir, uid, gid);
  return (program, args) => void execFileSync('runuser', ['-u', 'postgres', '--', program, ...args], { stdio: 'pipe' });
}

function explain(error: unknown, log: string): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
  return [error instanceof Error ? error.message.split('\n')[0] : String(error), stderr, tail].filter(Boolean).join('\n');
}

/**
 * A throw-away PostgreSQL cluster in a temporary directory, listening on loopback only, with durability off
 * (fsync) since its data dies with the run.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = runner(dir);
  const port = await freePort();
  try {
    run(postgresProgram('initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(postgresProgram('pg_ctl'), ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', options]);
  } catch (error) {
    const reason = explain(error, log);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(reason);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run(postgresProgram('pg_ctl'), ['stop', '-D', data, '-m', 'immediate']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
