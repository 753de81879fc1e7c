import { type Portal, portal } from './portal.ts';
import { storeAnswers } from './store/healthStore.ts';

export interface Readiness {
  ready: boolean;
  search: 'available' | 'unavailable' | 'empty';
  drugs: number;
  facilities: number;
}

export async function searchReadiness(): Promise<Readiness> {
  try {
    const { search } = await portal();
    const [drugs, facilities] = await Promise.all([
      search.client.index(search.indexName('drugs')).getStats(),
      search.client.index(search.indexName('availability')).getStats(),
    ]);
    const ready = drugs.numberOfDocuments > 0;
    return { ready, search: ready ? 'available' : 'empty', drugs: drugs.numberOfDocuments, facilities: facilities.numberOfDocuments };
  } catch {
    return { ready: false, search: 'unavailable', drugs: 0, facilities: 0 };
  }
}

export type DependencyState = 'ok' | 'unavailable';

export interface PortalReadiness {
  ready: boolean;
  store: DependencyState;
  indexes: Record<SearchIndexBase, DependencyState>;
  /** What is not ready, by name, for the operator reading the 503. */
  notReady: string[];
}

const searchIndexes = ['drugs', 'availability', 'articles'] as const;
type SearchIndexBase = (typeof searchIndexes)[number];

/**
 * /readyz: can this process serve citizens right now? The store must answer and every search index must be
 * reachable. (/healthz stays the start-up check that the catalogue is indexed.)
 */
export async function portalReadiness(p: Portal): Promise<PortalReadiness> {
  const [storeOk, ...indexOk] = await Promise.all([
    storeAnswers(p.store),
    ...searchIndexes.map((base) =>
      p.search.client
        .index(p.search.indexName(base))
        .getStats()
        .then(
          () => true,
          () => false,
        ),
    ),
  ]);
  const state = (ok: boolean | undefined): DependencyState => (ok ? 'ok' : 'unavailable');
  const indexes = Object.fromEntries(searchIndexes.map((base, i) => [base, state(indexOk[i])])) as Record<SearchIndexBase, DependencyState>;
  const notReady = [...(storeOk ? [] : ['store']), ...searchIndexes.filter((_, i) => !indexOk[i]).map((base) => `search index ${base}`)];
  return { ready: notReady.length === 0, store: state(storeOk), indexes, notReady };
}
