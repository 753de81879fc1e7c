import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Portal } from '../../src/server/portal.ts';
import { loadCatalogueFromDataDir } from '../../src/server/catalogueFiles.ts';
import { configureDrugIndex, indexDrugs, searchDrugs } from '../../src/server/search/drugIndex.ts';
import { loadDrugs, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { openTestPortal } from '../support/testPortal.ts';

/**
 * The relevance set: what citizens type and the variety they mean. `within` is how far down the list the
 * expected variety may stand (1 = it must be the first result).
 */
const relevanceSet: { q: string; expect: string; within: 1 | 3; why: string }[] = [
  // exact generic names beat longer names that contain them
  { q: '布洛芬', expect: '布洛芬', within: 1, why: 'generic name' },
  { q: '阿莫西林', expect: '阿莫西林', within: 1, why: 'exact beats 阿莫西林克拉维酸钾' },
  { q: '氨氯地平', expect: '氨氯地平', within: 1, why: 'exact beats 缬沙坦氨氯地平 and 左氨氯地平' },
  { q: '奥美拉唑', expect: '奥美拉唑', within: 1, why: 'exact beats 艾司奥美拉唑' },
  { q: '胰岛素', expect: '胰岛素', within: 1, why: 'exact beats 甘精胰岛素' },
  { q: '硝酸异山梨酯', expect: '硝酸异山梨酯', within: 1, why: 'exact beats 单硝酸异山梨酯' },
  { q: '青霉素', expect: '青霉素', within: 1, why: 'exact beats 苄星青霉素' },
  { q: '缬沙坦', expect: '缬沙坦', within: 1, why: 'exact beats 缬沙坦氨氯地平' },
  { q: '肝素', expect: '肝素', within: 1, why: 'exact beats 低分子量肝素' },
  { q: '甲硝唑', expect: '甲硝唑', within: 1, why: 'generic name' },
  // parts of names
  { q: '头孢曲', expect: '头孢曲松', within: 1, why: 'prefix' },
  { q: '连花清瘟', expect: '连花清瘟胶囊（颗粒）', within: 1, why: 'TCM name without form' },
  { q: '藿香正气', expect: '藿香正气水（口服液、软胶囊）', within: 1, why: 'TCM name without form' },
  { q: '六味地黄', expect: '六味地黄丸（胶囊）', within: 1, why: 'TCM name without form' },
  { q: '左甲状腺素', expect: '左甲状腺素钠', within: 1, why: 'without salt' },
  { q: '速效救心', expect: '速效救心丸', within: 1, why: 'without 丸' },
  { q: '板蓝根', expect: '板蓝根颗粒', within: 1, why: 'without 颗粒' },
  { q: '二甲双', expect: '二甲双胍', within: 1, why: 'prefix' },
  // full pinyin
  { q: 'buluofen', expect: '布洛芬', within: 1, why: 'pinyin' },
  { q: 'bu luo fen', expect: '布洛芬', within: 1, why: 'pinyin with spaces' },
  { q: 'amoxilin', expect: '阿莫西林', within: 1, why: 'pinyin, exact beats longer' },
  { q: 'duiyixiananjifen', expect: '对乙酰氨基酚', within: 1, why: 'pinyin' },
  { q: 'jiaqiumizuo', expect: '甲巯咪唑', within: 1, why: 'pinyin of a rare character' },
  { q: 'xiaobendiping', expect: '硝苯地平', within: 1, why: 'pinyin' },
  { q: 'lianhuaqingwen', expect: '连花清瘟胶囊（颗粒）', within: 1, why: 'pinyin prefix of a TCM name' },
  { q: 'aositawei', expect: '奥司他韦', within: 1, why: 'pinyin' },
  // initials
  { q: 'blf', expect: '布洛芬', within: 1, why: 'initials' },
  { q: 'dyxajf', expect: '对乙酰氨基酚', within: 1, why: 'initials' },
  { q: 'xbdp', expect: '硝苯地平', within: 1, why: 'initials' },
  { q: 'ejsg', expect: '二甲双胍', within: 1, why: 'initials' },
  { q: 'ＢＬＦ', expect: '布洛芬', within: 1, why: 'full-width capitals from a phone keyboard' },
  // brands and everyday names
  { q: '芬必得', expect: '布洛芬', within: 1, why: 'brand' },
  { q: '美林', expect: '布洛芬', within: 1, why: 'brand' },
  { q: '泰诺林', expect: '对乙酰氨基酚', within: 1, why: 'brand' },
  { q: '扑热息痛', expect: '对乙酰氨基酚', within: 1, why: 'everyday name' },
  { q: '他巴唑', expect: '甲巯咪唑', within: 1, why: 'former name' },
  { q: '心痛定', expect: '硝苯地平', within: 1, why: 'everyday name' },
  { q: '达菲', expect: '奥司他韦', within: 1, why: 'originator brand' },
  { q: '波立维', expect: '氯吡格雷', within: 1, why: 'originator brand' },
  { q: '思密达', expect: '蒙脱石', within: 1, why: 'brand' },
  { q: 'fenbide', expect: '布洛芬', within: 1, why: 'pinyin of a brand' },
  { q: 'Tamiflu', expect: '奥司他韦', within: 1, why: 'English brand' },
  // English names
  { q: 'Ibuprofen', expect: '布洛芬', within: 1, why: 'INN' },
  { q: 'amoxicillin', expect: '阿莫西林', within: 1, why: 'INN, lower case' },
  { q: 'metformin', expect: '二甲双胍', within: 1, why: 'INN' },
  { q: 'aspirin', expect: '阿司匹林', within: 1, why: 'INN' },
  // typos
  { q: 'ibuprofin', expect: '布洛芬', within: 1, why: 'English typo' },
  { q: 'amoxicilin', expect: '阿莫西林', within: 3, why: 'English typo' },
  { q: 'metformine', expect: '二甲双胍', within: 1, why: 'English typo' },
  { q: '阿莫西临', expect: '阿莫西林', within: 3, why: 'homophone typo from the input method' },
  { q: '布洛分', expect: '布洛芬', within: 1, why: 'homophone typo' },
  { q: '对乙酰氨基芬', expect: '对乙酰氨基酚', within: 1, why: 'homophone typo' },
  { q: 'buluofeng', expect: '布洛芬', within: 1, why: 'pinyin typo' },
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

describe('drug search relevance', () => {
  test('the relevance set has at least 40 queries', () => {
    expect(relevanceSet.length).toBeGreaterThanOrEqual(40);
  });

  test.each(relevanceSet)('“$q” finds $expect ($why)', async ({ q, expect: expected, within }) => {
    const hits = await searchDrugs(portal.search, q, 10);
    const names = hits.map((h) => h.name);
    const position = names.indexOf(expected);
    expect(position, `got ${names.slice(0, 5).join(', ')}`).toBeGreaterThanOrEqual(0);
    expect(position, `got ${names.slice(0, 5).join(', ')}`).toBeLessThan(within);
  });

  test('a part of a name finds every variety that contains it', async () => {
    const names = (await searchDrugs(portal.search, '头孢', 20)).map((h) => h.name);
    expect(names.filter((n) => n.startsWith('头孢')).length).toBeGreaterThanOrEqual(5);
    expect(names[0]?.startsWith('头孢')).toBe(true);
  });

  test('nonsense finds nothing rather than something random', async () => {
    expect(await searchDrugs(portal.search, 'zzqxv', 10)).toEqual([]);
  });
});
