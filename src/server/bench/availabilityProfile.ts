/**
 * Where the portal's time goes on GET /api/drugs/{id}/availability, measured in-process (no HTTP, no Astro):
 * each step of the route and of services/availability.ts timed on its own, then the real availabilityOf whole.
 * The benchmark compares the sum with the HTTP latency to see what the server framework adds.
 */
import { Meilisearch } from 'meilisearch';
import { mapLinks } from '../../domain/facilities/mapLinks.ts';
import { describeHours, isOpenAt } from '../../domain/facilities/openingStatus.ts';
import type { AvailabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import type { Portal } from '../portal.ts';
import { facilitiesWithDrug } from '../search/availabilityIndex.ts';
import type { SearchConnection } from '../search/meiliClient.ts';
import { availabilityOf } from '../services/availability.ts';
import { drugExists } from '../store/drugStore.ts';
import { loadFacilities } from '../store/facilityStore.ts';
import { stockForDrugAt } from '../store/stockStore.ts';

export interface ProfileStep {
  /** drugExists (the route checks the id first) */
  drugExists: number;
  /** the Meilisearch request through the portal's meilisearch client (fetch defaults: gzip/br accepted) */
  indexSearch: number;
  /** the same request through a client that asks for an uncompressed response */
  indexSearchPlain: number;
  /** loadFacilities for the hits */
  loadFacilities: number;
  /** stockForDrugAt for the hits */
  stockForDrug: number;
  /** opening status, hours text and map links for the hits (part of building the rows) */
  rowExtras: number;
  /** availabilityOf as the route calls it, end to end */
  availabilityOf: number;
  /** availabilityOf with the uncompressed-response client */
  availabilityOfPlain: number;
  /** JSON.stringify of the result (what json() does) */
  serialise: number;
  /** bytes of the serialised result */
  bytes: number;
  /** bytes of it that are map links */
}

/**
 * A connection like the portal's but asking Meilisearch for an uncompressed response. With gzip or br
 * accepted (fetch's default) Meilisearch streams the compressed body in chunks, and Nagle's algorithm on its
 * socket meeting delayed ACKs on ours stalls many responses for ~40 ms on loopback.
 */
export function plainSearchConnection(search: SearchConnection, url: string, key: string): SearchConnection {
  return {
    client: new Meilisearch({ host: url, apiKey: key, requestInit: { headers: { 'accept-encoding': 'identity' } } }),
    indexName: search.indexName,
  };
}

const ms = (start: number) => performance.now() - start;

export async function profileAvailability(
  portal: Portal,
  plain: SearchConnection,
  drugId: string,
  query: AvailabilityQuery,
): Promise<ProfileStep> {
  let t = performance.now();
  await drugExists(portal.store, drugId);
  const exists = ms(t);

  t = performance.now();
  const { hits } = await facilitiesWithDrug(portal.search, drugId, query);
  const indexSearch = ms(t);
  const ids = hits.map((h) => h.id);

  t = performance.now();
  await facilitiesWithDrug(plain, drugId, query);
  const indexSearchPlain = ms(t);

  t = performance.now();
  const facilities = await loadFacilities(portal.store, ids);
  const facilitiesMs = ms(t);

  t = performance.now();
  await stockForDrugAt(portal.store, drugId, ids);
  const stockMs = ms(t);

  const now = new Date();
  t = performance.now();
  for (const f of facilities) {
    isOpenAt(f.openingHours, now);
    describeHours(f.openingHours);
    mapLinks(f);
  }
  const extras = ms(t);

  t = performance.now();
  const result = await availabilityOf(portal, drugId, query, now);
  const whole = ms(t);

  t = performance.now();
  await availabilityOf({ ...portal, search: plain }, drugId, query, now);
  const wholePlain = ms(t);

  t = performance.now();
  const body = JSON.stringify(result);
  const serialise = ms(t);

  return {
    drugExists: exists,
    indexSearch,
    indexSearchPlain,
    loadFacilities: facilitiesMs,
    stockForDrug: stockMs,
    rowExtras: extras,
    availabilityOf: whole,
    availabilityOfPlain: wholePlain,
    serialise,
    bytes: Buffer.byteLength(body),
  };
}
