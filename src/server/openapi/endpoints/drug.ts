import { z } from 'zod';
import { drugIdParam } from '../../../domain/drugs/drugIdParam.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { drugDetailResponse } from '../schemas/drugSchemas.ts';

export const drugPathParams = z.object({ id: drugIdParam.meta({ description: '药品品种编号 / drug variety id', examples: ['W078'] }) });

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/drugs/{id}',
  operationId: 'getDrug',
  tag: 'drugs',
  summary: { zh: '药品详情', en: 'One drug variety' },
  description: {
    zh: '国家基本药物目录中的一个品种：剂型规格、别名、拼音、清单与集采标记、集采价格、同类替代品种。',
    en: 'One variety of the essential medicines list: forms and strengths, aliases, pinyin, list and procurement flags, procurement prices, same-class alternatives.',
  },
  pathParams: drugPathParams,
  pathExample: { id: 'W078' },
  responses: { 200: { description: { zh: '药品', en: 'the variety' }, schema: drugDetailResponse }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'DrugDetail',
};
