import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { ServiceUnavailableError } from '../resilience/unavailable.ts';

/**
 * A citizen's search waits at most this long for Meilisearch; past it the page shows what the store knows.
 * Indexing and reindexing are not bounded by it (large uploads legitimately take longer).
 */
export const searchTimeoutMs = 2500;

/** The embedded server restarts within seconds (see meiliSupervisor.ts); clients may try again soon. */
const retryAfterSeconds = 5;

/** Connection refused, time-out, or Meilisearch failing itself (5xx): search is out, not the request wrong. */
function isOutage(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchApiError) return error.response.status >= 500;
  const name = (error as { name?: string } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/**
 * Runs one query against Meilisearch with a time-out and turns an outage into `ServiceUnavailableError`, which
 * routes answer as 503 and pages as a plain-words notice. Other errors (a bad filter) stay bugs.
 */
export async function whenSearchAnswers<T>(query: (init: { signal: AbortSignal }) => Promise<T>): Promise<T> {
  try {
    return await query({ signal: AbortSignal.timeout(searchTimeoutMs) });
  } catch (error) {
    if (isOutage(error)) throw new ServiceUnavailableError('search_unavailable', retryAfterSeconds, { cause: error });
    throw error;
  }
}
