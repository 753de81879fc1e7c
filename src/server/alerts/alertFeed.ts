import type { APIRoute } from 'astro';
import type { FeedItem, FeedMeta } from '../../domain/publishing/feedItems.ts';
import { t } from '../../i18n/t.ts';
import { mt } from '../../i18n/mobile.zh-CN.ts';
import { type FeedFormat, feedContentTypes, renderFeed } from '../feeds/feedFormats.ts';
import { publicOrigin } from '../feeds/publicOrigin.ts';
import { apiError } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { escapeHtml } from '../publishing/articleFeed.ts';
import { alertItemsOf } from '../store/alertStore.ts';
import { areaLabel, countyNames, drugFacts } from './alertEvaluation.ts';
import { alertPaths } from './alertPaths.ts';
import { subscriptionOfToken } from './alertSubscriptions.ts';

/**
 * A private answer: never in a shared cache, never in the service worker's, and its URL (the token) never
 * sent to another site as a Referer. `same-origin`, not `no-referrer`: under no-referrer a form post carries
 * `Origin: null`, which the cross-site form check refuses.
 */
export const privateAlertHeaders = { 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin' };

/**
 * GET /alerts/{token}.atom.xml | .rss.xml | .json: the subscription's private feed. Every item links to the
 * subscription's page, where one tap unsubscribes. An unknown token is one 404, whether it never existed or
 * was unsubscribed.
 */
export function alertFeedRoute(format: FeedFormat): APIRoute {
  return async ({ params, url }) => {
    const p = await portal();
    const token = params.token;
    const subscription = await subscriptionOfToken(p.store, token);
    if (!subscription || !token) return apiError(404, 'not_found', mt('alert.api.unknownToken'), 'token');
    const origin = publicOrigin(url);
    const paths = alertPaths(token);
    const drugName = (await drugFacts(p.store, subscription.drugId))?.name ?? subscription.drugId;
    const area = areaLabel(subscription.area, await countyNames(p.store));
    const pageUrl = new URL(paths.page, origin).toString();
    const unsubscribeUrl = `${pageUrl}#unsubscribe`;
    const items: FeedItem[] = (await alertItemsOf(p.store, subscription.id)).map((item) => ({
      id: `${pageUrl}/items/${item.id}`,
      url: new URL(item.url_path ?? `/drugs/${subscription.drugId}`, origin).toString(),
      title: item.title,
      summary: `${item.summary} 退订：${unsubscribeUrl}`,
      contentHtml: `<p>${escapeHtml(item.summary)}</p><p><a href="${unsubscribeUrl}">退订这个提醒</a></p>`,
      published: item.created_at,
      updated: item.created_at,
      authorName: t('site.name'),
      categories: [item.kind === 'back_in_stock' ? '到货提醒' : item.kind === 'clarification' ? '辟谣澄清' : '短缺药品清单'],
      regionCode: subscription.area.kind === 'county' ? subscription.area.countyCode : '',
    }));
    const meta: FeedMeta = {
      title: `${drugName}到货提醒 · ${area}`,
      description: `${area}从没有新近有货变为有货时提醒，每天最多一次。退订：${unsubscribeUrl}`,
      homeUrl: pageUrl,
      feedUrl: new URL(url.pathname, origin).toString(),
      language: 'zh-CN',
    };
    return new Response(await renderFeed(format, meta, items), { headers: { 'content-type': feedContentTypes[format], ...privateAlertHeaders } });
  };
}
