import { shortageListIndexQuery } from '../../shortages/listApiQuery.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { shortageListIndex } from '../schemas/shortageListSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/shortage-lists',
  operationId: 'listShortageLists',
  tag: 'shortage-lists',
  summary: { zh: '短缺药品清单', en: 'Shortage lists' },
  description: {
    zh: '各级短缺药品清单和重点监测清单的最新版本，附 CSV/JSON 下载地址。示例清单标注「示例」。',
    en: 'Shortage and monitoring lists, newest version each, with CSV/JSON download links. Demo lists say 示例.',
  },
  query: shortageListIndexQuery,
  queryExample: { region: '360000' },
  responses: { 200: { description: { zh: '清单', en: 'lists' }, schema: shortageListIndex }, 400: badParameter },
  rateLimited: true,
  responseName: 'ShortageListIndex',
};
