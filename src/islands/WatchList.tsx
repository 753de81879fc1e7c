import { useEffect, useState } from 'preact/hooks';
import { availabilityParamsOf } from '../domain/alerts/watchArea.ts';
import { type WatchChange, watchChange } from '../domain/alerts/watchChange.ts';
import { reportAge } from '../domain/stock/freshness.ts';
import { mt } from '../i18n/mobile.zh-CN.ts';
import { keepWatching, stopWatching, type WatchedDrug, watchedDrugs } from '../sw/watchList.ts';

interface Row {
  drug: WatchedDrug;
  /** Null when the network did not answer: the row then shows the last look, with its age. */
  change: WatchChange | null;
}

/** Facilities with fresh 有货 (standing `usable`) for the drug in its area, from the public availability API. */
async function usableNow(drug: WatchedDrug): Promise<string[]> {
  const params = new URLSearchParams({ ...availabilityParamsOf(drug.area), available: '1', limit: '100' });
  // no-cache: the answer may be a minute old in the HTTP cache, and a change is what the citizen opened the app for.
  const response = await fetch(`/api/drugs/${encodeURIComponent(drug.drugId)}/availability?${params}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`availability ${response.status}`);
  const body = (await response.json()) as { facilities: { id: string; standing: string }[] };
  return body.facilities.filter((f) => f.standing === 'usable').map((f) => f.id);
}

/** Looks once, compares with the last look, and makes this look the next one's "last". */
async function look(drug: WatchedDrug): Promise<Row> {
  try {
    const usable = await usableNow(drug);
    const change = watchChange(drug.lastSeen?.usable ?? null, usable);
    const updated = { ...drug, lastSeen: { usable, at: new Date().toISOString() } };
    await keepWatching(updated);
    return { drug: updated, change };
  } catch {
    return { drug, change: null };
  }
}

/**
 * The home page's watch list: each drug kept in view on this phone, its fresh 有货 count in the citizen's area
 * now, and what changed since the last look ("新增 2 家有货"). Renders nothing for someone who watches nothing.
 */
export default function WatchList() {
  const [rows, setRows] = useState<Row[]>([]);

  useEffect(() => {
    watchedDrugs()
      .then((drugs) => Promise.all(drugs.map(look)))
      .then(setRows)
      .catch(() => setRows([]));
  }, []);

  if (rows.length === 0) return null;
  const stop = async (drugId: string) => {
    await stopWatching(drugId);
    setRows((current) => current.filter((r) => r.drug.drugId !== drugId));
  };

  return (
    <section class="watch-list" aria-labelledby="watch-list-title">
      <h2 id="watch-list-title">{mt('watch.title')}</h2>
      <ul class="plain-list">
        {rows.map(({ drug, change }) => (
          <li key={drug.drugId} class="result-card watch-item">
            <h3>
              <a href={`/drugs/${encodeURIComponent(drug.drugId)}?${new URLSearchParams(availabilityParamsOf(drug.area))}#where`}>{drug.drugName}</a>
              <span class="result-meta">（{drug.areaLabel}）</span>
            </h3>
            {change ? (
              <p>
                {change.count > 0 ? mt('watch.count', { n: change.count }) : mt('watch.none')}
                {change.label && <strong class={change.added > 0 ? 'watch-change watch-added' : 'watch-change'}> · {change.label}</strong>}
              </p>
            ) : (
              <p>{mt('watch.offline', { age: drug.lastSeen ? reportAge(drug.lastSeen.at, new Date()).label : '—', n: drug.lastSeen?.usable.length ?? 0 })}</p>
            )}
            <button type="button" class="link-button" onClick={() => void stop(drug.drugId)}>
              {mt('watch.stop')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
