import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { appendAudit } from '../../src/server/store/auditLogStore.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { openStore, type Store } from '../../src/server/store/openStore.ts';
import { saveRegions } from '../../src/server/store/regionStore.ts';
import { saveListVersion } from '../../src/server/store/shortageListStore.ts';
import { saveStockReports } from '../../src/server/store/stockStore.ts';
import { backupStore, restoreStore, StoreBackupError } from '../../src/server/store/storeBackup.ts';
import { jingdezhenRegions, testDrug, testFacility, testReport } from '../support/storeFixtures.ts';
import { describeStores, emptyStoreLocation, type TestStore } from '../support/testStores.ts';

async function fill(store: Store): Promise<void> {
  await saveRegions(store, jingdezhenRegions());
  await saveCatalogue(store, [testDrug('W078', '布洛芬', { aliases: [{ name: '芬必得', kind: 'brand', source: 'test' }] }), testDrug('W006', '阿莫西林')]);
  await saveFacilities(store, [testFacility('JDZ-P-0001'), testFacility('JDZ-P-0002', { insuranceDesignated: false })]);
  await saveStockReports(store, [testReport('JDZ-P-0001', 'W078', '2026-11-24T01:30:00.000Z'), testReport('JDZ-P-0002', 'W006', '2026-11-24T02:00:00.000Z', { status: 'out', quantity: 0 })], 'test');
  await saveListVersion(store, { listKey: 'national-shortage', kind: 'shortage', scope: 'national', regionCode: null, title: '示例清单', issuer: '示例', docNumber: null, effectiveDate: '2026-01-01', sourceUrl: null, isDemo: true, entries: [{ drugId: 'W078', rawName: '布洛芬', rawForm: '片剂', note: null }] });
  await appendAudit(store, { id: 1, username: 'city.admin', ip: '192.0.2.1' }, { action: 'account.create', regionCode: '3602', after: { username: 'li.ming' } });
}

async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await store.introspection.getTables()) {
    const row = await store.selectFrom(table.name as 'drugs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

describeStores('backupStore and restoreStore', (open, engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-test-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const opened = async (): Promise<TestStore> => {
    const t = await open();
    cleanups.push(() => t.close());
    return t;
  };

  test('restores every record into an empty store, and the restored store takes new rows', async () => {
    const source = await opened();
    await fill(source.store);
    const file = join(scratch(), 'portal.backup');
    await backupStore(source.location, file);

    const target = await emptyStoreLocation(engine);
    cleanups.push(() => target.remove());
    await restoreStore(target.location, file);
    const restored = await openStore(target.location);
    cleanups.push(() => restored.destroy());

    const counts = await tableCounts(source.store);
    expect(counts.drugs).toBe(2);
    expect(counts.audit_log).toBe(1);
    expect(await tableCounts(restored)).toEqual(counts);
    const sample = (store: Store) => store.selectFrom('stock_reports').selectAll().orderBy('facility_id').execute();
    expect(await sample(restored)).toEqual(await sample(source.store));
    const facilities = (store: Store) => store.selectFrom('facilities').selectAll().orderBy('id').execute();
    expect(await facilities(restored)).toEqual(await facilities(source.store));
    // Identity counters come back too, so the next entry does not collide with a restored one.
    await appendAudit(restored, { id: null, username: 'x', ip: null }, { action: 'logout', regionCode: null });
    expect((await restored.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2]);
  });

  test('refuses to restore over a store that has data', async () => {
    const source = await opened();
    await fill(source.store);
    const file = join(scratch(), 'portal.backup');
    await backupStore(source.location, file);
    await expect(restoreStore(source.location, file)).rejects.toThrow(StoreBackupError);
    expect((await tableCounts(source.store)).drugs).toBe(2);
  });

  test('refuses a file that is not a backup and leaves the empty store empty', async () => {
    const file = join(scratch(), 'not-a-backup');
    writeFileSync(file, 'hello');
    const target = await emptyStoreLocation(engine);
    cleanups.push(() => target.remove());
    await expect(restoreStore(target.location, file)).rejects.toThrow(StoreBackupError);
    const store = await openStore(target.location);
    cleanups.push(() => store.destroy());
    expect((await tableCounts(store)).drugs).toBe(0);
  });
});
