import { z } from 'zod';
import { type DrugMatch, drugMatch } from './drugMatcher.ts';
import type { ListImportRow } from './listImportRow.ts';

/** A row of a loaded file with what the matcher found and what staff decided, kept until the list is published. */
export const stagedRow = z.object({
  /** Position in the file, from 0; review forms name rows by it. */
  index: z.number().int(),
  line: z.number().int(),
  rowNumber: z.number().int().nullable(),
  name: z.string(),
  form: z.string().nullable(),
  spec: z.string().nullable(),
  note: z.string().nullable(),
  match: drugMatch,
  /** The drug the row will be published with (null: kept unmatched, raw name shown); null decision = undecided. */
  decision: z.object({ drugId: z.string().nullable(), by: z.enum(['matcher', 'staff']) }).nullable(),
  /** Varieties a staff search found for this row, offered beside the matcher's candidates. */
  searched: z.array(z.string()),
});
export type StagedRow = z.infer<typeof stagedRow>;

/** Rows needing a person come first on the review page: ambiguous, then unmatched, then matched. */
export function reviewOrder(match: DrugMatch): number {
  return match.status === 'ambiguous' ? 0 : match.status === 'unmatched' ? 1 : 2;
}

/** A clear match or a clear miss is decided by the matcher; several candidates wait for a person. */
export function stagedFromMatch(index: number, row: ListImportRow, match: DrugMatch): StagedRow {
  const decision = match.status === 'matched' ? { drugId: match.drugId, by: 'matcher' as const }
    : match.status === 'unmatched' ? { drugId: null, by: 'matcher' as const } : null;
  return { index, ...row, match, decision, searched: [] };
}

/** The varieties a row may be published with: what the matcher found and what a search turned up. */
export function rowChoices(row: StagedRow): string[] {
  const fromMatcher = row.match.status === 'matched' ? [row.match.drugId] : row.match.status === 'ambiguous' ? row.match.candidates : [];
  return [...new Set([...fromMatcher, ...row.searched, ...(row.decision?.drugId ? [row.decision.drugId] : [])])];
}

/** Rows per review page: the page stays small however long the file is. */
export const reviewPageSize = 100;

/** The file's row count against the configured cap; above it the file is refused before anything is parsed or matched. */
export function listRowCapMessage(rows: number, maxRows: number): string | null {
  return rows > maxRows ? `文件有 ${rows} 行数据，超过每份清单最多 ${maxRows} 行的上限；请拆分文件或核对是否选错了文件` : null;
}
