import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { availabilityQuery } from '../../src/domain/stock/availabilityQuery.ts';
import { prepareStore } from '../../src/server/bootstrap/prepareStore.ts';
import type { Portal } from '../../src/server/portal.ts';
import { availabilityOf } from '../../src/server/services/availability.ts';
import { drugDetail } from '../../src/server/services/drugDetail.ts';
import { drugSearch } from '../../src/server/services/drugSearch.ts';
import { facilityDetail } from '../../src/server/services/facilityDetail.ts';
import { openTestPortal } from '../support/testPortal.ts';
import { postgresAvailable } from '../support/testStores.ts';

const ibuprofen = 'W078';

// The path a citizen takes (search, availability, facility, drug page) on a portal started as `npm start` does,
// demo data included. SQLite walks the same path in tests/server/services/availability.test.ts; loading the demo
// twice more would cost the suite ~15 s for nothing new.
for (const engine of ['postgresql'] as const) {
  describe.skipIf(!postgresAvailable())(`portal with demo data [${engine}]`, () => {
    let portal: Portal;
    beforeAll(async () => {
      portal = await openTestPortal({ demo: true, engine });
      await prepareStore(portal, () => {});
    });
    afterAll(async () => portal?.close());

    test('finds 布洛芬 by its initials', async () => {
      const result = await drugSearch(portal, 'blf', 5);
      expect(result.hits[0]?.id).toBe(ibuprofen);
    });

    test('lists facilities in a county with 布洛芬, usable facts first, with the stored report', async () => {
      const result = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }));
      expect(result.facilities.length).toBeGreaterThan(0);
      expect(result.facilities.every((f) => f.countyCode === '360281')).toBe(true);
      // The portal's one order: fresh 有货, then 紧张, then stale facts to call about, disputed ones, then 缺货.
      const order = { usable: 0, low: 1, call: 2, disputed: 3, out: 4 };
      const statuses = result.facilities.map((f) => order[f.standing]);
      expect([...statuses].sort((a, b) => a - b)).toEqual(statuses);
      const detail = await facilityDetail(portal, result.facilities[0]?.id ?? '', 'blf');
      expect(detail?.stock.map((s) => s.drugName)).toContain('布洛芬');
    });

    test('shows a drug page with the 示例 list flags and same-class alternatives', async () => {
      const detail = await drugDetail(portal, ibuprofen);
      expect(detail?.drug.genericName).toBe('布洛芬');
      expect(detail?.substitutes.length).toBeGreaterThan(0);
      const flagged = await portal.store.selectFrom('shortage_list_entries').select('drug_id').where('drug_id', 'is not', null).executeTakeFirstOrThrow();
      const listed = await drugDetail(portal, flagged.drug_id ?? '');
      expect(listed?.drug.flags.lists.some((l) => l.isDemo)).toBe(true);
    });
  });
}
