import type { ApiEndpoint } from './apiEndpoint.ts';

/**
 * Every file under ./endpoints/ describes one endpoint (`export const endpoint`); this collects them, so an
 * endpoint joins the OpenAPI document by adding its file (Vite bundles the files the pattern names).
 */
const files = import.meta.glob<{ endpoint: ApiEndpoint }>('./endpoints/*.ts', { eager: true });

export const publishedEndpoints: readonly ApiEndpoint[] = Object.values(files).map((f) => f.endpoint);
