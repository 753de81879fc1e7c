import { apiChangeLog, apiVersion, dataLicence } from '../../domain/openData/openDataTerms.ts';
import { type ApiEndpoint, both, short } from './apiEndpoint.ts';
import { type JsonSchema, componentSchema, propertySchemas } from './jsonSchemaOf.ts';
import { apiErrorBody } from './schemas/common.ts';

export interface RateLimitFigures {
  perMinute: number;
  perMinuteWithKey: number;
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errorContent = { 'application/json': { schema: errorRef } };

/** Answers any rate-limited endpoint may give beside its own (docs/api.md, "Rate limits" and conventions). */
function sharedResponses(limits: RateLimitFigures) {
  return {
    429: {
      description: `请求过于频繁：每个客户端每分钟 ${limits.perMinute} 次，持 API 密钥 ${limits.perMinuteWithKey} 次 / too many requests: ${limits.perMinute} a minute per client, ${limits.perMinuteWithKey} with an API key`,
      headers: { 'Retry-After': { description: '几秒后可重试 / seconds to wait', schema: { type: 'integer' } } },
      content: errorContent,
    },
    503: {
      description: '暂时不可用（搜索或存储繁忙）/ briefly unavailable',
      headers: { 'Retry-After': { description: '几秒后可重试 / seconds to wait', schema: { type: 'integer' } } },
      content: errorContent,
    },
  };
}

function operation(e: ApiEndpoint, components: Record<string, JsonSchema>, limits: RateLimitFigures) {
  const parameters: unknown[] = [];
  if (e.pathParams) {
    for (const p of propertySchemas(e.pathParams, components)) {
      const { examples, description, ...schema } = p.schema as JsonSchema & { examples?: unknown[]; description?: string };
      parameters.push({ name: p.name, in: 'path', required: true, description, schema, example: e.pathExample?.[p.name] ?? examples?.[0] });
    }
  }
  if (e.query) {
    for (const p of propertySchemas(e.query, components)) {
      const { description, ...schema } = p.schema as JsonSchema & { description?: string };
      const example = e.queryExample?.[p.name];
      parameters.push({ name: p.name, in: 'query', required: p.required, description, schema, ...(example !== undefined ? { example } : {}) });
    }
  }
  for (const [name, h] of Object.entries(e.headers ?? {})) {
    parameters.push({ name, in: 'header', required: h.required ?? false, description: short(h), schema: { type: 'string' }, example: h.example });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(e.responses)) {
    const name = Number(status) < 300 ? e.responseName : undefined;
    let schema: JsonSchema | undefined;
    if (r.schema === apiErrorBody) schema = errorRef;
    else if (r.schema && name) {
      components[name] = componentSchema(r.schema, 'output', components, name);
      schema = { $ref: `#/components/schemas/${name}` };
    } else if (r.schema) schema = componentSchema(r.schema, 'output', components);
    responses[status] = {
      description: short(r.description),
      ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: short(d), schema: { type: 'string' } }])) } : {}),
      ...(schema ? { content: { [r.contentType ?? 'application/json']: { schema } } } : {}),
    };
  }
  if (e.rateLimited) Object.assign(responses, sharedResponses(limits));
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: short(e.summary),
    description: both(e.description),
    ...(parameters.length ? { parameters } : {}),
    ...(e.requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: componentSchema(e.requestBody.schema, 'input', components), example: e.requestBody.example } } } }
      : {}),
    responses,
    ...(e.security === 'intakeToken' ? { security: [{ intakeToken: [] }] } : e.rateLimited ? { security: [{}, { apiKey: [] }, { bearerApiKey: [] }] } : {}),
  };
}

/** The OpenAPI 3.1 document of the given endpoints, served at /api/openapi.json. */
export function openApiDocument(endpoints: readonly ApiEndpoint[], origin: string, limits: RateLimitFigures) {
  const components: Record<string, JsonSchema> = { Error: componentSchema(apiErrorBody, 'output', {}) };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of [...endpoints].sort((a, b) => a.path.localeCompare(b.path))) {
    paths[e.path] ??= {};
    (paths[e.path] as Record<string, unknown>)[e.method] = operation(e, components, limits);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '药品供应信息公开平台 开放数据接口 / Drug availability portal open data API',
      version: apiVersion,
      description: [
        '短缺药品保供稳价：哪里有药、库存报告、短缺清单、辟谣澄清、季度通报、整治结果、到货提醒与增量同步的公开接口。说明与下载见 /open-data。',
        'Public API of the drug availability portal: where drugs are in stock, shortage lists, clarifications, notices, enforcement results, alerts and change feeds. Human documentation and downloads: /open-data.',
        `署名 / attribution: ${dataLicence.attribution}`,
        `更新记录 / change log: ${apiChangeLog.map((c) => `${c.version} (${c.date})`).join(', ')}`,
      ].join('\n\n'),
      license: { name: dataLicence.name, url: dataLicence.url },
    },
    servers: [{ url: origin }],
    tags: [
      { name: 'drugs', description: '药品 / drugs' },
      { name: 'facilities', description: '医疗机构与药店 / facilities' },
      { name: 'regions', description: '行政区划 / administrative divisions' },
      { name: 'articles', description: '辟谣澄清、季度通报与整治结果 / clarifications, notices and enforcement results' },
      { name: 'shortage-lists', description: '短缺药品清单 / shortage lists' },
      { name: 'reports', description: '群众反映 / citizen reports' },
      { name: 'alerts', description: '到货提醒（无需账号）/ back-in-stock alerts, no account' },
      { name: 'intake', description: '监测系统对接（需令牌）/ monitoring intake (token)' },
      { name: 'open-data', description: '开放数据 / open data' },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        intakeToken: { type: 'http', scheme: 'bearer', description: '监测系统接入令牌 itk_… / monitoring system token' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: '可选的免费密钥，提高限额 / optional free key for higher limits' },
        bearerApiKey: { type: 'http', scheme: 'bearer', description: '同一密钥，也可放在 Authorization: Bearer / the same key as a bearer token' },
      },
    },
  };
}
