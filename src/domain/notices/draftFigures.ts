import { formatShanghaiTime } from '../time/shanghaiTime.ts';
import type { PriceFigures } from './priceFigures.ts';
import { type Quarter, quarterLabel } from './quarter.ts';

/**
 * The portal's own figures for one region and quarter, composed into the Markdown sections a draft notice
 * starts from. Staff edit the text before anyone reviews it; the numbers stay traceable to their source
 * because each section says where and when they come from. Nothing is estimated: a figure the portal does
 * not have is stated as missing, never filled in.
 */
export interface ListChange {
  title: string;
  isDemo: boolean;
  /** The version in force the day before the quarter began; null when the list did not yet apply. */
  before: { version: number; effectiveDate: string } | null;
  /** The version in force on the quarter's last day. */
  after: { version: number; effectiveDate: string };
  added: string[];
  removed: string[];
  /** Same drug, different form, specification or note. */
  changed: string[];
}

export interface CoverageRow {
  drugName: string;
  /** Facilities whose latest report says in stock or low. */
  inStock: number;
  low: number;
  out: number;
}

export interface CoverageTable {
  listTitle: string;
  isDemo: boolean;
  rows: CoverageRow[];
  /** Entries the list names that are not matched to a catalogue variety, so no stock can be counted. */
  unmatched: string[];
}

export interface QuarterFigures {
  regionName: string;
  quarter: Quarter;
  /** When the figures were read (ISO 8601). */
  generatedAt: string;
  listChanges: ListChange[];
  /** Lists that apply but did not change in the quarter, by title. */
  unchangedLists: string[];
  coverage: {
    facilityCount: number;
    demoFacilities: boolean;
    /** Oldest and newest report date among the counted reports; null when nothing was reported. */
    reportedBetween: { from: string; to: string } | null;
    tables: CoverageTable[];
  };
  /** Citizen reports (群众反映) received in the quarter in the region, from the report intake. */
  citizenReports: CitizenReportFigures;
  /** Enforcement results published and price-rise reports received in the quarter (priceFigures.ts). */
  prices: PriceFigures;
}

export interface CitizenReportFigures {
  /**
   * Per county: reports received (repeat submissions not counted), cases verified, cases that passed a
   * deadline (escalated), cases reopened by a citizen; counties with no report are left out.
   */
  byCounty: { countyName: string; received: number; verified: number; overdue: number; reopened: number }[];
  /** The most reported drugs, most first. */
  topDrugs: { drugName: string; reports: number }[];
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);
/** Table cells must not break the Markdown row: a pipe or newline in a list's wording is escaped. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const names = (items: string[]) => items.map(cell).join('、');
/** Demo lists already say 示例 in their title; others that are demo get the label added. */
const demoTitle = (title: string, isDemo: boolean) => `${cell(title)}${isDemo && !title.includes('示例') ? '（示例，非官方）' : ''}`;

function listChangesSection(f: QuarterFigures): string[] {
  const lines = ['## 一、短缺药品清单变化', ''];
  if (f.listChanges.length === 0 && f.unchangedLists.length === 0) return [...lines, `本季度没有适用于${f.regionName}的短缺药品清单。`, ''];
  if (f.listChanges.length === 0) lines.push('本季度各清单均无变化。', '');
  for (const c of f.listChanges) {
    const from = c.before ? `第 ${c.before.version} 版（${c.before.effectiveDate} 起施行）` : '季度初尚未施行';
    lines.push(`### ${demoTitle(c.title, c.isDemo)}`, '', `由${from}变为第 ${c.after.version} 版（${c.after.effectiveDate} 起施行）。`, '');
    if (c.added.length > 0) lines.push(`- 新增 ${c.added.length} 种：${names(c.added)}`);
    if (c.removed.length > 0) lines.push(`- 调出 ${c.removed.length} 种：${names(c.removed)}`);
    if (c.changed.length > 0) lines.push(`- 剂型、规格或备注调整 ${c.changed.length} 种：${names(c.changed)}`);
    if (c.added.length + c.removed.length + c.changed.length === 0) lines.push('- 品种无增减。');
    lines.push('');
  }
  if (f.unchangedLists.length > 0) lines.push(`本季度无变化的清单：${f.unchangedLists.map(cell).join('；')}。`, '');
  return lines;
}

