import { z } from 'zod';
import { facilityIdParam } from '../../../domain/facilities/facilityIdParam.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { facilityResponse } from '../schemas/facilitySchemas.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/facilities/{id}',
  operationId: 'getFacility',
  tag: 'facilities',
  summary: { zh: '机构详情与库存', en: 'One facility and its stock' },
  description: {
    zh: '一家医院或药店：地址、区划代码、统一社会信用代码与执业许可证登记号（登记有的才有）、营业时间、地图链接及其报告的库存。q 在其库存中查找药品。',
    en: 'One hospital or pharmacy: address, division codes, credit code and licence number (where registered), hours, map links and the stock it reports. q searches within its stock.',
  },
  pathParams: z.object({ id: facilityIdParam.meta({ description: '机构编号 / facility id', examples: ['JDZ-H-0001'] }) }),
  pathExample: { id: 'JDZ-H-0001' },
  query: z.object({ q: z.string().max(60).optional().meta({ description: '在该机构库存中搜索 / search within its stock' }) }),
  queryExample: { q: '阿莫西林' },
  responses: { 200: { description: { zh: '机构', en: 'the facility' }, schema: facilityResponse }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'Facility',
};
