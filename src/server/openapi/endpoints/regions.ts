import type { ApiEndpoint } from '../apiEndpoint.ts';
import { regionsResponse } from '../schemas/regionSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/regions',
  operationId: 'listRegions',
  tag: 'regions',
  summary: { zh: '行政区划', en: 'Administrative divisions' },
  description: {
    zh: '本平台覆盖的省—市—县—乡镇街道树。代码为国家标准六位（360000 省、360200 市、360203 县区），乡镇街道为九位统计用区划代码（360203001）。',
    en: 'The province → city → county → township tree covered. Codes are the six-digit national standard (360000, 360200, 360203); townships the nine-digit statistical code (360203001).',
  },
  responses: { 200: { description: { zh: '区划树', en: 'the tree' }, schema: regionsResponse } },
  rateLimited: true,
  responseName: 'Regions',
};
