import { randomUUID } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { solveAltcha } from '../../../scripts/support/altchaSolver.ts';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import { approveClarification, createClarification, submitClarification } from '../../../src/server/clarifications/clarificationActions.ts';
import { openApiDocument } from '../../../src/server/openapi/openApiDocument.ts';
import { publishedEndpoints } from '../../../src/server/openapi/publishedEndpoints.ts';
import { type Portal, providePortal } from '../../../src/server/portal.ts';
import { newReportChallenge } from '../../../src/server/reports/reportChallenge.ts';
import { reportKeys } from '../../../src/server/reports/reportKeys.ts';
import { issueIntakeToken } from '../../../src/server/reports/intakeExport.ts';
import { apiRoutes } from '../../../src/server/http/routeTable.ts';
import { clarificationInput } from '../clarifications/clarificationFixtures.ts';
import { noticeInput } from '../notices/noticeFixtures.ts';
import { approveNotice, createNotice, submitNotice } from '../../../src/server/notices/noticeActions.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openTestPortal } from '../../support/testPortal.ts';

type Doc = ReturnType<typeof openApiDocument>;
type Operation = { parameters?: { name: string; in: string; example?: unknown }[]; responses: Record<string, { content?: Record<string, { schema: object }> }>; requestBody?: { content: Record<string, { example: Record<string, unknown> }> } };

const routeModules = import.meta.glob<Record<string, (context: APIContext) => Promise<Response>>>('../../../src/pages/api/**/*.ts');
const limits = { perMinute: 300, perMinuteWithKey: 3000 };

let portal: Portal & { dir: string };
let doc: Doc;
/** What the demo data lacks and the examples need: articles to fetch, a report and a token to read them with. */
const fixture: { clarification: number; notice: number; enforcement: number; tracking: string; code: string; token: string; alertToken: string } = {
  clarification: 0,
  notice: 0,
  enforcement: 0,
  tracking: '',
  code: '',
  token: '',
  alertToken: '',
};

beforeAll(async () => {
  portal = await openTestPortal({ demo: true });
  await prepareStore(portal, () => {});
  providePortal(portal);
  doc = openApiDocument(publishedEndpoints, 'http://127.0.0.1:4321', limits);
  await seedAccount(portal.store, 'pub.city', '3602', ['publisher']);
  await seedAccount(portal.store, 'rev.city', '3602', ['reviewer']);
  const [publisher, reviewer] = [await signedIn(portal.store, 'pub.city'), await signedIn(portal.store, 'rev.city')];
  const c = await createClarification(portal, publisher, clarificationInput());
  fixture.clarification = (await approveClarification(portal, reviewer, c.id, (await submitClarification(portal, publisher, c.id)).revision, null)).id;
  const n = await createNotice(portal, publisher, noticeInput());
  fixture.notice = (await approveNotice(portal, reviewer, n.id, (await submitNotice(portal, publisher, n.id)).revision, null)).id;
  fixture.token = (await issueIntakeToken(portal.store, '监测系统', false, null)).token;
  // The demo's 示例 results: their ids depend on what was stored before them, so the list says which they are.
  fixture.enforcement = (await (await send('/api/enforcement', 'get', {}, {})).json()).items[0].id;
});

afterAll(async () => portal?.close());

/** The route module for an OpenAPI path, found through the route table: /api/drugs/{id} → src/pages/api/drugs/[id].ts. */
async function routeOf(path: string) {
  const pattern = path.replace(/\{(\w+)\}/g, '[$1]');
  expect(apiRoutes.map((r) => r.pattern), `${path} is in the route table`).toContain(pattern);
  const file = routeModules[`../../../src/pages${pattern}.ts`] ?? routeModules[`../../../src/pages${pattern}/index.ts`];
  if (!file) throw new Error(`no route file for ${path}`);
  return file();
}