function coverageSection(f: QuarterFigures): string[] {
  const { coverage } = f;
  const lines = ['## 二、清单药品库存覆盖情况', ''];
  if (coverage.facilityCount === 0) return [...lines, `门户中没有${f.regionName}的医疗机构或药店，无法统计库存覆盖。`, ''];
  const period = coverage.reportedBetween ? `，所计上报时间为 ${coverage.reportedBetween.from} 至 ${coverage.reportedBetween.to}` : '';
  lines.push(
    `统计对象为${f.regionName}（含下辖地区）在门户登记的 ${coverage.facilityCount} 家医疗机构和药店；依据为起草时各机构最新一次上报的库存状态${period}（门户只保存每家机构的最新一次上报）。“有货”为报告有货（含库存紧张）的机构数，“缺货”为报告缺货的机构数；有货占比 = 有货机构数 ÷ 机构总数，未上报的机构按无货计。`,
    '',
  );
  if (coverage.demoFacilities) lines.push('**注意：机构和库存含演示数据（示例），不代表真实情况，正式发布前须替换为实际数据。**', '');
  if (coverage.tables.length === 0) lines.push('没有适用的清单，无需统计。', '');
  for (const table of coverage.tables) {
    lines.push(`### ${demoTitle(table.listTitle, table.isDemo)}`, '');
    if (table.rows.length > 0) {
      // The share first: on a phone the table scrolls sideways, and the share is what readers came for.
      lines.push('| 药品 | 有货占比 | 有货 | 其中紧张 | 缺货 |', '| --- | ---: | ---: | ---: | ---: |');
      for (const r of table.rows) lines.push(`| ${cell(r.drugName)} | ${percent(r.inStock, coverage.facilityCount)} | ${r.inStock} | ${r.low} | ${r.out} |`);
      lines.push('');
    }
    if (table.unmatched.length > 0) lines.push(`未与药品目录对应、无法统计库存的条目：${names(table.unmatched)}。`, '');
  }
  return lines;
}

function citizenReportsSection(f: QuarterFigures): string[] {
  const lines = ['## 三、群众反映情况', ''];
  const { byCounty, topDrugs } = f.citizenReports;
  if (byCounty.length === 0) return [...lines, `本季度${f.regionName}没有收到群众反映。`, ''];
  const total = byCounty.reduce((n, c) => n + c.received, 0);
  lines.push(`本季度共收到群众反映 ${total} 件，各县（市、区）受理和办理情况如下：`, '');
  lines.push('| 县（市、区） | 收到反映 | 已核实 | 逾期转报 | 重新办理 |', '| --- | --- | --- | --- | --- |');
  for (const c of byCounty) lines.push(`| ${cell(c.countyName)} | ${c.received} | ${c.verified} | ${c.overdue} | ${c.reopened} |`);
  lines.push('');
  if (topDrugs.length > 0) lines.push(`反映较多的药品：${topDrugs.map((d) => `${cell(d.drugName)}（${d.reports} 件）`).join('、')}。`, '');
  return lines;
}

function pricesSection(f: QuarterFigures): string[] {
  const lines = ['## 四、药品价格监测和整治情况', ''];
  const { enforcement, priceReports } = f.prices;
  if (enforcement.total === 0) lines.push(`本季度${f.regionName}没有发布药品价格整治结果。`, '');
  else {
    const done = enforcement.byAction.filter((a) => a.count > 0).map((a) => `${a.label} ${a.count} 件`);
    lines.push(`本季度共发布药品价格整治结果 ${enforcement.total} 件，其中${done.join('、')}。`, '');
    lines.push('| 地区 | 整治结果 |', '| --- | ---: |');
    for (const a of enforcement.byArea) lines.push(`| ${cell(a.areaName)} | ${a.count} |`);
    lines.push('');
  }
  if (priceReports.total === 0) return [...lines, `本季度没有收到反映药品价格异常上涨的群众反映。`, ''];
  lines.push(`本季度收到反映药品价格异常上涨的群众反映 ${priceReports.total} 件（重复提交不计），各县（市、区）情况如下：`, '');
  lines.push('| 县（市、区） | 收到反映 | 已核实 | 其中属实 |', '| --- | ---: | ---: | ---: |');
  for (const c of priceReports.byCounty) lines.push(`| ${cell(c.countyName)} | ${c.received} | ${c.verified} | ${c.confirmed} |`);
  lines.push('');
  if (priceReports.topDrugs.length > 0) lines.push(`反映价格问题较多的药品：${priceReports.topDrugs.map((d) => `${cell(d.drugName)}（${d.reports} 件）`).join('、')}。`, '');
  return lines;
}

/** The draft body: four numbered sections and a closing line on where the figures come from. */
export function draftNoticeMarkdown(f: QuarterFigures): string {
  const lines = [
    `现将${f.regionName}${quarterLabel(f.quarter)}药品供应保障有关情况通报如下。`,
    '',
    ...listChangesSection(f),
    ...coverageSection(f),
    ...citizenReportsSection(f),
    ...pricesSection(f),
    `（以上数据由本门户于北京时间 ${formatShanghaiTime(f.generatedAt)} 汇总。）`,
  ];
  return `${lines.join('\n').trim()}\n`;
}
