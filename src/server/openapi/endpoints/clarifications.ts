import { clarificationApiQuery } from '../../clarifications/clarificationApi.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { clarificationPage } from '../schemas/articleSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/clarifications',
  operationId: 'listClarifications',
  tag: 'articles',
  summary: { zh: '辟谣澄清列表', en: 'Clarifications' },
  description: {
    zh: '已发布的辟谣澄清（含已撤回的）。用上次的 syncedAt 作为 updatedSince 轮询即可同步；region 接受 360200 或 3602。',
    en: 'Published clarifications, withdrawn ones included. Poll with updatedSince = the previous syncedAt to mirror; region takes 360200 or 3602.',
  },
  query: clarificationApiQuery,
  queryExample: { pageSize: '5', region: '360200' },
  responses: { 200: { description: { zh: '一页', en: 'one page' }, schema: clarificationPage }, 400: badParameter },
  rateLimited: true,
  responseName: 'ClarificationPage',
};
