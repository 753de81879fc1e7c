import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Portal } from '../../src/server/portal.ts';
import { loadCatalogueFromDataDir } from '../../src/server/catalogueFiles.ts';
import { configureDrugIndex, indexDrugs, searchDrugs } from '../../src/server/search/drugIndex.ts';
import { drugSearch } from '../../src/server/services/drugSearch.ts';
import { loadDrugs, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { openTestPortal } from '../support/testPortal.ts';

/**
 * The relevance set: what citizens type and the variety they mean. `within` is how far down the list the
 * expected variety may stand (1 = it must be the first result).
 */
type Kind = 'name' | 'prefix' | 'pinyin' | 'initials' | 'brand' | 'english' | 'typo' | 'infix' | 'salt/form' | 'traditional/fullwidth' | 'abbreviation' | 'need' | 'no-match';

/** `expect: null` means nothing may be found: no drug and no 按用途 result. */
const relevanceSet: { q: string; expect: string | null; within: 1 | 3; why: string; kind: Kind }[] = [
  // exact generic names beat longer names that contain them
  { q: '布洛芬', expect: '布洛芬', within: 1, why: 'generic name', kind: 'name' },
  { q: '阿莫西林', expect: '阿莫西林', within: 1, why: 'exact beats 阿莫西林克拉维酸钾', kind: 'name' },
  { q: '氨氯地平', expect: '氨氯地平', within: 1, why: 'exact beats 缬沙坦氨氯地平 and 左氨氯地平', kind: 'name' },
  { q: '奥美拉唑', expect: '奥美拉唑', within: 1, why: 'exact beats 艾司奥美拉唑', kind: 'name' },
  { q: '胰岛素', expect: '胰岛素', within: 1, why: 'exact beats 甘精胰岛素', kind: 'name' },
  { q: '硝酸异山梨酯', expect: '硝酸异山梨酯', within: 1, why: 'exact beats 单硝酸异山梨酯', kind: 'name' },
  { q: '青霉素', expect: '青霉素', within: 1, why: 'exact beats 苄星青霉素', kind: 'name' },
  { q: '缬沙坦', expect: '缬沙坦', within: 1, why: 'exact beats 缬沙坦氨氯地平', kind: 'name' },
  { q: '肝素', expect: '肝素', within: 1, why: 'exact beats 低分子量肝素', kind: 'name' },
  { q: '甲硝唑', expect: '甲硝唑', within: 1, why: 'generic name', kind: 'name' },
  // parts of names
  { q: '头孢曲', expect: '头孢曲松', within: 1, why: 'prefix', kind: 'prefix' },
  { q: '连花清瘟', expect: '连花清瘟胶囊（颗粒）', within: 1, why: 'TCM name without form', kind: 'prefix' },
  { q: '藿香正气', expect: '藿香正气水（口服液、软胶囊）', within: 1, why: 'TCM name without form', kind: 'prefix' },
  { q: '六味地黄', expect: '六味地黄丸（胶囊）', within: 1, why: 'TCM name without form', kind: 'prefix' },
  { q: '左甲状腺素', expect: '左甲状腺素钠', within: 1, why: 'without salt', kind: 'prefix' },
  { q: '速效救心', expect: '速效救心丸', within: 1, why: 'without 丸', kind: 'prefix' },
  { q: '板蓝根', expect: '板蓝根颗粒', within: 1, why: 'without 颗粒', kind: 'prefix' },
  { q: '二甲双', expect: '二甲双胍', within: 1, why: 'prefix', kind: 'prefix' },
  // full pinyin
  { q: 'buluofen', expect: '布洛芬', within: 1, why: 'pinyin', kind: 'pinyin' },
  { q: 'bu luo fen', expect: '布洛芬', within: 1, why: 'pinyin with spaces', kind: 'pinyin' },
  { q: 'amoxilin', expect: '阿莫西林', within: 1, why: 'pinyin, exact beats longer', kind: 'pinyin' },
  { q: 'duiyixiananjifen', expect: '对乙酰氨基酚', within: 1, why: 'pinyin', kind: 'pinyin' },
  { q: 'jiaqiumizuo', expect: '甲巯咪唑', within: 1, why: 'pinyin of a rare character', kind: 'pinyin' },
  { q: 'xiaobendiping', expect: '硝苯地平', within: 1, why: 'pinyin', kind: 'pinyin' },
  { q: 'lianhuaqingwen', expect: '连花清瘟胶囊（颗粒）', within: 1, why: 'pinyin prefix of a TCM name', kind: 'pinyin' },
  { q: 'aositawei', expect: '奥司他韦', within: 1, why: 'pinyin', kind: 'pinyin' },
  // initials
  { q: 'blf', expect: '布洛芬', within: 1, why: 'initials', kind: 'initials' },
  { q: 'dyxajf', expect: '对乙酰氨基酚', within: 1, why: 'initials', kind: 'initials' },
  { q: 'xbdp', expect: '硝苯地平', within: 1, why: 'initials', kind: 'initials' },
  { q: 'ejsg', expect: '二甲双胍', within: 1, why: 'initials', kind: 'initials' },
  { q: 'ＢＬＦ', expect: '布洛芬', within: 1, why: 'full-width capitals from a phone keyboard', kind: 'initials' },
  // brands and everyday names
  { q: '芬必得', expect: '布洛芬', within: 1, why: 'brand', kind: 'brand' },
  { q: '美林', expect: '布洛芬', within: 1, why: 'brand', kind: 'brand' },
  { q: '泰诺林', expect: '对乙酰氨基酚', within: 1, why: 'brand', kind: 'brand' },
  { q: '扑热息痛', expect: '对乙酰氨基酚', within: 1, why: 'everyday name', kind: 'brand' },
  { q: '他巴唑', expect: '甲巯咪唑', within: 1, why: 'former name', kind: 'brand' },
  { q: '心痛定', expect: '硝苯地平', within: 1, why: 'everyday name', kind: 'brand' },
  { q: '达菲', expect: '奥司他韦', within: 1, why: 'originator brand', kind: 'brand' },
  { q: '波立维', expect: '氯吡格雷', within: 1, why: 'originator brand', kind: 'brand' },
  { q: '思密达', expect: '蒙脱石', within: 1, why: 'brand', kind: 'brand' },
  { q: 'fenbide', expect: '布洛芬', within: 1, why: 'pinyin of a brand', kind: 'brand' },
  { q: 'Tamiflu', expect: '奥司他韦', within: 1, why: 'English brand', kind: 'brand' },
  // English names
  { q: 'Ibuprofen', expect: '布洛芬', within: 1, why: 'INN', kind: 'english' },
  { q: 'amoxicillin', expect: '阿莫西林', within: 1, why: 'INN, lower case', kind: 'english' },
  { q: 'metformin', expect: '二甲双胍', within: 1, why: 'INN', kind: 'english' },
  { q: 'aspirin', expect: '阿司匹林', within: 1, why: 'INN', kind: 'english' },
  // typos
  { q: 'ibuprofin', expect: '布洛芬', within: 1, why: 'English typo', kind: 'typo' },
  { q: 'amoxicilin', expect: '阿莫西林', within: 3, why: 'English typo', kind: 'typo' },
  { q: 'metformine', expect: '二甲双胍', within: 1, why: 'English typo', kind: 'typo' },
  { q: '阿莫西临', expect: '阿莫西林', within: 3, why: 'homophone typo from the input method', kind: 'typo' },
  { q: '布洛分', expect: '布洛芬', within: 1, why: 'homophone typo', kind: 'typo' },
  { q: '对乙酰氨基芬', expect: '对乙酰氨基酚', within: 1, why: 'homophone typo', kind: 'typo' },
  { q: 'buluofeng', expect: '布洛芬', within: 1, why: 'pinyin typo', kind: 'typo' },
  // the middle or end of a name
  { q: '沙坦', expect: '缬沙坦', within: 3, why: 'end of 缬沙坦, 替米沙坦, 厄贝沙坦', kind: 'infix' },
  { q: '厄贝', expect: '厄贝沙坦', within: 1, why: 'start, for comparison', kind: 'infix' },
  { q: '米沙坦', expect: '替米沙坦', within: 1, why: 'end of a name', kind: 'infix' },
  { q: '双胍', expect: '二甲双胍', within: 1, why: 'end of a name', kind: 'infix' },
  { q: '甲双胍', expect: '二甲双胍', within: 1, why: 'end of a name', kind: 'infix' },
  { q: '地平', expect: '硝苯地平', within: 3, why: 'end of several names', kind: 'infix' },
  { q: '氯地平', expect: '氨氯地平', within: 3, why: 'end of a name', kind: 'infix' },
  { q: '他汀', expect: '阿托伐他汀', within: 3, why: 'end of several names', kind: 'infix' },
  { q: '伐他汀', expect: '阿托伐他汀', within: 3, why: 'end of 阿托伐他汀, 辛伐他汀', kind: 'infix' },
  { q: '格列净', expect: '达格列净', within: 3, why: 'end of a name', kind: 'infix' },
  { q: '拉唑', expect: '奥美拉唑', within: 3, why: 'end of several names', kind: 'infix' },
  { q: '美拉唑', expect: '奥美拉唑', within: 3, why: 'end of a name', kind: 'infix' },
  { q: '莫西林', expect: '阿莫西林', within: 1, why: 'end of a name', kind: 'infix' },
  { q: '乙酰氨基酚', expect: '对乙酰氨基酚', within: 1, why: 'without the first character', kind: 'infix' },
  { q: '氨基酚', expect: '对乙酰氨基酚', within: 1, why: 'end of a name', kind: 'infix' },
  { q: '洛芬', expect: '布洛芬', within: 3, why: 'end of 布洛芬, 洛索洛芬钠', kind: 'infix' },
  { q: '氯吡格雷', expect: '氯吡格雷', within: 1, why: 'name', kind: 'infix' },
  { q: '吡格雷', expect: '氯吡格雷', within: 1, why: 'end of a name', kind: 'infix' },
  { q: '甲状腺素', expect: '左甲状腺素钠', within: 1, why: 'middle of a name', kind: 'infix' },
  { q: '清瘟', expect: '连花清瘟胶囊（颗粒）', within: 1, why: 'middle of a TCM name', kind: 'infix' },
  { q: '救心', expect: '速效救心丸', within: 3, why: 'middle of a TCM name', kind: 'infix' },
  // salts, esters, forms and strengths as printed on the box
  { q: '盐酸二甲双胍', expect: '二甲双胍', within: 1, why: 'salt', kind: 'salt/form' },
  { q: '盐酸二甲双胍片', expect: '二甲双胍', within: 1, why: 'salt and form', kind: 'salt/form' },
  { q: '盐酸二甲双胍缓释片', expect: '二甲双胍', within: 1, why: 'salt and modified-release form', kind: 'salt/form' },
  { q: '苯磺酸氨氯地平片', expect: '氨氯地平', within: 1, why: 'salt and form', kind: 'salt/form' },
  { q: '布洛芬混悬液', expect: '布洛芬', within: 1, why: 'form', kind: 'salt/form' },
  { q: '布洛芬缓释胶囊 0.3g', expect: '布洛芬', within: 1, why: 'form and strength', kind: 'salt/form' },
  { q: '硫酸氢氯吡格雷片', expect: '氯吡格雷', within: 1, why: 'salt and form', kind: 'salt/form' },
  { q: '阿托伐他汀钙片', expect: '阿托伐他汀', within: 1, why: 'salt suffix and form', kind: 'salt/form' },
  { q: '马来酸依那普利片', expect: '依那普利', within: 1, why: 'salt and form', kind: 'salt/form' },
  { q: '琥珀酸美托洛尔缓释片', expect: '美托洛尔', within: 1, why: 'salt and form', kind: 'salt/form' },
  { q: '硝苯地平控释片', expect: '硝苯地平', within: 1, why: 'controlled-release form', kind: 'salt/form' },
  { q: '阿司匹林肠溶片', expect: '阿司匹林', within: 1, why: 'enteric-coated form', kind: 'salt/form' },
  { q: '奥美拉唑肠溶胶囊', expect: '奥美拉唑', within: 1, why: 'form', kind: 'salt/form' },
  { q: '头孢克肟颗粒', expect: '头孢克肟', within: 1, why: 'form', kind: 'salt/form' },
  { q: '利巴韦林注射液', expect: '利巴韦林', within: 1, why: 'form', kind: 'salt/form' },
  { q: '蒙脱石散', expect: '蒙脱石', within: 1, why: 'form 散', kind: 'salt/form' },
  { q: '维生素B12注射液', expect: '维生素B12', within: 1, why: 'form; the 12 stays', kind: 'salt/form' },
  { q: '左甲状腺素钠片', expect: '左甲状腺素钠', within: 1, why: 'form; the name ends in a salt', kind: 'salt/form' },
  { q: '氯化钾缓释片', expect: '氯化钾', within: 1, why: 'form; 氯化钾 is not stripped to 氯化', kind: 'salt/form' },
  { q: '磷酸奥司他韦胶囊', expect: '奥司他韦', within: 1, why: 'salt and form', kind: 'salt/form' },
  { q: '盐酸氨溴索口服溶液', expect: '氨溴索', within: 1, why: 'salt and form', kind: 'salt/form' },
  // traditional characters and full-width letters
  { q: '鹽酸二甲雙胍', expect: '二甲双胍', within: 1, why: 'traditional, with salt', kind: 'traditional/fullwidth' },
  { q: '布洛芬緩釋膠囊', expect: '布洛芬', within: 1, why: 'traditional form', kind: 'traditional/fullwidth' },
  { q: '維生素C', expect: '维生素C', within: 1, why: 'traditional', kind: 'traditional/fullwidth' },
  { q: '奧美拉唑', expect: '奥美拉唑', within: 1, why: 'traditional', kind: 'traditional/fullwidth' },
  { q: '阿莫西林膠囊', expect: '阿莫西林', within: 1, why: 'traditional form', kind: 'traditional/fullwidth' },
  { q: '硝苯地平控釋片', expect: '硝苯地平', within: 1, why: 'traditional form', kind: 'traditional/fullwidth' },
  { q: '氯雷他定錠', expect: '氯雷他定', within: 1, why: 'Taiwanese 錠 for tablet', kind: 'traditional/fullwidth' },
  { q: '頭孢', expect: '头孢唑林', within: 3, why: 'traditional prefix', kind: 'traditional/fullwidth' },
  { q: 'ＶＣ', expect: '维生素C', within: 1, why: 'full-width abbreviation', kind: 'traditional/fullwidth' },
  { q: 'ａｍｏｘｉｃｉｌｌｉｎ', expect: '阿莫西林', within: 1, why: 'full-width English', kind: 'traditional/fullwidth' },
  { q: '布洛芬０．３ｇ', expect: '布洛芬', within: 1, why: 'full-width strength', kind: 'traditional/fullwidth' },
  // abbreviations and common names
  { q: 'VC', expect: '维生素C', within: 1, why: 'abbreviation', kind: 'abbreviation' },
  { q: 'vc', expect: '维生素C', within: 1, why: 'abbreviation, lower case', kind: 'abbreviation' },
  { q: '维C', expect: '维生素C', within: 1, why: 'everyday name', kind: 'abbreviation' },
  { q: 'APAP', expect: '对乙酰氨基酚', within: 1, why: 'abbreviation', kind: 'abbreviation' },
  { q: 'ASA', expect: '阿司匹林', within: 1, why: 'abbreviation', kind: 'abbreviation' },
  { q: 'MTX', expect: '甲氨蝶呤', within: 1, why: 'abbreviation', kind: 'abbreviation' },
  { q: '心得安', expect: '普萘洛尔', within: 1, why: 'former name', kind: 'abbreviation' },
  { q: '胃复安', expect: '甲氧氯普胺', within: 1, why: 'former name', kind: 'abbreviation' },
  { q: '优降糖', expect: '格列本脲', within: 1, why: 'former name', kind: 'abbreviation' },
  { q: '先锋6号', expect: '头孢拉定', within: 1, why: 'everyday name', kind: 'abbreviation' },
  { q: '咳必清', expect: '喷托维林', within: 1, why: 'former name', kind: 'abbreviation' },
  // widely sold brands, curated as common knowledge (data/drug-aliases.csv)
  { q: '拜新同', expect: '硝苯地平', within: 1, why: 'Bayer brand of 硝苯地平控释片', kind: 'brand' },
  { q: '络活喜', expect: '氨氯地平', within: 1, why: 'brand', kind: 'brand' },
  { q: '格华止', expect: '二甲双胍', within: 1, why: 'brand', kind: 'brand' },
  { q: '希舒美', expect: '阿奇霉素', within: 1, why: 'brand', kind: 'brand' },
  { q: '拜唐苹', expect: '阿卡波糖', within: 1, why: 'brand', kind: 'brand' },
  { q: '扶他林', expect: '双氯芬酸钠', within: 1, why: 'brand', kind: 'brand' },
  { q: '舒降之', expect: '辛伐他汀', within: 1, why: 'brand', kind: 'brand' },
  { q: '达喜', expect: '铝碳酸镁', within: 1, why: 'brand', kind: 'brand' },
  { q: '力度伸', expect: '维生素C', within: 1, why: 'brand', kind: 'brand' },
  { q: '仙特明', expect: '西替利嗪', within: 1, why: 'brand', kind: 'brand' },
  { q: '百优解', expect: '氟西汀', within: 1, why: 'brand', kind: 'brand' },
  { q: '达美康', expect: '格列齐特', within: 1, why: 'brand', kind: 'brand' },
  { q: '倍林达', expect: '替格瑞洛', within: 1, why: 'brand', kind: 'brand' },
  { q: '美卡素', expect: '替米沙坦', within: 1, why: 'brand', kind: 'brand' },
  { q: '可乐必妥', expect: '左氧氟沙星', within: 1, why: 'brand', kind: 'brand' },
  // needs and symptoms: the catalogue class, under any name matches
  { q: '退烧药', expect: '对乙酰氨基酚', within: 3, why: '解热镇痛药', kind: 'need' },
  { q: '发烧', expect: '布洛芬', within: 3, why: '解热镇痛药', kind: 'need' },
  { q: '降压药', expect: '卡托普利', within: 3, why: '抗高血压药, list order', kind: 'need' },
  { q: '高血压吃什么药', expect: '卡托普利', within: 3, why: 'need inside a sentence', kind: 'need' },
  { q: '拉肚子', expect: '洛哌丁胺', within: 3, why: '泻药及止泻药', kind: 'need' },
  { q: '止泻', expect: '洛哌丁胺', within: 3, why: '泻药及止泻药', kind: 'need' },
  { q: '感冒', expect: '九味羌活丸（颗粒）', within: 3, why: '中成药 解表剂', kind: 'need' },
  { q: '咳嗽', expect: '复方甘草', within: 3, why: '镇咳药', kind: 'need' },
  { q: '降糖药', expect: '金芪降糖片（胶囊、颗粒）', within: 3, why: 'a name containing 降糖 comes before the class', kind: 'need' },
  { q: '血糖高', expect: '胰岛素', within: 3, why: '胰岛素及降血糖药', kind: 'need' },
  { q: '糖尿病', expect: '胰岛素', within: 3, why: '胰岛素及降血糖药', kind: 'need' },
  { q: '胃酸', expect: '复方氢氧化铝', within: 3, why: '抗酸药及抗溃疡病药', kind: 'need' },
  { q: '过敏', expect: '氯苯那敏', within: 3, why: '抗变态反应药', kind: 'need' },
  { q: '失眠', expect: '佐匹克隆', within: 3, why: '镇静催眠药', kind: 'need' },
  { q: '發燒', expect: '对乙酰氨基酚', within: 3, why: 'traditional need word', kind: 'need' },
  // nothing to find: no unrelated drugs
  { q: '电脑', expect: null, within: 1, why: 'not a drug', kind: 'no-match' },
  { q: '手机壳', expect: null, within: 1, why: 'not a drug', kind: 'no-match' },
  { q: '天气预报', expect: null, within: 1, why: 'not a drug', kind: 'no-match' },
  { q: 'qwerty', expect: null, within: 1, why: 'keyboard mash', kind: 'no-match' },
  { q: '拜耳新同', expect: null, within: 1, why: 'unknown brand-like word', kind: 'no-match' },
  { q: '斯皮仁诺', expect: null, within: 1, why: 'a brand the portal does not know (yet): 没有找到 is the honest answer', kind: 'no-match' },
  { q: '修美乐', expect: null, within: 1, why: 'a brand the portal does not know (yet)', kind: 'no-match' },
];


let portal: Portal;

beforeAll(async () => {
  portal = await openTestPortal({ demo: false });
  await saveCatalogue(portal.store, loadCatalogueFromDataDir('data'));
  await configureDrugIndex(portal.search);
  await indexDrugs(portal.search, await loadDrugs(portal.store));
});

afterAll(async () => {
  await portal?.close();
});

/** What a citizen sees, in order: name matches, then 按用途 results. */
async function shownNames(q: string): Promise<string[]> {
  const result = await drugSearch(portal, q, 10);
  return [...result.hits, ...(result.byUse?.hits ?? [])].map((h) => h.name);
}

function found(names: string[], entry: (typeof relevanceSet)[number]): boolean {
  if (entry.expect === null) return names.length === 0;
  const position = names.indexOf(entry.expect);
  return position >= 0 && position < entry.within;
}

describe('drug search relevance', () => {
  test('the relevance set has at least 100 queries', () => {
    expect(relevanceSet.length).toBeGreaterThanOrEqual(100);
  });

  test.each(relevanceSet)('“$q” finds $expect ($kind: $why)', async (entry) => {
    const names = await shownNames(entry.q);
    expect(found(names, entry), `got ${names.slice(0, 5).join(', ') || 'nothing'}`).toBe(true);
  });

  test('hit@3 is at least 95 % overall, printed per kind', async () => {
    const byKind = new Map<string, { n: number; hit: number }>();
    for (const entry of relevanceSet) {
      const names = await shownNames(entry.q);
      const ok = found(names, { ...entry, within: 3 });
      const tally = byKind.get(entry.kind) ?? { n: 0, hit: 0 };
      byKind.set(entry.kind, { n: tally.n + 1, hit: tally.hit + (ok ? 1 : 0) });
    }
    const total = [...byKind.values()].reduce((a, t) => ({ n: a.n + t.n, hit: a.hit + t.hit }), { n: 0, hit: 0 });
    console.log(
      [...byKind].map(([kind, t]) => `${kind.padEnd(22)} ${t.hit}/${t.n}`).join('\n'),
      `\nhit@3 ${((100 * total.hit) / total.n).toFixed(1)} % of ${total.n}`,
    );
    expect(total.hit / total.n).toBeGreaterThanOrEqual(0.95);
  });

  test('a part of a name finds every variety that contains it', async () => {
    const names = (await searchDrugs(portal.search, '头孢', 20)).map((h) => h.name);
    expect(names.filter((n) => n.startsWith('头孢')).length).toBeGreaterThanOrEqual(5);
    expect(names[0]?.startsWith('头孢')).toBe(true);
  });

  test('an infix finds every variety ending in it', async () => {
    const names = (await searchDrugs(portal.search, '沙坦', 20)).map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['缬沙坦', '替米沙坦', '厄贝沙坦', '缬沙坦氨氯地平']));
  });

  test('nonsense finds nothing rather than something random', async () => {
    expect(await searchDrugs(portal.search, 'zzqxv', 10)).toEqual([]);
  });

  test('an unknown word offers no drugs as results', async () => {
    const result = await drugSearch(portal, '拜耳新同', 10);
    expect(result.hits).toEqual([]);
    expect(result.byUse).toBeNull();
  });

  test('a need word lists its class under the name matches, never above an exact name', async () => {
    const result = await drugSearch(portal, '止咳', 10);
    expect(result.byUse?.need).toBe('止咳');
    expect(result.hits.map((h) => h.name)).toContain('杏贝止咳颗粒');
    expect(result.byUse?.hits.some((h) => h.subcategory === '（二）镇咳药')).toBe(true);
    const shown = new Set(result.hits.map((h) => h.id));
    expect(result.byUse?.hits.every((h) => !shown.has(h.id))).toBe(true);
  });
});
