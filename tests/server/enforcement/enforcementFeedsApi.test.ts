import type { APIContext } from 'astro';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEnforcementResult } from '../../../src/server/enforcement/enforcementActions.ts';
import { approveRevision, withdrawArticle } from '../../../src/server/publishing/articleActions.ts';
import { enforcementApiItem, enforcementApiPage, enforcementApiQuery } from '../../../src/server/enforcement/enforcementApi.ts';
import { enforcementFeed } from '../../../src/server/enforcement/enforcementFeed.ts';
import type { FeedFormat } from '../../../src/server/feeds/feedFormats.ts';
import { feedRoute } from '../../../src/server/feeds/feedRoute.ts';
import { providePortal } from '../../../src/server/portal.ts';
import { searchArticles } from '../../../src/server/search/articleIndex.ts';
import { type EnforcementTestBed, enforcementInput, openEnforcementTestBed, publishedResult } from './enforcementFixtures.ts';

let bed: EnforcementTestBed;
const ids = { zhushan: 0, changjiang: 0, city: 0, withdrawn: 0, draft: 0 };
let beforeWithdrawal = '';

beforeAll(async () => {
  bed = await openEnforcementTestBed();
  providePortal(bed.portal);
  ids.zhushan = (await publishedResult(bed, enforcementInput({ slug: 'zhushan', title: '珠山区布洛芬价格处理结果' }))).id;
  ids.changjiang = (await publishedResult(bed, enforcementInput({ slug: 'changjiang', title: '昌江区布洛芬价格处理结果', regionCode: '360202', issuer: '昌江区卫生健康委员会', action: 'referral' }))).id;
  ids.city = (await publishedResult(bed, enforcementInput({ slug: 'city', title: '全市阿莫西林成本调查结果', regionCode: '3602', action: 'cost_survey', party: '', relatedDrugIds: ['W006'] }))).id;
  ids.withdrawn = (await publishedResult(bed, enforcementInput({ slug: 'withdrawn', title: '已撤回的处理结果' }))).id;
  beforeWithdrawal = new Date().toISOString();
  const asked = await withdrawArticle(bed.portal, bed.reviewer, ids.withdrawn, '涉及单位有误');
  await approveRevision(bed.portal, bed.editor, ids.withdrawn, asked.revision);
  ids.draft = (await createEnforcementResult(bed.portal, bed.publisher, enforcementInput({ title: '尚未发布的整治结果草稿' }))).id;
});
afterAll(async () => bed.portal.close());

async function feed(format: FeedFormat, path: string, region?: string): Promise<Response> {
  const context = { params: region ? { region } : {}, url: new URL(`http://127.0.0.1:4321${path}`) };
  return feedRoute(enforcementFeed, format)(context as unknown as APIContext);
}

describe('feeds', () => {
  test('JSON Feed carries published results with the finding and action, never the draft', async () => {
    const body = await (await feed('json', '/feeds/enforcement.json')).json();
    const titles = body.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['珠山区布洛芬价格处理结果', '昌江区布洛芬价格处理结果', '全市阿莫西林成本调查结果', '【已撤回】已撤回的处理结果']));
    expect(titles).not.toContain('尚未发布的整治结果草稿');
    const zhushan = body.items.find((i: { title: string }) => i.title === '珠山区布洛芬价格处理结果');
    expect(zhushan.url).toBe('http://127.0.0.1:4321/enforcement/2026/zhushan');
    expect(zhushan.content_html).toContain('价格上涨幅度异常');
    expect(zhushan.content_html).toContain('函询约谈');
    expect(zhushan.tags).toEqual(['整治结果', '函询约谈', '珠山区']);
  });

  test('RSS is an RSS 2.0 channel titled for enforcement results', async () => {
    const response = await feed('rss', '/feeds/enforcement.rss.xml');
    expect(response.headers.get('content-type')).toContain('application/rss+xml');
    const { rss } = new XMLParser({ isArray: (name) => name === 'item' }).parse(await response.text());
    expect(rss.channel.title).toContain('整治结果');
    expect(rss.channel.item.map((i: { link: string }) => i.link)).toContain('http://127.0.0.1:4321/enforcement/2026/city');
  });

  test('the 珠山区 feed has its own results and the city’s, not its neighbour’s', async () => {
    const body = await (await feed('json', '/feeds/360203/enforcement.json', '360203')).json();
    const titles = body.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('珠山区布洛芬价格处理结果');
    expect(titles).toContain('全市阿莫西林成本调查结果');
    expect(titles).not.toContain('昌江区布洛芬价格处理结果');
  });
});

