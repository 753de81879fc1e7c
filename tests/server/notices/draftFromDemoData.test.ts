import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { draftNoticeMarkdown } from '../../../src/domain/notices/draftFigures.ts';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import { demoShortageList } from '../../../src/domain/shortages/demoLists.ts';
import { seedDemoData } from '../../../src/server/bootstrap/demoSeed.ts';
import { loadCatalogueFromDataDir } from '../../../src/server/catalogueFiles.ts';
import { createNoticeFromFigures } from '../../../src/server/notices/noticeActions.ts';
import { quarterFigures } from '../../../src/server/notices/noticeFigures.ts';
import type { Portal } from '../../../src/server/portal.ts';
import { saveCatalogue } from '../../../src/server/store/drugStore.ts';
import { saveRegions } from '../../../src/server/store/regionStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';

const dataDir = new URL('../../../data/', import.meta.url).pathname;
let portal: Portal & { dir: string };

// The same seed the portal runs on first start with DEMO_DATA=1: real catalogue and regions, demo register,
// stock and the two 示例 lists (in force from 2026-09-01, so they appear during the third quarter of 2026).
beforeAll(async () => {
  portal = await openTestPortal({ demo: true });
  await saveCatalogue(portal.store, loadCatalogueFromDataDir(dataDir));
  await saveRegions(portal.store, parseDivisionsCsv(readFileSync(`${dataDir}jingdezhen_divisions.csv`, 'utf8')));
  await seedDemoData(portal.store, dataDir, new Date('2026-10-05T02:00:00Z'));
});
afterAll(async () => portal.close());

describe('draft figures from the demo data', () => {
  test('contain a coverage table for each 示例 list, labelled as demo', async () => {
    const md = draftNoticeMarkdown(await quarterFigures(portal.store, '3602', { year: 2026, q: 3 }));
    expect(md).toContain(`### ${demoShortageList.title}\n`);
    expect(md).toContain('示例临床必需易短缺药品重点监测清单');
    expect(md.match(/\| 药品 \| 有货占比 \| 有货 \| 其中紧张 \| 缺货 \|/g)).toHaveLength(2);
    expect(md).toContain('含演示数据（示例）');
    expect(md).toContain('由季度初尚未施行变为第 1 版（2026-09-01 起施行）');
    expect(md).toContain('没有收到群众反映');
  });

  test('give the price section the two 示例 enforcement results, by action and by county', async () => {
    const md = draftNoticeMarkdown(await quarterFigures(portal.store, '3602', { year: 2026, q: 3 }));
    const section = md.slice(md.indexOf('## 四、药品价格监测和整治情况'), md.indexOf('（以上数据'));
    expect(section).toContain('本季度共发布药品价格整治结果 2 件，其中函询约谈 1 件、成本调查 1 件。');
    expect(section).toContain('| 珠山区 | 1 |');
    expect(section).toContain('| 乐平市 | 1 |');
    expect(section).toContain('没有收到反映药品价格异常上涨的群众反映');
    expect((await quarterFigures(portal.store, '360222', { year: 2026, q: 3 })).prices.enforcement.total).toBe(0);
  });

  test('count each listed drug’s facilities as the stock reports in the region say', async () => {
    const figures = await quarterFigures(portal.store, '360203', { year: 2026, q: 3 });
    const table = figures.coverage.tables.find((t) => t.listTitle === demoShortageList.title);
    const row = table?.rows.find((r) => r.drugName === '多巴胺');
    const drug = await portal.store.selectFrom('drugs').select('id').where('generic_name', '=', '多巴胺').executeTakeFirstOrThrow();
    const reports = await portal.store
      .selectFrom('stock_reports')
      .innerJoin('facilities', 'facilities.id', 'stock_reports.facility_id')
      .select('stock_reports.status')
      .where('stock_reports.drug_id', '=', drug.id)
      .where('facilities.county_code', '=', '360203')
      .execute();
    const facilities = await portal.store.selectFrom('facilities').select('id').where('county_code', '=', '360203').execute();
    expect(figures.coverage.facilityCount).toBe(facilities.length);
    expect(row).toEqual({
      drugName: '多巴胺',
      inStock: reports.filter((r) => r.status !== 'out').length,
      low: reports.filter((r) => r.status === 'low').length,
      out: reports.filter((r) => r.status === 'out').length,
    });
  });

  test('a quarter before the lists took effect reports no list and no coverage table', async () => {
    const md = draftNoticeMarkdown(await quarterFigures(portal.store, '3602', { year: 2026, q: 2 }));
    expect(md).toContain('本季度没有适用于景德镇市的短缺药品清单');
    expect(md).not.toContain('| 药品 |');
  });

  test('become the body of a new draft with a default title', async () => {
    await seedAccount(portal.store, 'pub.city', '3602', ['publisher']);
    const user = await signedIn(portal.store, 'pub.city');
    const draft = await createNoticeFromFigures(portal, user, { regionCode: '3602', quarter: { year: 2026, q: 3 }, issuer: '景德镇市卫生健康委员会', docNumber: '景卫药政字〔2026〕12号' });
    expect(draft).toMatchObject({ state: 'draft', title: '景德镇市2026年第三季度药品供应保障情况通报', category: '2026-q3' });
    expect(draft.bodyMd).toContain('## 二、清单药品库存覆盖情况');
  });
});
