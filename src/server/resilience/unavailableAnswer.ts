import { unavailable } from '../http/apiResponse.ts';
import { isServiceUnavailable, type ServiceUnavailableError } from './unavailable.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * The last resort for a request that met a busy or unwritable store (or search) where its route did not handle
 * it: JSON for the API, a short page in plain Chinese for people. Never the bare 500 the request would give.
 */
export function unavailableAnswer(pathname: string, error: ServiceUnavailableError): Response {
  if (pathname.startsWith('/api/')) return unavailable(error);
  const message = escapeHtml(error.message.split(' / ')[0] ?? error.message);
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>请稍后再试 - 药品供应信息公开平台</title></head>
<body><main><h1>请稍后再试</h1><p>${message}</p><p><a href="/">返回首页</a> · <a href="/shortages">短缺药品清单</a> · 咨询电话 12345</p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(error.retryAfterSeconds) },
  });
}

/** Runs a request; a busy store or search outage it did not handle itself becomes `unavailableAnswer`. */
export async function orUnavailablePage(pathname: string, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (isServiceUnavailable(error)) return unavailableAnswer(pathname, error);
    throw error;
  }
}
