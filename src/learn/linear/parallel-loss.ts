/**
 * Spreads the chunks of a logistic loss evaluation over threads. Worker threads are a Node
 * feature: the pool lives in `loss-pool.node.ts`, loaded here by a dynamic import only under
 * Node, so this module (and learn) stays browser-safe; elsewhere every chunk runs on the calling
 * thread. Either way the sums are the same (see `LOSS_CHUNK`).
 */
import { nodeOnly } from '../base/threads.js';
import { type LogisticProblem, type LossEvaluator, chunkCount } from './logistic-loss.js';

const pool = await nodeOnly(() => import('./loss-pool.node.js'));

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
