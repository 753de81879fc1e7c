import type { DrugClass } from '../../domain/search/drugNeeds.ts';
import type { DrugDocument, DrugHit } from './drugIndex.ts';
import type { SearchConnection } from './meiliClient.ts';

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function classFilter(drugClass: DrugClass): string {
  const category = `category = ${quoted(drugClass.category)}`;
  return drugClass.subcategory ? `(${category} AND subcategory = ${quoted(drugClass.subcategory)})` : `(${category})`;
}

/**
 * The varieties of the catalogue classes that answer a need (退烧 → 解热镇痛药), in the order the classes are
 * mapped and, within a class, in the list's own order (its ids), which puts the everyday drugs of a class first.
 */
export async function drugsOfClasses(search: SearchConnection, classes: readonly DrugClass[], limit: number): Promise<DrugHit[]> {
  if (classes.length === 0) return [];
  const response = await search.client.index<DrugDocument>(search.indexName('drugs')).search('', {
    filter: classes.map(classFilter).join(' OR '),
    limit: 200,
  });
  const classIndex = (hit: DrugDocument) =>
    classes.findIndex((c) => c.category === hit.category && (c.subcategory === null || c.subcategory === hit.subcategory));
  return response.hits
    .map(({ aliasPinyin: _p, nameSuffixes: _s, ...hit }) => hit as DrugHit)
    .sort((a, b) => classIndex(a as DrugDocument) - classIndex(b as DrugDocument) || a.id.localeCompare(b.id))
    .slice(0, limit);
}
