/**
 * The client's address as the socket reports it (Astro's `clientAddress`).
 * FOR THE LEAD: another branch adds a trusted-proxy aware version of this file (X-Forwarded-For read only from
 * configured proxies); when merging, keep that one and drop this, the call sites take the same context shape.
 */
export function clientAddress(context: { clientAddress?: string }): string {
  try {
    return context.clientAddress ?? 'unknown';
  } catch {
    // Astro throws when the adapter cannot tell (e.g. in some test set-ups); one shared bucket is the safe side.
    return 'unknown';
  }
}
