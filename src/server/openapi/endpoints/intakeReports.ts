import { intakeReportsQuery } from '../../reports/intakeExportApi.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { apiErrorBody } from '../schemas/common.ts';
import { intakeReportsResponse } from '../schemas/reportSchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/intake/reports',
  operationId: 'exportIntakeReports',
  tag: 'intake',
  summary: { zh: '监测系统拉取群众反映', en: 'Reports for monitoring systems' },
  description: {
    zh: '仅供卫健部门的监测系统使用，需管理员签发的接入令牌。按变更时间从早到晚，每页 500 条，nextCursor 续页；format=csv 为 Excel 可读的 CSV。',
    en: 'For the authority’s monitoring systems only, with a token an admin issued. Oldest change first, 500 a page, continue with nextCursor; format=csv for Excel-ready CSV.',
  },
  query: intakeReportsQuery,
  queryExample: { updatedSince: '2026-12-01T00:00:00Z' },
  responses: {
    200: { description: { zh: '一页反映', en: 'one page of reports' }, schema: intakeReportsResponse },
    400: badParameter,
    401: { description: { zh: '缺少或无效的令牌', en: 'missing or bad token' }, schema: apiErrorBody, headers: { 'WWW-Authenticate': { zh: 'Bearer', en: 'Bearer' } } },
  },
  security: 'intakeToken',
  rateLimited: false,
  responseName: 'IntakeReports',
};
