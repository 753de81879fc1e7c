/**
 * Counts events per key in a fixed window, in this process's memory. One portal process serves a city; limits
 * reset on restart, which costs an abuser one restart's worth of attempts, not the store a write per request.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  readonly limit: number;
  readonly windowMs: number;
  private readonly clock: () => number;

  constructor(limit: number, windowMs: number, clock: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  /** Whether the key has used up its window (without counting this call). */
  exhausted(key: string): boolean {
    const w = this.current(key);
    return w !== undefined && w.count >= this.limit;
  }

  /** Counts one event; false when the key was already at its limit (the event is then not counted). */
  take(key: string): boolean {
    if (this.exhausted(key)) return false;
    const now = this.clock();
    const w = this.current(key) ?? { start: now, count: 0 };
    w.count += 1;
    this.windows.set(key, w);
    if (this.windows.size > 50_000) this.prune(now);
    return true;
  }

  private current(key: string) {
    const w = this.windows.get(key);
    if (w && this.clock() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  /** Bounds memory under a flood of distinct keys: expired windows go first. */
  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
