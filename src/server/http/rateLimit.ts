import type { Store } from '../store/openStore.ts';
import { storeEngine } from '../store/storeEngine.ts';
import { type RateWindow, rateSlotsExhausted, takeRateSlot } from '../store/rateLimitStore.ts';

/** A per-key limit on events in a window, as the citizen endpoints use it (reports, status look-ups). */
export interface RateLimiter {
  readonly limit: number;
  /** Whether the key has used up its window (without counting this call). */
  exhausted(key: string): Promise<boolean>;
  /** Counts one event; false when the key was already at its limit (the event is then not counted). */
  take(key: string): Promise<boolean>;
}

/**
 * Counts events per key in a fixed window, in this process's memory. One portal process serves a city; limits
 * reset on restart, which costs an abuser one restart's worth of attempts, not the store a write per request.
 */
export class RateLimit implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  readonly limit: number;
  readonly windowMs: number;
  private readonly clock: () => number;

  constructor(limit: number, windowMs: number, clock: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  async exhausted(key: string): Promise<boolean> {
    return this.isExhausted(key);
  }

  async take(key: string): Promise<boolean> {
    if (this.isExhausted(key)) return false;
    const now = this.clock();
    const w = this.current(key) ?? { start: now, count: 0 };
    w.count += 1;
    this.windows.set(key, w);
    if (this.windows.size > 50_000) this.prune(now);
    return true;
  }

  private isExhausted(key: string): boolean {
    const w = this.current(key);
    return w !== undefined && w.count >= this.limit;
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

/** Counts in the store (rate_limit_windows), so every instance on one database sees the same counts. */
export class StoreRateLimit implements RateLimiter {
  readonly limit: number;
  private readonly window: RateWindow;
  private readonly store: Store;
  private readonly clock: () => number;

  constructor(store: Store, bucket: string, limit: number, windowMs: number, clock: () => number = Date.now) {
    this.store = store;
    this.limit = limit;
    this.window = { bucket, limit, windowMs };
    this.clock = clock;
  }

  exhausted(key: string): Promise<boolean> {
    return rateSlotsExhausted(this.store, this.window, key, new Date(this.clock()));
  }

  take(key: string): Promise<boolean> {
    return takeRateSlot(this.store, this.window, key, new Date(this.clock()));
  }
}

/**
 * The limiter for a store. PostgreSQL is what several instances behind a load balancer share, so the counts
 * live there: a limit counted per instance would let an abuser multiply it by the number of instances. SQLite
 * is one file used by one portal process (decision 001), so memory already sees every event there, and a write
 * per citizen event to the one writer that also takes stock imports would buy nothing (decision 013).
 */
export function rateLimiter(store: Store, bucket: string, limit: number, windowMs: number, clock: () => number = Date.now): RateLimiter {
  return storeEngine(store) === 'postgresql' ? new StoreRateLimit(store, bucket, limit, windowMs, clock) : new RateLimit(limit, windowMs, clock);
}
