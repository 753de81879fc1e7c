import { z } from 'zod';
import { trackingNumber } from '../../../domain/reports/trackingNumber.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { notFound } from '../commonResponses.ts';
import { reportStatusResponse } from '../schemas/reportSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/reports/{trackingNumber}',
  operationId: 'getReportStatus',
  tag: 'reports',
  summary: { zh: '反映办理进度', en: 'Status of a report' },
  description: {
    zh: '凭受理编号和查询码查看进度，不含任何个人信息。编号不存在与查询码错误同为 404；错误过多时 429 too_many_attempts。',
    en: 'The public timeline for a tracking number and its check code; no personal data. Unknown number and wrong code are the same 404; too many wrong codes give 429.',
  },
  pathParams: z.object({ trackingNumber: trackingNumber.meta({ description: '受理编号 / tracking number', examples: ['JDZ-20261203-0001'] }) }),
  pathExample: { trackingNumber: 'JDZ-20261203-0001' },
  query: z.object({ code: z.string().meta({ description: '查询码 / check code' }) }),
  queryExample: { code: 'JM5NC7HW' },
  responses: { 200: { description: { zh: '进度', en: 'the status' }, schema: reportStatusResponse }, 404: notFound },
  rateLimited: false,
  responseName: 'ReportStatus',
};
