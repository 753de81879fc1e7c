import { pt, type PriceStringKey } from '../../i18n/prices.zh-CN.ts';
import { csvRow } from '../staff/auditCsv.ts';
import type { PriceSignalView } from './priceSignalDesk.ts';

const header = ['编号', '类型', '药品', '机构', '县（区）代码', '依据', '幅度', '状态', '承办人', '处置方式', '处置说明', '发现时间'];

/** Signals as CSV with a BOM, so Excel reads the Chinese as UTF-8. */
export function priceSignalsCsv(signals: readonly PriceSignalView[]): string {
  const lines = [csvRow(header)];
  for (const s of signals) {
    lines.push(csvRow([
      s.id, pt(`prices.signals.kind.${s.kind}` as PriceStringKey), s.drugName, s.facilityName, s.countyCode, s.evidence, s.measure,
      pt(`prices.signals.status.${s.status}` as PriceStringKey), s.assigneeName, s.action ? pt(`prices.signals.action.${s.action}` as PriceStringKey) : null,
      s.note, s.detectedAt,
    ]));
  }
  return `\uFEFF${lines.join('')}`;
}
