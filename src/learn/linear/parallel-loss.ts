/**
 * Spreads the chunks of a logistic loss evaluation over threads. Worker threads are a Node
 * feature: the pool lives in `loss-pool.node.ts`, loaded here by a dynamic import only under
 * Node, so this module (and learn) stays browser-safe; elsewhere every chunk runs on the calling
 * thread. Either way the sums are the same (see `LOSS_CHUNK`).
 */
import { type LogisticProblem, type LossEvaluator, chunkCount } from './logistic-loss.js';

type Pool = typeof import('./loss-pool.node.js');

const isNode = typeof globalThis.process === 'object' && typeof globalThis.process?.versions?.node === 'string';

let pool: Pool | undefined;
if (isNode) {
  try {
    pool = await import('./loss-pool.node.js');
  } catch {
    pool = undefined;
  }
}

/** Threads `nJobs` stands for: -1 is every core (1 where worker threads are unavailable). */
export function lossThreads(nJobs: number): number {
  return nJobs === -1 ? (pool ? pool.cpuCount() : 1) : nJobs;
}

/** An evaluator for one problem that runs on `threads` threads, and its release. */
export interface ParallelLoss {
  evaluate: LossEvaluator;
  /** Lets the workers go (call once the fit is done). */
  close(): void;
}

/**
 * A parallel evaluator for the problem, or null where one thread will do: one thread asked for,
 * fewer than two chunks, or no worker threads / SharedArrayBuffer here.
 */
export function parallelLoss(pr: LogisticProblem, threads: number): ParallelLoss | null {
  const chunks = chunkCount(pr.n);
  if (!pool || threads < 2 || chunks < 2 || typeof SharedArrayBuffer !== 'function') return null;
  return pool.startLossJob(pr, Math.min(threads, chunks));
}
