import { z } from 'zod';
import { shortageListKind, shortageListScope } from '../../../domain/drugs/drugFlags.ts';
import { standardRegionCodeOutput } from '../../../domain/regions/standardCode.ts';
import { changePageOf, isoInstant } from './common.ts';

/** What a list version says about itself, in the index and in one list's answer. */
const listHead = {
  key: z.string().meta({ examples: ['demo-shortage'] }),
  title: z.string(),
  kind: shortageListKind,
  scope: shortageListScope,
  regionCode: standardRegionCodeOutput.nullable().meta({ description: '发布地区；全国清单为 null / issuing region, null for national lists' }),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  effectiveDate: z.string().meta({ examples: ['2026-09-01'] }),
  sourceUrl: z.string().nullable(),
  version: z.number().int(),
  isDemo: z.boolean(),
  label: z.string().optional().meta({ description: '示例清单标注「示例」/ "示例" on demo lists' }),
  createdAt: isoInstant,
  entryCount: z.number().int(),
};

/** One list in the index and in its change feed (listApiItem in src/server/shortages/listApi.ts). */
export const shortageListItem = z.strictObject({
  ...listHead,
  versionInForce: z.number().int().nullable(),
  links: z.strictObject({ self: z.string(), csv: z.string(), json: z.string(), history: z.string() }),
});

export const shortageListIndex = z.strictObject({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(shortageListItem),
});

export const shortageListChangePage = changePageOf(shortageListItem);

export const shortageListResponse = z.strictObject({
  list: z.strictObject({ ...listHead, regionName: z.string().nullable() }),
  entries: z.array(
    z.strictObject({
      row: z.number().int(),
      name: z.string(),
      form: z.string().nullable(),
      spec: z.string().nullable(),
      note: z.string().nullable(),
      drugId: z.string().nullable(),
      genericName: z.string().nullable(),
      category: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  versions: z.array(
    z.strictObject({ version: z.number().int(), effectiveDate: z.string(), docNumber: z.string().nullable(), createdAt: isoInstant, entryCount: z.number().int() }),
  ),
});
