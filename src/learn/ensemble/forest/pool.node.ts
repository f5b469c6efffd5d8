/**
 * Node-only: worker threads that grow a forest's trees alongside the calling thread
 * (`WorkerPool.runTasks`: one task per tree). X is copied once into shared memory.
 */
import { sharedCopy, WorkerPool, workerEntry } from '../../base/worker-pool.node.js';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';

const pool = new WorkerPool(workerEntry('./worker.node', import.meta.url));

/** Grows the job's trees on `threads` threads (this one and threads − 1 workers). */
export function growInParallel(job: ForestJob, threads: number): FlatTree[] {
  const sharedJob: ForestJob = { ...job, X: sharedCopy(job.X) };
  return pool.runTasks(sharedJob, job.seeds.length, threads - 1, (t) => buildForestTree(job, t), 'while growing a tree');
}
