import type { APIRoute } from 'astro';
import { portal } from '../../server/portal.ts';
import { staffUserOf } from '../../server/staff/staffAuth.ts';
import { logout } from '../../server/staff/staffSecurity.ts';
import { clearSessionCookie } from '../../server/staff/staffRequest.ts';

/** Ends this browser's session only. POST (with the CSRF token the guard checks) so that a link cannot log anyone out. */
export const POST: APIRoute = async (context) => {
  const user = staffUserOf(context.locals);
  await logout((await portal()).store, user);
  clearSessionCookie(context);
  return context.redirect('/staff/login?signedOut=1', 303);
};
