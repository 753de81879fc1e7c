import { z } from 'zod';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { clarificationItem } from '../schemas/articleSchemas.ts';

export const articleIdParams = z.object({ id: z.coerce.number().int().positive().meta({ description: '编号 / id', examples: [1] }) });

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/clarifications/{id}',
  operationId: 'getClarification',
  tag: 'articles',
  summary: { zh: '一条辟谣澄清', en: 'One clarification' },
  description: { zh: '按编号取一条已发布（或已撤回）的辟谣澄清。', en: 'One published (or withdrawn) clarification by id.' },
  pathParams: articleIdParams,
  pathExample: { id: '1' },
  responses: { 200: { description: { zh: '辟谣澄清', en: 'the clarification' }, schema: clarificationItem }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'Clarification',
};
