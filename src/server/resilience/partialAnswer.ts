import { isServiceUnavailable, type ServiceUnavailableError } from './unavailable.ts';

/** Either the part a page asked for, or the reason it is missing: the page renders the rest either way. */
export type PartialAnswer<T> = { value: T; outage: null } | { value: null; outage: ServiceUnavailableError };

/**
 * For the parts of a page that depend on search: an outage becomes a notice in the page instead of failing
 * the whole page, so that what the store knows (name, catalogue facts, flags, clarifications) is still shown.
 */
export async function unlessUnavailable<T>(work: () => Promise<T>): Promise<PartialAnswer<T>> {
  try {
    return { value: await work(), outage: null };
  } catch (error) {
    if (isServiceUnavailable(error)) return { value: null, outage: error };
    throw error;
  }
}
