/**
 * When to build the bulk snapshots: daily in any case, and after stock changes once imports have paused
 * (debounce), but not more often than `minGapMs`, since a province build reads every stock row. A steady stream
 * of changes still gets a build every `maxWaitMs` instead of waiting for a pause that never comes.
 */
export interface SnapshotSchedule {
  dailyMs: number;
  quietMs: number;
  minGapMs: number;
  maxWaitMs: number;
}

export const defaultSnapshotSchedule: SnapshotSchedule = {
  dailyMs: 24 * 60 * 60_000,
  quietMs: 2 * 60_000,
  minGapMs: 15 * 60_000,
  maxWaitMs: 60 * 60_000,
};

export interface SnapshotState {
  /** The served build's time and the stock sequence it covers; null when nothing was built yet. */
  lastBuild: { builtAt: string; stockSequence: number } | null;
  stockSequence: number;
  /** When the stock sequence last moved. */
  stockChangedAt: string | null;
}

export type SnapshotDecision = 'first' | 'daily' | 'changed' | 'wait';

export function snapshotDue(state: SnapshotState, now: Date, schedule: SnapshotSchedule = defaultSnapshotSchedule): SnapshotDecision {
  if (!state.lastBuild) return 'first';
  const sinceBuild = now.getTime() - Date.parse(state.lastBuild.builtAt);
  if (sinceBuild >= schedule.dailyMs) return 'daily';
  if (state.stockSequence <= state.lastBuild.stockSequence || sinceBuild < schedule.minGapMs) return 'wait';
  const sinceChange = state.stockChangedAt ? now.getTime() - Date.parse(state.stockChangedAt) : Number.POSITIVE_INFINITY;
  return sinceChange >= schedule.quietMs || sinceBuild >= schedule.maxWaitMs ? 'changed' : 'wait';
}
