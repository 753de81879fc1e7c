import { randomUUID } from 'node:crypto';
import type { AstroCookies } from 'astro';

/**
 * A random id in a first-party cookie tells one browser's repeated reports apart from many people's at one
 * address (a hospital's Wi-Fi). It is never stored as such, only as a keyed hash, and identifies no one.
 */
export const reportDeviceCookie = 'report_device';

const deviceCookieMaxAge = 365 * 86_400;

export function reportDeviceId(cookies: AstroCookies, secure: boolean): string {
  const existing = cookies.get(reportDeviceCookie)?.value;
  if (existing && deviceIdPattern.test(existing)) return existing;
  const id = randomUUID();
  cookies.set(reportDeviceCookie, id, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: deviceCookieMaxAge });
  return id;
}

/** The same cookie as a Set-Cookie header, for an answer made outside Astro (the challenge's fast lane). */
export function newReportDeviceCookieHeader(secure: boolean): string {
  return `${reportDeviceCookie}=${randomUUID()}; Max-Age=${deviceCookieMaxAge}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

const deviceIdPattern = /^[0-9a-f-]{36}$/;

/** The cookie as sent, without issuing one (an API client that never asked for a challenge has none). */
export function sentReportDeviceId(cookies: AstroCookies): string | null {
  const value = cookies.get(reportDeviceCookie)?.value;
  return value && deviceIdPattern.test(value) ? value : null;
}

/** The same, from a raw Cookie header (the edge's fast lane reads requests before Astro parses cookies). */
export function reportDeviceIdInCookieHeader(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === reportDeviceCookie && value && deviceIdPattern.test(value)) return value;
  }
  return null;
}
