import { z } from 'zod';

export const shortageListKind = z.enum(['shortage', 'monitoring', 'watch']);
export type ShortageListKind = z.infer<typeof shortageListKind>;
export const shortageListScope = z.enum(['national', 'provincial', 'city', 'county']);
export type ShortageListScope = z.infer<typeof shortageListScope>;

/** A list in force that names the drug; `isDemo` lists are 示例 and must never be shown as official. */
export const listMembership = z.object({
  listKey: z.string(),
  listId: z.number().int(),
  kind: shortageListKind,
  scope: shortageListScope,
  title: z.string(),
  version: z.number().int(),
  isDemo: z.boolean(),
});
export type ListMembership = z.infer<typeof listMembership>;

export const procurementPrice = z.object({
  batch: z.string(),
  formSpec: z.string(),
  priceFen: z.number().int(),
  unit: z.string(),
  isDemo: z.boolean(),
  source: z.string(),
});
export type ProcurementPrice = z.infer<typeof procurementPrice>;

export const drugFlags = z.object({
  essential: z.boolean(),
  specialistOnly: z.boolean(),
  /** 短缺药品清单 (shortage) and 临床必需易短缺药品重点监测清单 (monitoring) memberships. */
  lists: z.array(listMembership),
  /** 集采 selected products; empty when the drug is not in a loaded procurement result. */
  procurement: z.array(procurementPrice),
  /** Prescription status is only shown where a loaded source states it. */
  rx: z.enum(['rx', 'otc']).nullable(),
});
export type DrugFlags = z.infer<typeof drugFlags>;

/** Short codes for filtering and for compact search hits. */
export function flagCodes(flags: DrugFlags): string[] {
  const codes = new Set<string>();
  if (flags.essential) codes.add('essential');
  if (flags.specialistOnly) codes.add('specialist');
  for (const list of flags.lists) codes.add(`${list.kind}:${list.scope}`);
  if (flags.procurement.length > 0) codes.add('procurement');
  if (flags.rx) codes.add(flags.rx);
  return [...codes].sort();
}
