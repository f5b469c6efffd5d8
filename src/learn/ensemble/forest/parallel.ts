/**
 * Grows a forest's trees on one thread or several. Worker threads are a Node feature: the pool
 * lives in `pool.node.ts`, loaded here by a dynamic import only when running under Node, so
 * this module (and learn) stays browser-safe; elsewhere, or when the pool cannot start, trees
 * are grown on the calling thread. Both paths give identical trees for the same seeds.
 */
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';

type Pool = typeof import('./pool.node.js');

const isNode = typeof globalThis.process === 'object' && typeof globalThis.process?.versions?.node === 'string';

let pool: Pool | undefined;
if (isNode) {
  try {
    pool = await import('./pool.node.js');
  } catch {
    pool = undefined;
  }
}

/** Threads available for `nJobs: -1` (1 where worker threads are unavailable). */
export function availableThreads(): number {
  return pool ? pool.cpuCount() : 1;
}

/** Whether worker threads can be used here. */
export function workerThreadsAvailable(): boolean {
  return pool !== undefined;
}

/**
 * Grows every tree of the job, on `threads` threads (this one included) where worker threads
 * are available.
 */
export function growForest(job: ForestJob, threads: number): FlatTree[] {
  const n = job.seeds.length;
  if (threads > 1 && n > 1 && pool) return pool.growInParallel(job, Math.min(threads, n));
  const trees: FlatTree[] = new Array(n);
  for (let t = 0; t < n; t++) trees[t] = buildForestTree(job, t);
  return trees;
}
