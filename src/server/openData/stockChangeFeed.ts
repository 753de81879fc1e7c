import { encodeCursor, type StockPosition, stockPosition } from '../../domain/openData/changeCursor.ts';
import { type CellValue, stockTable } from '../../domain/openData/snapshotFields.ts';
import type { Store } from '../store/openStore.ts';
import { type StockChange, stockChangesAfter } from '../store/openDataStore.ts';
import { changeFeedResponse } from './changeFeed.ts';

/** One stock fact as the feed gives it: the snapshot's stock row (same names and types) and its change number. */
function changeItem(change: StockChange): Record<string, CellValue> {
  const item: Record<string, CellValue> = {};
  for (const field of stockTable.fields) item[field.name] = field.value(change);
  item.change_seq = change.changeSeq;
  return item;
}

const start: StockPosition = [0, '', ''];

export function stockCursorAt(position: StockPosition): string {
  return encodeCursor('stock', position);
}

/** GET /api/stock/changes?since=&limit= (docs/api.md, "Change feeds"); the order is explained in docs/decisions/025. */
export function stockChangesResponse(store: Store, url: URL): Promise<Response> {
  return changeFeedResponse(url, 'stock', stockPosition, start, async (since, limit) =>
    (await stockChangesAfter(store, since, limit)).map((c) => ({ position: [c.changeSeq, c.facilityId, c.drugId] as StockPosition, item: changeItem(c) })),
  );
}
