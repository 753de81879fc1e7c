import { type ChallengeSolver, solveOnThisThread } from './solveReportChallenge.ts';

/** Solves the report challenge in a Web Worker, off the page's main thread; inline where there is no Worker. */
export const solveInWorker: ChallengeSolver = (challenge) => {
  if (typeof Worker === 'undefined') return solveOnThisThread(challenge);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./challengeWorker.ts', import.meta.url), { type: 'module' });
    const finish = (solution: Awaited<ReturnType<ChallengeSolver>>) => {
      worker.terminate();
      resolve(solution);
    };
    worker.addEventListener('message', (event) => finish(event.data));
    worker.addEventListener('error', () => finish(null));
    worker.postMessage(challenge);
  });
};
