/**
 * Which snapshot directories a facility's rows go to: its province's and its city's, named by the national
 * standard's six-digit form (360000 江西省, 360200 景德镇市), which is what other systems join on.
 */
export interface SnapshotRegion {
  code: string;
  level: 'province' | 'city';
}

export function provinceOf(countyCode: string): string {
  return `${countyCode.slice(0, 2)}0000`;
}

export function cityOf(countyCode: string): string {
  return `${countyCode.slice(0, 4)}00`;
}

/** Both directories a county's facilities belong to, province first. */
export function snapshotRegionsOf(countyCode: string): [SnapshotRegion, SnapshotRegion] {
  return [
    { code: provinceOf(countyCode), level: 'province' },
    { code: cityOf(countyCode), level: 'city' },
  ];
}

/** A region directory name as it may appear in a download URL: six digits ending in 00 (city) or 0000. */
export const snapshotRegionCode = /^\d{2}(\d{2}00|0000)$/;

/** Six-digit code → the short code the regions table and today's API use (360000 → 36, 360200 → 3602). */
export function shortRegionCode(code: string): string {
  return code.endsWith('0000') ? code.slice(0, 2) : code.slice(0, 4);
}

/** File names inside a region directory, in the order the index lists them. */
export type SnapshotFormat = 'csv' | 'ndjson';
export const snapshotFormats: readonly SnapshotFormat[] = ['csv', 'ndjson'];

export function snapshotFileName(table: string, format: SnapshotFormat): string {
  return `${table}.${format}.gz`;
}

export const checksumFileName = 'SHA256SUMS';
export const dataPackageFileName = 'datapackage.json';
