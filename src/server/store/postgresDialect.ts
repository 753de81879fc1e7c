import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { logger } from '../observability/logger.ts';

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
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, types: { getTypeParser } });
  // An idle connection that the server ends (a restart, a failover, an operator's pg_terminate_backend) is an
  // 'error' event on the pool; unhandled, it would end the process. The pool drops that client and opens a new
  // one on the next query, so logging it is all there is to do.
  pool.on('error', (error) => logger().warn({ err: error.message }, 'postgresql connection closed by the server'));
  return new PostgresDialect({ pool });
}
