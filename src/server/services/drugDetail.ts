import { substitutesFor } from '../../domain/drugs/substitutes.ts';
import type { Portal } from '../portal.ts';
import { type DrugRecord, loadDrug, loadDrugs, sameClassDrugIds } from '../store/drugStore.ts';

export interface DrugDetail {
  drug: DrugRecord;
  substitutes: { id: string; genericName: string; reason: string }[];
}

export async function drugDetail(portal: Portal, id: string): Promise<DrugDetail | undefined> {
  const drug = await loadDrug(portal.store, id);
  if (!drug) return undefined;
  const siblings = await loadDrugs(portal.store, await sameClassDrugIds(portal.store, drug));
  return { drug, substitutes: substitutesFor(drug, siblings) };
}
