/**
 * A bound on requests being served at once. Past it a request is refused at once (503 + Retry-After) instead
 * of queueing: on 2 cores a queue only adds latency for everyone and memory for each waiting request.
 */
export interface InFlightGate {
  /** True when the request may proceed; then `leave()` must be called exactly once when it is done. */
  tryEnter(): boolean;
  leave(): void;
  readonly current: number;
}

export function inFlightGate(limit: number): InFlightGate {
  let current = 0;
  return {
    tryEnter() {
      if (current >= limit) return false;
      current += 1;
      return true;
    },
    leave() {
      current = Math.max(0, current - 1);
    },
    get current() {
      return current;
    },
  };
}
