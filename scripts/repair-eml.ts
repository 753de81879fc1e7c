/**
 * Repairs the public transcription of 国家基本药物目录（2026年版）:
 *   node --experimental-strip-types scripts/repair-eml.ts
 * reads data/eml2026_varieties.csv, writes data/eml2026_varieties.repaired.csv and prints what it
 * changed. Exits non-zero when the list's counts are off or a repair could not be made, so a changed
 * source file is noticed instead of half-repaired.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { drugPinyin } from '../src/domain/drugs/drugPinyin.ts';
import { checkEmlCounts, repairEmlRows } from '../src/domain/drugs/emlRepair.ts';
import { EML_COLUMNS, type EmlRow, TEXT_RULES } from '../src/domain/drugs/emlRepairRules.ts';
import { ROW_CORRECTIONS } from '../src/domain/drugs/emlRowCorrections.ts';

const dataDir = join(import.meta.dirname, '..', 'data');
const source = join(dataDir, 'eml2026_varieties.csv');
const target = join(dataDir, 'eml2026_varieties.repaired.csv');

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const records: string[][] = parse(readFileSync(source, 'utf8'), { relax_column_count: false });
const [header, ...body] = records;
if (!header || header.join(',') !== EML_COLUMNS.join(',')) {
  console.error(`unexpected header: ${header?.join(',')}`);
  process.exit(1);
}
const rows = body.map((cells) => Object.fromEntries(EML_COLUMNS.map((c, i) => [c, cells[i] ?? ''])) as EmlRow);
const report = repairEmlRows(rows);
const counts = checkEmlCounts(report.rows);

console.log(`read ${rows.length} rows from ${source}`);
console.log('\nrepairs by rule (places changed / rows):');
for (const rule of TEXT_RULES) {
  const n = report.ruleCounts.get(rule.name) ?? 0;
  const codes = [...(report.ruleRows.get(rule.name) ?? [])];
  console.log(`  ${rule.name.padEnd(26)} ${String(n).padStart(5)} / ${String(codes.length).padStart(3)}  ${rule.description}`);
  if (rule.name === 'missingGroupSeparator') console.log(`      in ${codes.map((c) => c.slice(9)).join(' ')}`);
}
console.log('\nrow corrections (ROW_CORRECTIONS, by 药品编码):');
for (const [code, n] of report.corrected) console.log(`  ${code}  ${n} row(s)  ${ROW_CORRECTIONS[code]?.why ?? ''}`);

// Information only: where the source's 拼音简码 disagrees with our pinyin of the repaired name.
const disagreements = report.rows
  .filter((r) => /^\d+$/.test(r['序号']))
  .filter((r) => drugPinyin(r['药品通用名']).initials !== r['拼音简码'].toLowerCase());
console.log(`\n拼音简码 differing from drugPinyin initials (not changed): ${disagreements.length}`);
for (const r of disagreements) console.log(`  ${r['药品编码'].slice(9)} ${r['药品通用名']}: source ${r['拼音简码']}, ours ${drugPinyin(r['药品通用名']).initials.toUpperCase()}`);

console.log(`\ncounts: ${counts.numbered} numbered = ${counts.chemical} 西药 + ${counts.tcm} 中成药; ${counts.crossListings} cross-listings`);
const problems = [...report.problems, ...counts.problems];
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
const out = [EML_COLUMNS.join(','), ...report.rows.map((r) => EML_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n');
writeFileSync(target, `${out}\n`, 'utf8');
console.log(`wrote ${report.rows.length} rows to ${target}`);
