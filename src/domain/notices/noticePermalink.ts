import { formatQuarterParam, type Quarter } from './quarter.ts';

/**
 * Where a notice lives. One notice per region and quarter, so the pair is its address; the articles table
 * stores it as permalink year = the quarter's year and slug = `${regionCode}-${yyyy}-q${n}`, which keeps two
 * regions' notices for the same quarter apart under the table's (kind, year, slug) uniqueness.
 */
export function noticeSlug(regionCode: string, quarter: Quarter): string {
  return `${regionCode}-${formatQuarterParam(quarter)}`;
}

export function noticePermalink(regionCode: string, quarter: Quarter): { year: number; slug: string } {
  return { year: quarter.year, slug: noticeSlug(regionCode, quarter) };
}

export function noticePath(regionCode: string, quarter: Quarter): string {
  return `/notices/${regionCode}/${formatQuarterParam(quarter)}`;
}

/** The page address a stored notice permalink stands for, or undefined for a slug that is not a notice's. */
export function noticePathFromSlug(slug: string): string | undefined {
  const match = /^(\d{2,9})-(\d{4}-q[1-4])$/.exec(slug);
  return match ? `/notices/${match[1]}/${match[2]}` : undefined;
}
