import { substitutesFor } from '../../domain/drugs/substitutes.ts';
import { clarificationsForDrug } from '../clarifications/publicClarifications.ts';
import type { ClarificationView } from '../clarifications/clarificationView.ts';
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

export interface DrugPageDetail extends DrugDetail {
  /** Published clarifications about this drug, newest first: a worried visitor meets the answer to a rumour. */
  clarifications: ClarificationView[];
}

/** What the drug page shows beyond the API's record: the clarifications, read beside the catalogue facts. */
export async function drugPageDetail(portal: Portal, id: string): Promise<DrugPageDetail | undefined> {
  const [detail, clarifications] = await Promise.all([drugDetail(portal, id), clarificationsForDrug(portal, id)]);
  return detail && { ...detail, clarifications };
}
