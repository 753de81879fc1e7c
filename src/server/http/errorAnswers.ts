import { apiError } from './apiResponse.ts';
import type { OutgoingAnswer } from './outgoingAnswer.ts';
import { errorPageHtml, htmlResponse } from './errorPage.ts';
import { unavailableMessages } from '../resilience/unavailable.ts';

/**
 * The answers the edge gives when it cannot or will not hand a request on: every one JSON for /api/* (the
 * documented `{ error: { code, message } }`) and a short Chinese page otherwise.
 */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

export function badRequest(): Response {
  return apiError(400, 'bad_request', '无法解析的请求 / malformed request');
}

export function apiNotFound(): Response {
  return apiError(404, 'not_found', '没有这个接口 / no such API path');
}

export function methodNotAllowed(allowed: readonly string[], apiPath: boolean): Response {
  const allow = allowed.join(', ');
  const response = apiPath
    ? apiError(405, 'method_not_allowed', `此接口只接受 ${allow} / only ${allow} allowed`)
    : htmlResponse(405, errorPageHtml('不支持的请求方式', `此地址只接受 ${allow} 请求。`));
  response.headers.set('allow', allow);
  return response;
}

/** Errors another part of the portal throws when a dependency is briefly away (search down, store busy). */
interface RetryableError {
  code: string;
  retryAfterSeconds: number;
}

function isRetryable(error: unknown): error is RetryableError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<RetryableError>;
  return typeof candidate.code === 'string' && typeof candidate.retryAfterSeconds === 'number' && candidate.retryAfterSeconds > 0;
}

// The dependency outages' own words (resilience/unavailable.ts), plus the edge's one for shedding.
const messages: Record<string, string> = {
  ...unavailableMessages,
  overloaded: '访问人数过多，请稍后再试 / too many requests at once, try again shortly',
};

export function unavailable(code: string, retryAfterSeconds: number, apiPath: boolean): Response {
  const message = messages[code] ?? '服务暂时不可用，请稍后再试 / temporarily unavailable';
  const response = apiPath
    ? apiError(503, code, message)
    : htmlResponse(503, errorPageHtml('服务暂时不可用', message.split(' / ')[0] ?? message));
  response.headers.set('retry-after', String(Math.ceil(retryAfterSeconds)));
  return response;
}

/** Too many requests in flight: refused cheaply, with a hint when to come back. */
export function overloaded(apiPath: boolean): Response {
  return unavailable('overloaded', 2, apiPath);
}

/** What a thrown error becomes: 503 + Retry-After for a retryable one, otherwise a 500 that says nothing inside. */
export function answerForError(error: unknown, apiPath: boolean): Response {
  if (isRetryable(error)) return unavailable(error.code, error.retryAfterSeconds, apiPath);
  return apiPath
    ? apiError(500, 'internal_error', '服务器内部错误 / internal error')
    : htmlResponse(500, errorPageHtml('服务器出错了', '页面暂时无法显示，我们已记录此问题。请稍后再试。'));
}

export function isRetryableError(error: unknown): boolean {
  return isRetryable(error);
}

const apiStatusWords: Record<number, [code: string, message: string]> = {
  400: ['bad_request', '请求有误 / bad request'],
  403: ['forbidden', '拒绝跨站提交：请从本站页面提交，或以 application/json 发送 / cross-site form submission refused'],
  404: ['not_found', '没有找到 / not found'],
  413: ['payload_too_large', '提交的内容过大 / request body too large'],
  415: ['unsupported_media_type', '不支持的内容类型，请以 application/json 发送 / unsupported content type'],
};

/**
 * An API answer that Astro itself made (its cross-site form check, its body limit) is plain text; an API caller
 * is promised the `{ error: { code, message } }` shape for every refusal, so such an answer is rewritten.
 */
export function apiRefusalAsJson(answer: OutgoingAnswer): OutgoingAnswer {
  const type = String(answer.headers['content-type'] ?? '');
  if (answer.status < 400 || /json/i.test(type)) return answer;
  const [code, message] = apiStatusWords[answer.status] ?? (answer.status >= 500 ? ['internal_error', '服务器内部错误 / internal error'] : ['bad_request', '请求有误 / bad request']);
  const body = Buffer.from(JSON.stringify({ error: { code, message } }));
  const headers = { ...answer.headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };
  delete headers['content-encoding'];
  return { status: answer.status, headers, body };
}
