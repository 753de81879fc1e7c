import type { APIContext } from 'astro';
import { formatShanghaiTime } from '../../domain/time/shanghaiTime.ts';
import { readSmallForm } from '../http/smallForm.ts';
import { portal } from '../portal.ts';
import { alertItemsOf } from '../store/alertStore.ts';
import { areaLabel, countyNames, drugFacts } from './alertEvaluation.ts';
import { privateAlertHeaders } from './alertFeed.ts';
import { alertPaths } from './alertPaths.ts';
import { subscribeToAlerts, subscriptionOfToken, unsubscribeFromAlerts } from './alertSubscriptions.ts';

/** What the subscription page shows: the drug, the area, the feed addresses and what the feed said so far. */
export interface AlertSubscriptionView {
  drugId: string;
  drugName: string;
  area: string;
  paths: ReturnType<typeof alertPaths>;
  items: { title: string; summary: string; at: string }[];
}

export type AlertPageResult =
  | { kind: 'subscription'; view: AlertSubscriptionView }
  | { kind: 'unsubscribed' }
  | { kind: 'not_found' }
  | { kind: 'refused'; message: string; drugId: string | null };

/** The page's answer headers: private, never cached, never passed on as a Referer (the URL is the key). */
export function markPrivate(headers: Headers): void {
  for (const [name, value] of Object.entries(privateAlertHeaders)) headers.set(name, value);
}

/** GET /alerts/{token} shows the subscription; POST erases it (one tap on 退订). */
export async function alertSubscriptionPage(context: APIContext): Promise<AlertPageResult> {
  const p = await portal();
  const token = context.params.token;
  if (context.request.method === 'POST') return (await unsubscribeFromAlerts(p.store, token)) ? { kind: 'unsubscribed' } : { kind: 'not_found' };
  const subscription = await subscriptionOfToken(p.store, token);
  if (!subscription || !token) return { kind: 'not_found' };
  const items = await alertItemsOf(p.store, subscription.id);
  return {
    kind: 'subscription',
    view: {
      drugId: subscription.drugId,
      drugName: (await drugFacts(p.store, subscription.drugId))?.name ?? subscription.drugId,
      area: areaLabel(subscription.area, await countyNames(p.store)),
      paths: alertPaths(token),
      items: items.map((i) => ({ title: i.title, summary: i.summary, at: formatShanghaiTime(i.created_at) })),
    },
  };
}

/** POST /alerts from the drug page's form: subscribes and sends the citizen to their private page. */
export async function alertSubscribePost(context: APIContext): Promise<Response | AlertPageResult> {
  const form = await readSmallForm(context.request, 4096);
  if (form instanceof Response) return form;
  const fields = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const p = await portal();
  const outcome = await subscribeToAlerts(p.store, fields, new Date(), p.config.DATA_DIR);
  if (!outcome.ok) return { kind: 'refused', message: outcome.message, drugId: typeof fields.drugId === 'string' ? fields.drugId : null };
  return new Response(null, { status: 303, headers: { location: alertPaths(outcome.token).page, ...privateAlertHeaders } });
}
