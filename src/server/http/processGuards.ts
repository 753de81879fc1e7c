import type { Logger } from 'pino';

/**
 * Last resort: an error that escapes every handler is logged and the process keeps serving, because one bad
 * request must not take the portal down for everyone. If the process does die (out of memory, a native
 * crash), the supervisor restarts it (docs/operations.md: systemd Restart=always).
 */
export function keepServingOnStrayErrors(log: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    log.error({ err: error, origin }, 'uncaught exception; still serving');
  });
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled rejection; still serving');
  });
}
