import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { enforcementItem } from '../schemas/articleSchemas.ts';
import { articleIdParams } from './clarification.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/enforcement/{id}',
  operationId: 'getEnforcementResult',
  tag: 'articles',
  summary: { zh: '一条整治结果', en: 'One enforcement result' },
  description: { zh: '按编号取一条已发布（或已撤回，附原因）的整治结果。', en: 'One published (or withdrawn, with the reason) enforcement result by id.' },
  pathParams: articleIdParams,
  pathExample: { id: '1' },
  responses: { 200: { description: { zh: '整治结果', en: 'the result' }, schema: enforcementItem }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'EnforcementResult',
};
