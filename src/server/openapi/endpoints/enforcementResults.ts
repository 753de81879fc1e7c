import { enforcementApiQuery } from '../../enforcement/enforcementApi.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { enforcementPage } from '../schemas/articleSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/enforcement',
  operationId: 'listEnforcementResults',
  tag: 'articles',
  summary: { zh: '整治结果列表', en: 'Enforcement results' },
  description: {
    zh: '卫生健康部门对药品价格问题的查处结果（含已撤回的）。action 按措施筛选；用上次的 syncedAt 作为 updatedSince 轮询即可同步；region 接受 360200 或 3602。示例数据标注 isDemo。',
    en: 'What the health authority found about drug prices and did, withdrawn results included. action filters by measure; poll with updatedSince = the previous syncedAt; region takes 360200 or 3602. Demo results have isDemo.',
  },
  query: enforcementApiQuery,
  queryExample: { pageSize: '5', region: '360200' },
  responses: { 200: { description: { zh: '一页', en: 'one page' }, schema: enforcementPage }, 400: badParameter },
  rateLimited: true,
  responseName: 'EnforcementPage',
};
