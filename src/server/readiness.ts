import { type Portal, portal } from './portal.ts';
import { availabilityRouter } from './search/availabilityRouting.ts';
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

/** A province shard of the availability index (MEILI_PROVINCES), beside the main instance's indexes. */
export interface ShardReadiness {
  index: string;
  provinces: string[];
  state: DependencyState;
}

export interface PortalReadiness {
  ready: boolean;
  store: DependencyState;
  indexes: Record<SearchIndexBase, DependencyState>;
  /** Every routed province shard with its state; empty when everything is on the main instance. */
  shards: ShardReadiness[];
  /** What is not ready, by name, for the operator reading the 503. */
  notReady: string[];
}

const searchIndexes = ['drugs', 'availability', 'articles'] as const;
type SearchIndexBase = (typeof searchIndexes)[number];

/** A load balancer's probe must get an answer in time: an instance that does not answer within this is down. */
const checkTimeoutMs = 2_000;

function answers(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), checkTimeoutMs);
  });
  const done = check().then(
    () => true,
    () => false,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

/**
 * /readyz: can this process serve citizens right now? The store must answer and every search index must be
 * reachable, on the main instance and on each province instance availability is routed to: a query for a
 * province whose instance is down would fail. (/healthz stays the start-up check that the catalogue is indexed.)
 */
export async function portalReadiness(p: Portal): Promise<PortalReadiness> {
  const routed = availabilityRouter(p).shards.filter((s) => s.provinces.length > 0);
  const [storeOk, indexOk, shardOk] = await Promise.all([
    storeAnswers(p.store),
    Promise.all(searchIndexes.map((base) => answers(() => p.search.client.index(p.search.indexName(base)).getStats()))),
    Promise.all(routed.map((s) => answers(() => s.search.client.index(s.indexUid).getStats()))),
  ]);
  const state = (ok: boolean | undefined): DependencyState => (ok ? 'ok' : 'unavailable');
  const indexes = Object.fromEntries(searchIndexes.map((base, i) => [base, state(indexOk[i])])) as Record<SearchIndexBase, DependencyState>;
  const shards = routed.map((s, i) => ({ index: s.indexUid, provinces: [...s.provinces].sort(), state: state(shardOk[i]) }));
  const notReady = [
    ...(storeOk ? [] : ['store']),
    ...searchIndexes.filter((_, i) => !indexOk[i]).map((base) => `search index ${base}`),
    ...shards.filter((s) => s.state !== 'ok').map((s) => `search index ${s.index} (provinces ${s.provinces.join(', ')})`),
  ];
  return { ready: notReady.length === 0, store: state(storeOk), indexes, shards, notReady };
}
