import type { Kysely } from 'kysely';
import {
  accountLockoutPolicy,
  afterFailure,
  cleanThrottle,
  ipLockoutPolicy,
  lockedUntil,
  type ThrottleState,
} from '../../domain/staff/lockout.ts';
import type { Database, LoginThrottleTable } from '../store/schema.ts';

/** The counters behind lock-out: one row per username tried and one per client address. */
export interface LoginKeys {
  /** Lower-cased as typed, whether or not such an account exists, so locking does not reveal which do. */
  username: string;
  ip: string | null;
}

type Kind = LoginThrottleTable['kind'];
const policies = { account: accountLockoutPolicy, ip: ipLockoutPolicy } as const;

function keysOf(keys: LoginKeys): Array<[Kind, string]> {
  const out: Array<[Kind, string]> = [['account', keys.username]];
  if (keys.ip) out.push(['ip', keys.ip]);
  return out;
}

async function readState(db: Kysely<Database>, kind: Kind, key: string): Promise<ThrottleState> {
  const row = await db.selectFrom('login_throttles').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  if (!row) return cleanThrottle;
  return {
    failures: row.failures,
    lastFailureAt: row.last_failure_at ? new Date(row.last_failure_at) : null,
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  };
}

/** The latest moment either the account or the address is locked until, or null when both may try now. */
export async function loginLockedUntil(db: Kysely<Database>, keys: LoginKeys, now: Date): Promise<Date | null> {
  let latest: Date | null = null;
  for (const [kind, key] of keysOf(keys)) {
    const until = lockedUntil(await readState(db, kind, key), now);
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

/** Counts one failure against both keys; returns the new lock end when this failure started a lock. */
export async function recordLoginFailure(db: Kysely<Database>, keys: LoginKeys, now: Date): Promise<Date | null> {
  let newLock: Date | null = null;
  for (const [kind, key] of keysOf(keys)) {
    const next = afterFailure(await readState(db, kind, key), now, policies[kind]);
    const row = {
      failures: next.failures,
      last_failure_at: next.lastFailureAt?.toISOString() ?? null,
      locked_until: next.lockedUntil?.toISOString() ?? null,
    };
    await db
      .insertInto('login_throttles')
      .values({ kind, key, ...row })
      .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet(row))
      .execute();
    if (next.lockedUntil && (!newLock || next.lockedUntil > newLock)) newLock = next.lockedUntil;
  }
  return newLock;
}

/**
 * A successful sign-in clears the account's counter but not the address's: otherwise one valid account would
 * let an attacker on the same address reset the counter and keep guessing other accounts' passwords.
 */
export async function clearAccountFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('kind', '=', 'account').where('key', '=', username).execute();
}