function contextFor(path: string, method: string, params: Record<string, string>, query: Record<string, string>, headers: Record<string, string>, body?: string): APIContext {
  const url = new URL(path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')), 'http://127.0.0.1:4321');
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const request = new Request(url, { method: method.toUpperCase(), headers: { 'content-type': 'application/json', ...headers }, body });
  return { params, url, request, cookies: { get: () => undefined, set: () => undefined }, clientAddress: '192.0.2.50' } as unknown as APIContext;
}

/** One request to a route's handler for `method`, straight from its module (no rate limit, no edge). */
async function send(path: string, method: string, params: Record<string, string>, query: Record<string, string>, body?: string): Promise<Response> {
  const handler = (await routeOf(path))[method.toUpperCase()];
  if (!handler) throw new Error(`${path} exports no ${method}`);
  return handler(contextFor(path, method, params, query, {}, body));
}

/** Example values from the document, with the few the demo data cannot supply put in by the set-up above. */
function exampleValues(path: string, operation: Operation) {
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of operation.parameters ?? []) {
    if (p.example === undefined) continue;
    const target = p.in === 'path' ? params : p.in === 'query' ? query : headers;
    target[p.name] = String(p.example);
  }
  if (path === '/api/clarifications/{id}') params.id = String(fixture.clarification);
  if (path === '/api/notices/{id}') params.id = String(fixture.notice);
  if (path === '/api/enforcement/{id}') params.id = String(fixture.enforcement);
  if (path === '/api/alerts/{token}') params.token = fixture.alertToken;
  if (path === '/api/reports/{trackingNumber}') {
    params.trackingNumber = fixture.tracking;
    query.code = fixture.code;
  }
  if (path === '/api/intake/reports') headers.authorization = `Bearer ${fixture.token}`;
  if (headers['Idempotency-Key']) headers['Idempotency-Key'] = randomUUID();
  return { params, query, headers };
}

function validatorFor(schema: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'http://openapi.local/doc.json', components: doc.components });
  return ajv.compile({ $id: 'http://openapi.local/response.json', ...JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"http://openapi.local/doc.json#/components/')) });
}

async function call(path: string, method: string, operation: Operation) {
  const { params, query, headers } = exampleValues(path, operation);
  let body: string | undefined;
  if (operation.requestBody) {
    const example: Record<string, unknown> = { ...operation.requestBody.content['application/json']?.example };
    if (path === '/api/reports') {
      example.seenAt = new Date(Date.now() - 3_600_000).toISOString();
      example.altcha = await solveAltcha(await newReportChallenge(reportKeys(portal.dir).challengeKey, 1000));
    }
    body = JSON.stringify(example);
  }
  const handler = (await routeOf(path))[method.toUpperCase()];
  if (!handler) throw new Error(`${path} exports no ${method}`);
  return handler(contextFor(path, method, params, query, headers, body));
}

describe('the OpenAPI document', () => {
  test('passes the OpenAPI 3.1 validator', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : JSON.stringify(result.errors)).toBe(true);
  });

  test('names the error shape once, as a component every error answer refers to', () => {
    const error = doc.components.schemas.Error as { properties?: Record<string, unknown>; $ref?: string };
    expect(error.$ref).toBeUndefined();
    expect(Object.keys(error.properties ?? {})).toEqual(['error']);
  });

  test('describes every public route of the route table, and nothing that is not a route', () => {
    const documented = Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, '[$1]')).sort();
    expect(documented).toEqual(apiRoutes.map((r) => r.pattern).sort());
  });

  test('gives every parameter an example and every operation a Chinese and an English summary', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item) as (Operation & { summary: string })[]) {
        expect(op.summary, path).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
        for (const p of op.parameters ?? []) if (p.in === 'path') expect(p.example, `${path} ${p.name}`).toBeDefined();
      }
    }
  });
});

