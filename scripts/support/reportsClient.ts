import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveAltcha } from './altchaSolver.ts';

/**
 * One citizen report as the crash test and the benchmark send it: its key, its marker, its solved challenge and
 * the device cookie of the citizen sending it (each its own, as many citizens are, not one device sending all).
 */
export interface PreparedReport {
  key: string;
  marker: string;
  body: string;
  deviceId: string;
}

export async function prepareReport(base: string, index: number): Promise<PreparedReport> {
  const challenge = await (await fetch(`${base}/api/reports/challenge`)).json();
  const marker = `report-${index}-${randomUUID()}`;
  const counties = ['360202', '360203', '360222', '360281'];
  const body = JSON.stringify({
    drugName: `测试药品${index % 50}`,
    problem: 'unavailable',
    regionCode: counties[index % counties.length],
    seenAt: new Date().toISOString(),
    description: marker,
    altcha: solveAltcha(challenge),
  });
  return { key: randomUUID(), marker, body, deviceId: randomUUID() };
}

/** Posts a prepared report; resolves to its tracking number when acknowledged, throws otherwise. */
export async function sendReport(base: string, r: PreparedReport): Promise<string> {
  const response = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': r.key, cookie: `report_device=${r.deviceId}` },
    body: r.body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 201 && response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
  return (JSON.parse(text) as { trackingNumber: string }).trackingNumber;
}

/** Environment for a report server under test: limits lifted (one address sends everything), cheap challenges. */
export function loadTestEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    REPORTS_PER_IP_PER_HOUR: '100000000',
    REPORTS_PER_DEVICE_PER_HOUR: '100000000',
    REPORT_CHALLENGE_MAX_NUMBER: '1000',
    LOG_LEVEL: 'warn',
    // Restarts re-read the same modules: Node's compile cache saves most of a restart's start-up time.
    NODE_COMPILE_CACHE: join(tmpdir(), 'portal-reports-compile-cache'),
  };
}
