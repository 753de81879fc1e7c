import { normaliseName } from './drugMatcher.ts';

/** One entry of a list version as the diff needs it. */
export interface DiffableEntry {
  drugId: string | null;
  rawName: string;
  rawForm: string | null;
  rawSpec: string | null;
  note: string | null;
}

/**
 * What identifies "the same item" across versions: the matched drug, or, for rows kept unmatched, the name as
 * written. A later version that matches a previously unmatched name therefore shows it as removed and added,
 * which is what happened to the catalogue link.
 */
export function entryKey(entry: Pick<DiffableEntry, 'drugId' | 'rawName'>): string {
  return entry.drugId !== null ? `drug:${entry.drugId}` : `name:${normaliseName(entry.rawName)}`;
}

export interface DiffItem<E extends DiffableEntry> {
  key: string;
  /** All rows for this key: a list may name one drug on several rows (one per form). */
  entries: E[];
}

export interface ChangedItem<E extends DiffableEntry> {
  key: string;
  before: E[];
  after: E[];
}

export interface ListDiff<E extends DiffableEntry> {
  added: DiffItem<E>[];
  removed: DiffItem<E>[];
  /** In both versions, but with a different form, specification, note or written name. */
  changed: ChangedItem<E>[];
  unchanged: number;
}

function grouped<E extends DiffableEntry>(entries: readonly E[]): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const entry of entries) {
    const key = entryKey(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

/** Order-independent, so that renumbered rows are not reported as changes. */
function signature(entries: readonly DiffableEntry[]): string {
  return entries
    .map((e) => JSON.stringify([normaliseName(e.rawName), e.rawForm ?? '', e.rawSpec ?? '', e.note ?? '']))
    .sort()
    .join('\n');
}

/** Differences from version `before` to version `after`, each part in the order the later (or earlier) list has it. */
export function diffListVersions<E extends DiffableEntry>(before: readonly E[], after: readonly E[]): ListDiff<E> {
  const old = grouped(before);
  const next = grouped(after);
  const diff: ListDiff<E> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, entries] of next) {
    const earlier = old.get(key);
    if (!earlier) diff.added.push({ key, entries });
    else if (signature(earlier) !== signature(entries)) diff.changed.push({ key, before: earlier, after: entries });
    else diff.unchanged += 1;
  }
  for (const [key, entries] of old) if (!next.has(key)) diff.removed.push({ key, entries });
  return diff;
}
