import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNotice } from '../../../src/server/notices/noticeActions.ts';
import { AttachmentError, attachToNotice } from '../../../src/server/notices/noticeAttachments.ts';
import { noticeFieldErrors } from '../../../src/server/notices/noticeForms.ts';
import { answerForError } from '../../../src/server/http/errorAnswers.ts';
import { isServiceUnavailable } from '../../../src/server/resilience/unavailable.ts';
import { loginWithPassword } from '../../../src/server/staff/staffLogin.ts';
import { openSqliteStore, type Store } from '../../../src/server/store/openStore.ts';
import { loadRegions, saveRegions } from '../../../src/server/store/regionStore.ts';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import type { Database } from '../../../src/server/store/schema.ts';
import { nodeSqliteDialect } from '../../../src/server/store/sqliteDialect.ts';
import { type NoticeTestBed, noticeInput, openNoticeTestBed, pdfBytes } from '../notices/noticeFixtures.ts';
import { seedAccount, testPassword } from '../staff/staffFixtures.ts';

const upload = (marker: string) => ({ filename: '通报.pdf', declaredType: 'application/pdf', bytes: pdfBytes(marker) });

describe('the attachments folder cannot be written', () => {
  let bed: NoticeTestBed;
  beforeAll(async () => {
    bed = await openNoticeTestBed();
  });
  afterAll(async () => bed.portal.close());

  // Tests run as root, where chmod stops nothing; a plain file where the folder should be makes every write
  // under it fail (ENOTDIR/EEXIST) for root too, as a read-only or lost volume would.
  test('an upload gets a clear Chinese message beside the file field, and nothing is half-written', async () => {
    const folder = join(bed.portal.dir, 'attachments');
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(folder, 'not a folder');
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput());
    const error = await attachToNotice(bed.portal, bed.publisher, draft.id, upload('unwritable')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect(noticeFieldErrors(error, 'file')).toEqual([{ field: 'file', message: expect.stringMatching(/附件无法保存/) }]);
    const rows = await bed.portal.store.selectFrom('notice_attachments').selectAll().where('article_id', '=', draft.id).execute();
    expect(rows).toEqual([]);
    expect(readdirSync(bed.portal.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    rmSync(folder);
  });
});

/**
 * The data directory read-only. Tests run as root, where chmod stops nothing, and a read-only remount fails
 * while the store holds its files open for writing. So the store file is opened through SQLite's own read-only
 * mode: the state SQLite is in when its file system turns read-only under it, where every write ends in
 * SQLITE_READONLY, for root too. (A WAL store opened afresh on a read-only mount cannot even be read: SQLite
 * needs its -shm file; that is SQLITE_CANTOPEN, which the same code answers as store_unwritable.)
 */
describe('the data directory read-only', () => {
  let dir: string;
  let writable: Store;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fault-read-only-'));
    const path = join(dir, 'portal.sqlite');
    writable = await openSqliteStore(path);
    await saveRegions(writable, parseDivisionsCsv(readFileSync(new URL('../../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8')));
    await seedAccount(writable, 'li.ming', '360203', ['data']);
    store = new Kysely<Database>({ dialect: nodeSqliteDialect(new DatabaseSync(path, { readOnly: true })) });
  });

  afterAll(async () => {
    await store.destroy();
    await writable.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a write answers 503 store_unwritable in Chinese, and reads keep answering', async () => {
    const error = await loginWithPassword(store, { username: 'li.ming', password: testPassword }, { ip: null, userAgent: null }).catch((e: unknown) => e);
    if (!isServiceUnavailable(error)) throw new Error(`expected store_unwritable, got ${String(error)}`);
    expect(error.code).toBe('store_unwritable');
    const page = answerForError(error, false);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBeTruthy();
    expect(await page.text()).toMatch(/服务器存储暂时无法写入，本次操作没有保存/);
    const api = answerForError(error, true);
    expect((await api.json()).error.code).toBe('store_unwritable');
    expect((await loadRegions(store)).length).toBeGreaterThan(0);
  });
});
