import { z } from 'zod';
import { reportInputDescription } from '../../../domain/reports/reportInput.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { apiErrorBody } from '../schemas/common.ts';
import { reportAcknowledgement } from '../schemas/reportSchemas.ts';

const acknowledged = { description: { zh: '已受理', en: 'accepted' }, schema: reportAcknowledgement };
const refused = { description: { zh: '题目错误、过期或已用过', en: 'challenge wrong, expired or spent' }, schema: apiErrorBody };

export const endpoint: ApiEndpoint = {
  method: 'post',
  path: '/api/reports',
  operationId: 'submitReport',
  tag: 'reports',
  summary: { zh: '提交群众反映', en: 'Submit a citizen report' },
  description: {
    zh: '买不到、价格异常上涨、限购搭售或停业。需 Idempotency-Key 头；同一键同一内容重复提交返回同一受理编号。每个地址和设备每小时有提交上限（429 rate_limited）。',
    en: 'A drug that cannot be bought, a price jump, rationing or a closed seller. Needs Idempotency-Key; a repeat gives the same acknowledgement. Per address and device hourly limits (429 rate_limited).',
  },
  headers: { 'Idempotency-Key': { zh: '16–100 个字符，如 UUID', en: '16–100 characters, e.g. a UUID', example: '0b5e7c1e-6f1c-4d55-9f59-0e3bb1d2f001', required: true } },
  requestBody: {
    schema: reportInputDescription.and(z.object({ altcha: z.string().meta({ description: '解出的 ALTCHA 题目（base64）/ the solved challenge' }) })),
    example: { drugName: '布洛芬', drugId: 'W078', problem: 'unavailable', regionCode: '360203', seenAt: '2026-12-06T01:00:00Z', altcha: 'eyJhbGdvcml0aG0iOi…' },
  },
  responses: { 201: acknowledged, 200: acknowledged, 400: badParameter, 403: refused, 422: { description: { zh: '同一键不同内容', en: 'key reused with another body' }, schema: apiErrorBody } },
  rateLimited: false,
  responseName: 'ReportAcknowledgement',
};
