import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/** Identity columns are spelled differently per dialect; everything else in our schema is portable. */
export function identityColumn(db: Kysely<unknown>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (c: ColumnDefinitionBuilder) =>
    postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}
