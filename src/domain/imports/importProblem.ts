/**
 * A problem found in an uploaded file, pointing at the place a clerk has to fix. Messages are Chinese because the
 * people fixing the files are; field names stay as spelled in the file so that they can be found with Ctrl+F.
 */
export interface ImportProblem {
  /**
   * CSV and JSON Lines: the physical line in the file (the CSV header is line 1). JSON array: the item's position
   * counting from 1. 0 when the problem concerns the whole file.
   */
  line: number;
  /** Column or key as spelled in the file; '' when the problem concerns the whole row or file. */
  field: string;
  message: string;
  /** Warnings are reported but never stop an import. */
  severity: 'error' | 'warning';
}

/** How `line` counts: physical lines (CSV, JSON Lines) or array items (JSON). */
export type LineUnit = 'line' | 'item';

export function problem(line: number, field: string, message: string): ImportProblem {
  return { line, field, message, severity: 'error' };
}

export function warning(line: number, field: string, message: string): ImportProblem {
  return { line, field, message, severity: 'warning' };
}

export function isError(p: ImportProblem): boolean {
  return p.severity === 'error';
}

/** `第 12 行` / `第 3 条`, the way the place is named in every message. */
export function placeName(line: number, unit: LineUnit): string {
  return `第 ${line} ${unit === 'item' ? '条' : '行'}`;
}

/** Shows what was received without letting a huge or multi-line cell swamp the message. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine}"`;
}

/** `第 12 行，字段 status：应为 有货/紧张/缺货 或 in_stock/low/out（收到 "maybe"）` */
export function formatImportProblem(p: ImportProblem, unit: LineUnit = 'line'): string {
  const place = p.line > 0 ? placeName(p.line, unit) : '文件';
  const where = p.field ? `${place}，字段 ${p.field}` : place;
  return `${p.severity === 'warning' ? '[提示] ' : ''}${where}：${p.message}`;
}

/**
 * At most `limit` formatted lines, then `… 另有 N 条（and N more）`, so that a file with thousands of bad rows
 * still fits on a screen.
 */
export function formatImportProblems(problems: ImportProblem[], unit: LineUnit = 'line', limit = 50): string[] {
  const lines = problems.slice(0, limit).map((p) => formatImportProblem(p, unit));
  const more = problems.length - limit;
  if (more > 0) lines.push(`… 另有 ${more} 条问题（and ${more} more）`);
  return lines;
}
