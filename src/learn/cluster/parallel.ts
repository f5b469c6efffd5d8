/**
 * Runs a KMeans job's initializations on one thread or several. Worker threads are a Node
 * feature: the pool lives in `pool.node.ts`, loaded here by a dynamic import only under Node, so
 * this module (and learn) stays browser-safe; elsewhere the runs go one after another on the
 * calling thread. Both paths give identical runs.
 */
import { nodeOnly } from '../base/threads.js';
import type { KMeansRun } from './kmeans-core.js';
import { type KMeansJob, runKMeans } from './kmeans-job.js';

const pool = await nodeOnly(() => import('./pool.node.js'));

/** Whether `runKMeansJob` on several threads needs x and xNorms in shared memory. */
export function sharesMemory(threads: number, runs: number): boolean {
  return pool !== undefined && threads > 1 && runs > 1 && typeof SharedArrayBuffer === 'function';
}

/** Every run of the job, in run order, on `threads` threads (this one included) where possible. */
export function runKMeansJob(job: KMeansJob, threads: number): KMeansRun[] {
  const n = job.runs.length;
  if (pool && sharesMemory(threads, n)) return pool.runInParallel(job, Math.min(threads, n));
  return Array.from({ length: n }, (_, r) => runKMeans(job, r));
}
