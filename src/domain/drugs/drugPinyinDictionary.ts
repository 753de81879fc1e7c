/**
 * Readings of characters with more than one pronunciation, as they are read in drug names.
 * pinyin-pro's general-language guesses are often wrong here (参麦 cān, 肺力咳 hāi, 枸橼酸 gǒu).
 * Keys are words (longest match wins) or single characters that have one reading in medicine names.
 * Readings are written with tones so staff can check them; tones are dropped when searching.
 *
 * How this list was made: every character of the catalogue's generic names that pinyin-pro lists
 * with several readings (91 of 761 characters) was looked at in each name it occurs in. Words
 * whose default was already right are listed too where the brief or staff asked, so the decision is
 * visible; the rest kept pinyin-pro's default (阿 ā, 卡 kǎ, 地 dì, 奥 ào, 吡 bǐ, 丁 dīng, 那 nà…).
 */
export const DRUG_PINYIN_DICTIONARY: Readonly<Record<string, string>> = {
  // 重 = "again/bi-" in salt and biotech names.
  重酒石酸: 'chóng jiǔ shí suān',
  重组: 'chóng zǔ',
  重楼: 'chóng lóu',
  // Catecholamines and steroids: defaults are right; listed because they are searched a lot.
  去甲肾上腺素: 'qù jiǎ shèn shàng xiàn sù',
  肾上腺素: 'shèn shàng xiàn sù',
  地塞米松: 'dì sāi mǐ sōng',
  阿托品: 'ā tuō pǐn',
  氯化钙: 'lǜ huà gài',
  乳酸: 'rǔ suān',
  还原型: 'huán yuán xíng',
  单硝酸: 'dān xiāo suān',
  单抗: 'dān kàng',
  // 的 in transliterations: 可的松 kě dì sōng, 新斯的明 xīn sī dì míng (default gives de).
  可的松: 'kě dì sōng',
  斯的明: 'sī dì míng',
  // 刹 in 尼可刹米 (nikethamide) is shā, not chà.
  尼可刹米: 'ní kě shā mǐ',
  // 枸橼 = citrus (citrate), read jǔ yuán; default gives gǒu.
  枸橼酸: 'jǔ yuán suān',
  // 泊 transliterates "po" (propofol, etoposide, caspofungin, eltrombopag); default gives bó.
  // pō follows the transcription's 拼音简码 (BPF → "P"), the only outside evidence we have.
  丙泊酚: 'bǐng pō fēn',
  依托泊苷: 'yī tuō pō gān',
  卡泊芬净: 'kǎ pō fēn jìng',
  艾曲泊帕: 'ài qū pō pà',
  长链: 'cháng liàn',
  长春: 'cháng chūn',
  生长: 'shēng zhǎng',
  纤溶: 'xiān róng',
  吖啶: 'ā dìng',
  莨菪: 'làng dàng',
  // 血 is always xuè in medicine names (never colloquial xiě).
  血: 'xuè',
  血栓通: 'xuè shuān tōng',
  血塞通: 'xuè sāi tōng',
  藿香正气: 'huò xiāng zhèng qì',
  // 参 in medicine names is the herb (shēn); default gives cān.
  参: 'shēn',
  丹参: 'dān shēn',
  人参: 'rén shēn',
  红参: 'hóng shēn',
  西洋参: 'xī yáng shēn',
  党参: 'dǎng shēn',
  苦参: 'kǔ shēn',
  玄参: 'xuán shēn',
  太子参: 'tài zǐ shēn',
  参麦: 'shēn mài',
  参苓: 'shēn líng',
  参芪: 'shēn qí',
  参松: 'shēn sōng',
  芪参: 'qí shēn',
  地黄: 'dì huáng',
  大黄: 'dà huáng',
  厚朴: 'hòu pò',
  柴胡: 'chái hú',
  // 术 in herb names is zhú (白术, 苍术, 莪术, 枳术); default for 枳术 gives shù.
  白术: 'bái zhú',
  苍术: 'cāng zhú',
  莪术: 'é zhú',
  枳术: 'zhǐ zhú',
  降压: 'jiàng yā',
  降糖: 'jiàng táng',
  降脂: 'jiàng zhī',
  调经: 'tiáo jīng',
  茶调: 'chá tiáo',
  和胃: 'hé wèi',
  和血: 'hé xuè',
  保和: 'bǎo hé',
  行气: 'xíng qì',
  生殖: 'shēng zhí',
  // 咳 is ké in cough remedies; default for 肺力咳 / 肺咳 gives hāi.
  咳: 'ké',
  // 金匮 (the classic 金匮要略) is jīn guì; default gives kuì.
  金匮: 'jīn guì',
  // 都梁 is a place name, dū liáng; default gives dōu.
  都梁: 'dū liáng',
  // 桔梗 jié gěng; 甘桔 = 甘草 + 桔梗, so jié too (default gives jú, the tangerine).
  桔梗: 'jié gěng',
  甘桔: 'gān jié',
  蛤蚧: 'gé jiè',
  颠茄: 'diān qié',
  茜草: 'qiàn cǎo',
  柏子: 'bǎi zǐ',
  // 黄柏 follows the 中国药典 title Huangbo; 知柏 keeps the everyday bǎi of "Zhibai Dihuang Wan".
  // Both are spelled differently in daily use; initials (b) match either way.
  黄柏: 'huáng bò',
  知柏: 'zhī bǎi',
  山楂: 'shān zhā',
  薄荷: 'bò he',
};
