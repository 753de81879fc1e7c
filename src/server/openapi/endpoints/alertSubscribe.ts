import { alertSubscriptionInput } from '../../../domain/alerts/alertArea.ts';
import type { ApiEndpoint } from '../apiEndpoint.ts';
import { badParameter } from '../commonResponses.ts';
import { alertSubscriptionCreated } from '../schemas/alertSchemas.ts';
import { apiErrorBody } from '../schemas/common.ts';

export const endpoint: ApiEndpoint = {
  method: 'post',
  path: '/api/alerts',
  operationId: 'subscribeToAlerts',
  tag: 'alerts',
  summary: { zh: '订阅到货提醒', en: 'Subscribe to back-in-stock alerts' },
  description: {
    zh: '无需账号：一个药品和一个地区（县级代码 region，或 lat、lng 与 radius 公里，默认 20，最大 200）。回答私密令牌和 Atom、RSS、JSON Feed 地址：该地区从无新鲜有货变为有货、有新清单版本或辟谣澄清提到该药时加入一条。可选 email，每条也发邮件（退订时删除地址）。回答带 Referrer-Policy: same-origin。',
    en: 'No account: a drug and an area (a county code in region, or lat, lng and radius in km, default 20, max 200). Answers a private token and Atom, RSS and JSON Feed addresses: an item is added when the area goes back in stock, or a list version or a clarification names the drug. Optional email mails each item (erased on unsubscribe). Sent with Referrer-Policy: same-origin.',
  },
  requestBody: { schema: alertSubscriptionInput, example: { drugId: 'W296', region: '360281' } },
  responses: {
    201: { description: { zh: '已订阅', en: 'subscribed' }, schema: alertSubscriptionCreated },
    400: badParameter,
    413: { description: { zh: '请求内容过大（2 KB 以上）', en: 'body over 2 KB' }, schema: apiErrorBody },
  },
  rateLimited: false,
  responseName: 'AlertSubscription',
};
