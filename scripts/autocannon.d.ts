// autocannon (a dev dependency used only by scripts/bench-load.ts) ships no types; this is the part used there.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  export default function autocannon(options: Record<string, unknown>, done: (error: Error | null, result: unknown) => void): EventEmitter;
}
