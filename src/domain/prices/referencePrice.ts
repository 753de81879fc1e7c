import { z } from 'zod';
import { normaliseForm, normaliseStrength, type UnitPrice, unitPriceOf } from './pack.ts';

/** 国家集采中选价, 省级集采中选价 and 挂网价: the yardsticks a facility's price is read against. */
export const referenceKind = z.enum(['national_vbp', 'provincial_vbp', 'listing']);
export type ReferenceKind = z.infer<typeof referenceKind>;
export const referenceKindLabel: Record<ReferenceKind, string> = {
  national_vbp: '国家集采中选价',
  provincial_vbp: '省级集采中选价',
  listing: '挂网价',
};

export interface ReferencePrice {
  kind: ReferenceKind;
  drugId: string;
  /** Province code for provincial results and listing prices; null for national ones. */
  regionCode: string | null;
  dosageForm: string | null;
  strength: string | null;
  pack: string;
  company: string | null;
  priceFen: number;
  issuer: string;
  document: string;
  issuedOn: string;
  sourceUrl: string | null;
  isDemo: boolean;
}

export type ReferenceWithUnit = ReferencePrice & { unitPrice: UnitPrice | undefined };

export function withUnitPrice(ref: ReferencePrice): ReferenceWithUnit {
  return { ...ref, unitPrice: unitPriceOf(ref.priceFen, ref.pack, { form: ref.dosageForm, strength: ref.strength }) };
}

/** National results bind everywhere; a provincial one only in its province. */
function appliesIn(ref: ReferencePrice, countyCode: string | null): boolean {
  return ref.regionCode === null || (countyCode !== null && countyCode.startsWith(ref.regionCode));
}

const kindOrder: ReferenceKind[] = ['provincial_vbp', 'national_vbp', 'listing'];

/**
 * The reference a price is read against: same smallest unit and the same strength (both must be known), and the
 * same form where both state one. A provincial 中选价 goes before the national one (it is what the province's
 * facilities buy at), 集采 before 挂网价, and among equals the newest document. Undefined when none compares.
 */
export function matchReference(price: UnitPrice, refs: readonly ReferenceWithUnit[], countyCode: string | null): ReferenceWithUnit | undefined {
  if (!price.strength) return undefined;
  const fits = refs.filter((r) => {
    const u = r.unitPrice;
    if (!u || u.unit !== price.unit || u.strength !== price.strength || !appliesIn(r, countyCode)) return false;
    return !u.form || !price.form || u.form === price.form;
  });
  fits.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || b.issuedOn.localeCompare(a.issuedOn));
  return fits[0];
}

/** The label a signal or the drug page names the yardstick by: "国家集采中选价（示例）". */
export function referenceLabel(ref: Pick<ReferencePrice, 'kind' | 'isDemo'>): string {
  return `${referenceKindLabel[ref.kind]}${ref.isDemo ? '（示例）' : ''}`;
}

export { normaliseForm, normaliseStrength };
