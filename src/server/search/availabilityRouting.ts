import { type ProvinceBox, provincesWithinRadius } from '../../domain/facilities/provinceBounds.ts';
import { mergeByDistance } from '../../domain/search/mergeByDistance.ts';
import type { AvailabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import type { Portal } from '../portal.ts';
import { provinceBounds } from '../store/provinceBoundsStore.ts';
import { type AvailabilityHit, type FacilityDocument, facilitiesWithDrug } from './availabilityIndex.ts';
import { connectSearch, type SearchConnection } from './meiliClient.ts';

/**
 * The one place that knows where availability documents live. By default every facility is on the main
 * Meilisearch's availability index, as on one machine. MEILI_PROVINCES moves provinces to their own instances
 * (Meilisearch's community edition has no sharding: its `network` feature is Enterprise Edition); a query is
 * then asked only of the shards whose provinces its point, radius or region can reach, and their answers are
 * merged by distance. An operator running the Enterprise Edition points every province at the one federated
 * instance and index, which leaves a single shard and hands the fan-out to Meilisearch.
 */
export interface AvailabilityShard {
  search: SearchConnection;
  indexUid: string;
  /** Provinces MEILI_PROVINCES routes here (none for the main shard, which holds every province not listed). */
  provinces: string[];
}

export interface AvailabilityRouter {
  shards: AvailabilityShard[];
  shardOf(provinceCode: string): AvailabilityShard;
  /** Province boxes from the facility register, re-read at most every few minutes (registers change rarely). */
  provinceBoxes(): Promise<ProvinceBox[]>;
}

const boxesFreshMs = 10 * 60_000;

export function createAvailabilityRouter(portal: Portal): AvailabilityRouter {
  const main: AvailabilityShard = { search: portal.search, indexUid: portal.search.indexName('availability'), provinces: [] };
  const shards = new Map<string, AvailabilityShard>([[`${portal.config.MEILI_URL ?? ''}|${main.indexUid}`, main]]);
  const byProvince = new Map<string, AvailabilityShard>();
  const connections = new Map<string, SearchConnection>();
  for (const [code, target] of Object.entries(portal.config.MEILI_PROVINCES)) {
    const indexUid = target.index ?? `${portal.config.MEILI_INDEX_PREFIX}availability_${code}`;
    const key = `${target.url}|${indexUid}`;
    let shard = shards.get(key);
    if (!shard) {
      let search = connections.get(target.url);
      if (!search) {
        search = connectSearch(target.url, target.key, portal.config.MEILI_INDEX_PREFIX);
        connections.set(target.url, search);
      }
      shard = { search, indexUid, provinces: [] };
      shards.set(key, shard);
    }
    shard.provinces.push(code);
    byProvince.set(code, shard);
  }
  let boxes: { at: number; value: Promise<ProvinceBox[]> } | null = null;
  return {
    shards: [...shards.values()],
    shardOf: (provinceCode) => byProvince.get(provinceCode) ?? main,
    provinceBoxes: () => {
      if (!boxes || Date.now() - boxes.at > boxesFreshMs) boxes = { at: Date.now(), value: provinceBounds(portal.store) };
      return boxes.value;
    },
  };
}

const routers = new WeakMap<Portal, AvailabilityRouter>();

export function availabilityRouter(portal: Portal): AvailabilityRouter {
  let router = routers.get(portal);
  if (!router) {
    router = createAvailabilityRouter(portal);
    routers.set(portal, router);
  }
  return router;
}

/** The shards a query must ask: the region's province, the provinces the circle reaches, or all of them. */
export async function shardsForQuery(router: AvailabilityRouter, q: AvailabilityQuery): Promise<AvailabilityShard[]> {
  if (router.shards.length === 1) return router.shards;
  if (q.region) return [router.shardOf(q.region.slice(0, 2))];
  if (q.lat === undefined || q.lng === undefined) return router.shards;
  const provinces = provincesWithinRadius(await router.provinceBoxes(), q.lat, q.lng, q.radius);
  const shards = [...new Set(provinces.map((code) => router.shardOf(code)))];
  return shards.length > 0 ? shards : router.shards;
}

/** Facilities reporting the drug, asked of the shards the query reaches and merged nearest first. */
export async function routedFacilitiesWithDrug(
  portal: Portal,
  drugId: string,
  q: AvailabilityQuery,
): Promise<{ hits: AvailabilityHit[]; total: number }> {
  const shards = await shardsForQuery(availabilityRouter(portal), q);
  const [only] = shards;
  if (shards.length === 1 && only) return facilitiesWithDrug(only.search, drugId, q, only.indexUid);
  const answers = await Promise.all(shards.map((s) => facilitiesWithDrug(s.search, drugId, q, s.indexUid)));
  const near = q.lat !== undefined && q.lng !== undefined;
  return {
    hits: mergeByDistance(answers.map((a) => a.hits), near ? q.limit : Number.POSITIVE_INFINITY),
    total: answers.reduce((sum, a) => sum + a.total, 0),
  };
}

/** Splits facility documents by the shard that holds their province, so indexing writes each where it is searched. */
export function documentsByShard(router: AvailabilityRouter, docs: FacilityDocument[]): Map<AvailabilityShard, FacilityDocument[]> {
  const groups = new Map<AvailabilityShard, FacilityDocument[]>();
  for (const doc of docs) {
    const shard = router.shardOf(doc.provinceCode);
    const group = groups.get(shard);
    if (group) group.push(doc);
    else groups.set(shard, [doc]);
  }
  return groups;
}
