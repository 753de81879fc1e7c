import type { Facility } from '../../domain/facilities/facility.ts';
import { type AvailabilityQuery, availabilityFilter } from '../../domain/stock/availabilityQuery.ts';
import { ensureIndex, type SearchConnection, settled } from './meiliClient.ts';
import { whenSearchAnswers } from './searchCall.ts';

/**
 * One document per facility with the drug ids it reports by status. Per-facility documents keep the index at
 * register size (tens of thousands) instead of facility × drug (tens of millions); the drug-specific details
 * (price, time of report) are read from the store for the few facilities on screen.
 */
export interface FacilityDocument {
  id: string;
  name: string;
  type: Facility['type'];
  level: Facility['level'];
  provinceCode: string;
  cityCode: string;
  countyCode: string;
  townshipCode: string | null;
  insurance: boolean;
  _geo: { lat: number; lng: number };
  inStock: string[];
  low: string[];
  out: string[];
}

export function facilityDocument(f: Facility, stock: { inStock: string[]; low: string[]; out: string[] }): FacilityDocument {
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    level: f.level,
    provinceCode: f.countyCode.slice(0, 2),
    cityCode: f.countyCode.slice(0, 4),
    countyCode: f.countyCode,
    townshipCode: f.townshipCode,
    insurance: f.insuranceDesignated,
    _geo: { lat: f.lat, lng: f.lng },
    ...stock,
  };
}

/** Drug-id and region fields are only ever compared for equality; skipping facet search and range support speeds indexing. */
const equalityOnly = { facetSearch: false, filter: { equality: true, comparison: false } };

export const availabilityIndexSettings = {
  searchableAttributes: ['name'],
  filterableAttributes: [
    { attributePatterns: ['inStock', 'low', 'out', 'provinceCode', 'cityCode', 'countyCode', 'townshipCode', 'type', 'insurance'], features: equalityOnly },
    '_geo',
  ],
  sortableAttributes: ['_geo', 'name'],
  pagination: { maxTotalHits: 5000 },
};

export async function configureAvailabilityIndex(search: SearchConnection, indexUid = search.indexName('availability')): Promise<void> {
  await ensureIndex(search, indexUid);
  await settled(search.client.index(indexUid).updateSettings(availabilityIndexSettings));
}

/** Enqueues the documents; the caller waits (settled) once for a whole batch so Meilisearch never idles. */
export function enqueueFacilities(search: SearchConnection, docs: FacilityDocument[], indexUid = search.indexName('availability')) {
  return search.client.index<FacilityDocument>(indexUid).addDocuments(docs, { primaryKey: 'id' });
}

export interface AvailabilityHit {
  id: string;
  distanceKm: number | null;
}

/** The search request sent to Meilisearch; exported so that the benchmark sends the very same query raw. */
export function availabilitySearchParams(drugId: string, q: AvailabilityQuery) {
  const near = q.lat !== undefined && q.lng !== undefined;
  return {
    filter: availabilityFilter(drugId, q),
    sort: near ? [`_geoPoint(${q.lat}, ${q.lng}):asc`] : ['name:asc'],
    limit: near ? q.limit : 1000,
    // _geo must be retrieved for Meilisearch to return _geoDistance.
    attributesToRetrieve: near ? ['id', '_geo'] : ['id'],
  };
}

export async function facilitiesWithDrug(
  search: SearchConnection,
  drugId: string,
  q: AvailabilityQuery,
  indexUid = search.indexName('availability'),
): Promise<{ hits: AvailabilityHit[]; total: number }> {
  const response = await whenSearchAnswers((init) =>
    search.client.index<FacilityDocument>(indexUid).search('', availabilitySearchParams(drugId, q), init),
  );
  const hits = response.hits.map((hit) => {
    // Meilisearch adds _geoDistance (metres) to hits when sorting by _geoPoint.
    const metres = (hit as { _geoDistance?: number })._geoDistance;
    return { id: hit.id, distanceKm: typeof metres === 'number' ? metres / 1000 : null };
  });
  return { hits, total: response.estimatedTotalHits ?? hits.length };
}
