import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Portal } from '../../src/server/portal.ts';
import { lookupReportStatus, wrongCodesPerNumberPerHour } from '../../src/server/reports/reportStatus.ts';
import { openStore } from '../../src/server/store/openStore.ts';
import { openTestPortal } from '../support/testPortal.ts';
import { postgresAvailable } from '../support/testStores.ts';

// Two portal instances behind a load balancer, one PostgreSQL: a guesser spreading wrong check codes for one
// tracking number over both (and over many addresses) is stopped after the one limit, not after twice it.
describe.skipIf(!postgresAvailable())('report status limits across two instances [postgresql]', () => {
  let first: Portal & { dir: string };
  let second: Portal;
  beforeAll(async () => {
    first = await openTestPortal({ demo: false, engine: 'postgresql' });
    second = { ...first, store: await openStore(first.config) };
  });
  afterAll(async () => {
    await second?.store.destroy();
    await first?.close();
  });

  test('stops wrong codes for one number after the limit, counted over both instances', async () => {
    const number = 'JDZ-20261129-9999';
    for (let i = 0; i < wrongCodesPerNumberPerHour; i += 1) {
      const instance = i % 2 === 0 ? first : second;
      expect(await lookupReportStatus(instance, number, 'WRONGCOD', `203.0.113.${i}`)).toEqual({ ok: false, reason: 'not_found' });
    }
    expect(await lookupReportStatus(first, number, 'WRONGCOD', '203.0.113.200')).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await lookupReportStatus(second, number, 'WRONGCOD', '203.0.113.201')).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
