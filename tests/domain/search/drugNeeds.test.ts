import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { drugClassLabel, parseDrugNeeds } from '../../../src/domain/search/drugNeeds.ts';
import { loadCatalogueFromDataDir } from '../../../src/server/catalogueFiles.ts';

const needs = parseDrugNeeds(readFileSync('data/drug-needs.csv', 'utf8'));
const catalogue = loadCatalogueFromDataDir('data');

describe('data/drug-needs.csv', () => {
  test.each(needs.map((n) => [n.need, n.category, n.subcategory ?? '']))('“%s” maps to a class of the catalogue: %s %s', (_need, category, subcategory) => {
    const members = catalogue.filter((v) => v.category === category && (subcategory === '' || v.subcategory === subcategory));
    expect(members.length).toBeGreaterThan(0);
  });

  test('covers the needs people type most (退烧, 降压, 止泻, 感冒, 止咳, 降糖, 胃痛, 过敏)', () => {
    const words = new Set(needs.map((n) => n.need));
    for (const w of ['退烧', '发烧', '发热', '降压', '高血压', '止泻', '拉肚子', '感冒', '止咳', '降糖', '糖尿病', '胃酸', '胃痛', '过敏']) expect(words).toContain(w);
  });

  test('maps 感冒 to the 中成药 解表剂', () => {
    expect(needs.filter((n) => n.need === '感冒').every((n) => n.subcategory === '（一）解表剂')).toBe(true);
  });
});

describe('drugClassLabel', () => {
  test('drops the list numbering of a subcategory or category', () => {
    expect(drugClassLabel({ category: '七、心血管系统用药', subcategory: '（四）抗高血压药' })).toBe('抗高血压药');
    expect(drugClassLabel({ category: '十三、抗变态反应药', subcategory: null })).toBe('抗变态反应药');
  });
});
