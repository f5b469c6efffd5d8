/**
 * Node-only worker-thread entry for `pool.node.ts`: takes run indices from the shared counter,
 * runs each KMeans initialization and posts the result back (transferring its arrays), then
 * flags it done.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { type KMeansJob, runKMeans } from './kmeans-job.js';

parentPort!.on('message', ({ job, control, port }: { job: KMeansJob; control: Int32Array; port: MessagePort }) => {
  const n = job.runs.length;
  for (;;) {
    const r = Atomics.add(control, 0, 1);
    if (r >= n) break;
    try {
      const run = runKMeans(job, r);
      port.postMessage({ r, run }, [run.labels.buffer as ArrayBuffer, run.centers.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ r, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
    Atomics.store(control, 1 + r, 1);
    Atomics.notify(control, 1 + r);
  }
  port.close();
});
