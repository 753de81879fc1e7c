import { applyTextRule, CHINESE_COLUMNS, EML_COLUMNS, type EmlRow, TEXT_RULES } from './emlRepairRules.ts';
import { looksLikeSplitName, ROW_CORRECTIONS } from './emlRowCorrections.ts';

export interface RepairReport {
  rows: EmlRow[];
  /** rule name → number of places changed */
  ruleCounts: Map<string, number>;
  /** rule name → 药品编码 of the rows it changed, for review */
  ruleRows: Map<string, Set<string>>;
  /** 药品编码 → rows corrected by ROW_CORRECTIONS */
  corrected: Map<string, number>;
  /** Problems that must stop the script: stale corrections, uncovered split names, left-over damage. */
  problems: string[];
}

/** Repairs a parsed transcription; pure, so the script and the tests run the same code. */
export function repairEmlRows(input: readonly EmlRow[]): RepairReport {
  const ruleCounts = new Map<string, number>(TEXT_RULES.map((r) => [r.name, 0]));
  const ruleRows = new Map<string, Set<string>>(TEXT_RULES.map((r) => [r.name, new Set<string>()]));
  const corrected = new Map<string, number>();
  const problems: string[] = [];
  const rows = input.map((original) => {
    const row: EmlRow = { ...original };
    for (const rule of TEXT_RULES) {
      for (const column of rule.columns) {
        const { text, count } = applyTextRule(rule, row[column]);
        row[column] = text;
        ruleCounts.set(rule.name, (ruleCounts.get(rule.name) ?? 0) + count);
        if (count > 0) ruleRows.get(rule.name)?.add(row['药品编码']);
      }
    }
    const code = row['药品编码'];
    const correction = ROW_CORRECTIONS[code];
    if (!correction && looksLikeSplitName(row)) problems.push(`${code} ${row['药品通用名']}: English column looks split but has no row correction`);
    if (correction) {
      for (const [column, change] of Object.entries(correction.fields) as [keyof EmlRow, { from: string; to: string }][]) {
        if (row[column] !== change.from) {
          problems.push(`${code} ${column}: correction expects ${JSON.stringify(change.from)}, found ${JSON.stringify(row[column])}`);
          continue;
        }
        row[column] = change.to;
      }
      corrected.set(code, (corrected.get(code) ?? 0) + 1);
    }
    return row;
  });
  for (const code of Object.keys(ROW_CORRECTIONS)) if (!corrected.has(code)) problems.push(`${code}: row correction matched no row`);
  problems.push(...leftOverDamage(rows));
  return { rows, ruleCounts, ruleRows, corrected, problems };
}

/** What a repaired file must not contain any more; each finding names the row and column. */
export function leftOverDamage(rows: readonly EmlRow[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const column of EML_COLUMNS) {
      const value = row[column];
      const where = `${row['药品编码']} ${column}`;
      if (/[\r\n]/.test(value)) found.push(`${where}: line break`);
      if (/\d\.\s\d/.test(value)) found.push(`${where}: space in a decimal`);
      if (value !== value.trim() || /\s{2}/.test(value)) found.push(`${where}: edge or doubled space`);
      if (CHINESE_COLUMNS.includes(column)) {
        if (/(?<![0-9A-Za-z])\s|\s(?![0-9A-Za-z])/.test(value)) found.push(`${where}: space in Chinese text`);
        if (!bracketsBalance(value)) found.push(`${where}: unbalanced brackets`);
      }
    }
  }
  return found;
}

function bracketsBalance(text: string): boolean {
  const pairs: Record<string, string> = { '）': '（', '］': '［' };
  const stack: string[] = [];
  for (const ch of text) {
    if (ch === '（' || ch === '［') stack.push(ch);
    else if (pairs[ch] !== undefined && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

export interface EmlCounts {
  numbered: number;
  chemical: number;
  tcm: number;
  crossListings: number;
  problems: string[];
}

/** The list's own arithmetic: 794 numbered varieties (476 西药 + 318 中成药) and 22 cross-listings. */
export function checkEmlCounts(rows: readonly EmlRow[]): EmlCounts {
  const problems: string[] = [];
  const numbered = rows.filter((r) => /^\d+$/.test(r['序号']));
  const cross = rows.filter((r) => /^\*（\d+）$/.test(r['序号']));
  const other = rows.length - numbered.length - cross.length;
  if (other > 0) problems.push(`${other} rows have a 序号 that is neither n nor *（n）`);
  const byCode = new Map(numbered.map((r) => [r['药品编码'], r]));
  if (byCode.size !== numbered.length) problems.push('duplicate 药品编码 among numbered rows');
  const chemical = numbered.filter((r) => r['药品类型'] === '西药');
  const tcm = numbered.filter((r) => r['药品类型'] === '中成药');
  for (const [list, letter] of [[chemical, 'W'], [tcm, 'T']] as const) {
    list.forEach((r, i) => {
      const expected = `MED-2026-${letter}${String(i + 1).padStart(3, '0')}`;
      if (r['序号'] !== String(i + 1) || r['药品编码'] !== expected) problems.push(`numbering gap near ${r['药品编码']} (序号 ${r['序号']})`);
    });
  }
  for (const r of cross) {
    const primary = byCode.get(r['药品编码']);
    if (!primary) problems.push(`cross-listing ${r['序号']} points to unknown ${r['药品编码']}`);
    else if (r['序号'] !== `*（${primary['序号']}）`) problems.push(`cross-listing ${r['序号']} does not match ${r['药品编码']} (序号 ${primary['序号']})`);
  }
  const expect = (label: string, got: number, want: number) => {
    if (got !== want) problems.push(`${label}: ${got}, expected ${want}`);
  };
  expect('numbered varieties', numbered.length, 794);
  expect('西药', chemical.length, 476);
  expect('中成药', tcm.length, 318);
  expect('cross-listings', cross.length, 22);
  return { numbered: numbered.length, chemical: chemical.length, tcm: tcm.length, crossListings: cross.length, problems };
}
