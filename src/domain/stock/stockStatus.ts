import { z } from 'zod';

/** 有货 / 紧张 / 缺货 as reported by the facility. */
export const stockStatus = z.enum(['in_stock', 'low', 'out']);
export type StockStatus = z.infer<typeof stockStatus>;

export const stockReport = z.object({
  facilityId: z.string(),
  drugId: z.string(),
  status: stockStatus,
  quantity: z.number().int().nonnegative().nullable(),
  /** Price in fen (分) per the facility's usual selling unit, so money is never a float. */
  priceFen: z.number().int().nonnegative().nullable(),
  /** Unit the price is for, e.g. "盒(0.2g×24片)" */
  priceUnit: z.string().nullable(),
  /** 剂型 and 规格 of the priced product, when the facility says (kept in the price history, see domain/prices). */
  dosageForm: z.string().optional(),
  strength: z.string().optional(),
  /** ISO 8601 UTC */
  reportedAt: z.iso.datetime(),
});
export type StockReport = z.infer<typeof stockReport>;
