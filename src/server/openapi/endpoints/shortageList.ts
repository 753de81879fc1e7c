import { z } from 'zod';
import { listKeyParam } from '../../../domain/shortages/listMeta.ts';
import { versionQuery } from '../../shortages/listRequest.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { shortageListResponse } from '../schemas/shortageListSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/shortage-lists/{listKey}',
  operationId: 'getShortageList',
  tag: 'shortage-lists',
  summary: { zh: '一份清单及其条目', en: 'One list with its entries' },
  description: { zh: '现行版本（或 ?version= 指定的版本）的全部条目，以及各版本概要。', en: 'The version in force (or ?version=) with its entries, and every version’s headline.' },
  pathParams: z.object({ listKey: listKeyParam.meta({ description: '清单标识 / list key', examples: ['demo-shortage'] }) }),
  pathExample: { listKey: 'demo-shortage' },
  query: versionQuery,
  responses: { 200: { description: { zh: '清单', en: 'the list' }, schema: shortageListResponse }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'ShortageList',
};
