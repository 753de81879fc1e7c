import { z } from 'zod';
import { alertTokenPattern } from '../../alerts/alertToken.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { notFound } from '../commonResponses.ts';

export const endpoint: ApiEndpoint = {
  method: 'delete',
  path: '/api/alerts/{token}',
  operationId: 'unsubscribeFromAlerts',
  tag: 'alerts',
  summary: { zh: '退订到货提醒', en: 'Unsubscribe from alerts' },
  description: {
    zh: '删除订阅及其全部提醒（有邮箱的同时删除邮箱）。令牌未知或已退订时 404。',
    en: 'Erases the subscription and all its items (and its e-mail address). 404 for an unknown or already erased token.',
  },
  pathParams: z.object({ token: z.string().regex(alertTokenPattern).meta({ description: '订阅时得到的私密令牌 / the token POST /api/alerts gave', examples: ['q3JbY0wzV1h4a2NtQlhSUm5mT0pKd2Rs'] }) }),
  responses: { 204: { description: { zh: '已退订', en: 'unsubscribed' } }, 404: notFound },
  rateLimited: false,
  responseName: 'AlertUnsubscribed',
};
