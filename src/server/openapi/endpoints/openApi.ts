import { z } from 'zod';
import type { ApiEndpoint } from '../apiEndpoint.ts';

export const endpoint: ApiEndpoint = {
  method: 'get',
  path: '/api/openapi.json',
  operationId: 'getOpenApiDocument',
  tag: 'open-data',
  summary: { zh: '本接口说明（OpenAPI 3.1）', en: 'This description (OpenAPI 3.1)' },
  description: { zh: '由各接口校验输入所用的 zod 模式生成。', en: 'Generated from the zod schemas the routes validate with.' },
  responses: {
    200: { description: { zh: 'OpenAPI 文档', en: 'the document' }, schema: z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ version: z.string() }), paths: z.record(z.string(), z.unknown()) }) },
  },
  rateLimited: true,
  responseName: 'OpenApiDocument',
};
