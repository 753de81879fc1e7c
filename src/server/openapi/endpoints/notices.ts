import { noticeApiQuery } from '../../notices/noticeApi.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { noticePage } from '../schemas/articleSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/notices',
  operationId: 'listNotices',
  tag: 'articles',
  summary: { zh: '季度通报列表', en: 'Quarterly notices' },
  description: {
    zh: '已发布的季度通报（含已撤回的），可按地区、季度（2026-q3）和 updatedSince 筛选。',
    en: 'Published quarterly notices, withdrawn ones included, by region, quarter (2026-q3) and updatedSince.',
  },
  query: noticeApiQuery,
  queryExample: { region: '360200', quarter: '2026-q3' },
  responses: { 200: { description: { zh: '一页', en: 'one page' }, schema: noticePage }, 400: badParameter },
  rateLimited: true,
  responseName: 'NoticePage',
};
