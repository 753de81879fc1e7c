import { afterEach, expect, test } from 'vitest';
import { countDrugs, drugIdsByNamePart, drugNames, loadDrug, loadDrugs, sameClassDrugIds, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { testDrug } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

describeStores('drugStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('saves a catalogue and loads it back with aliases, JSON fields and flags as booleans', async () => {
    t = await open();
    await saveCatalogue(t.store, [
      testDrug('W078', '布洛芬', { specialistOnly: true, forms: [{ form: '片剂', strengths: ['0.1g'] }], aliases: [{ name: '芬必得', kind: 'brand', source: 'test' }] }),
      testDrug('W006', '阿莫西林', { isEssential: false }),
    ]);
    const drug = await loadDrug(t.store, 'W078');
    expect(drug).toMatchObject({ genericName: '布洛芬', specialistOnly: true, isEssential: true, aliases: [{ name: '芬必得', kind: 'brand' }] });
    expect(drug?.flags).toMatchObject({ essential: true, specialistOnly: true, lists: [], procurement: [] });
    expect((await loadDrug(t.store, 'W006'))?.isEssential).toBe(false);
    expect(await countDrugs(t.store)).toBe(2);
  });

  test('saving again updates in place and replaces the aliases', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬', { aliases: [{ name: '芬必得', kind: 'brand', source: 'test' }] })]);
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬缓释', { aliases: [{ name: 'ibuprofen', kind: 'english', source: 'test' }] })]);
    const [drug] = await loadDrugs(t.store);
    expect(drug).toMatchObject({ genericName: '布洛芬缓释', aliases: [{ name: 'ibuprofen' }] });
    expect(await countDrugs(t.store)).toBe(1);
  });

  test('finds same-class varieties, cross-listed ones included, and names by id', async () => {
    t = await open();
    await saveCatalogue(t.store, [
      testDrug('W001', '甲', { category: '抗感染药', subcategory: '青霉素类' }),
      testDrug('W002', '乙', { category: '抗感染药', subcategory: '青霉素类' }),
      testDrug('W003', '丙', { category: '镇痛药', alsoListedIn: [{ category: '抗感染药', subcategory: '青霉素类' }] }),
      testDrug('W004', '丁', { category: '镇痛药' }),
    ]);
    expect(await sameClassDrugIds(t.store, { category: '抗感染药', subcategory: '青霉素类', alsoListedIn: [] })).toEqual(['W001', 'W002', 'W003']);
    expect(await drugNames(t.store, ['W004', 'W001'])).toEqual(new Map([['W001', '甲'], ['W004', '丁']]));
  });

  test('finds drugs by part of the name whatever the case of Latin letters, as SQLite LIKE does', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W300', '维生素B12'), testDrug('W301', '维生素C'), testDrug('W302', '50%葡萄糖')]);
    expect(await drugIdsByNamePart(t.store, 'b12', 5)).toEqual(['W300']);
    expect(await drugIdsByNamePart(t.store, '维生素', 1)).toHaveLength(1);
    // % and _ are what the staff typed, not wildcards.
    expect(await drugIdsByNamePart(t.store, '%', 5)).toEqual([]);
  });
});
