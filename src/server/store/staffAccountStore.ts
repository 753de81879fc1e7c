import type { Kysely, Selectable } from 'kysely';
import { type AuditActor, auditDiff, auditSnapshot } from '../../domain/staff/audit.ts';
import { accountAuditView, type NewStaffAccount, type StaffAccount } from '../../domain/staff/account.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import { parseStoredRoles, type StaffRole } from '../../domain/staff/roles.ts';
import type { Database, StaffAccountTable } from './schema.ts';
import { appendAudit } from './auditLogStore.ts';

/**
 * Persistence of staff accounts. Every change writes its audit entry in the same transaction. Callers decide
 * who may do what (accountAdmin.ts); this module only refuses what is never valid.
 */
export class StaffAccountError extends Error {
  readonly code: 'username_taken' | 'not_found';
  constructor(code: StaffAccountError['code']) {
    super(code);
    this.name = 'StaffAccountError';
    this.code = code;
  }
}

type AccountRow = Selectable<StaffAccountTable>;

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    regionCode: row.region_code,
    roles: parseStoredRoles(row.roles),
    totpEnabled: row.totp_enabled === 1,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

/** The secrets, for the login and security code only. */
export interface AccountCredentials {
  account: StaffAccount;
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

export async function findCredentials(db: Kysely<Database>, by: { username: string } | { id: number }): Promise<AccountCredentials | undefined> {
  const query = db.selectFrom('staff_accounts').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('username', '=', by.username.trim().toLowerCase())).executeTakeFirst();
  if (!row) return undefined;
  return { account: toAccount(row), passwordHash: row.password_hash, totpSecret: row.totp_secret, totpLastStep: row.totp_last_step };
}

export async function getAccount(db: Kysely<Database>, id: number): Promise<StaffAccount | undefined> {
  const row = await db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/** Accounts whose region is `regionCode` or below, ordered by region then username. */
export async function listAccountsInRegion(db: Kysely<Database>, regionCode: string): Promise<StaffAccount[]> {
  const { from, before } = regionPrefixRange(regionCode);
  const rows = await db
    .selectFrom('staff_accounts')
    .selectAll()
    .where('region_code', '>=', from)
    .where('region_code', '<', before)
    .orderBy('region_code')
    .orderBy('username')
    .execute();
  return rows.map(toAccount);
}

export async function createAccount(
  db: Kysely<Database>,
  input: NewStaffAccount & { passwordHash: string; mustChangePassword: boolean },
  actor: AuditActor,
  now = new Date(),
): Promise<StaffAccount> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('staff_accounts').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new StaffAccountError('username_taken');
    const row = await trx
      .insertInto('staff_accounts')
      .values({
        username: input.username,
        display_name: input.displayName,
        region_code: input.regionCode,
        roles: JSON.stringify(input.roles),
        password_hash: input.passwordHash,
        must_change_password: input.mustChangePassword ? 1 : 0,
        totp_enabled: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const account = toAccount(row);
    await appendAudit(trx, actor, {
      action: 'account.create',
      regionCode: account.regionCode,
      target: { type: 'staff_account', id: account.id },
      after: auditSnapshot(accountAuditView(account)),
    }, now);
    return account;
  });
}

type AccountChange =
  | { action: 'account.roles'; roles: StaffRole[] }
  | { action: 'account.disable' | 'account.enable' }
  | { action: 'account.password_reset' | 'password.change'; passwordHash: string; mustChangePassword: boolean }
  | { action: 'totp.enable'; totpLastStep: number }
  | { action: 'totp.disable' };

function columnsFor(change: AccountChange, now: Date): Partial<AccountRow> {
  switch (change.action) {
    case 'account.roles':
      return { roles: JSON.stringify(change.roles) };
    case 'account.disable':
      return { disabled_at: now.toISOString() };
    case 'account.enable':
      return { disabled_at: null };
    case 'account.password_reset':
    case 'password.change':
      return { password_hash: change.passwordHash, must_change_password: change.mustChangePassword ? 1 : 0 };
    case 'totp.enable':
      return { totp_enabled: 1, totp_last_step: change.totpLastStep };
    case 'totp.disable':
      return { totp_enabled: 0, totp_secret: null, totp_last_step: null };
  }
}

/** Applies one audited change and returns the account as it is afterwards. */
export async function changeAccount(
  db: Kysely<Database>,
  id: number,
  change: AccountChange,
  actor: AuditActor,
  now = new Date(),
): Promise<StaffAccount> {
  return db.transaction().execute(async (trx) => {
    const beforeRow = await trx.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!beforeRow) throw new StaffAccountError('not_found');
    const afterRow = await trx
      .updateTable('staff_accounts')
      .set({ ...columnsFor(change, now), updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = toAccount(beforeRow);
    const after = toAccount(afterRow);
    // Password changes alter no visible field, yet must still be on record: log them with an empty diff.
    const diff = auditDiff(accountAuditView(before), accountAuditView(after));
    await appendAudit(trx, actor, {
      action: change.action,
      regionCode: after.regionCode,
      target: { type: 'staff_account', id },
      before: diff?.before ?? null,
      after: diff?.after ?? null,
    }, now);
    return after;
  });
}

/** Enrolment in progress: the secret is kept but not yet required at login until a code confirms it. */
export async function savePendingTotpSecret(db: Kysely<Database>, id: number, secret: string): Promise<void> {
  await db.updateTable('staff_accounts').set({ totp_secret: secret }).where('id', '=', id).where('totp_enabled', '=', 0).execute();
}

/**
 * Records a used TOTP step. The condition makes two simultaneous logins with the same code race safely: only
 * one update matches, and the other is treated as a replay.
 */
export async function claimTotpStep(db: Kysely<Database>, id: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('staff_accounts')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Silent upgrade of an old-parameter hash after a successful login; not an account change worth logging. */
export async function upgradePasswordHash(db: Kysely<Database>, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('staff_accounts').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** How staff are named to each other (authors, reviewers), for the given account ids. */
export async function staffDisplayNames(db: Kysely<Database>, ids: readonly (number | null)[]): Promise<Map<number, { displayName: string; username: string }>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff_accounts').select(['id', 'display_name', 'username']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { displayName: r.display_name, username: r.username }]));
}
