import { portal } from './portal.ts';

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
