import { join } from 'node:path';
import type { PortalConfig } from '../config.ts';

/** Where the snapshots live: DATA_DIR/open-data (shared by every instance that serves them; docs/operations.md). */
export function openDataRoot(config: Pick<PortalConfig, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'open-data');
}
