import type { APIContext } from 'astro';
import { st } from '../../i18n/staff.zh-CN.ts';
import { portal } from '../portal.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { actorOf, resolveStaffUser, StaffAuthError, type StaffUser } from './staffAuth.ts';
import { postedCsrfMatches } from './staffForm.ts';
import { clearSessionCookie, clientOf, loginCsrfCookieName, sessionToken, staffErrorPage, staffNotFoundPage } from './staffRequest.ts';
import { sectionFor, sectionsFor } from './staffSections.ts';

/** Pages reachable without a session; everything else under /staff needs one. */
const publicPaths = new Set(['/staff/login']);
/** Where an account whose password an admin reset may still go before choosing a new one. */
const passwordChangePaths = new Set(['/staff/security', '/staff/logout', '/staff/logout-everywhere']);
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStaffPath(path: string): boolean {
  return path === '/staff' || path.startsWith('/staff/');
}

/**
 * The form the router matches, not the raw one: without decoding, `/staff/%61ccounts` would reach the accounts
 * page while missing the accounts section's role check below.
 */
function normalise(rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  path = path.toLowerCase().replace(/\/{2,}/g, '/');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * Runs before every request under /staff: the server-side half of access control, so that no back-office
 * page depends on its own checks. Returns a Response to send instead of the page (redirect to login, or
 * 403), the signed-in user for `locals.staff`, or undefined (not a staff path, or the login page signed out).
 */
export async function staffGuard(context: APIContext): Promise<Response | StaffUser | undefined> {
  const path = normalise(context.url.pathname);
  if (path === null) return isStaffPath(context.url.pathname.toLowerCase()) ? staffErrorPage(400, st('staff.forbiddenBody')) : undefined;
  if (!isStaffPath(path)) return undefined;
  const store = (await portal()).store;
  const client = clientOf(context);
  const unsafe = !safeMethods.has(context.request.method);
  const resolved = await resolveStaffUser(store, sessionToken(context), client.ip);

  if (publicPaths.has(path)) {
    if (unsafe && !(await postedCsrfMatches(context.request, context.cookies.get(loginCsrfCookieName)?.value))) {
      return staffErrorPage(403, st('staff.csrfRejected'));
    }
    return resolved.user ?? undefined;
  }

  const user = resolved.user;
  if (!user) {
    // The login page shows the pending second-factor step itself; only a dead cookie is cleared here.
    if (resolved.reason !== 'missing' && resolved.reason !== 'second_factor') clearSessionCookie(context);
    const expired = resolved.reason === 'idle_expired' || resolved.reason === 'absolute_expired';
    const next = safeMethods.has(context.request.method) ? `${context.url.pathname}${context.url.search}` : '/staff';
    const query = new URLSearchParams({ next, ...(expired ? { expired: '1' } : {}) });
    return context.redirect(`/staff/login?${query.toString()}`, 303);
  }

  if (unsafe && !(await postedCsrfMatches(context.request, user.session.csrfToken))) {
    await appendAudit(store, actorOf(user), {
      action: 'security.csrf_rejected',
      regionCode: user.account.regionCode,
      detail: { path, method: context.request.method },
    });
    return staffErrorPage(403, st('staff.csrfRejected'));
  }

  if (user.account.mustChangePassword && !passwordChangePaths.has(path)) {
    return context.redirect('/staff/security?must=1', 303);
  }

  const section = sectionFor(path);
  if (section && !sectionsFor(user.account.roles).includes(section)) {
    return staffErrorPage(403, st('staff.forbiddenBody'));
  }
  return user;
}

/**
 * Renders the page behind the guard. A StaffAuthError that still escapes a page (a role or region check deep
 * in a service that the page did not answer itself) must not become a 500, which would tell "exists, not
 * yours" apart from "missing": it gets the staff 404, exactly as a missing item does. A CSRF refusal keeps
 * its 403, which reveals nothing about any item. (Astro's rewrite to /404 cannot run once the page has
 * thrown: the request hangs; hence a self-contained page.)
 */
export async function renderStaffPage(next: () => Promise<Response>): Promise<Response> {
  try {
    return await next();
  } catch (error) {
    if (!(error instanceof StaffAuthError)) throw error;
    if (error.code === 'csrf') return staffErrorPage(403, st('staff.csrfRejected'));
    return staffNotFoundPage();
  }
}
