import type { StockReport } from '../../domain/stock/stockStatus.ts';
import type { PortalConfig } from '../config.ts';
import type { Store } from '../store/openStore.ts';
import { recordPriceChanges } from './priceRecording.ts';
import { signalsForChanges } from './priceSignalRun.ts';

/** What the stock import (and the demo seed) call after saving reports: history first, then signals from it. */
export async function recordPricesAndSignals(
  portal: { store: Store; config: Pick<PortalConfig, 'PRICE_SIGNAL_THRESHOLDS'> },
  reports: readonly StockReport[],
  source: string,
  now: Date,
): Promise<{ pricesRecorded: number; signalsOpened: number }> {
  const changed = await recordPriceChanges(portal.store, reports, source, now);
  const { opened } = await signalsForChanges(portal.store, changed, portal.config.PRICE_SIGNAL_THRESHOLDS, now);
  return { pricesRecorded: changed.length, signalsOpened: opened };
}
