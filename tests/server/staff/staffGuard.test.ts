import type { APIContext } from 'astro';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type Portal, providePortal } from '../../../src/server/portal.ts';
import { createSession } from '../../../src/server/store/sessionStore.ts';
import { StaffAuthError } from '../../../src/server/staff/staffAuth.ts';
import { renderStaffPage, staffGuard } from '../../../src/server/staff/staffMiddleware.ts';
import { staffNotFoundPage } from '../../../src/server/staff/staffRequest.ts';
import type { Store } from '../../../src/server/store/openStore.ts';
import { auditActions, openTestStore, seedAccount } from './staffFixtures.ts';

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ store, close } = await openTestStore());
  // The guard only touches the store; the search half of the portal is not needed here.
  providePortal({ store } as unknown as Portal);
});
afterEach(async () => close());

interface FakeRequest {
  method?: string;
  cookies?: Record<string, string>;
  form?: Record<string, string>;
}

/** Just enough of Astro's context for the guard: URL, request, cookies, redirect, client address. */
function context(path: string, { method = 'GET', cookies = {}, form }: FakeRequest = {}): APIContext {
  const url = new URL(`http://localhost${path}`);
  const jar = new Map(Object.entries(cookies));
  const body = form ? new URLSearchParams(form) : undefined;
  const headers = body ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined;
  const fake = {
    url,
    request: new Request(url, { method, ...(body ? { body, headers } : {}) }),
    clientAddress: '192.0.2.9',
    cookies: {
      get: (name: string) => (jar.has(name) ? { value: jar.get(name) } : undefined),
      set: (name: string, value: string) => jar.set(name, value),
      delete: (name: string) => jar.delete(name),
    },
    redirect: (location: string, status: number) => new Response(null, { status, headers: { location } }),
  };
  return fake as unknown as APIContext;
}

async function sessionFor(username: string, roles: Parameters<typeof seedAccount>[3], mustChange = false) {
  const account = await seedAccount(store, username, '360203', roles);
  if (mustChange) await store.updateTable('staff_accounts').set({ must_change_password: 1 }).where('id', '=', account.id).execute();
  return createSession(store, account.id, 'active', { ip: null, userAgent: null });
}

describe('staffGuard', () => {
  test('leaves public pages alone', async () => {
    expect(await staffGuard(context('/drugs/abc'))).toBeUndefined();
    expect(await staffGuard(context('/staffing'))).toBeUndefined();
  });

  test('redirects a visitor without a session to the login page, remembering where they were going', async () => {
    const result = await staffGuard(context('/staff/audit?page=2'));
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/staff/login?next=${encodeURIComponent('/staff/audit?page=2')}`);
  });

  test('returns the user for a valid session and 403 for a section the user has no role for', async () => {
    const { token } = await sessionFor('data.clerk', ['data']);
    const home = await staffGuard(context('/staff', { cookies: { staff_session: token } }));
    expect(home).toMatchObject({ account: { username: 'data.clerk' }, ip: '192.0.2.9' });
    for (const path of ['/staff/accounts', '/staff/accounts/3', '/staff/audit.csv', '/staff/%61ccounts', '/staff/Accounts/']) {
      const refused = await staffGuard(context(path, { cookies: { staff_session: token } }));
      expect((refused as Response).status, path).toBe(403);
    }
  });

  test('lets an admin into the accounts section', async () => {
    const { token } = await sessionFor('zhushan.admin', ['admin']);
    expect(await staffGuard(context('/staff/accounts', { cookies: { staff_session: token } }))).toMatchObject({ account: { roles: ['admin'] } });
  });

  test('refuses with 403 a POST without the session’s CSRF token and audits it', async () => {
    const { token, session } = await sessionFor('data.clerk', ['data']);
    const cookies = { staff_session: token };
    for (const form of [undefined, { _csrf: 'forged' }]) {
      const result = await staffGuard(context('/staff/logout', { method: 'POST', cookies, ...(form ? { form } : {}) }));
      expect((result as Response).status).toBe(403);
    }
    expect(await auditActions(store)).toContain('security.csrf_rejected');
    const accepted = await staffGuard(context('/staff/logout', { method: 'POST', cookies, form: { _csrf: session.csrfToken } }));
    expect(accepted).toMatchObject({ account: { username: 'data.clerk' } });
  });

  test('checks the login form against its double-submit cookie', async () => {
    const form = { _csrf: 'a'.repeat(43), username: 'x', password: 'y' };
    expect((await staffGuard(context('/staff/login', { method: 'POST', form })) as Response).status).toBe(403);
    const cookies = { staff_login_csrf: 'a'.repeat(43) };
    expect(await staffGuard(context('/staff/login', { method: 'POST', form, cookies }))).toBeUndefined();
  });

  test('sends an account whose password was reset to the security page first', async () => {
    const { token } = await sessionFor('reset.user', ['data'], true);
    const cookies = { staff_session: token };
    expect((await staffGuard(context('/staff', { cookies })) as Response).headers.get('location')).toBe('/staff/security?must=1');
    expect(await staffGuard(context('/staff/security', { cookies }))).toMatchObject({ account: { mustChangePassword: true } });
  });
});

describe('renderStaffPage', () => {
  const page = (error: unknown) => async (): Promise<Response> => {
    throw error;
  };

  test('answers a region or role refusal escaping a page exactly as a missing item, not with a 500', async () => {
    const missing = staffNotFoundPage();
    for (const code of ['out_of_region', 'missing_role'] as const) {
      const refused = await renderStaffPage(page(new StaffAuthError(code)));
      expect(refused.status).toBe(404);
      expect(await refused.text()).toBe(await missing.clone().text());
    }
  });

  test('keeps a CSRF refusal a 403 and lets other errors through', async () => {
    expect((await renderStaffPage(page(new StaffAuthError('csrf')))).status).toBe(403);
    await expect(renderStaffPage(page(new Error('disk full')))).rejects.toThrow('disk full');
  });
});
