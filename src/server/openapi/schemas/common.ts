import { z } from 'zod';
import { standardRegionCodeOutput } from '../../../domain/regions/standardCode.ts';

/**
 * Pieces every response schema shares. Response schemas are strict (no field beyond those named): the contract
 * test (tests/server/openapi/contract.test.ts) validates live answers against them, so a field added to a route
 * without its schema fails there, and the published document cannot drift from what the routes send.
 */

/** true only when A and B are each assignable to the other: a schema kept equal to a route's type at compile time. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const isoInstant = z.string().meta({ description: 'ISO 8601, UTC / 时间（UTC）', examples: ['2026-11-25T03:12:00.000Z'] });

export const apiErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: '机器可读的错误代码 / machine-readable code', examples: ['invalid_parameter'] }),
      message: z.string().meta({ description: '中文在前、英文在后的说明 / Chinese, then English', examples: ['lat: 纬度和经度需同时提供 / lat and lng go together'] }),
      field: z.string().optional().meta({ description: '出错的参数 / the parameter at fault', examples: ['lat'] }),
    }),
  })
  .meta({ description: '错误 / error' });

/** A region as the article APIs name it: its standard code and its name. */
export const regionRef = z.strictObject({ code: standardRegionCodeOutput, name: z.string() });

/** Paging fields of the article APIs (clarifications, notices). */
export function articlePageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    next: z.string().nullable().meta({ description: '下一页的地址，最后一页为 null / next page, null on the last' }),
    syncedAt: isoInstant.meta({ description: '下次作为 updatedSince 传入 / pass as updatedSince next time' }),
  });
}

/** One page of a change feed (src/server/openData/changeFeed.ts, ChangePage): the same three fields for every feed. */
export function changePageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item).meta({ description: '按变更顺序 / in change order' }),
    next: z.string().meta({ description: '下次作为 since 传入的游标（不要自行构造）/ pass as since next time; opaque', examples: ['WyJzdG9jayIsMTIsIkpEWi1QLTAwMDEiLCJXMDc4Il0'] }),
    hasMore: z.boolean().meta({ description: 'true：立即再取下一页；false：已同步到最新 / true: ask again now; false: up to date' }),
  });
}
