import type { Store } from './openStore.ts';

/**
 * Takes (or renews) the lease on a scheduled job for `holder` until `now + ttlMs`; true when `holder` holds it.
 * One statement on either engine: the row is inserted if missing, and overwritten only when its lease has
 * expired or is already ours, so two instances racing for it cannot both win (the primary key serialises them).
 */
export async function acquireJobLease(store: Store, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const result = await store
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('job_leases.holder', '=', holder), eb('job_leases.expires_at', '<=', now.toISOString())])),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Gives the lease up (on a clean shutdown), so another instance need not wait for it to expire. */
export async function releaseJobLease(store: Store, name: string, holder: string): Promise<void> {
  await store.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
