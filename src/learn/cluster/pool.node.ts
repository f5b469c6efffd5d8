/**
 * Node-only: worker threads that run KMeans initializations alongside the calling thread
 * (`WorkerPool.runTasks`: one task per run). The data are in shared memory (never copied).
 */
import { WorkerPool, workerEntry } from '../base/worker-pool.node.js';
import type { KMeansRun } from './kmeans-core.js';
import { type KMeansJob, runKMeans } from './kmeans-job.js';

const pool = new WorkerPool(workerEntry('./worker.node', import.meta.url));

/** Runs the job's initializations on `threads` threads (this one and threads − 1 workers). */
export function runInParallel(job: KMeansJob, threads: number): KMeansRun[] {
  return pool.runTasks(job, job.runs.length, threads - 1, (r) => runKMeans(job, r), 'during a KMeans run');
}
