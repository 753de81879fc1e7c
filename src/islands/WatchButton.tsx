import { useEffect, useState } from 'preact/hooks';
import type { AlertArea } from '../domain/alerts/watchArea.ts';
import { mt } from '../i18n/mobile.zh-CN.ts';
import { watchingKey } from '../sw/installHint.ts';
import { keepWatching, stopWatching, watchedDrug } from '../sw/watchList.ts';

interface Props {
  drugId: string;
  drugName: string;
  area: AlertArea;
  areaLabel: string;
}

/**
 * 关注: keeps the drug and the area the page shows on this phone (IndexedDB), so that the home page can show
 * its latest state and what changed. Nothing is sent anywhere. Rendered disabled by the server so the button
 * holds its place before the script runs.
 */
export default function WatchButton({ drugId, drugName, area, areaLabel }: Props) {
  const [watched, setWatched] = useState<boolean | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    watchedDrug(drugId)
      .then((entry) => setWatched(Boolean(entry)))
      .catch(() => setWatched(false));
  }, [drugId]);

  const toggle = async () => {
    if (watched) {
      await stopWatching(drugId);
      setWatched(false);
      setNote(mt('watch.removedNote', { drug: drugName }));
      return;
    }
    await keepWatching({ drugId, drugName, area, areaLabel, watchedAt: new Date().toISOString(), lastSeen: null });
    localStorage.setItem(watchingKey, '1');
    setWatched(true);
    setNote(mt('watch.addedNote', { drug: drugName, area: areaLabel }));
  };

  return (
    <div class="watch">
      <button type="button" class="button secondary" aria-pressed={watched ?? false} disabled={watched === null} onClick={() => void toggle()}>
        {watched ? mt('watch.added') : mt('watch.add')}
      </button>
      <p class="search-status" role="status" aria-live="polite">{note}</p>
    </div>
  );
}
