import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The portal's Prometheus metrics. Other parts of the portal feed them, e.g. `metrics().meiliRestarts.inc()`
 * where the embedded Meilisearch is restarted, `metrics().reportsReceived.inc()` where a citizen report is
 * stored and `metrics().webhookBacklog.set(n)` where the outbox is polled. Route labels are route patterns and
 * statuses are classes (2xx…5xx), so the number of series stays bounded whatever clients send.
 */
export interface PortalMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status_class'>;
  httpDuration: Histogram<'route' | 'status_class'>;
  shedRequests: Counter<'route'>;
  searchErrors: Counter<'operation'>;
  storeErrors: Counter<'operation'>;
  meiliRestarts: Counter;
  reportsReceived: Counter;
  webhookBacklog: Gauge;
  inFlight: Gauge;
}

function createMetrics(): PortalMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'portal_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status_class'], registers }),
    httpDuration: new Histogram({
      name: 'portal_http_request_duration_seconds',
      help: 'Time from request to the last byte written',
      labelNames: ['route', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    shedRequests: new Counter({ name: 'portal_http_shed_total', help: 'Requests refused with 503 because too many were in flight', labelNames: ['route'], registers }),
    searchErrors: new Counter({ name: 'portal_search_errors_total', help: 'Failed Meilisearch calls', labelNames: ['operation'], registers }),
    storeErrors: new Counter({ name: 'portal_store_errors_total', help: 'Failed store (SQL) calls', labelNames: ['operation'], registers }),
    meiliRestarts: new Counter({ name: 'portal_meilisearch_restarts_total', help: 'Restarts of the embedded Meilisearch', registers }),
    reportsReceived: new Counter({ name: 'portal_reports_received_total', help: 'Citizen reports stored', registers }),
    webhookBacklog: new Gauge({ name: 'portal_webhook_backlog', help: 'Webhook deliveries waiting in the outbox', registers }),
    inFlight: new Gauge({ name: 'portal_http_in_flight', help: 'Requests being served now', registers }),
  };
}

// On globalThis for the same reason as the logger: the start script and the server bundle share one registry.
const holder = globalThis as typeof globalThis & { __portalMetrics?: PortalMetrics };

export function metrics(): PortalMetrics {
  holder.__portalMetrics ??= createMetrics();
  return holder.__portalMetrics;
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/** Counts a failure that names its dependency (ServiceUnavailableError's codes) against that dependency. */
export function countDependencyError(error: unknown, operation: string): void {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'search_unavailable') metrics().searchErrors.inc({ operation });
  if (code === 'store_busy') metrics().storeErrors.inc({ operation });
}
