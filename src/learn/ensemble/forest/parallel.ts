/**
 * Grows a forest's trees on one thread or several. Worker threads are a Node feature: the pool
 * lives in `pool.node.ts`, loaded here by a dynamic import only when running under Node, so
 * this module (and learn) stays browser-safe; elsewhere, or when the pool cannot start, trees
 * are grown on the calling thread. Both paths give identical trees for the same seeds.
 */
import { nodeOnly } from '../../base/threads.js';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';

const pool = await nodeOnly(() => import('./pool.node.js'));

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
