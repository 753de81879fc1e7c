import { standardRegionCodeOrNull } from '../../domain/regions/standardCode.ts';
import { lt } from '../../i18n/shortages.zh-CN.ts';
import type { ListVersionSummary } from './listQueries.ts';

/** One list in /api/shortage-lists and its change feed: its newest version; shape in docs/api.md. */
export function listApiItem(l: ListVersionSummary & { versionInForce: number | null }) {
  const key = encodeURIComponent(l.listKey);
  return {
    key: l.listKey, title: l.title, kind: l.kind, scope: l.scope, regionCode: standardRegionCodeOrNull(l.regionCode), issuer: l.issuer,
    docNumber: l.docNumber, effectiveDate: l.effectiveDate, sourceUrl: l.sourceUrl, version: l.version,
    versionInForce: l.versionInForce, isDemo: l.isDemo, ...(l.isDemo ? { label: lt('shortages.demoLabel') } : {}),
    createdAt: l.createdAt, entryCount: l.entryCount,
    links: { self: `/api/shortage-lists/${key}`, csv: `/shortages/${key}.csv`, json: `/shortages/${key}.json`, history: `/shortages/${key}/history` },
  };
}
