import { changePageQuery, decodeCursor, encodeCursor, type StockPosition, stockPosition } from '../../domain/openData/changeCursor.ts';
import { type CellValue, stockTable } from '../../domain/openData/snapshotFields.ts';
import { apiError, json, searchParamsObject, validationError } from '../http/apiResponse.ts';
import type { Store } from '../store/openStore.ts';
import { type StockChange, stockChangesAfter } from '../store/openDataStore.ts';

/** One stock fact as the feed gives it: the snapshot's stock row (same names and types) and its change number. */
function changeItem(change: StockChange): Record<string, CellValue> {
  const item: Record<string, CellValue> = {};
  for (const field of stockTable.fields) item[field.name] = field.value(change);
  item.change_seq = change.changeSeq;
  return item;
}

export function stockCursorAt(position: StockPosition): string {
  return encodeCursor('stock', position);
}

/** The cursor of the very beginning, which the feed also accepts as an empty `since`. */
export const stockFeedStart = stockCursorAt([0, '', '']);

export interface StockChangePage {
  items: Record<string, CellValue>[];
  /** Pass as `since` next time; when nothing new came, it is the `since` given. */
  next: string;
  /** True when more changes are waiting now: ask again at once rather than after the polling interval. */
  hasMore: boolean;
}

export async function stockChangePage(store: Store, since: StockPosition | null, limit: number): Promise<StockChangePage> {
  // One more than asked tells whether another page is waiting without a second query.
  const rows = await stockChangesAfter(store, since, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = last ? stockCursorAt([last.changeSeq, last.facilityId, last.drugId]) : since ? stockCursorAt(since) : stockFeedStart;
  return { items: page.map(changeItem), next, hasMore: rows.length > limit };
}

/**
 * GET /api/stock/changes?since=&limit= (docs/api.md, "Change feeds"). A page that is full never changes
 * meaning once written (later changes get later numbers), so it may be cached an hour; the last page grows and
 * is cached seconds.
 */
export async function stockChangesResponse(store: Store, url: URL): Promise<Response> {
  const query = changePageQuery.safeParse(searchParamsObject(url.searchParams));
  if (!query.success) return validationError(query.error);
  const since = decodeCursor('stock', query.data.since, stockPosition);
  if (!since.ok) return apiError(400, 'invalid_cursor', since.message, 'since');
  const page = await stockChangePage(store, since.position, query.data.limit);
  return json(page, { maxAge: page.hasMore ? 3600 : 10 });
}
