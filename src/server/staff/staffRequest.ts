import type { APIContext, AstroCookieSetOptions } from 'astro';
import { newCsrfToken } from '../../domain/staff/csrfToken.ts';
import { sameSitePath } from '../../domain/navigation/sameSitePath.ts';
import { sessionPolicy } from '../../domain/staff/session.ts';
import { st } from '../../i18n/staff.zh-CN.ts';
import { config } from '../config.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import type { LoginClient } from './staffLogin.ts';

/** Request-level helpers shared by the guard and the staff pages: cookies, client identity, error pages. */
export const sessionCookieName = 'staff_session';
export const loginCsrfCookieName = 'staff_login_csrf';

/**
 * Path /staff keeps the cookies off every public page. SameSite=Lax rather than Strict so that a link to a
 * back-office page in a work chat opens signed in; cross-site posts are stopped by Lax, the Origin check and
 * the CSRF token. Secure whenever the public origin is https, even if TLS ends at a proxy in front of us.
 */
function cookieOptions(context: Pick<APIContext, 'url'>): AstroCookieSetOptions {
  const secure = context.url.protocol === 'https:' || Boolean(config().PUBLIC_ORIGIN?.startsWith('https:'));
  return { path: '/staff', httpOnly: true, sameSite: 'lax', secure };
}

export function sessionToken(context: Pick<APIContext, 'cookies'>): string | undefined {
  return context.cookies.get(sessionCookieName)?.value;
}

export function setSessionCookie(context: Pick<APIContext, 'cookies' | 'url'>, token: string): void {
  context.cookies.set(sessionCookieName, token, { ...cookieOptions(context), maxAge: sessionPolicy.absoluteMs / 1000 });
}

export function clearSessionCookie(context: Pick<APIContext, 'cookies' | 'url'>): void {
  context.cookies.delete(sessionCookieName, cookieOptions(context));
}

/**
 * The login form has no session to hold a token yet, so it uses a double-submit cookie: the same random value
 * in an HttpOnly cookie and in the form. A cross-site page can neither read the cookie nor set it for us.
 */
export function loginCsrfToken(context: Pick<APIContext, 'cookies' | 'url'>): string {
  const existing = context.cookies.get(loginCsrfCookieName)?.value;
  if (existing && existing.length >= 32) return existing;
  const token = newCsrfToken();
  context.cookies.set(loginCsrfCookieName, token, { ...cookieOptions(context), maxAge: 2 * 3600 });
  return token;
}

/** Who is asking: the client address (through trusted proxies only, see clientAddress.ts) and its browser. */
export function clientOf(context: Pick<APIContext, 'clientAddress' | 'request'>): LoginClient {
  return { ip: clientAddressOf(context).ip, userAgent: context.request.headers.get('user-agent') };
}

/** Only paths inside the back office, so that `?next=` cannot send a signed-in user to another site. */
export function safeNextPath(value: string | null | undefined): string {
  const path = sameSitePath(value, '/staff');
  return /^\/staff([/?#]|$)/.test(path) ? path : '/staff';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A bare page for refusals, so that a 403 needs neither the store nor the layout to render. Unstyled on purpose:
 * the site's CSP forbids inline styles, and the bundled stylesheet's hashed name is not known here.
 */
export function staffErrorPage(status: number, message: string, heading = st('staff.forbidden')): Response {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(heading)} - ${escapeHtml(st('staff.name'))}</title></head><body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p><p><a href="/staff">${escapeHtml(st('staff.backHome'))}</a></p></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

/**
 * The one answer for an item that is missing *or* outside the account's region or roles, so that ids cannot
 * be probed: same status, same page, whichever it was.
 */
export function staffNotFoundPage(): Response {
  return staffErrorPage(404, st('staff.notFoundBody'), st('staff.notFound'));
}
