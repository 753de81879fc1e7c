import type { Page } from '@playwright/test';

/**
 * Astro removes the `ssr` attribute from an island once it has hydrated. Typing before that goes into the
 * server-rendered input without the island's handlers, which made tests flaky on a busy machine.
 */
export async function islandsHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}
