import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { APIContext } from 'astro';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { GET as facilityApi } from '../../../src/pages/api/facilities/[id].ts';
import { GET as downloadFile } from '../../../src/pages/open-data/downloads/[region]/[file].ts';
import { GET as downloadIndex } from '../../../src/pages/open-data/downloads/index.json.ts';
import { facilityTable, stockTable } from '../../../src/domain/openData/snapshotFields.ts';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import { writeSettleMs } from '../../../src/server/openData/changeFeed.ts';
import { openDataRoot } from '../../../src/server/openData/openDataRoot.ts';
import { buildSnapshots } from '../../../src/server/openData/snapshotBuild.ts';
import type { PublishedSnapshotIndex } from '../../../src/server/openData/snapshotDirectory.ts';
import { type Portal, providePortal } from '../../../src/server/portal.ts';
import { saveStockReports } from '../../../src/server/store/stockStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { startEdge } from '../http/edgeTestServer.ts';

let portal: Portal;
let root: string;

beforeAll(async () => {
  portal = await openTestPortal({ demo: true });
  await prepareStore(portal, () => {});
  providePortal(portal);
  root = openDataRoot(portal.config);
  await buildSnapshots(portal.store, root, { pageSize: 5000 });
});

afterAll(async () => {
  await portal?.close();
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  const url = new URL(path, 'http://portal.local');
  const request = new Request(url, { method, headers });
  if (path.endsWith('/index.json')) return Promise.resolve(downloadIndex({ request, url } as unknown as APIContext));
  const [, region, file] = /^\/open-data\/downloads\/([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
  return Promise.resolve(downloadFile({ request, url, params: { region, file } } as unknown as APIContext));
}

async function index(): Promise<PublishedSnapshotIndex> {
  return (await get('/open-data/downloads/index.json')).json();
}

async function gunzipped(path: string): Promise<string> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
}

const csvRecords = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];
const ndjsonRecords = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('bulk snapshots', () => {
  test('the index lists a province and its city, each a data package of six files with their checksums', async () => {
    const listed = await index();
    expect(listed.regions.map((r) => [r.code, r.level, r.name])).toEqual([['360000', 'province', '江西省'], ['360200', 'city', '景德镇市']]);
    const city = listed.regions[1];
    expect(city?.files.map((f) => f.name)).toEqual([
      'facilities.csv.gz', 'facilities.ndjson.gz', 'catalogue.csv.gz', 'catalogue.ndjson.gz', 'stock.csv.gz', 'stock.ndjson.gz', 'datapackage.json', 'SHA256SUMS',
    ]);
    const sums = await (await get('/open-data/downloads/360200/SHA256SUMS')).text();
    for (const file of city?.files.slice(0, -1) ?? []) {
      const bytes = Buffer.from(await (await get(file.url)).arrayBuffer());
      expect(bytes.length).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(sums).toContain(`${file.sha256}  ${file.name}\n`);
    }
    const descriptor = await (await get('/open-data/downloads/360200/datapackage.json')).json();
    const stockCsv = descriptor.resources.find((r: { name: string }) => r.name === 'stock-csv');
    expect(stockCsv.schema.fields.map((f: { name: string }) => f.name)).toEqual(stockTable.fields.map((f) => f.name));
    expect(stockCsv.hash).toBe(`sha256:${city?.files[4]?.sha256}`);
    expect(descriptor.stockCursor).toBe(listed.stockCursor);
  });

  test('parsed back, the snapshot says what the API says for a sample of facilities', async () => {
    const facilities = csvRecords(await gunzipped('/open-data/downloads/360000/facilities.csv.gz'));
    const stockText = await gunzipped('/open-data/downloads/360000/stock.csv.gz');
    expect(stockText.startsWith('\uFEFFfacility_id,drug_id,status,')).toBe(true);
    const stock = csvRecords(stockText);
    expect(ndjsonRecords(await gunzipped('/open-data/downloads/360000/stock.ndjson.gz'))).toHaveLength(stock.length);
    expect(Object.keys(facilities[0] ?? {})).toEqual(facilityTable.fields.map((f) => f.name));
    expect((await index()).stockRows).toBe(stock.length);

    const step = Math.floor(facilities.length / 6);
    for (const row of [0, 1, 2, 3, 4, 5].map((i) => facilities[i * step])) {
      if (!row) throw new Error('sample out of range');
      const url = new URL(`/api/facilities/${row.id}`, 'http://portal.local');
      const api = await (await facilityApi({ params: { id: row.id }, url } as unknown as APIContext)).json();
      expect([row.name, row.address, row.type, row.county_code, Number(row.lat), Number(row.lng), row.insurance_designated])
        .toEqual([api.name, api.address, api.type, api.countyCode, api.lat, api.lng, String(api.insuranceDesignated)]);
      const mine = new Map(stock.filter((s) => s.facility_id === row.id).map((s) => [s.drug_id, s]));
      expect(mine.size).toBe(api.stockTotal);
      for (const fact of api.stock as { drugId: string; status: string; reportedAt: string; price?: number; priceUnit?: string }[]) {
        const s = mine.get(fact.drugId);
        expect([s?.status, s?.reported_at, s?.price_fen === '' ? undefined : Number(s?.price_fen) / 100], fact.drugId).toEqual([fact.status, fact.reportedAt, fact.price]);
        if (fact.priceUnit) expect(s?.price_unit).toBe(fact.priceUnit);
      }
    }
  });

  test('downloads carry ETag and Last-Modified, a CDN-fit Cache-Control, and answer 304 to a client that has them', async () => {
    const first = await get('/open-data/downloads/360200/stock.csv.gz');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(first.headers.get('content-type')).toBe('application/gzip');
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="360200-stock.csv.gz"');
    await first.arrayBuffer();
    const again = await get('/open-data/downloads/360200/stock.csv.gz', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const since = await get('/open-data/downloads/360200/stock.csv.gz', { 'if-modified-since': first.headers.get('last-modified') ?? '' });
    expect(since.status).toBe(304);
    const stale = await get('/open-data/downloads/360200/stock.csv.gz', { 'if-none-match': '"0000"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    const head = await get('/open-data/downloads/360200/stock.csv.gz', {}, 'HEAD');
    expect([head.status, head.headers.get('content-length'), head.body]).toEqual([200, first.headers.get('content-length'), null]);
    const indexAgain = await get('/open-data/downloads/index.json', { 'if-none-match': (await get('/open-data/downloads/index.json')).headers.get('etag') ?? '' });
    expect(indexAgain.status).toBe(304);
  });

  test('answers unknown files 404 in the API error shape, never a path outside the build', async () => {
    for (const path of ['/open-data/downloads/360200/secrets.csv.gz', '/open-data/downloads/999900/stock.csv.gz', '/open-data/downloads/..%2F..%2FCURRENT/x']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });

  test('a build that fails halfway is never served: clients get the previous build throughout, and its files are removed', async () => {
    const before = await index();
    const seenDuring: string[] = [];
    const facilityId = csvRecords(await gunzipped('/open-data/downloads/360200/facilities.csv.gz'))[0]?.id ?? '';
    const report = { facilityId, drugId: 'W078', status: 'out' as const, quantity: 0, priceFen: null, priceUnit: null, reportedAt: new Date().toISOString() };
    expect(await saveStockReports(portal.store, [report], 'test')).toBe(1);
    await expect(
      buildSnapshots(portal.store, root, {
        pageSize: 5000,
        afterStockPage: async (rows) => {
          seenDuring.push((await index()).buildId);
          const file = await get('/open-data/downloads/360200/stock.csv.gz');
          seenDuring.push(file.headers.get('etag') ?? '');
          await file.arrayBuffer();
          if (rows >= 10_000) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    const stockFile = before.regions[1]?.files.find((f) => f.name === 'stock.csv.gz');
    expect(new Set(seenDuring)).toEqual(new Set([before.buildId, `"${stockFile?.sha256.slice(0, 32)}"`]));
    expect((await index()).buildId).toBe(before.buildId);
    expect(readdirSync(join(root, 'builds')).filter((n) => n.startsWith('.tmp-'))).toEqual([]);

    const rebuilt = await buildSnapshots(portal.store, root, { pageSize: 5000 });
    const after = await index();
    expect(after.buildId).toBe(rebuilt.buildId);
    expect(after.stockSequence).toBeGreaterThan(before.stockSequence);
    // The previous build stays for downloads already under way.
    expect(existsSync(join(root, 'builds', before.buildId))).toBe(true);
    const stock = csvRecords(await gunzipped('/open-data/downloads/360200/stock.csv.gz'));
    expect(stock.find((s) => s.facility_id === facilityId && s.drug_id === 'W078')?.status).toBe('out');
  });
});

describe('shortage list change feed', () => {
  test('gives each list once at its newest version, as /api/shortage-lists shows it, then nothing new', async () => {
    const { GET: listChanges } = await import('../../../src/pages/api/shortage-lists/changes.ts');
    const { GET: lists } = await import('../../../src/pages/api/shortage-lists/index.ts');
    const call = async (route: typeof lists, path: string) =>
      (await route({ url: new URL(path, 'http://portal.local'), params: {} } as unknown as APIContext)).json();
    // Lists loaded in the last seconds are held back (changeFeed.ts): look from a moment later.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + writeSettleMs + 1000);
    const page = await call(listChanges, '/api/shortage-lists/changes?limit=1');
    const all = await call(lists, '/api/shortage-lists?pageSize=100');
    expect(all.items.length).toBeGreaterThan(1);
    const seen = [...page.items];
    let next = page.next;
    for (let more = page.hasMore; more; ) {
      const following = await call(listChanges, `/api/shortage-lists/changes?limit=1&since=${next}`);
      seen.push(...following.items);
      next = following.next;
      more = following.hasMore;
    }
    expect(seen.map((l: { key: string }) => l.key).sort()).toEqual(all.items.map((l: { key: string }) => l.key).sort());
    expect(seen[0]).toEqual(all.items.find((l: { key: string }) => l.key === seen[0].key));
    expect((await call(listChanges, `/api/shortage-lists/changes?since=${next}`)).items).toEqual([]);
    vi.useRealTimers();
  });
});

describe('downloads in front of Astro', () => {
  test('answer byte for byte as the Astro route does, 304 on a match, and shed past their own bound with Retry-After', async () => {
    const edge = await startEdge({ downloads: { root, maxConcurrent: 1 } });
    try {
      const path = '/open-data/downloads/360200/stock.csv.gz';
      const viaAstro = await get(path);
      const fast = await fetch(`http://127.0.0.1:${edge.port}${path}`);
      expect(fast.status).toBe(200);
      for (const name of ['etag', 'last-modified', 'cache-control', 'content-type', 'content-length', 'content-disposition']) {
        expect(fast.headers.get(name), name).toBe(viaAstro.headers.get(name));
      }
      expect(Buffer.from(await fast.arrayBuffer()).equals(Buffer.from(await viaAstro.arrayBuffer()))).toBe(true);
      const again = await fetch(`http://127.0.0.1:${edge.port}${path}`, { headers: { 'if-none-match': fast.headers.get('etag') ?? '' } });
      expect(again.status).toBe(304);
      const index = await fetch(`http://127.0.0.1:${edge.port}/open-data/downloads/index.json`);
      expect((await index.json()).buildId).toBe((await (await get('/open-data/downloads/index.json')).json()).buildId);

      // One download held open (the largest file, its body not read, so it cannot finish into socket buffers):
      // the next is refused at once rather than queued.
      const { request } = await import('node:http');
      const largest = '/open-data/downloads/360000/stock.ndjson.gz';
      const held = await new Promise<import('node:http').IncomingMessage>((resolve) => request(`http://127.0.0.1:${edge.port}${largest}`, resolve).end());
      const refused = await fetch(`http://127.0.0.1:${edge.port}${path}`);
      expect([refused.status, refused.headers.get('retry-after'), (await refused.json()).error.code]).toEqual([503, '2', 'overloaded']);
      held.destroy();
    } finally {
      await edge.close();
    }
  });
});
