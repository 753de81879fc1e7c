import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';
import { config } from '../config.ts';

/**
 * One structured JSON logger for the process. Kept on globalThis because the start script and the Astro
 * server bundle load this file as two module graphs in one process; both must write through one logger.
 * Personal data never reaches it: callers log route patterns, not URLs, and no addresses, cookies or bodies.
 */
const holder = globalThis as typeof globalThis & { __portalLogger?: Logger; __portalRequestScope?: AsyncLocalStorage<RequestScope> };

export interface RequestScope {
  requestId: string;
}

/** The request being served, so that every line logged while serving it carries its id without passing it. */
export function requestScope(): AsyncLocalStorage<RequestScope> {
  holder.__portalRequestScope ??= new AsyncLocalStorage<RequestScope>();
  return holder.__portalRequestScope;
}

export function logger(): Logger {
  holder.__portalLogger ??= pino({
    level: levelFromConfig(),
    base: { service: 'drug-portal' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Lines logged anywhere while a request is served carry its id, unless the logger already binds one.
    mixin: (_object, _level, instance) => {
      const scope = requestScope().getStore();
      return scope && !('reqId' in instance.bindings()) ? { reqId: scope.requestId } : {};
    },
    // A last line of defence if an error object or header set is ever logged whole.
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'headers.cookie', 'headers.authorization'], remove: true },
  });
  return holder.__portalLogger;
}

function levelFromConfig(): string {
  try {
    return config().LOG_LEVEL;
  } catch {
    // A bad configuration is reported by the start script; logging must still work to say so.
    return 'info';
  }
}

/** Tests swap in a logger that writes to memory. */
export function provideLogger(instance: Logger): void {
  holder.__portalLogger = instance;
}
