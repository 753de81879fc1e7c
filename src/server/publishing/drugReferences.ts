import { drugIdParam } from '../../domain/drugs/drugIdParam.ts';
import type { Portal } from '../portal.ts';
import { type DrugHit, searchDrugs } from '../search/drugIndex.ts';
import { drugExists, drugIdNamed } from '../store/drugStore.ts';

/**
 * Staff name the drugs an article (a clarification, an enforcement result) is about in one text field, by id (W078) or by name (布洛芬, 芬必得),
 * separated by commas or spaces. Exact names resolve silently; anything else comes back with suggestions
 * from the drug search, so a typo costs one more click, not a lookup in another window.
 */
export interface DrugReferences {
  ids: string[];
  unknown: { text: string; suggestions: Pick<DrugHit, 'id' | 'name'>[] }[];
}

export function splitDrugReferences(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/u).map((t) => t.trim()).filter((t) => t.length > 0))];
}

async function exactMatch(portal: Portal, token: string): Promise<string | undefined> {
  const asId = drugIdParam.safeParse(token);
  if (asId.success && (await drugExists(portal.store, asId.data))) return asId.data;
  // An alias shared by two varieties (a brand sold as tablets and as granules) is ambiguous: ask.
  return drugIdNamed(portal.store, token);
}

export async function resolveDrugReferences(portal: Portal, text: string): Promise<DrugReferences> {
  const ids: string[] = [];
  const unknown: DrugReferences['unknown'] = [];
  for (const token of splitDrugReferences(text)) {
    const id = await exactMatch(portal, token);
    if (id) {
      if (!ids.includes(id)) ids.push(id);
      continue;
    }
    const hits = await searchDrugs(portal.search, token, 5).catch(() => []);
    unknown.push({ text: token, suggestions: hits.map((h) => ({ id: h.id, name: h.name })) });
  }
  return { ids, unknown };
}

/** The message beside the field: which words were not recognised and what they might have meant. */
export function drugReferenceMessage(unknown: DrugReferences['unknown']): string {
  return unknown
    .map((u) => {
      const hint = u.suggestions.length > 0 ? `，是否为：${u.suggestions.map((s) => `${s.name}（${s.id}）`).join('、')}` : '';
      return `找不到药品“${u.text}”${hint}`;
    })
    .join('；');
}
