import { sql } from 'kysely';
import type { Store } from './openStore.ts';

/** The cheapest question the store can answer; it fails when the file is gone, locked or corrupt. */
export async function storeAnswers(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store);
    return true;
  } catch {
    return false;
  }
}
