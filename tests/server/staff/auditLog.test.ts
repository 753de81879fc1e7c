import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AuditActor } from '../../../src/domain/staff/audit.ts';
import { auditCsvStream, csvCell } from '../../../src/server/staff/auditCsv.ts';
import { allAuditEntries, appendAudit, queryAudit } from '../../../src/server/store/auditLogStore.ts';
import type { Store } from '../../../src/server/store/openStore.ts';
import { openTestStore } from './staffFixtures.ts';

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ store, close } = await openTestStore());
});
afterEach(async () => close());

const actor: AuditActor = { id: 1, username: 'city.admin', ip: '192.0.2.1' };

async function seedEntries() {
  // 2026-03-01 23:30 in Shanghai is still 1 March there, though 15:30 UTC.
  await appendAudit(store, actor, { action: 'account.create', regionCode: '3602' }, new Date('2026-03-01T15:30:00Z'));
  await appendAudit(store, actor, { action: 'account.roles', regionCode: '360203' }, new Date('2026-03-01T16:30:00Z'));
  await appendAudit(store, actor, { action: 'account.disable', regionCode: '360202' }, new Date('2026-03-02T02:00:00Z'));
  await appendAudit(store, actor, { action: 'account.enable', regionCode: '360203101' }, new Date('2026-03-02T03:00:00Z'));
  await appendAudit(store, { id: null, username: 'nobody', ip: null }, { action: 'login.failure', regionCode: null }, new Date('2026-03-02T04:00:00Z'));
}

describe('queryAudit', () => {
  test('shows a county admin its county and townships, not the neighbour county or the city', async () => {
    await seedEntries();
    const { entries, total } = await queryAudit(store, { regionCode: '360203', includeUnscoped: false }, { page: 1 });
    expect(total).toBe(2);
    expect(entries.map((e) => e.action)).toEqual(['account.enable', 'account.roles']);
  });

  test('shows a city admin everything in the city, and entries without a region only when asked', async () => {
    await seedEntries();
    expect((await queryAudit(store, { regionCode: '3602', includeUnscoped: false }, { page: 1 })).total).toBe(4);
    const top = await queryAudit(store, { regionCode: '36', includeUnscoped: true }, { page: 1 });
    expect(top.total).toBe(5);
    expect(top.entries[0]).toMatchObject({ action: 'login.failure', regionCode: null, actorUsername: 'nobody' });
  });

  test('filters by Shanghai calendar days, action and actor', async () => {
    await seedEntries();
    const scope = { regionCode: '3602', includeUnscoped: false };
    const march1 = await queryAudit(store, scope, { from: '2026-03-01', to: '2026-03-01', page: 1 });
    expect(march1.entries.map((e) => e.action)).toEqual(['account.create']);
    expect((await queryAudit(store, scope, { action: 'account.disable', page: 1 })).total).toBe(1);
    expect((await queryAudit(store, scope, { actor: 'someone.else', page: 1 })).total).toBe(0);
  });

  test('pages newest first', async () => {
    await seedEntries();
    const page2 = await queryAudit(store, { regionCode: '3602', includeUnscoped: false }, { page: 2 }, 3);
    expect(page2.entries.map((e) => e.action)).toEqual(['account.create']);
  });
});

describe('appendAudit', () => {
  test('refuses an action not in the list and writes nothing', async () => {
    // @ts-expect-error: the point is an action name the types do not allow
    await expect(appendAudit(store, actor, { action: 'account.delete', regionCode: '3602' })).rejects.toThrow();
    expect(await store.selectFrom('audit_log').select('id').execute()).toEqual([]);
  });
});

describe('auditCsvStream', () => {
  test('returns UTF-8 with a BOM, a Chinese header, Shanghai times and Chinese action names', async () => {
    await appendAudit(store, actor, { action: 'account.roles', regionCode: '360203', before: { roles: ['data'] }, after: { roles: ['data', 'admin'] } }, new Date('2026-03-01T16:30:00Z'));
    const scope = { regionCode: '3602', includeUnscoped: false };
    const bytes = new Uint8Array(await new Response(auditCsvStream(allAuditEntries(store, scope, {}))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toMatch(/^编号,时间（北京时间）,UTC 时间,操作人/);
    expect(lines[1]).toContain('2026-03-02 00:30,2026-03-01T16:30:00.000Z,city.admin,1,192.0.2.1,修改角色,account.roles,360203');
    expect(lines[1]).toContain('"{""roles"":[""data""]}"');
  });

  test('exports every entry across batches', async () => {
    for (let i = 0; i < 7; i++) await appendAudit(store, actor, { action: 'logout', regionCode: '3602' });
    const seen: number[] = [];
    for await (const e of allAuditEntries(store, { regionCode: '3602', includeUnscoped: false }, {}, 3)) seen.push(e.id);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });
});

describe('csvCell', () => {
  test('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86 123')).toBe("'+86 123");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('quotes commas, quotes and line breaks and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('景德镇市')).toBe('景德镇市');
    expect(csvCell(null)).toBe('');
  });
});