describe('/api/enforcement', () => {
  const origin = 'https://yaopin.example.gov.cn';

  test('answers each result in the documented shape', async () => {
    const item = await enforcementApiItem(bed.portal, ids.zhushan, origin);
    expect(Object.keys(item ?? {})).toEqual([
      'id', 'url', 'status', 'title', 'finding', 'action', 'actionLabel', 'actionDate', 'party', 'drugs', 'bodyHtml', 'issuer', 'region', 'isDemo',
      'publishedAt', 'correctedAt', 'updatedAt', 'withdrawal', 'corrections', 'citation',
    ]);
    expect(item).toMatchObject({
      url: 'https://yaopin.example.gov.cn/enforcement/2026/zhushan',
      status: 'published',
      action: 'inquiry',
      actionLabel: '函询约谈',
      actionDate: '2026-11-20',
      party: '某某大药房',
      drugs: [{ id: 'W078', name: '布洛芬' }],
      region: { code: '360203', name: '珠山区' },
      isDemo: false,
      withdrawal: null,
    });
    expect((await enforcementApiItem(bed.portal, ids.city, origin))?.party).toBeNull();
  });

  test('pages through public results with a total and a next link, never the draft', async () => {
    const url = new URL('http://127.0.0.1/api/enforcement?pageSize=3');
    const first = await enforcementApiPage(bed.portal, enforcementApiQuery.parse({ pageSize: '3' }), url, origin);
    expect(first.total).toBe(4);
    expect(first.next).toBe('/api/enforcement?pageSize=3&page=2');
    const second = await enforcementApiPage(bed.portal, enforcementApiQuery.parse({ pageSize: '3', page: '2' }), url, origin);
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual([ids.zhushan, ids.changjiang, ids.city, ids.withdrawn].sort());
    expect(await enforcementApiItem(bed.portal, ids.draft, origin)).toBeUndefined();
  });

  test('with updatedSince answers only what changed since, the withdrawal included', async () => {
    const page = await enforcementApiPage(bed.portal, enforcementApiQuery.parse({ updatedSince: beforeWithdrawal }), new URL('http://x/api/enforcement'), origin);
    expect(page.items.map((i) => [i.id, i.status, i.withdrawal?.reason])).toEqual([[ids.withdrawn, 'withdrawn', '涉及单位有误']]);
  });

  test('filters by action and by region, and refuses an unknown action naming the field', async () => {
    const referral = await enforcementApiPage(bed.portal, enforcementApiQuery.parse({ action: 'referral' }), new URL('http://x/api/enforcement'), origin);
    expect(referral.items.map((i) => i.id)).toEqual([ids.changjiang]);
    const zhushan = await enforcementApiPage(bed.portal, enforcementApiQuery.parse({ region: '360203' }), new URL('http://x/api/enforcement'), origin);
    expect(zhushan.items.map((i) => i.id)).not.toContain(ids.changjiang);
    expect(enforcementApiQuery.safeParse({ action: 'fine' }).error?.issues[0]?.path).toEqual(['action']);
  });
});

describe('site search', () => {
  test('finds a published result by its words with its permalink, and never the draft or the withdrawn one', async () => {
    const hits = await searchArticles(bed.portal.search, '成本调查', 10);
    expect(hits.find((h) => h.articleId === ids.city)).toMatchObject({ kind: 'enforcement', kindLabel: '整治结果', url: '/enforcement/2026/city', categoryLabel: '成本调查' });
    const draftHits = await searchArticles(bed.portal.search, '尚未发布的整治结果草稿', 10);
    expect(draftHits.filter((h) => h.articleId === ids.draft || h.articleId === ids.withdrawn)).toEqual([]);
  });
});
