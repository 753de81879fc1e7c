import type { AstroGlobal } from 'astro';
import { z } from 'zod';
import { canActOn } from '../../domain/staff/regionScope.ts';
import { type Portal, portal } from '../portal.ts';
import { type StaffUser, staffUserOf } from '../staff/staffAuth.ts';
import { loadNotice } from '../store/noticeStore.ts';
import { type NoticeView, noticeViews } from './noticeView.ts';

const noticeId = z.coerce.number().int().positive().max(2 ** 31);

/**
 * A notice as a back-office page may show it: only within the account's region and below. Outside it, the
 * answer is the same as for an id that does not exist, so ids cannot be probed across regions.
 */
export async function noticeForStaff(portal: Portal, user: StaffUser, rawId: string | undefined, now = new Date()): Promise<NoticeView | undefined> {
  const id = noticeId.safeParse(rawId);
  if (!id.success) return undefined;
  const article = await loadNotice(portal.store, id.data);
  if (!article || !canActOn(user.account.regionCode, article.regionCode)) return undefined;
  return (await noticeViews(portal.store, [article], now))[0];
}

export interface StaffNoticePage {
  user: StaffUser;
  portal: Portal;
  now: Date;
  notice: NoticeView;
}

/** How every page about one notice starts: never cached, and the notice as above, or the 404 page. */
export async function staffNoticePage(astro: Pick<AstroGlobal, 'response' | 'locals' | 'params' | 'rewrite'>): Promise<StaffNoticePage | Response> {
  astro.response.headers.set('cache-control', 'no-store');
  const user = staffUserOf(astro.locals);
  const p = await portal();
  const now = new Date();
  const notice = await noticeForStaff(p, user, astro.params.id, now);
  return notice ? { user, portal: p, now, notice } : astro.rewrite('/404');
}
