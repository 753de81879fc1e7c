import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { reportWriterFor, startReportWriter, stopReportWriter } from '../../../src/server/store/reportWriter.ts';
import { sqliteFileOf } from '../../../src/server/store/sqliteFile.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
});
afterAll(async () => {
  await portal.close();
});

const submit = async (drugName: string) => submitReport(portal, submission({ drugName, altcha: await solvedChallenge(portal.dir) }));

describe('the report writer thread of a SQLite store', () => {
  test('starts before the first report, writes what the main connection then reads, and starts again after a stop', async () => {
    const file = sqliteFileOf(portal.store);
    expect(file).toMatch(/portal\.sqlite$/);
    await startReportWriter(portal.store);
    const first = await submit('甲硝唑片');
    expect(first).toMatchObject({ ok: true, created: true });
    const stored = await portal.store.selectFrom('citizen_reports').select('drug_name').where('tracking_number', '=', first.ok ? first.trackingNumber : '').executeTakeFirst();
    expect(stored?.drug_name).toBe('甲硝唑片');

    const stopped = reportWriterFor(file ?? '');
    await stopReportWriter(file ?? '');
    // A write to a stopped thread is refused, never left hanging; the next report gets a new thread.
    await expect(stopped.write({} as never)).rejects.toThrow(/exited/);
    expect(await submit('替硝唑片')).toMatchObject({ ok: true, created: true });
    expect(reportWriterFor(file ?? '')).not.toBe(stopped);
  });
});
