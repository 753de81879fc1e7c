/**
 * Fetches a fresh proof-of-work challenge and solves it. A challenge lives 20 minutes
 * (src/server/reports/reportChallenge.ts), so a report that waited for signal longer must never reuse the one
 * fetched when the form opened: each send solves its own. Throws when the network is gone, which is how a
 * caller tells "offline" from "refused".
 */
export interface ReportChallenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export type ChallengeSolver = (challenge: ReportChallenge) => Promise<{ number: number; took: number } | null>;

/** Solves on the calling thread: right for the service worker, which has a thread of its own. */
export const solveOnThisThread: ChallengeSolver = async (challenge) => {
  // Loaded only when a report is sent: pages that never send one do not pay for the solver.
  const { solveChallenge } = await import('altcha-lib/v1');
  return solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
};

export async function solveReportChallenge(solve: ChallengeSolver = solveOnThisThread): Promise<string> {
  const response = await fetch('/api/reports/challenge', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error(`challenge_unavailable_${response.status}`);
  const challenge = (await response.json()) as ReportChallenge;
  const solution = await solve(challenge);
  if (!solution) throw new Error('challenge_unsolved');
  return btoa(JSON.stringify({ ...challenge, number: solution.number, took: solution.took }));
}
