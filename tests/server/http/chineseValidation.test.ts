import type { APIContext } from 'astro';
import { describe, expect, test } from 'vitest';
import { GET as clarifications } from '../../../src/pages/api/clarifications/index.ts';
import { GET as availability } from '../../../src/pages/api/drugs/[id]/availability.ts';
import { GET as notices } from '../../../src/pages/api/notices/index.ts';
import { GET as search } from '../../../src/pages/api/search.ts';
import { GET as shortageList } from '../../../src/pages/api/shortage-lists/[listKey].ts';
import { GET as shortageLists } from '../../../src/pages/api/shortage-lists/index.ts';

type Route = (context: APIContext) => Response | Promise<Response>;
const call = (route: Route, path: string, params: Record<string, string> = {}) =>
  route({ url: new URL(`http://127.0.0.1:4321${path}`), params } as unknown as APIContext);
const han = /[\u4e00-\u9fff]/;

// Every bad parameter is refused before the store or the search index is asked, so no portal is needed here.
const cases: [string, Route, string, string, Record<string, string>?][] = [
  ['search without q', search, '/api/search', 'q'],
  ['search with a huge limit', search, '/api/search?q=布洛芬&limit=99999', 'limit'],
  ['search with a text limit', search, '/api/search?q=布洛芬&limit=abc', 'limit'],
  ['availability with a text lat', availability, '/api/drugs/W078/availability?lat=north&lng=117', 'lat', { id: 'W078' }],
  ['availability with an unknown type', availability, '/api/drugs/W078/availability?type=clinic', 'type', { id: 'W078' }],
  ['shortage lists page 0', shortageLists, '/api/shortage-lists?page=0', 'page'],
  ['shortage lists pageSize 1000', shortageLists, '/api/shortage-lists?pageSize=1000', 'pageSize'],
  ['a list version -1', shortageList, '/api/shortage-lists/demo-36-shortage?version=-1', 'version', { listKey: 'demo-36-shortage' }],
  ['a list version x', shortageList, '/api/shortage-lists/demo-36-shortage?version=x', 'version', { listKey: 'demo-36-shortage' }],
  ['clarifications page x', clarifications, '/api/clarifications?page=x', 'page'],
  ['clarifications with an unknown verdict', clarifications, '/api/clarifications?verdict=maybe', 'verdict'],
  ['notices pageSize 0', notices, '/api/notices?pageSize=0', 'pageSize'],
  ['notices with a bad quarter', notices, '/api/notices?quarter=2026-Q9', 'quarter'],
];

describe('bad API parameters are answered in Chinese, naming the field', () => {
  test.each(cases)('%s', async (_name, route, path, field, params) => {
    const response = await call(route, path, params);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
    expect(body.error).toMatchObject({ code: 'invalid_parameter', field });
    expect(body.error.message).toMatch(han);
    expect(body.error.message).toContain(field);
  });
});
