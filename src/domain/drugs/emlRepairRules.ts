/**
 * Named, repeatable repairs of the public transcription of 国家基本药物目录（2026年版）.
 * The transcription came out of a PDF: spaces and line breaks sit where the PDF's layout put them,
 * not where the text has them. Every rule here names one kind of damage so the repair summary can
 * say how much of each was found. Row-level fixes that no rule can make live in emlRowCorrections.ts.
 */

export const EML_COLUMNS = [
  '序号', '药品编码', '药品类型', '一级分类', '二级分类', '功能主治/亚类', '药品通用名',
  '英文名称(INN)', '拼音简码', '收录剂型与规格', '专科医师指导(△)', '跨分类重复(*)', '备注说明',
] as const;
export type EmlColumn = (typeof EML_COLUMNS)[number];
export type EmlRow = Record<EmlColumn, string>;

/** Columns written in Chinese, where Chinese typesetting has no spaces except between Latin words or numbers. */
export const CHINESE_COLUMNS: readonly EmlColumn[] = ['一级分类', '二级分类', '功能主治/亚类', '药品通用名', '收录剂型与规格', '备注说明'];
const FORMS: readonly EmlColumn[] = ['收录剂型与规格'];
const ENGLISH: readonly EmlColumn[] = ['英文名称(INN)'];

export interface TextRule {
  name: string;
  description: string;
  columns: readonly EmlColumn[];
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
}

const HAN = '\\p{Script=Han}';

/**
 * Dosage forms that open a group of 收录剂型与规格. Where the PDF lost the "；" between two groups,
 * a strength runs straight into one of these (…0.1mg贴剂, …10g颗粒剂：…).
 */
export const GROUP_OPENING_FORMS = [
  '小儿复方氨基酸注射液', '氯化钠注射液', '注射用无菌粉末', '注射用浓溶液', '注射用脂质体',
  '缓释', '颗粒剂', '滴眼剂', '软膏剂', '注射液', '贴剂', '片剂', '合剂',
] as const;

/** A quantity with its unit, optionally followed by one annotation in brackets: 0.1mg, 1.8g（相当于饮片7g）. */
const strengthEnd = '\\d(?:mg|μg|g|ml|μl|IU|%|万单位|单位|cm)?(?:（[^（）]*）)??';
const saltQualifier = '（[^（）；：]{1,8}(?:盐|酯)）';
const formOpening = `(?:${GROUP_OPENING_FORMS.join('|')})(?:（[^（）]*）)?(?=[：；、]|$)`;

/** Applied in this order; later rules rely on earlier ones (e.g. separators are found after spaces are gone). */
export const TEXT_RULES: readonly TextRule[] = [
  {
    name: 'englishLineBreak',
    description: 'line break inside an English name → one space',
    columns: ENGLISH,
    pattern: /[ \t]*\n[ \t]*/g,
    replace: ' ',
  },
  {
    name: 'englishExtraSpace',
    description: 'doubled or edge spaces in an English name',
    columns: ENGLISH,
    pattern: /^ +| +$| (?= )/g,
    replace: '',
  },
  {
    name: 'englishJoinedWords',
    description: 'words run together in an English name (HuperzineA → Huperzine A)',
    columns: ENGLISH,
    pattern: /([a-z])(?=[A-Z])/g,
    replace: '$1 ',
  },
  {
    name: 'chineseLineBreak',
    description: 'line break inside a Chinese name or text → removed',
    columns: CHINESE_COLUMNS,
    pattern: /\s*\n\s*/g,
    replace: '',
  },
  {
    name: 'spaceInDecimal',
    description: 'space after a decimal point (0. 1g → 0.1g)',
    columns: CHINESE_COLUMNS,
    pattern: /(\d)\.\s+(\d)/g,
    replace: '$1.$2',
  },
  {
    name: 'halfWidthBracket',
    description: 'half-width ( ) in Chinese text → （ ）',
    columns: CHINESE_COLUMNS,
    pattern: /[()]/g,
    replace: (m) => (m === '(' ? '（' : '）'),
  },
  {
    name: 'spaceAroundColon',
    description: 'space around ∶ (ratio) or ： (form/strength colon)',
    columns: CHINESE_COLUMNS,
    pattern: /\s+([∶：])\s*|([∶：])\s+/g,
    replace: (_m, a, b) => a ?? b ?? '',
  },
  {
    name: 'spaceAroundListMark',
    description: 'space around 、 ； ，',
    columns: CHINESE_COLUMNS,
    pattern: /\s+([、；，])\s*|([、；，])\s+/g,
    replace: (_m, a, b) => a ?? b ?? '',
  },
  {
    name: 'spaceInsideBracket',
    description: 'space just inside or before （ ） ［ ］',
    columns: CHINESE_COLUMNS,
    pattern: /\s+([（［）］])|([（［])\s+/g,
    replace: (_m, a, b) => a ?? b ?? '',
  },
  {
    name: 'spaceBetweenHan',
    description: 'space between two Chinese characters (单 位 → 单位, 复 方 → 复方)',
    columns: CHINESE_COLUMNS,
    pattern: new RegExp(`(${HAN})\\s+(?=${HAN})`, 'gu'),
    replace: '$1',
  },
  {
    name: 'spaceBetweenNumberAndHan',
    description: 'space between a number or unit and Chinese text (40 万单位 → 40万单位)',
    columns: CHINESE_COLUMNS,
    pattern: new RegExp(`([0-9A-Za-zμ%./-])\\s+(?=${HAN})|(${HAN})\\s+(?=[0-9A-Za-zμ])`, 'gu'),
    replace: (_m, a, b) => a ?? b ?? '',
  },
  {
    name: 'spaceOther',
    description: 'any other space in Chinese text not between two Latin letters or digits (中/ 长, × , ·)',
    columns: CHINESE_COLUMNS,
    pattern: /(?<![0-9A-Za-z])\s+|\s+(?![0-9A-Za-z])/g,
    replace: '',
  },
  {
    name: 'brokenClauseSemicolon',
    description: '；stranded after 每 or 装 by a line break (每； 1ml → 每1ml)',
    columns: FORMS,
    pattern: /(每|装)；/g,
    replace: '$1',
  },
  {
    name: 'pauseBeforeSemicolon',
    description: 'stray 、 before ；',
    columns: FORMS,
    pattern: /、；/g,
    replace: '；',
  },
  {
    name: 'missingGroupSeparator',
    description: 'missing ； where a strength runs into the next dosage form (0.1mg贴剂 → 0.1mg；贴剂)',
    columns: FORMS,
    pattern: new RegExp(`(${strengthEnd})(?=(?:${saltQualifier})?${formOpening})`, 'gu'),
    replace: '$1；',
  },
];

/** Applies one rule and counts its matches; every pattern only matches text it changes. */
export function applyTextRule(rule: TextRule, text: string): { text: string; count: number } {
  const count = [...text.matchAll(rule.pattern)].length;
  if (count === 0) return { text, count };
  const replace = rule.replace;
  const out =
    typeof replace === 'string'
      ? text.replace(rule.pattern, replace)
      : text.replace(rule.pattern, (match: string, ...rest: unknown[]) =>
          replace(match, ...rest.map((g) => (typeof g === 'string' ? g : (undefined as unknown as string)))),
        );
  return { text: out, count };
}
