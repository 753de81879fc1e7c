import type { Kysely } from 'kysely';
import type { ChainedEntry } from '../../domain/staff/auditChain.ts';
import type { Database } from './schema.ts';

/** Audit entries after `afterId` in id order, in batches, with their chain columns: for verifying and export. */
export async function* chainedEntriesAfter(db: Kysely<Database>, afterId: number, batchSize = 1000): AsyncGenerator<ChainedEntry> {
  let last = afterId;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', last).orderBy('id').limit(batchSize).execute();
    yield* rows;
    const tail = rows.at(-1);
    if (!tail || rows.length < batchSize) return;
    last = tail.id;
  }
}

/** The hash of entry `id`, from which a verification or an export after it continues; undefined if none. */
export async function chainHashAt(db: Kysely<Database>, id: number): Promise<string | null | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', id).executeTakeFirst();
  return row?.hash;
}
