import type { ZodError } from 'zod';
import '../../i18n/zodErrors.zh-CN.ts';
import { isServiceUnavailable, type ServiceUnavailableError } from '../resilience/unavailable.ts';

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export function json(body: unknown, init: { status?: number; maxAge?: number } = {}): Response {
  const maxAge = init.maxAge ?? 0;
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // Short public caching: stock changes through the day, a minute of staleness is harmless under load.
      'cache-control': maxAge > 0 ? `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}` : 'no-store',
    },
  });
}

export function apiError(status: number, code: string, message: string, field?: string): Response {
  const body: ApiErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return json(body, { status });
}

/** 503 with Retry-After for a part of the portal that is briefly out (search, a busy store); never cached. */
export function unavailable(error: ServiceUnavailableError): Response {
  const response = apiError(503, error.code, error.message);
  response.headers.set('retry-after', String(error.retryAfterSeconds));
  return response;
}

/** Runs an API handler; search or the store being briefly out becomes a 503 answer instead of a bare 500. */
export async function orUnavailable(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isServiceUnavailable(error)) return unavailable(error);
    throw error;
  }
}

/** The first problem of a failed parse, named by field, is what a caller needs to fix its request. */
export function validationError(error: ZodError): Response {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  return apiError(400, 'invalid_parameter', issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'invalid request', field);
}

/** Query strings arrive as repeated keys; zod wants arrays only where a field may repeat. */
export function searchParamsObject(params: URLSearchParams, repeated: string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length === 0) continue;
    out[key] = repeated.includes(key) ? values : (values[0] as string);
  }
  return out;
}