describe('every documented path answers as documented', () => {
  // POST /api/reports and /api/alerts first: the status path needs the report, the unsubscribe the token.
  const order = (p: string) => (p === '/api/reports' || p === '/api/alerts' ? 0 : p === '/api/alerts/{token}' ? 2 : 1);
  test('with its example parameters, on the demo data', async () => {
    const checked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths).sort(([a], [b]) => order(a) - order(b))) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        const response = await call(path, method, operation);
        const status = String(response.status);
        expect(Number(status), `${method} ${path}: ${status} ${await response.clone().text()}`).toBeLessThan(300);
        expect(operation.responses[status], `${method} ${path} documents a ${status}`).toBeDefined();
        if (status === '204') {
          expect(operation.responses[status]?.content, `${method} ${path}: a 204 has no body`).toBeUndefined();
          expect(await response.text()).toBe('');
          checked.push(`${method} ${path}`);
          continue;
        }
        const schema = operation.responses[status]?.content?.['application/json']?.schema;
        expect(schema, `${method} ${path} documents a JSON ${status}`).toBeDefined();
        const body = await response.json();
        const valid = validatorFor(schema as object);
        expect(valid(body), `${method} ${path}: ${JSON.stringify(valid.errors?.slice(0, 3))}`).toBe(true);
        if (path === '/api/reports') Object.assign(fixture, { tracking: body.trackingNumber, code: body.checkCode });
        if (path === '/api/alerts') fixture.alertToken = body.token;
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBe(apiRoutes.length);
  });

  test('a field the schema does not name, or a missing required one, fails validation', async () => {
    const operation = doc.paths['/api/drugs/{id}']?.get as unknown as Operation;
    const valid = validatorFor(operation.responses['200']?.content?.['application/json']?.schema as object);
    const body = await (await call('/api/drugs/{id}', 'get', operation)).json();
    expect(valid(body)).toBe(true);
    expect(valid({ ...body, undocumented: 1 })).toBe(false);
    const { substitutes: _missing, ...withoutRequired } = body;
    expect(valid(withoutRequired)).toBe(false);
  });

  test.each([
    ['/api/drugs/{id}/availability', { id: 'W078' }, { region: '3' }, 'region'],
    ['/api/shortage-lists', {}, { region: '36020' }, 'region'],
    ['/api/intake/reports', {}, { format: 'xml' }, 'format'],
    ['/api/intake/reports', {}, { updatedSince: 'yesterday' }, 'updatedSince'],
    ['/api/stock/changes', {}, { limit: '2000' }, 'limit'],
    ['/api/enforcement', {}, { action: 'fine' }, 'action'],
    ['/api/enforcement/{id}', { id: '0' }, {}, 'id'],
  ])('%s with a bad parameter answers 400 in the documented error shape, naming the field', async (path, params, query, field) => {
    const operation = doc.paths[path as keyof Doc['paths']]?.get as unknown as Operation;
    const headers: Record<string, string> = path === '/api/intake/reports' ? { authorization: `Bearer ${fixture.token}` } : {};
    const response = await (await routeOf(path)).GET?.(contextFor(path, 'get', params, query, headers));
    expect(response?.status).toBe(400);
    const body = await response?.json();
    const valid = validatorFor(operation.responses['400']?.content?.['application/json']?.schema as object);
    expect(valid(body), JSON.stringify(valid.errors)).toBe(true);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', field });
    expect(body.error.message).toMatch(new RegExp(`^${field}: .*[\u4e00-\u9fff]`));
  });

  test('a change feed refuses a cursor it did not hand out, naming since', async () => {
    const stockCursor = (await (await send('/api/stock/changes', 'get', {}, { limit: '1' })).json()).next;
    const response = await send('/api/notices/changes', 'get', {}, { since: stockCursor });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_cursor', field: 'since' });
  });

  test('POST /api/alerts without an area answers 400 in the documented error shape, the message starting with the field', async () => {
    const operation = doc.paths['/api/alerts']?.post as unknown as Operation;
    const response = await send('/api/alerts', 'post', {}, {}, JSON.stringify({ drugId: 'W296' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    const valid = validatorFor(operation.responses['400']?.content?.['application/json']?.schema as object);
    expect(valid(body)).toBe(true);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', field: 'region' });
    expect(body.error.message).toMatch(/^region: .*[\u4e00-\u9fff]/);
  });

  test('GET /api/enforcement/{id} of another kind of article answers 404, as documented', async () => {
    const response = await send('/api/enforcement/{id}', 'get', { id: String(fixture.clarification) }, {});
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  test('DELETE /api/alerts/{token} of an unknown token answers the documented 404', async () => {
    const path = '/api/alerts/{token}';
    const operation = doc.paths[path]?.delete as unknown as Operation;
    const response = await send(path, 'delete', { token: 'A'.repeat(32) }, {});
    expect(response.status).toBe(404);
    const valid = validatorFor(operation.responses['404']?.content?.['application/json']?.schema as object);
    expect(valid(await response.json())).toBe(true);
  });

  test.each(['/api/stock/changes', '/api/clarifications/changes', '/api/notices/changes', '/api/shortage-lists/changes'])(
    '%s: its items, once settled, are in the documented shape and its cursor moves on',
    async (path) => {
      // Article and list feeds hold back the last 10 seconds of writes; a minute on, the set-up's are served.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
      try {
        const operation = doc.paths[path as keyof Doc['paths']]?.get as unknown as Operation;
        const valid = validatorFor(operation.responses['200']?.content?.['application/json']?.schema as object);
        const page = await (await send(path, 'get', {}, { limit: '1' })).json();
        expect(valid(page), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);
        expect(page.items).toHaveLength(1);
        const second = await (await send(path, 'get', {}, { since: page.next, limit: '1' })).json();
        expect(valid(second)).toBe(true);
        expect(second.items[0] ?? null).not.toEqual(page.items[0]);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  test('region codes come out in the national standard form', async () => {
    const regions = await (await call('/api/regions', 'get', doc.paths['/api/regions']?.get as unknown as Operation)).json();
    expect(regions.regions[0].code).toBe('360000');
    expect(regions.regions[0].children[0].code).toBe('360200');
  });
});
