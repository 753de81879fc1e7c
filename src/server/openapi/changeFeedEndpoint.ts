import type { z } from 'zod';
import { changePageQuery } from '../../domain/openData/changeCursor.ts';
import type { ApiEndpoint, Bilingual } from './apiEndpoint.ts';
import { badParameter } from './commonResponses.ts';

const convention: Bilingual = {
  zh: 'since 传上次回答的 next（不要自行构造；不传为从头开始），limit 1–1000，默认 500。hasMore 为 true 时立即再取，false 时已同步到最新。别的接口的游标回答 400 invalid_cursor（field: since）。',
  en: 'since: the previous answer\'s next (opaque; absent = from the start); limit 1–1000, default 500. hasMore true: ask again now; false: up to date. Another feed\'s cursor is 400 invalid_cursor (field since).',
};

/**
 * One change feed (docs/api.md, "Change feeds"): all four share the query (changePageQuery, the schema
 * changeFeed.ts parses with), the page shape and the errors; only the path, the items and their order differ.
 */
export function changeFeedEndpoint(e: { path: string; operationId: string; summary: Bilingual; items: Bilingual; schema: z.ZodType; responseName: string }): ApiEndpoint {
  return {
    method: 'get',
    path: e.path,
    operationId: e.operationId,
    tag: 'open-data',
    summary: e.summary,
    description: { zh: `${e.items.zh}${convention.zh}`, en: `${e.items.en} ${convention.en}` },
    query: changePageQuery,
    queryExample: { limit: '5' },
    responses: {
      200: {
        description: { zh: '一页变更', en: 'one page of changes' },
        schema: e.schema,
        headers: { 'Cache-Control': { zh: 'hasMore 为 true 时 max-age=3600，最后一页 max-age=10', en: 'max-age=3600 when hasMore, 10 on the last page' } },
      },
      400: badParameter,
    },
    rateLimited: true,
    responseName: e.responseName,
  };
}
