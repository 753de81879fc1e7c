import type { AlertArea } from '../domain/alerts/watchArea.ts';
import { readAll, readOne, put, remove, watchStore } from './deviceStore.ts';

/** A drug kept in view on this phone, with the area it is looked for in and what the last look found. */
export interface WatchedDrug {
  drugId: string;
  drugName: string;
  area: AlertArea;
  areaLabel: string;
  watchedAt: string;
  /** Facilities with fresh 有货 at the last look, and when that was; null before the first. */
  lastSeen: { usable: string[]; at: string } | null;
}

export const watchedDrugs = () => readAll<WatchedDrug>(watchStore);
export const watchedDrug = (drugId: string) => readOne<WatchedDrug>(watchStore, drugId);
export const keepWatching = (drug: WatchedDrug) => put<WatchedDrug>(watchStore, drug);
export const stopWatching = (drugId: string) => remove(watchStore, drugId);
