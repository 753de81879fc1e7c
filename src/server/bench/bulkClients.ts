/**
 * The bulk users of bench-opendata: clients downloading a snapshot file over and over, and a mirror paging the
 * stock change feed, each running until told to stop, with what they got counted.
 */

export interface BulkClientTally {
  downloads: number;
  downloadMB: number;
  feedPages: number;
  feedItems: number;
  errors: number;
}

export function emptyTally(): BulkClientTally {
  return { downloads: 0, downloadMB: 0, feedPages: 0, feedItems: 0, errors: 0 };
}

/** Downloads `url` to the end again and again, reading (and discarding) the body as a real client would. */
export async function downloadRepeatedly(url: string, stop: AbortSignal, tally: BulkClientTally): Promise<void> {
  while (!stop.aborted) {
    try {
      const response = await fetch(url, { signal: stop });
      if (response.status !== 200 || !response.body) throw new Error(`download answered ${response.status}`);
      let bytes = 0;
      for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
      tally.downloads += 1;
      tally.downloadMB += bytes / 1e6;
    } catch (error) {
      if (!stop.aborted) {
        tally.errors += 1;
        console.error(`  download: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}

/** Follows GET /api/stock/changes from the start at the largest page size; back to the start once caught up. */
export async function pageChangeFeed(base: string, stop: AbortSignal, tally: BulkClientTally): Promise<void> {
  let since = '';
  while (!stop.aborted) {
    try {
      const response = await fetch(`${base}/api/stock/changes?limit=1000&since=${encodeURIComponent(since)}`, { signal: stop });
      if (response.status !== 200) throw new Error(`change feed answered ${response.status}`);
      const page = (await response.json()) as { items: unknown[]; next: string; hasMore: boolean };
      tally.feedPages += 1;
      tally.feedItems += page.items.length;
      since = page.hasMore ? page.next : '';
    } catch (error) {
      if (!stop.aborted) {
        tally.errors += 1;
        console.error(`  change feed: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}

/**
 * Citizens: `workers` clients each asking the availability API one request after another for `seconds`,
 * cycling through `paths`; the latency of every answer in milliseconds.
 */
export async function citizenLatencies(base: string, paths: readonly string[], workers: number, seconds: number): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const path = paths[next++ % paths.length] as string;
      const started = performance.now();
      try {
        const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'br, gzip' }, signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status !== 200) errors += 1;
        else ms.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { ms, errors };
}
