import type { ApiEndpoint } from '../apiEndpoint.ts';
import { reportChallenge } from '../schemas/reportSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/reports/challenge',
  operationId: 'getReportChallenge',
  tag: 'reports',
  summary: { zh: '群众反映的工作量证明题', en: 'Proof-of-work challenge for a report' },
  description: {
    zh: 'ALTCHA v1 题目，20 分钟内有效；同时设置 report_device Cookie。解出后作为 altcha 随反映提交。',
    en: 'An ALTCHA v1 challenge, valid 20 minutes; also sets the report_device cookie. Send the solution as altcha with the report.',
  },
  responses: { 200: { description: { zh: '题目', en: 'the challenge' }, schema: reportChallenge } },
  rateLimited: false,
  responseName: 'ReportChallenge',
};
