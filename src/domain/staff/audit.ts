import { z } from 'zod';

/**
 * Every staff action the audit log knows. Sections add their own names here (one line each) so that the log
 * viewer's filter and the CSV can label them.
 */
export const auditAction = z.enum([
  'login.success',
  'login.failure',
  'login.locked_out',
  'login.failure_summary',
  'logout',
  'logout.everywhere',
  'password.change',
  'totp.enable',
  'totp.disable',
  'account.create',
  'account.roles',
  'account.disable',
  'account.enable',
  'account.password_reset',
  'audit.export',
  'security.csrf_rejected',
  'article.create',
  'article.edit',
  'article.submit',
  'article.return',
  'article.publish',
  'article.schedule',
  'article.publish_due',
  'article.correct',
  'article.withdraw',
  'article.correct_propose',
  'article.withdraw_propose',
  'article.revision_reject',
  'shortage_list.stage',
  'shortage_list.discard',
  'shortage_list.publish',
  'notice.attachment_add',
  'notice.attachment_remove',
  'report_case.assign',
  'report_case.verify',
  'report_case.reply',
  'report_case.close',
  'report_case.reveal_phone',
  'intake_token.issue',
  'intake_token.revoke',
  'api_key.issue',
  'api_key.revoke',
  'webhook.add',
  'webhook.disable',
  'facility.close',
  'facility.reopen',
  'price_signal.assign',
  'price_signal.action',
  'price_signal.close',
  'price_signal.export',
  'reference_prices.import',
]);
export type AuditAction = z.infer<typeof auditAction>;

const jsonObject = z.record(z.string(), z.unknown());

/**
 * One row of the log. `regionCode` is the region the action concerns (the target account's region for
 * account changes); admins see entries for their region and below. Null only when no region is known, such
 * as a failed login with a username that does not exist.
 */
export const auditEntry = z.object({
  at: z.iso.datetime(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().max(64).nullable(),
  action: auditAction,
  regionCode: z.string().regex(/^\d+$/).nullable(),
  targetType: z.string().max(40).nullable(),
  targetId: z.string().max(80).nullable(),
  before: jsonObject.nullable(),
  after: jsonObject.nullable(),
  detail: jsonObject.nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Who did it and from where; built once per request and passed to every store call that writes. */
export interface AuditActor {
  id: number | null;
  username: string | null;
  ip: string | null;
}

/** Field names never copied into the log, even if a caller passes a whole row. */
const secretFields = new Set(['password', 'password_hash', 'passwordHash', 'totp_secret', 'totpSecret', 'token']);

function redact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !secretFields.has(key)));
}

/**
 * The changed fields only, before and after, so that an edit of one field in a long record reads as that one
 * change. Null when nothing changed, which callers use to skip writing an entry for a no-op save.
 */
export function auditDiff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b = redact(before);
  const a = redact(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (changed.length === 0) return null;
  const pick = (r: Record<string, unknown>) => Object.fromEntries(changed.filter((k) => k in r).map((k) => [k, r[k]]));
  return { before: pick(b), after: pick(a) };
}

/** For entries that create something: the whole new record, minus secrets. */
export function auditSnapshot(record: Record<string, unknown>): Record<string, unknown> {
  return redact(record);
}
