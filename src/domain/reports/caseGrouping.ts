import { cleanLine } from './citizenText.ts';

/**
 * Cases, not piles: reports of the same drug at the same facility (or, with no facility, in the same county)
 * within a week are one case with a count. A drug not in the catalogue is matched by its typed name, folded.
 */
export const caseWindowDays = 7;

/** Two reports from one device for one drug and place this close together are one person pressing twice. */
export const duplicateWindowMinutes = 30;

export interface CaseKeyInput {
  drugId?: string | undefined;
  drugName: string;
  facilityId?: string | undefined;
  countyCode: string;
}

export function caseKey(r: CaseKeyInput): string {
  const drug = r.drugId ? `drug:${r.drugId}` : `name:${cleanLine(r.drugName).replace(/\s+/g, '').toLowerCase()}`;
  const place = r.facilityId ? `facility:${r.facilityId}` : `county:${r.countyCode}`;
  return `${drug}|${place}`;
}

/** Whether a report received at `at` joins an open case whose latest report came at `lastReportAt`. */
export function joinsCase(lastReportAt: string, at: Date): boolean {
  return at.getTime() - new Date(lastReportAt).getTime() <= caseWindowDays * 86_400_000;
}

export function isDuplicateSubmission(previousAt: string, at: Date): boolean {
  return at.getTime() - new Date(previousAt).getTime() <= duplicateWindowMinutes * 60_000;
}
