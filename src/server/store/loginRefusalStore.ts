import type { Kysely, Selectable } from 'kysely';
import type { Database, LoginRefusalTallyTable } from './schema.ts';

export type LoginRefusalTally = Selectable<LoginRefusalTallyTable>;

/** Counts one refusal in its tally; returns how many the tally holds now (1 for the window's first). */
export async function tallyRefusal(
  db: Kysely<Database>,
  tally: Omit<LoginRefusalTally, 'refusals' | 'first_at' | 'last_at'>,
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('login_refusal_tallies')
    .values({ ...tally, refusals: 1, first_at: at, last_at: at })
    .onConflict((oc) =>
      oc.columns(['subject', 'source', 'window_start']).doUpdateSet((eb) => ({ refusals: eb('login_refusal_tallies.refusals', '+', 1), last_at: at })),
    )
    .returning('refusals')
    .executeTakeFirstOrThrow();
  return Number(row.refusals);
}

/** Tallies of windows that started before `windowStart`: finished, ready to be summed up in the log. */
export async function finishedTallies(db: Kysely<Database>, windowStart: string): Promise<LoginRefusalTally[]> {
  return db.selectFrom('login_refusal_tallies').selectAll().where('window_start', '<', windowStart).orderBy('window_start').execute();
}

/** Removes a tally; false when another request removed it first (and so writes its summary). */
export async function removeTally(db: Kysely<Database>, tally: Pick<LoginRefusalTally, 'subject' | 'source' | 'window_start'>): Promise<boolean> {
  const result = await db
    .deleteFrom('login_refusal_tallies')
    .where('subject', '=', tally.subject)
    .where('source', '=', tally.source)
    .where('window_start', '=', tally.window_start)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
