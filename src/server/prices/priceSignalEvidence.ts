import type { PriceSignalKind } from '../../domain/prices/priceSignals.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(fen < 100 ? 3 : 2)}`;

/** Every field any kind's evidence has; each kind reads only its own. */
interface Evidence {
  fromFen: number; fromAt: string; toFen: number; toAt: string; risePct: number;
  rises: { at: string; toFen: number }[];
  countyMedianFen: number; countyFacilities: number; against: 'city' | 'province'; referenceMedianFen: number; counties: number; gapPct: number;
  unitFen: number; referenceLabel: string; referenceUnitFen: number;
  reports: number; windowDays: number;
}

/** A signal's evidence in one sentence, with the figures it rests on (unit prices, per smallest unit). */
export function evidenceText(kind: PriceSignalKind, json: string): string {
  // Written by priceSignalRun.ts / priceSignalDesk.ts in the shapes of domain/prices/priceSignals.ts.
  const e = JSON.parse(json) as Evidence;
  switch (kind) {
    case 'rise':
      return `单价由 ${yuan(e.fromFen)}（${formatShanghaiDate(e.fromAt)}）升至 ${yuan(e.toFen)}（${formatShanghaiDate(e.toAt)}），上涨 ${e.risePct}%`;
    case 'frequency': {
      const rises = e.rises;
      return `窗口内上涨 ${rises.length} 次：${rises.map((r) => `${formatShanghaiDate(r.at)} ${yuan(r.toFen)}`).join('，')}`;
    }
    case 'regional_gap':
      return `本县中位单价 ${yuan(e.countyMedianFen)}（${e.countyFacilities} 家），${e.against === 'city' ? '全市' : '全省'}各县中位 ${yuan(e.referenceMedianFen)}（${e.counties} 个县），高 ${e.gapPct}%`;
    case 'reference_gap':
      return `单价 ${yuan(e.unitFen)}，${e.referenceLabel} ${yuan(e.referenceUnitFen)}，高 ${e.gapPct}%`;
    case 'report_cluster':
      return `${e.windowDays} 天内群众反映价格异常上涨 ${e.reports} 件`;
  }
}
