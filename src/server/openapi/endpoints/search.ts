import { searchRequest } from '../../../domain/search/searchQuery.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { searchResponse } from '../schemas/drugSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/search',
  operationId: 'searchDrugs',
  tag: 'drugs',
  summary: { zh: '药品搜索', en: 'Search drug varieties' },
  description: {
    zh: '按通用名或其中一部分、包装上的名称、商品名、拼音、首字母、英文名或用途（退烧药）查找药品品种，最相关的在前；错别字也能找到。',
    en: 'Drug varieties for a query typed by a person: generic name or part of it, the name on the box, brand, pinyin, initials, English name or a need; best first, typos tolerated.',
  },
  query: searchRequest,
  queryExample: { q: '布洛芬', limit: '5' },
  responses: { 200: { description: { zh: '匹配的药品', en: 'matching varieties' }, schema: searchResponse }, 400: badParameter },
  rateLimited: true,
  responseName: 'SearchResponse',
};
