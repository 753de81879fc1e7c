import { createRandom, hashSeed } from '../demo/seededRandom.ts';
import type { StockReport } from '../stock/stockStatus.ts';

/**
 * One small reference list, loaded only with the demo data through the reference importer and always labelled
 * 示例: plausible magnitudes, not any real procurement result. Rows as a staff file would give them.
 */
export const demoReferenceRows = [
  { kind: '国家集采', drug: '阿莫西林', dosage_form: '胶囊', strength: '0.25g', pack: '盒(0.25g×24粒)', company: '示例药业', price: '5.90' },
  { kind: '国家集采', drug: '氨氯地平', dosage_form: '片剂', strength: '5mg', pack: '盒(5mg×28片)', company: '示例药业', price: '3.80' },
  { kind: '国家集采', drug: '二甲双胍', dosage_form: '片剂', strength: '0.5g', pack: '盒(0.5g×60片)', company: '示例药业', price: '4.50' },
  { kind: '国家集采', drug: '阿托伐他汀', dosage_form: '片剂', strength: '20mg', pack: '盒(20mg×28片)', company: '示例药业', price: '6.20' },
  { kind: '国家集采', drug: '氯吡格雷', dosage_form: '片剂', strength: '75mg', pack: '盒(75mg×28片)', company: '示例药业', price: '16.80' },
  { kind: '国家集采', drug: '布洛芬', dosage_form: '胶囊', strength: '0.2g', pack: '盒(0.2g×20粒)', company: '示例药业', price: '5.20' },
  { kind: '挂网价', drug: '布洛芬', region: '36', dosage_form: '胶囊', strength: '0.2g', pack: '盒(0.2g×20粒)', company: '示例制药', price: '7.80' },
].map((row) => ({ ...row, issuer: '演示数据（非官方）', document: '示例药品价格参考清单', issued_on: '2026-09-01', source_url: '' }));

/** Fen, from a row's yuan text (the rows above are all well-formed). */
const fenOf = (yuan: string) => Math.round(Number(yuan) * 100);

/**
 * Demo prices of the reference drugs quoted for the reference's product (so the drug page can compare them),
 * at 1.1–2.2 times the reference, with two earlier, lower prices 12 and 4 weeks before `now`, so that the price
 * history has a line to draw. Other drugs' reports are returned unchanged.
 */
export function demoPricesForReferences(reports: readonly StockReport[], idsByName: ReadonlyMap<string, string>, now: Date): StockReport[] {
  const byDrug = new Map(demoReferenceRows.filter((r) => r.kind === '国家集采').flatMap((r) => {
    const id = idsByName.get(r.drug);
    return id ? [[id, r] as const] : [];
  }));
  const out: StockReport[] = [];
  for (const report of reports) {
    const ref = byDrug.get(report.drugId);
    if (!ref || report.priceFen === null) {
      out.push(report);
      continue;
    }
    const rnd = createRandom(hashSeed('demo-price', report.facilityId, report.drugId));
    const product = { priceUnit: ref.pack, dosageForm: ref.dosage_form, strength: ref.strength };
    const latest = Math.round((fenOf(ref.price) * rnd.float(1.1, 2.2)) / 10) * 10;
    // Two small earlier steps: a history to draw, below the default rise and frequency thresholds.
    for (const [weeks, share] of [[12, 0.92], [4, 0.96]] as const) {
      // The same day for every facility, so the area's line starts with all of them rather than a few.
      const at = new Date(now.getTime() - weeks * 7 * 86_400_000).toISOString();
      out.push({ ...report, ...product, priceFen: Math.round((latest * share) / 10) * 10, reportedAt: at });
    }
    out.push({ ...report, ...product, priceFen: latest });
  }
  return out;
}
