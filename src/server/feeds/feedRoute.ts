import type { APIRoute } from 'astro';
import type { FeedMeta } from '../../domain/publishing/feedItems.ts';
import { sortFeedItems } from '../../domain/publishing/feedItems.ts';
import { staffRegionCode } from '../../domain/staff/regionScope.ts';
import { ct } from '../../i18n/clarifications.zh-CN.ts';
import { t } from '../../i18n/t.ts';
import { apiError } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { regionName } from '../store/regionStore.ts';
import { type FeedFormat, feedContentTypes, renderFeed } from './feedFormats.ts';
import { feedItemLimit, type FeedSource } from './feedSource.ts';
import { publicOrigin } from './publicOrigin.ts';

/**
 * One Astro endpoint per source and format: `export const GET = feedRoute(clarificationFeed, 'rss');`.
 * Under /feeds/[region]/ the same route serves the region's feed and answers 404 for an unknown region.
 */
export function feedRoute(source: FeedSource, format: FeedFormat): APIRoute {
  return async ({ params, url }) => {
    const p = await portal();
    let region: { code: string; name: string } | undefined;
    if (params.region !== undefined) {
      const code = staffRegionCode.safeParse(params.region);
      const name = code.success ? await regionName(p.store, code.data) : undefined;
      if (!code.success || name === undefined) return apiError(404, 'not_found', '没有这个地区 / no such region', 'region');
      region = { code: code.data, name };
    }
    const now = new Date();
    const origin = publicOrigin(url);
    const items = await source.items(p, { ...(region ? { region: region.code } : {}), origin, now, limit: feedItemLimit });
    const site = t('site.name');
    const meta: FeedMeta = {
      title: region ? ct('feed.regionTitle', { site, region: region.name, label: source.label }) : ct('feed.title', { site, label: source.label }),
      description: source.description ?? ct('feed.description', { label: source.label }),
      homeUrl: new URL(region ? `${source.homePath}?region=${region.code}` : source.homePath, origin).toString(),
      feedUrl: new URL(url.pathname, origin).toString(),
      language: 'zh-CN',
    };
    const body = await renderFeed(format, meta, sortFeedItems(items), now);
    return new Response(body, {
      headers: {
        'content-type': feedContentTypes[format],
        // Readers poll; five minutes of staleness is harmless and spares the store under many subscribers.
        'cache-control': 'public, max-age=300',
      },
    });
  };
}

/** The feed URLs for a source, site-wide or for one region, for <link rel="alternate"> and the subscribe box. */
export function feedLinks(source: Pick<FeedSource, 'key'>, region?: string): Record<FeedFormat, string> {
  const base = region ? `/feeds/${region}/${source.key}` : `/feeds/${source.key}`;
  return { rss: `${base}.rss.xml`, atom: `${base}.atom.xml`, json: `${base}.json` };
}
