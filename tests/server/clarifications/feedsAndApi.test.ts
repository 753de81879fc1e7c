import type { APIContext } from 'astro';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClarificationContent } from '../../../src/domain/clarifications/clarification.ts';
import { clarificationApiItem, clarificationApiPage, clarificationApiQuery } from '../../../src/server/clarifications/clarificationApi.ts';
import {
  approveClarificationRevision,
  createClarification,
  withdrawClarification,
} from '../../../src/server/clarifications/clarificationActions.ts';
import { clarificationFeed } from '../../../src/server/clarifications/clarificationFeed.ts';
import type { FeedFormat } from '../../../src/server/feeds/feedFormats.ts';
import { feedRoute } from '../../../src/server/feeds/feedRoute.ts';
import { articleListRoute } from '../../../src/server/publishing/articleApi.ts';
import { providePortal } from '../../../src/server/portal.ts';
import { type ClarificationTestBed, clarificationInput, openClarificationTestBed, publishedClarification } from './clarificationFixtures.ts';

let bed: ClarificationTestBed;
const ids: Record<'city' | 'zhushan' | 'changjiang' | 'withdrawn' | 'draft', number> = { city: 0, zhushan: 0, changjiang: 0, withdrawn: 0, draft: 0 };
let beforeLast = '';

const published = (content: ClarificationContent) => publishedClarification(bed, content);

beforeAll(async () => {
  bed = await openClarificationTestBed();
  providePortal(bed.portal);
  ids.city = await published(clarificationInput({ title: '关于布洛芬全国断货的澄清', slug: 'city-wide' }));
  ids.zhushan = await published(clarificationInput({ title: '珠山区药店退烧药供应说明', regionCode: '360203', issuer: '珠山区卫生健康委员会', slug: 'zhushan' }));
  ids.changjiang = await published(clarificationInput({ title: '昌江区药店退烧药供应说明', regionCode: '360202', issuer: '昌江区卫生健康委员会', slug: 'changjiang' }));
  ids.withdrawn = await published(clarificationInput({ title: '关于某药涨价十倍的说明 <b>&', slug: 'withdrawn-one' }));
  beforeLast = new Date().toISOString();
  const asked = await withdrawClarification(bed.portal, bed.reviewer, ids.withdrawn, '数据有误，另行发布');
  await approveClarificationRevision(bed.portal, bed.editor, ids.withdrawn, asked.revision);
  ids.draft = (await createClarification(bed.portal, bed.publisher, clarificationInput({ title: '尚未发布的草稿' }))).id;
});
afterAll(async () => bed.portal.close());

async function feed(format: FeedFormat, path: string, region?: string): Promise<Response> {
  const context = { params: region ? { region } : {}, url: new URL(`http://127.0.0.1:4321${path}`) };
  return feedRoute(clarificationFeed, format)(context as unknown as APIContext);
}

// Repeated elements always as arrays, whatever the count; Atom's <link> repeats, RSS's does not.
const parser = new XMLParser({ ignoreAttributes: false, isArray: (_name, jpath) => ['rss.channel.item', 'feed.entry', 'feed.link', 'feed.entry.category'].includes(String(jpath)) });

