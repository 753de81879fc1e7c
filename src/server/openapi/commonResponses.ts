import type { EndpointResponse } from './apiEndpoint.ts';
import { apiErrorBody } from './schemas/common.ts';

export const badParameter: EndpointResponse = { description: { zh: '参数不正确（field 指明哪一个）', en: 'a bad parameter, named in field' }, schema: apiErrorBody };
export const notFound: EndpointResponse = { description: { zh: '没有这一项', en: 'no such item' }, schema: apiErrorBody };
