import { z } from 'zod';

/**
 * The one place price-signal thresholds are set. Defaults are stated in docs/prices.md; an operator overrides
 * any of them with PRICE_SIGNAL_THRESHOLDS, a JSON object of the same keys (read by server/config.ts).
 * Shares are percentages; a signal fires AT its threshold, not only above it.
 */
export const priceSignalThresholds = z
  .object({
    /** 涨幅: the unit price rose by at least this share over its lowest in the window. */
    risePct: z.number().positive().default(20),
    riseWindowDays: z.number().int().positive().default(90),
    /** 频次: this many rises (each a change upwards) within the window. */
    riseCount: z.number().int().min(2).default(3),
    frequencyWindowDays: z.number().int().positive().default(180),
    /** 区域差异: a county's median unit price above its city's (or province's) by at least this share. */
    regionalGapPct: z.number().positive().default(30),
    /** A median of fewer facilities says more about the facilities than about the county. */
    regionalMinFacilities: z.number().int().min(1).default(3),
    /** 远高于中选价: a unit price at least this share above the comparable reference (集采中选价 or 挂网价). */
    referenceGapPct: z.number().positive().default(100),
    /** 群众反映聚集: this many price-rise reports on one drug in one county within the window. */
    reportCount: z.number().int().min(1).default(3),
    reportWindowDays: z.number().int().positive().default(7),
  })
  .strict();
export type PriceSignalThresholds = z.infer<typeof priceSignalThresholds>;

export const defaultPriceSignalThresholds: PriceSignalThresholds = priceSignalThresholds.parse({});
