import type { z } from 'zod';
import { type ChangeFeed, changePageQuery, decodeCursor, encodeCursor } from '../../domain/openData/changeCursor.ts';
import { apiError, json, searchParamsObject, validationError } from '../http/apiResponse.ts';

/**
 * The one shape of every change feed (docs/api.md, "Change feeds"): `GET …/changes?since=&limit=` answers
 * `{ items, next, hasMore }`, items in change order, `next` the cursor to pass as `since` next time (the `since`
 * given when nothing new came), `hasMore` true when another page is waiting now.
 */
export interface ChangePage<J> {
  items: J[];
  next: string;
  hasMore: boolean;
}

/**
 * Feeds ordered by a time the writer stamped (articles' `updated_at`, lists' `created_at`) hold back the last
 * ten seconds: the stamp is when the writer read the clock, and on PostgreSQL two writes can commit in the
 * other order. Serving only what changed before that means a write still committing cannot appear behind a
 * cursor already handed out (docs/decisions/025). The stock feed needs no such margin.
 */
export const writeSettleMs = 10_000;

export function settledBefore(now: Date): string {
  return new Date(now.getTime() - writeSettleMs).toISOString();
}

/** What a feed reads: up to `limit` changes after `position` (null: from the start), each with its position. */
export type ChangeReader<P extends readonly (string | number)[], J> = (position: P | null, limit: number) => Promise<{ position: P; item: J }[]>;

export async function changePage<P extends readonly (string | number)[], J>(
  feed: ChangeFeed,
  since: P | null,
  start: P,
  limit: number,
  read: ChangeReader<P, J>,
): Promise<ChangePage<J>> {
  // One more than asked tells whether another page is waiting, without a second query.
  const rows = await read(since, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((r) => r.item), next: encodeCursor(feed, last?.position ?? since ?? start), hasMore: rows.length > limit };
}

/**
 * A feed's endpoint: `since` and `limit` checked (400 naming the field), then one page. A full page keeps its
 * meaning once served (later changes come after it), so it may be cached an hour; the last page, which grows,
 * seconds.
 */
export async function changeFeedResponse<P extends readonly (string | number)[], J>(
  url: URL,
  feed: ChangeFeed,
  position: z.ZodType<P>,
  start: P,
  read: ChangeReader<P, J>,
): Promise<Response> {
  const query = changePageQuery.safeParse(searchParamsObject(url.searchParams));
  if (!query.success) return validationError(query.error);
  const since = decodeCursor(feed, query.data.since, position);
  if (!since.ok) return apiError(400, 'invalid_cursor', since.message, 'since');
  const page = await changePage(feed, since.position, start, query.data.limit, read);
  return json(page, { maxAge: page.hasMore ? 3600 : 10 });
}
