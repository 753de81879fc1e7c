/** One restart of the embedded Meilisearch by its supervisor. */
export interface MeiliRestart {
  /** 1 for the first restart after a crash, counting up while restarts keep failing. */
  attempt: number;
  delayMs: number;
  exit: string;
  at: Date;
}

type Listener = (restart: MeiliRestart) => void;

// On globalThis, as the portal handle is: the start script and the server bundle load this module twice in one
// process, and the metrics endpoint (server bundle) must see restarts made by the supervisor (start script).
const state = globalThis as typeof globalThis & { __meiliRestarts?: { count: number; listeners: Set<Listener> } };
state.__meiliRestarts ??= { count: 0, listeners: new Set() };
const restarts = state.__meiliRestarts;

/** Restarts since the process started; a counter for the metrics endpoint. */
export function meiliRestartCount(): number {
  return restarts.count;
}

/** Calls `listener` after each successful restart; returns a function that stops listening. */
export function onMeiliRestart(listener: Listener): () => void {
  restarts.listeners.add(listener);
  return () => restarts.listeners.delete(listener);
}

export function recordMeiliRestart(restart: MeiliRestart): void {
  restarts.count += 1;
  for (const listener of restarts.listeners) listener(restart);
}
