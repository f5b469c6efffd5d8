/**
 * Node-only: worker threads that run KMeans initializations alongside the calling thread.
 * `runInParallel` is synchronous (so `fit` stays synchronous): runs are handed out through an
 * atomic counter in shared memory, the calling thread runs some too, then blocks with
 * `Atomics.wait` until the workers' runs are done and reads them from their message ports with
 * `receiveMessageOnPort`. The data are in shared memory (never copied); workers are unref'd and
 * reused across fits.
 */
import { WorkerPool, workerEntry } from '../base/worker-pool.node.js';
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { KMeansRun } from './kmeans-core.js';
import { type KMeansJob, runKMeans } from './kmeans-job.js';
export { cpuCount } from '../base/worker-pool.node.js';

const pool = new WorkerPool(workerEntry('./worker.node', import.meta.url));

interface Reply {
  r: number;
  run?: KMeansRun;
  error?: string;
}

/** Runs the job's initializations on `threads` threads (this one and threads − 1 workers). */
export function runInParallel(job: KMeansJob, threads: number): KMeansRun[] {
  const n = job.runs.length;
  // control[0]: next run to take; control[1 + r]: 1 once a worker has posted run r.
  const control = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  const ports: MessagePort[] = [];
  for (const w of pool.take(threads - 1)) {
    const { port1, port2 } = new MessageChannel();
    w.postMessage({ job, control, port: port2 }, [port2]);
    ports.push(port1);
  }
  const runs: (KMeansRun | undefined)[] = new Array(n);
  for (;;) {
    const r = Atomics.add(control, 0, 1);
    if (r >= n) break;
    runs[r] = runKMeans(job, r);
  }
  for (let r = 0; r < n; r++) {
    if (runs[r] !== undefined) continue;
    while (Atomics.load(control, 1 + r) === 0) Atomics.wait(control, 1 + r, 0, 1000);
  }
  let failure: string | undefined;
  for (const port of ports) {
    for (let msg = receiveMessageOnPort(port); msg !== undefined; msg = receiveMessageOnPort(port)) {
      const reply = msg.message as Reply;
      if (reply.error !== undefined) failure ??= reply.error;
      else runs[reply.r] = reply.run;
    }
    port.close();
  }
  if (failure !== undefined) throw new Error(`A worker thread failed during a KMeans run: ${failure}`);
  return runs as KMeansRun[];
}
