import { reportAge } from '../domain/stock/freshness.ts';
import { mt } from '../i18n/mobile.zh-CN.ts';
import { watchedDrugs } from './watchList.ts';

/**
 * The offline page's watch list: each watched drug with what the last look found and how long ago, so that
 * without signal the citizen still sees the last thing the portal knew (and that it may have changed).
 */
export async function listWatchedOffline(list: HTMLElement): Promise<void> {
  const drugs = await watchedDrugs().catch(() => []);
  if (drugs.length === 0) return;
  list.replaceChildren(
    ...drugs.map((drug) => {
      const item = document.createElement('li');
      const seen = drug.lastSeen;
      item.textContent = `${drug.drugName}（${drug.areaLabel}）：${
        seen ? mt('watch.lastLook', { age: reportAge(seen.at, new Date()).label, n: seen.usable.length }) : mt('watch.neverLooked')
      }`;
      return item;
    }),
  );
}
