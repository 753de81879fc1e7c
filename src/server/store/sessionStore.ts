import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newCsrfToken } from '../../domain/staff/csrfToken.ts';
import { type SessionStage, type SessionStatus, sessionPolicy, sessionStatus, shouldTouch } from '../../domain/staff/session.ts';
import type { Database } from './schema.ts';

/** A session as the rest of the server sees it; `id` is the token's hash, never the token itself. */
export interface StaffSession {
  id: string;
  accountId: number;
  stage: SessionStage;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** Only a hash is stored, so reading the database (or a backup of it) does not let anyone take over a session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Kysely<Database>,
  accountId: number,
  stage: SessionStage,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; session: StaffSession }> {
  const token = randomBytes(32).toString('base64url');
  const session: StaffSession = { id: sessionIdOf(token), accountId, stage, csrfToken: newCsrfToken(), createdAt: now, lastSeenAt: now };
  await db
    .insertInto('staff_sessions')
    .values({
      id: session.id,
      account_id: accountId,
      stage,
      csrf_token: session.csrfToken,
      ip: client.ip?.slice(0, 64) ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, session };
}

export type SessionLookup = { status: 'active'; session: StaffSession } | { status: Exclude<SessionStatus, 'active'> | 'missing' };

/**
 * Finds the session for a cookie value. An expired session is deleted on sight, so an idle or day-old cookie
 * can never come back to life; an active one has its idle clock restarted.
 */
export async function findSession(db: Kysely<Database>, token: string | undefined, now = new Date()): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'missing' };
  const row = await db.selectFrom('staff_sessions').selectAll().where('id', '=', sessionIdOf(token)).executeTakeFirst();
  if (!row) return { status: 'missing' };
  const session: StaffSession = {
    id: row.id,
    accountId: row.account_id,
    stage: row.stage,
    csrfToken: row.csrf_token,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
  };
  const status = sessionStatus(session, now);
  if (status !== 'active') {
    await endSession(db, session.id);
    return { status };
  }
  if (shouldTouch(session, now)) {
    await db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', session.id).execute();
    session.lastSeenAt = now;
  }
  return { status: 'active', session };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id', '=', sessionId).execute();
}

/** "Logout everywhere", and what a password reset or disabling an account does; optionally spares one session. */
export async function endAllSessions(db: Kysely<Database>, accountId: number, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom('staff_sessions').where('account_id', '=', accountId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countSessions(db: Kysely<Database>, accountId: number): Promise<number> {
  const row = await db.selectFrom('staff_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sessions abandoned without logging out; safe to run at any time, e.g. at start-up or hourly. */
export async function purgeExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - sessionPolicy.idleMs).toISOString();
  const ageCutoff = new Date(now.getTime() - sessionPolicy.absoluteMs).toISOString();
  const result = await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<=', idleCutoff), eb('created_at', '<=', ageCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
