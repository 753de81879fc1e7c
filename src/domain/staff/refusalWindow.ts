/**
 * Refused logins are summed up per account × source × window rather than logged one by one: an attacker's
 * ten thousand guesses become one entry for the first refusal and one summary per window, so the append-only
 * log neither floods nor hides that an attack happened. Windows are fixed slices of the clock (UTC).
 */
export const refusalWindowMs = 15 * 60_000;

export function refusalWindowOf(at: Date): { start: Date; end: Date } {
  const start = Math.floor(at.getTime() / refusalWindowMs) * refusalWindowMs;
  return { start: new Date(start), end: new Date(start + refusalWindowMs) };
}

/** The subject of refusals made because the whole source is locked, whichever account they named. */
export const anyAccount = '*';
