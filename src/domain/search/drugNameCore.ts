/**
 * People type a drug as it is printed on the box: salt, ester and dosage form included (盐酸二甲双胍片,
 * 苯磺酸氨氯地平片, 布洛芬混悬液). The catalogue lists varieties bare (二甲双胍), so search also looks for the
 * core of the name. Lists are longest first, so that 硫酸氢 goes before 硫酸 and 缓释片 before 片.
 */
export const FORM_WORDS = [
  '注射用无菌粉末', '注射用浓溶液', '口服溶液剂', '吸入粉雾剂', '吸入气雾剂', '鼻喷雾剂', '口服溶液', '干混悬剂', '缓释胶囊', '控释胶囊',
  '肠溶胶囊', '缓释片剂', '缓释颗粒', '口服液', '混悬液', '注射液', '注射剂', '缓释片', '控释片', '肠溶片', '分散片', '口崩片',
  '咀嚼片', '泡腾片', '含片', '软胶囊', '滴丸剂', '滴眼液', '滴眼剂', '滴耳液', '滴鼻液', '喷雾剂', '气雾剂', '颗粒剂', '胶囊剂',
  '糖浆剂', '软膏剂', '乳膏剂', '凝胶剂', '贴膏剂', '吸入剂', '混悬剂', '口服液', '冲剂', '滴剂', '滴丸', '颗粒', '胶囊', '片剂', '软膏',
  '乳膏', '眼膏', '栓剂', '糖浆', '散剂', '丸剂', '合剂', '凝胶', '贴剂', '乳剂', '溶液', '片', '丸', '栓', '膏', '散',
].sort((a, b) => b.length - a.length);

export const SALT_PREFIXES = [
  '重酒石酸', '硫酸氢', '酒石酸', '盐酸', '甲硫酸', '硫酸', '马来酸', '枸橼酸', '甲磺酸', '苯磺酸', '磷酸', '醋酸', '氢溴酸', '富马酸',
  '琥珀酸', '乳酸', '门冬氨酸', '精氨酸', '氨丁三醇', '丙酸', '糠酸', '草酸', '依他尼酸', '苯甲酸', '萘磺酸', '双羟萘酸', '帕莫酸',
].sort((a, b) => b.length - a.length);

export const SALT_SUFFIXES = ['二吡呋酯', '叔丁胺', '乙醇胺', '钠', '钾', '钙', '镁', '酯'].sort((a, b) => b.length - a.length);

/** Parenthesised notes people copy from a box: 布洛芬（缓释）, 0.3g. Removed before the words are looked at. */
const bracketed = /[(（][^)）]*[)）]/g;
// Only numbers with a unit: the digits of 维生素B12 and 碳酸钙D3 are part of the name.
const strength = /\d+(\.\d+)?\s*(mg|g|ml|μg|ug|iu|万单位|单位|毫克|克|毫升)(?![a-z])/gi;

function stripPrefix(name: string, words: readonly string[]): string {
  const word = words.find((w) => name.startsWith(w) && [...name].length - [...w].length >= 2);
  return word ? name.slice(word.length) : name;
}

function stripSuffix(name: string, words: readonly string[]): string {
  const word = words.find((w) => name.endsWith(w) && [...name].length - [...w].length >= 2);
  return word ? name.slice(0, -word.length) : name;
}

/**
 * 盐酸二甲双胍缓释片 → 二甲双胍, 硫酸氢氯吡格雷片 → 氯吡格雷, 布洛芬混悬液 → 布洛芬. Never below two characters,
 * so that 硫酸镁 stays 硫酸镁; a query that is only a form word (胶囊) is returned as it was.
 */
export function drugNameCore(name: string): string {
  let core = drugNameWithoutForm(name);
  core = stripPrefix(core, SALT_PREFIXES);
  // 硫酸镁, 氯化钾, 碳酸氢钠, 葡萄糖酸钙 are salts by name: without the metal only the acid would be left.
  const saltless = stripSuffix(core, SALT_SUFFIXES);
  return /(酸|酸氢|化)$/.test(saltless) ? core : saltless;
}

/**
 * 氯化钾缓释片 → 氯化钾: the form alone goes first and is searched too, because some names end in what looks
 * like a salt (氯化钾, 碳酸氢钠) and would lose it in the core.
 */
export function drugNameWithoutForm(name: string): string {
  const text = name.replace(bracketed, '').replace(strength, '').replace(/\s+/g, '');
  if (!text) return name;
  return stripSuffix(stripPrefix(text, ['注射用', '吸入用']), FORM_WORDS);
}
