/*
 * A price is only comparable once its pack is known: "¥16.20/盒" beside "集采 ¥5.20/盒 0.3g×20粒" reads as three
 * times dearer unless both say how many tablets a box holds. Packs arrive as free text from facilities and
 * procurement files ("盒(0.2g×24片)", "0.3g×20粒", "瓶（100ml）", "10ml×6支"); what cannot be read is kept as
 * written and simply not compared.
 */

/** Countable units a dose comes in, and measures sold by volume or weight. */
const countUnits = ['片', '粒', '袋', '支', '丸', '贴', '包', '枚', '瓶', '盒'] as const;
const measureUnits = ['ml', 'g'] as const;
export type PackUnit = (typeof countUnits)[number] | (typeof measureUnits)[number];

export interface Pack {
  /** What the price is per: 盒, 瓶, 支… */
  container: string;
  /** How many units the container holds. */
  count: number;
  unit: PackUnit;
}

const countPattern = countUnits.join('|');
const number = '(\\d+(?:\\.\\d+)?)';

/** Lower-cases mL/ML and widens full-width digits and brackets so one pattern reads them all. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[xX＊*]/g, '×')
    .replace(/毫升/g, 'ml')
    .replace(/克/g, 'g')
    .replace(/mL|ML|Ml/g, 'ml')
    .trim();
}

/**
 * Reads a price unit such as "盒(0.2g×24片)" or a spec such as "0.3g×20粒" (then `container` says what the
 * price is per). Returns undefined when the text names no count.
 */
export function parsePack(text: string, container?: string): Pack | undefined {
  const s = normalise(text);
  const head = /^([^\d(×]+?)\s*(?:\(|$)/.exec(s)?.[1];
  const per = container ?? (head && head.length <= 2 ? head : undefined);
  if (!per) return undefined;
  const inner = s.includes('(') ? s.slice(s.indexOf('(') + 1).replace(/\)\s*$/, '') : s;
  // "×20粒" or "×6支": the count after the multiplication sign is the pack size.
  const times = new RegExp(`×\\s*${number}\\s*(${countPattern})`).exec(inner);
  if (times) return { container: per, count: Number(times[1]), unit: times[2] as PackUnit };
  // "20 粒" alone, or "20粒/盒".
  const bare = new RegExp(`^${number}\\s*(${countPattern})(?:/.*)?$`).exec(inner);
  if (bare && bare[2] !== per) return { container: per, count: Number(bare[1]), unit: bare[2] as PackUnit };
  // "100ml" or "10g" with nothing else: a bottle or tube priced by its content.
  const measure = new RegExp(`^${number}\\s*(ml|g)$`).exec(inner);
  if (measure) return { container: per, count: Number(measure[1]), unit: measure[2] as PackUnit };
  return undefined;
}

/** Fen per unit, unrounded: rounding happens only when shown. */
export function unitPriceFen(priceFen: number, pack: Pack): number {
  return priceFen / pack.count;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * "¥16.20/盒（20 粒，¥0.81/粒）" when the pack reads, "¥16.20/盒(大)" as written when it does not, "¥16.20" when
 * no unit was given. Units below one fen keep three decimals, so cheap tablets do not all read ¥0.00.
 */
export function describePrice(priceFen: number, unitText: string | null | undefined): string {
  if (!unitText) return yuan(priceFen);
  const pack = parsePack(unitText);
  if (!pack) return `${yuan(priceFen)}/${unitText}`;
  const each = unitPriceFen(priceFen, pack);
  const eachText = each < 1 ? `¥${(each / 100).toFixed(4)}` : each < 10 ? `¥${(each / 100).toFixed(3)}` : yuan(each);
  return `${yuan(priceFen)}/${pack.container}（${pack.count} ${pack.unit}，${eachText}/${pack.unit}）`;
}

/** The smallest units a price is compared per; a box or bottle is a container, never a unit to compare. */
export const smallestUnits = ['片', '粒', '袋', '支', '丸', '贴', '包', '枚', 'ml', 'g'] as const;

/**
 * Strength (规格) in one spelling, so "0.25g" and "250mg" are the same product: weights in mg, volumes in ml,
 * units (万单位, IU) as written. Returns null when nothing reads as a strength.
 */
export function normaliseStrength(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = normalise(text).replace(/\s+/g, '').replace(/μg|ug|微克/g, 'μg').replace(/毫克/g, 'mg');
  const m = /^(\d+(?:\.\d+)?)(mg|g|μg|ml)$/.exec(s);
  if (!m) return s.length > 0 ? s : null;
  const value = Number(m[1]);
  const mg = m[2] === 'g' ? value * 1000 : m[2] === 'μg' ? value / 1000 : value;
  return m[2] === 'ml' ? `${value}ml` : `${Number(mg.toFixed(6))}mg`;
}

/** The strength a pack text names before its count: "盒(0.3g×20粒)" → 300mg; "盒(20粒)" → null. */
export function strengthInPack(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /(\d+(?:\.\d+)?\s*(?:mg|g|μg|ug|ml))\s*×/.exec(normalise(text));
  return m?.[1] ? normaliseStrength(m[1]) : null;
}

/** 剂型 in one spelling: "片剂" and "片" are one form, "缓释片" another. */
export function normaliseForm(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, '').replace(/剂$/, '');
  return s.length > 0 ? s : null;
}

/** A price ready to compare: per smallest unit, with what it is a price of. */
export interface UnitPrice {
  unitFen: number;
  unit: PackUnit;
  form: string | null;
  strength: string | null;
  /** Prices compare only when this is equal: same form, same strength, same smallest unit. */
  comparableKey: string;
}

/**
 * The unit price of a reported price, or undefined when the pack cannot be read (or names only a container,
 * such as "20盒"): such a price is kept and shown as written, but never compared.
 */
export function unitPriceOf(
  priceFen: number,
  packText: string | null | undefined,
  given: { form?: string | null | undefined; strength?: string | null | undefined } = {},
): UnitPrice | undefined {
  if (!packText) return undefined;
  const pack = parsePack(packText);
  if (!pack || !(smallestUnits as readonly string[]).includes(pack.unit)) return undefined;
  const form = normaliseForm(given.form);
  const strength = normaliseStrength(given.strength) ?? strengthInPack(packText);
  return {
    unitFen: unitPriceFen(priceFen, pack),
    unit: pack.unit,
    form,
    strength,
    comparableKey: `${form ?? ''}|${strength ?? ''}|${pack.unit}`,
  };
}
