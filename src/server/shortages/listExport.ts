import type { ShortageEntryView } from '../../domain/shortages/entryFilter.ts';
import { standardRegionCodeOrNull } from '../../domain/regions/standardCode.ts';
import { formatShanghaiTime } from '../../domain/time/shanghaiTime.ts';
import { lt } from '../../i18n/shortages.zh-CN.ts';
import { csvRow } from '../staff/auditCsv.ts';
import type { Store } from '../store/openStore.ts';
import { type ListVersionSummary, listEntries, listVersion, regionNameOf } from './listQueries.ts';

export interface ListExport {
  list: ListVersionSummary;
  /** The region's name, e.g. 江西省; null for national lists. */
  regionName: string | null;
  entries: ShortageEntryView[];
  /** Absolute site origin for drug page links, so that a downloaded file still points somewhere. */
  origin: string;
  now?: Date;
}

/** The metadata a download repeats, so that a file forwarded on its own still says what it is and who issued it. */
function metadataPairs({ list, regionName, now = new Date() }: ListExport): [string, string | number][] {
  return [
    [lt('shortages.export.title'), list.title],
    [lt('shortages.export.nature'), list.isDemo ? lt('shortages.export.demo') : lt('shortages.export.official')],
    [lt('shortages.export.kind'), lt(`shortages.kind.${list.kind}`)],
    [lt('shortages.export.scope'), lt(`shortages.scope.${list.scope}`)],
    [lt('shortages.export.region'), regionName ?? (list.regionCode ? list.regionCode : '全国')],
    [lt('shortages.issuer'), list.issuer],
    [lt('shortages.docNumber'), list.docNumber ?? lt('shortages.noSource')],
    [lt('shortages.effectiveDate'), list.effectiveDate],
    [lt('shortages.source'), list.sourceUrl ?? lt('shortages.noSource')],
    [lt('shortages.export.version'), list.version],
    [lt('shortages.export.createdAt'), formatShanghaiTime(list.createdAt)],
    [lt('shortages.export.entryCount'), list.entryCount],
    [lt('shortages.export.exportedAt'), formatShanghaiTime(now)],
  ];
}

const tableHeader = (['row', 'name', 'form', 'spec', 'note', 'drugId', 'genericName', 'category', 'url'] as const).map((c) => lt(`shortages.export.col.${c}`));

/**
 * UTF-8 with a byte-order mark and CRLF, which Excel on a Chinese Windows needs to show the names rather than
 * mojibake. Layout (documented in docs/api.md): the metadata as 名称,值 rows, one empty row, then the table with
 * its header. Excel shows the block above the table; a script skips to the first row after the empty one.
 */
export function listCsv(input: ListExport): string {
  const lines = metadataPairs(input).map(([key, value]) => csvRow([key, value]));
  lines.push('\r\n', csvRow(tableHeader));
  for (const e of input.entries) {
    lines.push(csvRow([
      e.rowNumber, e.rawName, e.rawForm, e.rawSpec, e.note, e.drugId, e.genericName, e.category,
      e.drugId ? `${input.origin}/drugs/${e.drugId}` : null,
    ]));
  }
  return `\uFEFF${lines.join('')}`;
}

/** The JSON download and the API's entries share this shape; `entries` is also accepted back by the list importer. */
export function listJson(input: ListExport) {
  const { list } = input;
  return {
    list: {
      key: list.listKey, title: list.title, kind: list.kind, scope: list.scope, regionCode: standardRegionCodeOrNull(list.regionCode), regionName: input.regionName,
      issuer: list.issuer, docNumber: list.docNumber, effectiveDate: list.effectiveDate, sourceUrl: list.sourceUrl,
      version: list.version, isDemo: list.isDemo, ...(list.isDemo ? { label: lt('shortages.demoLabel') } : {}),
      createdAt: list.createdAt, entryCount: list.entryCount,
    },
    entries: input.entries.map((e) => ({
      row: e.rowNumber, name: e.rawName, form: e.rawForm, spec: e.rawSpec, note: e.note,
      drugId: e.drugId, genericName: e.genericName, category: e.category, url: e.drugId ? `${input.origin}/drugs/${e.drugId}` : null,
    })),
  };
}

/** `attachment` with an ASCII name plus the RFC 5987 form, so that every browser saves it under a sensible name. */
export function attachmentHeaders(list: ListVersionSummary, extension: 'csv' | 'json'): Record<string, string> {
  const ascii = `${list.listKey}-v${list.version}.${extension}`;
  const readable = `${list.title}-第${list.version}版.${extension}`;
  return {
    'content-type': extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(readable)}`,
    'cache-control': 'public, max-age=300',
  };
}

/** Everything a download needs for one version (the one in force without `version`); undefined when there is none. */
export async function loadListExport(store: Store, listKey: string, version: number | undefined, origin: string): Promise<ListExport | undefined> {
  const list = await listVersion(store, listKey, version);
  if (!list) return undefined;
  return { list, regionName: await regionNameOf(store, list.regionCode), entries: await listEntries(store, [list.id]), origin };
}
