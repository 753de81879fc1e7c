import type { IncomingMessage } from 'node:http';
import type { CidrRange } from '../../domain/network/ipAddress.ts';
import { presentedApiKey } from '../openData/apiKeys.ts';
import { apiError } from './apiResponse.ts';
import { resolveClientAddress } from './clientAddress.ts';
import { RateLimit } from './rateLimit.ts';

export interface ApiRateLimitOptions {
  perMinute: number;
  perMinuteWithKey: number;
  proxies: readonly CidrRange[];
  /** The id of the live key a presented key is, or null for an unknown or revoked one. */
  liveKeyId: (key: string) => Promise<number | null>;
  clock?: () => number;
}

const windowMs = 60_000;

/**
 * Per-client limits on the public read API, so that a crawler or a bulk download through the API cannot slow
 * citizens down. A client is its address (IPv4, or the IPv6 /64) or, with a key, the key. Windows are aligned
 * to the clock's minutes and the minute is part of the counter's name: Retry-After is then exact, and any
 * RateLimit (this process's memory or a shared store) counts the same way.
 * Citizen reports (/api/reports…) and the monitoring intake have limits of their own and are not counted here.
 */
export function apiRateLimit(options: ApiRateLimitOptions) {
  const clock = options.clock ?? Date.now;
  const anonymous = new RateLimit(options.perMinute, windowMs, clock);
  const keyed = new RateLimit(options.perMinuteWithKey, windowMs, clock);
  return {
    applies(method: string, pathname: string): boolean {
      return (method === 'GET' || method === 'HEAD') && pathname.startsWith('/api/') && !/^\/api\/(reports|intake)(\/|$)/.test(pathname);
    },

    /** Null when the request may go on; otherwise the answer to send (429, or 401 for a key we do not know). */
    async admit(req: Pick<IncomingMessage, 'headers' | 'socket'>): Promise<Response | null> {
      const now = clock();
      const minute = Math.floor(now / windowMs);
      const key = presentedApiKey(req.headers);
      let limit = anonymous;
      let counter: string;
      if (key) {
        const id = await options.liveKeyId(key);
        if (id === null) return apiError(401, 'invalid_api_key', 'API 密钥无效或已吊销；不带密钥也可以调用 / unknown or revoked API key; calls work without one');
        limit = keyed;
        counter = `key:${id}:${minute}`;
      } else {
        const forwarded = req.headers['x-forwarded-for'];
        const client = resolveClientAddress(req.socket.remoteAddress ?? null, Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? null), options.proxies);
        counter = `ip:${client.source}:${minute}`;
      }
      if (await limit.take(counter)) return null;
      const response = apiError(
        429,
        'rate_limited',
        `请求过于频繁，每分钟最多 ${limit.limit} 次，请稍后再试 / too many requests: at most ${limit.limit} a minute${key ? '' : '; an API key raises the limit (see /open-data)'}`,
      );
      response.headers.set('retry-after', String(Math.max(1, Math.ceil(((minute + 1) * windowMs - now) / 1000))));
      return response;
    },
  };
}

export type ApiRateLimiter = ReturnType<typeof apiRateLimit>;
