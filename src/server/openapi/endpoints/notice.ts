import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { noticeItem } from '../schemas/articleSchemas.ts';
import { articleIdParams } from './clarification.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/notices/{id}',
  operationId: 'getNotice',
  tag: 'articles',
  summary: { zh: '一份季度通报', en: 'One quarterly notice' },
  description: { zh: '按编号取一份已发布（或已撤回）的季度通报及其 PDF 附件。', en: 'One published (or withdrawn) notice by id, with its PDF attachments.' },
  pathParams: articleIdParams,
  pathExample: { id: '2' },
  responses: { 200: { description: { zh: '季度通报', en: 'the notice' }, schema: noticeItem }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'Notice',
};
