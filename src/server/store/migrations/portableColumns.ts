import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { storeEngine } from '../storeEngine.ts';

/** Identity columns are spelled differently per dialect; everything else in our schema is portable. */
export function identityColumn(db: Kysely<unknown>) {
  const postgres = storeEngine(db) === 'postgresql';
  return (c: ColumnDefinitionBuilder) =>
    postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}
