import { anyAccount, refusalWindowMs, refusalWindowOf } from '../../domain/staff/refusalWindow.ts';
import { finishedTallies, removeTally, tallyRefusal } from '../store/loginRefusalStore.ts';
import type { Store } from '../store/openStore.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import type { LoginKeys } from '../store/loginThrottleStore.ts';

export type RefusalReason = 'locked' | 'source_locked' | 'unknown_user' | 'wrong_password' | 'disabled' | 'wrong_code';

export interface LoginRefusal {
  keys: LoginKeys;
  ip: string | null;
  account: { id: number; regionCode: string } | null;
  reason: RefusalReason;
}

const target = (accountId: number | null) => (accountId === null ? {} : { target: { type: 'staff_account', id: accountId } });

/**
 * Records a refused login in the audit log: in full when it is the first for its account and source in this
 * window, otherwise only in the window's tally, summed up once the window is over. Refusals for a locked
 * source count under "any account", so that stuffing a thousand usernames does not make a thousand entries.
 */
export async function auditLoginRefusal(db: Store, refusal: LoginRefusal, now: Date): Promise<void> {
  await summariseFinishedWindows(db, now);
  const subject = refusal.reason === 'source_locked' ? anyAccount : refusal.keys.username.slice(0, 64);
  const account = subject === anyAccount ? null : refusal.account;
  const refusals = await tallyRefusal(
    db,
    {
      subject,
      source: refusal.keys.source,
      window_start: refusalWindowOf(now).start.toISOString(),
      ip: refusal.ip,
      region_code: account?.regionCode ?? null,
      account_id: account?.id ?? null,
    },
    now.toISOString(),
  );
  if (refusals > 1) return;
  const { account: named } = refusal;
  await appendAudit(
    db,
    { id: null, username: refusal.keys.username.slice(0, 64), ip: refusal.ip },
    { action: 'login.failure', regionCode: named?.regionCode ?? null, ...target(named?.id ?? null), detail: { reason: refusal.reason } },
    now,
  );
}

/**
 * Appends one summary for every finished window that saw more than its first refusal. Runs at every login
 * attempt and before an export, so a summary is at most one window late while anyone uses the login page.
 */
export async function summariseFinishedWindows(db: Store, now: Date): Promise<void> {
  for (const tally of await finishedTallies(db, refusalWindowOf(now).start.toISOString())) {
    if (!(await removeTally(db, tally))) continue;
    if (tally.refusals < 2) continue;
    const end = new Date(new Date(tally.window_start).getTime() + refusalWindowMs);
    await appendAudit(
      db,
      { id: null, username: tally.subject, ip: tally.ip },
      {
        action: 'login.failure_summary',
        regionCode: tally.region_code,
        ...target(tally.account_id),
        detail: { source: tally.source, windowStart: tally.window_start, windowEnd: end.toISOString(), refusals: tally.refusals, firstAt: tally.first_at, lastAt: tally.last_at },
      },
      now,
    );
  }
}
