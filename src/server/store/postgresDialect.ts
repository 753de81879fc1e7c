import { PostgresDialect } from 'kysely';
import pg from 'pg';

const int8 = 20;
const numeric = 1700;

/**
 * pg hands back bigint and numeric as strings, since they may not fit a JavaScript number. Ours always fit:
 * counts (COUNT(*) is bigint), sums and identity values. Parsed per pool, not through pg's global table, so
 * nothing else in the process is affected.
 */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
  if (oid === int8 || oid === numeric) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

/** Kysely over node-postgres for `DATABASE_URL=postgres://…`. */
export function postgresDialect(databaseUrl: string): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10, types: { getTypeParser } }) });
}
