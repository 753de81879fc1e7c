import type { StockStatus } from './stockStatus.ts';

/** The words facilities and citizens already use for stock levels. */
export const stockStatusLabel: Record<StockStatus, string> = {
  in_stock: '有货',
  low: '紧张',
  out: '缺货',
};
