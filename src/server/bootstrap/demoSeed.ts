import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoRegister } from '../../domain/facilities/demoRegister.ts';
import { parseDivisionsCsv, parseVillagesCsv } from '../../domain/regions/regionTree.ts';
import { demoPricesForReferences, demoReferenceRows } from '../../domain/prices/demoReferencePrices.ts';
import { defaultPriceSignalThresholds } from '../../domain/prices/signalThresholds.ts';
import { demoMonitoringList, demoShortageList } from '../../domain/shortages/demoLists.ts';
import { generateDemoStock } from '../../domain/stock/demoStock.ts';
import type { Store } from '../store/openStore.ts';
import { saveFacilities } from '../store/facilityStore.ts';
import { saveStockReports } from '../store/stockStore.ts';
import { saveDemoList } from '../store/demoListStore.ts';
import { seedDemoEnforcement } from './demoEnforcement.ts';
import { drugSummaries } from '../store/drugStore.ts';
import { hasDemoReferences } from '../store/referencePriceStore.ts';
import { importReferencePrices } from '../prices/referenceImport.ts';
import { recordPricesAndSignals } from '../prices/priceWatch.ts';

/** Common outpatient drugs get stocked more often in the demo, as they are in real pharmacies. */
const commonGenericNames = [
  '布洛芬', '对乙酰氨基酚', '阿莫西林', '头孢呋辛', '阿奇霉素', '氨氯地平', '硝苯地平', '二甲双胍', '阿司匹林',
  '阿托伐他汀', '奥美拉唑', '蒙脱石', '氯雷他定', '感冒清热颗粒（胶囊）', '连花清瘟胶囊（颗粒）', '复方丹参片（颗粒、胶囊、滴丸）',
];

export async function seedDemoData(store: Store, dataDir: string, now = new Date()): Promise<{ facilities: number; reports: number }> {
  const regions = parseDivisionsCsv(readFileSync(join(dataDir, 'jingdezhen_divisions.csv'), 'utf8'));
  const villages = parseVillagesCsv(readFileSync(join(dataDir, 'jingdezhen_villages.csv'), 'utf8'));
  const facilities = generateDemoRegister({ regions, villages });
  await saveFacilities(store, facilities, now);

  const drugs = [...(await drugSummaries(store)).values()];
  const idsByName = (names: string[]) => new Set(drugs.filter((d) => names.includes(d.genericName)).map((d) => d.id));
  const generated = generateDemoStock({
    facilities,
    drugs: drugs.map((d) => ({ id: d.id, kind: d.kind, formsText: d.formsText })),
    now,
    commonDrugIds: idsByName(commonGenericNames),
    scarceDrugIds: idsByName([...demoShortageList.genericNames, ...demoMonitoringList.genericNames]),
  });
  const reports = demoPricesForReferences(generated, new Map(drugs.map((d) => [d.genericName, d.id])), now);
  if (!(await hasDemoReferences(store))) {
    const text = JSON.stringify(demoReferenceRows);
    await importReferencePrices(store, { fileName: 'demo-reference-prices.json', text, importedBy: 'demo', isDemo: true, now });
  }
  await saveStockReports(store, reports, 'demo');
  await recordPricesAndSignals({ store, config: { PRICE_SIGNAL_THRESHOLDS: defaultPriceSignalThresholds } }, reports, 'demo', now);

  for (const list of [demoShortageList, demoMonitoringList]) await saveDemoList(store, list, now);
  await seedDemoEnforcement(store, now);
  return { facilities: facilities.length, reports: reports.length };
}
