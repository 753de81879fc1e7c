import { availabilityQuery } from '../../../domain/stock/availabilityQuery.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter, notFound } from '../commonResponses.ts';
import { availabilityResponse } from '../schemas/facilitySchemas.ts';
import { drugPathParams } from './drug.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/drugs/{id}/availability',
  operationId: 'getDrugAvailability',
  tag: 'drugs',
  summary: { zh: '哪里有货', en: 'Where a drug is in stock' },
  description: {
    zh: '报告有这个药的医院和药店：库存状态、报告时间与来源、价格、距离（给出 lat/lng 时）、营业情况。region 接受国家标准代码（360203、360200）或简写（3602）。',
    en: 'Hospitals and pharmacies reporting the drug: status, report time and source, price, distance (with lat/lng), opening. region takes a standard code (360203, 360200) or a short prefix (3602).',
  },
  pathParams: drugPathParams,
  pathExample: { id: 'W078' },
  query: availabilityQuery,
  queryExample: { region: '360200', limit: '5' },
  responses: { 200: { description: { zh: '有货的机构', en: 'facilities' }, schema: availabilityResponse }, 400: badParameter, 404: notFound },
  rateLimited: true,
  responseName: 'Availability',
};
