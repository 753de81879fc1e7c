import type { APIRoute } from 'astro';
import { portal } from '../../server/portal.ts';
import { staffUserOf } from '../../server/staff/staffAuth.ts';
import { logoutEverywhere } from '../../server/staff/staffSecurity.ts';
import { clearSessionCookie } from '../../server/staff/staffRequest.ts';

/** Ends every session of the account on every device, this one included. */
export const POST: APIRoute = async (context) => {
  const user = staffUserOf(context.locals);
  await logoutEverywhere((await portal()).store, user);
  clearSessionCookie(context);
  return context.redirect('/staff/login?signedOut=1', 303);
};
