/** Node-only worker-thread entry for `pool.node.ts`: runs KMeans initializations (arrays transferred back). */
import { serveTasks } from '../base/task-worker.node.js';
import { type KMeansJob, runKMeans } from './kmeans-job.js';

serveTasks(
  (job: KMeansJob) => job.runs.length,
  runKMeans,
  (run) => [run.labels.buffer as ArrayBuffer, run.centers.buffer as ArrayBuffer],
);