describe('RSS 2.0', () => {
  test('is well-formed and has a channel whose items link to permalinks, withdrawn ones retitled', async () => {
    const response = await feed('rss', '/feeds/clarifications.rss.xml');
    expect(response.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toContain('辟谣澄清');
    const items = rss.channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string }[];
    expect(items).toHaveLength(4);
    const year = new Date().getFullYear();
    expect(items.map((i) => i.link)).toContain(`http://127.0.0.1:4321/clarifications/${year}/city-wide`);
    for (const item of items) {
      expect(item.guid['#text']).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    expect(items.map((i) => i.title)).toContain('【已撤回】关于某药涨价十倍的说明 <b>&');
    expect(items.map((i) => i.title)).not.toContain('尚未发布的草稿');
  });
});

describe('Atom', () => {
  test('is well-formed with a self link and entries carrying id, updated, author and HTML content', async () => {
    const xml = await (await feed('atom', '/feeds/clarifications.atom.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed: atom } = parser.parse(xml);
    expect(atom['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe('http://127.0.0.1:4321/feeds/clarifications.atom.xml');
    expect(atom.entry).toHaveLength(4);
    for (const entry of atom.entry) {
      expect(entry.id).toMatch(/^http:\/\/127\.0\.0\.1:4321\/clarifications\/\d{4}\//);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.author.name).toMatch(/卫生健康委员会$/);
      expect(entry.content['@_type']).toBe('html');
    }
  });
});

describe('JSON Feed', () => {
  test('has the version 1.1 URL, a title and items with ids', async () => {
    const response = await feed('json', '/feeds/clarifications.json');
    expect(response.headers.get('content-type')).toContain('application/feed+json');
    const body = await response.json();
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof body.title).toBe('string');
    expect(body.items).toHaveLength(4);
    for (const item of body.items) expect(typeof item.id).toBe('string');
  });
});

describe('region feeds', () => {
  test('give 珠山区 its own items and the city-wide ones, not its neighbour’s', async () => {
    const body = await (await feed('json', '/feeds/360203/clarifications.json', '360203')).json();
    const titles = body.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('珠山区药店退烧药供应说明');
    expect(titles).toContain('关于布洛芬全国断货的澄清');
    expect(titles).not.toContain('昌江区药店退烧药供应说明');
    expect(body.title).toContain('珠山区');
  });

  test('answer 404 for a region the portal does not know', async () => {
    expect((await feed('rss', '/feeds/360299/clarifications.rss.xml', '360299')).status).toBe(404);
    expect((await feed('rss', '/feeds/abc/clarifications.rss.xml', 'abc')).status).toBe(404);
  });
});

describe('/api/clarifications', () => {
  const origin = 'https://yaopin.example.gov.cn';

  test('pages through public items with a next link and a total, never drafts', async () => {
    const url = new URL('http://127.0.0.1/api/clarifications?pageSize=3');
    const first = await clarificationApiPage(bed.portal, clarificationApiQuery.parse({ pageSize: '3' }), url, origin);
    expect(first.total).toBe(4);
    expect(first.items).toHaveLength(3);
    expect(first.next).toBe('/api/clarifications?pageSize=3&page=2');
    const second = await clarificationApiPage(bed.portal, clarificationApiQuery.parse({ pageSize: '3', page: '2' }), url, origin);
    expect(second.next).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all.map((i) => i.id).sort()).toEqual([ids.city, ids.zhushan, ids.changjiang, ids.withdrawn].sort());
    expect(all.find((i) => i.id === ids.city)?.citation).toMatch(/^《关于布洛芬全国断货的澄清》，景德镇市卫生健康委员会，\d{4}年\d{1,2}月\d{1,2}日，https:\/\/yaopin\.example\.gov\.cn\/clarifications\//);
  });

  test('with updatedSince returns only what changed since, a withdrawal included', async () => {
    const page = await clarificationApiPage(bed.portal, clarificationApiQuery.parse({ updatedSince: beforeLast }), new URL('http://x/api/clarifications'), origin);
    expect(page.items.map((i) => [i.id, i.status])).toEqual([[ids.withdrawn, 'withdrawn']]);
    expect(page.items[0]?.withdrawal?.reason).toBe('数据有误，另行发布');
  });

  test('refuses a malformed updatedSince and answers undefined for a draft by id', async () => {
    expect(clarificationApiQuery.safeParse({ updatedSince: 'yesterday' }).error?.issues[0]?.path).toEqual(['updatedSince']);
    expect(await clarificationApiItem(bed.portal, ids.draft, origin)).toBeUndefined();
    expect((await clarificationApiItem(bed.portal, ids.city, origin))?.title).toBe('关于布洛芬全国断货的澄清');
  });
});

describe('a request naming another Host', () => {
  test('gets links to the portal, not to evil.example, in feeds and API answers', async () => {
    const context = { params: {}, url: new URL('http://evil.example/feeds/clarifications.atom.xml') };
    const atom = await (await feedRoute(clarificationFeed, 'atom')(context as unknown as APIContext)).text();
    expect(atom).not.toContain('evil.example');
    expect(atom).toContain('http://127.0.0.1:4321/clarifications/');
    const api = await articleListRoute(clarificationApiQuery, clarificationApiPage)({ url: new URL('http://evil.example/api/clarifications') } as unknown as APIContext);
    expect(await api.text()).not.toContain('evil.example');
  });
});
