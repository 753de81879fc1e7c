import { z } from 'zod';
import { regionCodeInput } from '../../domain/regions/standardCode.ts';

/**
 * Paging and synchronisation parameters shared by the article APIs (/api/clarifications, /api/notices).
 * A client mirroring the data polls with `updatedSince` set to the `syncedAt` of its previous run and follows
 * `next` until it is null; withdrawals come through as items with status "withdrawn".
 */
export const articleApiQuery = z.object({
  page: z.coerce.number({ message: 'page 须为正整数' }).int().min(1, 'page 须为正整数').max(10_000).default(1),
  pageSize: z.coerce.number({ message: 'pageSize 须为 1–100 的整数' }).int().min(1).max(100, 'pageSize 最大为 100').default(20),
  updatedSince: z.iso.datetime({ offset: true, message: 'updatedSince 须为 ISO 8601 时间，如 2026-03-01T00:00:00+08:00' }).optional(),
  region: regionCodeInput.optional(),
});
export type ArticleApiQuery = z.infer<typeof articleApiQuery>;

export interface ArticlePage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** The next page's URL with the same filters, or null on the last page. */
  next: string | null;
  /** When this answer was computed; pass it as `updatedSince` next time to get only what changed since. */
  syncedAt: string;
}

export function articlePage<T>(items: T[], total: number, query: ArticleApiQuery, requestUrl: URL, now: Date): ArticlePage<T> {
  const hasNext = query.page * query.pageSize < total;
  let next: string | null = null;
  if (hasNext) {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(query.page + 1));
    next = `${url.pathname}${url.search}`;
  }
  return { items, page: query.page, pageSize: query.pageSize, total, next, syncedAt: now.toISOString() };
}
