import type { Kysely } from 'kysely';
import { afterFailure, attemptDelayMs, cleanThrottle, lockedUntil, type ThrottleKind, type ThrottleState, throttleRules } from '../../domain/staff/lockout.ts';
import type { Database } from './schema.ts';

/** Who is trying, as the counters see it (domain/staff/lockout.ts says why three counters). */
export interface LoginKeys {
  /** Lower-cased as typed, whether or not such an account exists, so locking does not reveal which do. */
  username: string;
  /** The client's source: an IPv4 address, an IPv6 /64, or "unknown" (domain/network/ipAddress.ts). */
  source: string;
}

// JSON keeps the pair unambiguous whatever characters a typed username holds.
const pairKey = (keys: LoginKeys) => JSON.stringify([keys.username, keys.source]);

function counters(keys: LoginKeys): Array<[ThrottleKind, string]> {
  return [
    ['account_at_source', pairKey(keys)],
    ['source', keys.source],
    ['account', keys.username],
  ];
}

async function readState(db: Kysely<Database>, kind: ThrottleKind, key: string): Promise<ThrottleState> {
  const row = await db.selectFrom('login_throttles').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  if (!row) return cleanThrottle;
  return {
    failures: row.failures,
    lastFailureAt: row.last_failure_at ? new Date(row.last_failure_at) : null,
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  };
}

export interface LoginThrottle {
  /** The lock that refuses this attempt (the latest ending, if both apply), or null. */
  lock: { kind: ThrottleKind; until: Date } | null;
  /** How long to wait before checking the password, when the account is failing from many sources. */
  delayMs: number;
}

export async function loginThrottle(db: Kysely<Database>, keys: LoginKeys, now: Date): Promise<LoginThrottle> {
  let lock: LoginThrottle['lock'] = null;
  let delayMs = 0;
  for (const [kind, key] of counters(keys)) {
    const state = await readState(db, kind, key);
    if (throttleRules[kind].effect === 'delay') {
      delayMs = Math.max(delayMs, attemptDelayMs(state, now));
      continue;
    }
    const until = lockedUntil(state, now);
    if (until && (!lock || until > lock.until)) lock = { kind, until };
  }
  return { lock, delayMs };
}

/** Counts one failure on every counter; returns the lock this failure started, if any. */
export async function recordLoginFailure(db: Kysely<Database>, keys: LoginKeys, now: Date): Promise<{ kind: ThrottleKind; until: Date } | null> {
  let started: { kind: ThrottleKind; until: Date } | null = null;
  for (const [kind, key] of counters(keys)) {
    const next = afterFailure(await readState(db, kind, key), now, kind);
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
    if (next.lockedUntil && (!started || next.lockedUntil > started.until)) started = { kind, until: next.lockedUntil };
  }
  return started;
}

/**
 * A successful sign-in clears the account's counter at this source only. Not the source's (one valid account
 * would let an attacker on that address reset it and go on guessing others) and not the account's across all
 * sources (the owner signing in must not lift the cost off an attack from elsewhere; it fades after an hour).
 */
export async function clearFailuresAtSource(db: Kysely<Database>, keys: LoginKeys): Promise<void> {
  await db.deleteFrom('login_throttles').where('kind', '=', 'account_at_source').where('key', '=', pairKey(keys)).execute();
}
