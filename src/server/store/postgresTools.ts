import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const debianRoot = '/usr/lib/postgresql';

/**
 * Path of a PostgreSQL program (pg_dump, pg_restore, initdb, pg_ctl). Debian keeps them in
 * /usr/lib/postgresql/<version>/bin and puts only some on PATH, so the newest installed version is taken
 * first (pg_dump must be at least the server's version); otherwise the bare name is run from PATH.
 */
export function postgresProgram(name: string): string {
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const candidate = join(debianRoot, version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return name;
}
