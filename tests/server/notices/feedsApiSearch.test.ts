import type { APIContext } from 'astro';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as apiItem } from '../../../src/pages/api/notices/[id].ts';
import { GET as apiList } from '../../../src/pages/api/notices/index.ts';
import type { FeedFormat } from '../../../src/server/feeds/feedFormats.ts';
import { feedRoute } from '../../../src/server/feeds/feedRoute.ts';
import { createNotice } from '../../../src/server/notices/noticeActions.ts';
import { attachToNotice } from '../../../src/server/notices/noticeAttachments.ts';
import { noticeFeed } from '../../../src/server/notices/noticeFeed.ts';
import { listNotices, noticeListQuery } from '../../../src/server/notices/publicNotices.ts';
import { providePortal } from '../../../src/server/portal.ts';
import { searchArticles } from '../../../src/server/search/articleIndex.ts';
import { type NoticeTestBed, noticeInput, openNoticeTestBed, pdfBytes, publishedNotice, withdrawnNotice } from './noticeFixtures.ts';

let bed: NoticeTestBed;
const ids = { city: 0, zhushan: 0, changjiang: 0, withdrawn: 0, draft: 0 };
let beforeWithdrawal = '';

beforeAll(async () => {
  bed = await openNoticeTestBed();
  providePortal(bed.portal);
  const q3 = { year: 2026, q: 3 } as const;
  ids.city = (await publishedNotice(bed, noticeInput({ quarter: q3, bodyMd: '全市鱼精蛋白供应紧张，已协调调剂。' }))).id;
  ids.zhushan = (await publishedNotice(bed, noticeInput({ regionCode: '360203', quarter: q3, title: '珠山区2026年第三季度药品供应保障情况通报', issuer: '珠山区卫生健康委员会' }))).id;
  ids.changjiang = (await publishedNotice(bed, noticeInput({ regionCode: '360202', quarter: q3, title: '昌江区2026年第三季度药品供应保障情况通报', issuer: '昌江区卫生健康委员会' }))).id;
  ids.withdrawn = (await publishedNotice(bed, noticeInput({ quarter: { year: 2026, q: 2 }, title: '景德镇市2026年第二季度通报 <b>&' }))).id;
  beforeWithdrawal = new Date().toISOString();
  await withdrawnNotice(bed, ids.withdrawn, '数据有误');
  const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2026, q: 1 }, title: '尚未发布的通报草稿' }));
  await attachToNotice(bed.portal, bed.publisher, draft.id, { filename: 'd.pdf', declaredType: 'application/pdf', bytes: pdfBytes('draft') });
  ids.draft = draft.id;
});
afterAll(async () => bed.portal.close());

async function feed(format: FeedFormat, path: string, region?: string): Promise<Response> {
  const context = { params: region ? { region } : {}, url: new URL(`http://127.0.0.1:4321${path}`) };
  return feedRoute(noticeFeed, format)(context as unknown as APIContext);
}
const parser = new XMLParser({ ignoreAttributes: false, isArray: (_name, jpath) => ['rss.channel.item', 'feed.entry'].includes(String(jpath)) });
const api = async (path: string) => (await apiList({ url: new URL(`http://127.0.0.1:4321${path}`) } as unknown as APIContext)) as Response;

describe('feeds', () => {
  test('RSS is well-formed, links to /notices/{region}/{quarter}, retitles the withdrawn one and leaves drafts out', async () => {
    const xml = await (await feed('rss', '/feeds/notices.rss.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss.channel.title).toContain('季度通报');
    expect(rss.channel.description).toContain('药品供应保障');
    const items = rss.channel.item as { title: string; link: string }[];
    expect(items.map((i) => i.link).sort()).toEqual(['/notices/3602/2026-q2', '/notices/3602/2026-q3', '/notices/360202/2026-q3', '/notices/360203/2026-q3'].map((p) => `http://127.0.0.1:4321${p}`));
    expect(items.map((i) => i.title)).toContain('【已撤回】景德镇市2026年第二季度通报 <b>&');
  });

  test('Atom and JSON Feed carry the same entries', async () => {
    const atom = parser.parse(await (await feed('atom', '/feeds/notices.atom.xml')).text());
    expect(atom.feed.entry).toHaveLength(4);
    const json = await (await feed('json', '/feeds/notices.json')).json();
    expect(json.items).toHaveLength(4);
    expect(json.items.find((i: { id: string }) => i.id.endsWith('/notices/3602/2026-q3')).content_html).toContain('景卫药政字〔2026〕12号');
  });

  test('a region feed gives 珠山区 its own and the city’s notices, not its neighbour’s', async () => {
    const body = await (await feed('json', '/feeds/360203/notices.json', '360203')).json();
    const urls = body.items.map((i: { url: string }) => i.url);
    expect(urls).toContain('http://127.0.0.1:4321/notices/360203/2026-q3');
    expect(urls).toContain('http://127.0.0.1:4321/notices/3602/2026-q3');
    expect(urls).not.toContain('http://127.0.0.1:4321/notices/360202/2026-q3');
  });
});

describe('/api/notices', () => {
  test('pages with a next link and filters by quarter', async () => {
    const first = await (await api('/api/notices?pageSize=2')).json();
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2, next: '/api/notices?pageSize=2&page=2' });
    const q3 = await (await api('/api/notices?quarter=2026-q3')).json();
    expect(q3.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.city, ids.zhushan, ids.changjiang].sort());
    expect(q3.items[0]).toMatchObject({ quarter: '2026-q3', quarterLabel: '2026年第三季度', status: 'published', docNumber: '景卫药政字〔2026〕12号' });
  });

  test('updatedSince returns only the withdrawal since then', async () => {
    const page = await (await api(`/api/notices?updatedSince=${encodeURIComponent(beforeWithdrawal)}`)).json();
    expect(page.items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([[ids.withdrawn, 'withdrawn']]);
  });

  test('answers 400 naming the field for a bad quarter, and 404 for a draft by id', async () => {
    const bad = await api('/api/notices?quarter=2026-q7');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('quarter');
    const draft = (await apiItem({ params: { id: String(ids.draft) }, url: new URL('http://127.0.0.1/api/notices/1') } as unknown as APIContext)) as Response;
    expect(draft.status).toBe(404);
  });
});

describe('public list and site search', () => {
  test('the list filters by region (with the city above it) and by quarter, hiding the withdrawn one', async () => {
    const zhushan = await listNotices(bed.portal, noticeListQuery.parse({ region: '360203' }));
    expect(zhushan.items.map((i) => i.id).sort()).toEqual([ids.city, ids.zhushan].sort());
    const q2 = await listNotices(bed.portal, noticeListQuery.parse({ quarter: '2026-q2' }));
    expect(q2.total).toBe(0);
  });

  test('site search finds a published notice by its words, with its permalink, and never the draft', async () => {
    const hits = await searchArticles(bed.portal.search, '鱼精蛋白', 10);
    expect(hits.map((h) => [h.kind, h.url])).toContainEqual(['notice', '/notices/3602/2026-q3']);
    expect(hits.find((h) => h.kind === 'notice')?.kindLabel).toBe('季度通报');
    expect((await searchArticles(bed.portal.search, '尚未发布的通报草稿', 10)).filter((h) => h.articleId === ids.draft)).toEqual([]);
  });
});
