import { z } from 'zod';

/**
 * The one cursor convention of the change feeds (docs/api.md, "Change feeds"): an opaque string naming the
 * feed and the position of the last item a client has, which the next request passes back as `since`. Inside
 * it is base64url JSON `[feed, ...position]`; clients must not build or read it, so that it can change.
 */
export type ChangeFeed = 'stock' | 'clarifications' | 'notices' | 'shortage-lists';

export function encodeCursor(feed: ChangeFeed, position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([feed, ...position]), 'utf8').toString('base64url');
}

export type CursorResult<P> = { ok: true; position: P | null } | { ok: false; message: string };

/**
 * Reads `since` for `feed`: absent or empty means from the beginning; anything else must be a cursor this feed
 * handed out, or the answer names the field rather than quietly starting over.
 */
export function decodeCursor<P>(feed: ChangeFeed, since: string | undefined, position: z.ZodType<P>): CursorResult<P> {
  if (since === undefined || since === '') return { ok: true, position: null };
  const refused = { ok: false, message: 'since: 不是本接口给出的游标，请使用上次回答中的 next / not a cursor this feed returned' } as const;
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(since)) return refused;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(since, 'base64url').toString('utf8'));
  } catch {
    return refused;
  }
  if (!Array.isArray(parsed) || parsed[0] !== feed) return refused;
  const result = position.safeParse(parsed.slice(1));
  return result.success ? { ok: true, position: result.data } : refused;
}

/** The stock feed's position: the change sequence number, then the row's key, in the feed's order. */
export const stockPosition = z.tuple([z.number().int().nonnegative(), z.string().max(60), z.string().max(60)]);
export type StockPosition = z.infer<typeof stockPosition>;

/** Articles and lists change at a moment; the id breaks ties between items changed at the same one. */
export const timedPosition = z.tuple([z.iso.datetime(), z.number().int().nonnegative()]);
export type TimedPosition = z.infer<typeof timedPosition>;

/** Most items one page of a change feed returns; `limit` above it is refused, not silently cut. */
export const maxChangesPerPage = 1000;

export const changePageQuery = z.object({
  since: z.string().max(400).optional(),
  limit: z.coerce
    .number({ message: `limit 须为 1–${maxChangesPerPage} 的整数` })
    .int(`limit 须为 1–${maxChangesPerPage} 的整数`)
    .min(1, `limit 须为 1–${maxChangesPerPage} 的整数`)
    .max(maxChangesPerPage, `limit 最大为 ${maxChangesPerPage}`)
    .default(500),
});
export type ChangePageQuery = z.infer<typeof changePageQuery>;
