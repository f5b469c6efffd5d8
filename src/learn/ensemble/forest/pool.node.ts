/**
 * Node-only: a pool of worker threads that grow a forest's trees alongside the calling thread.
 * `growInParallel` is synchronous (so `fit` stays synchronous): trees are handed out through an
 * atomic counter in shared memory, the calling thread grows trees too, then blocks with
 * `Atomics.wait` until the workers' trees are done and reads them from their message ports
 * with `receiveMessageOnPort`. Workers are unref'd and reused across fits.
 */
import { sharedCopy, WorkerPool, workerEntry } from '../../base/worker-pool.node.js';
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';
export { cpuCount } from '../../base/worker-pool.node.js';

const pool = new WorkerPool(workerEntry('./worker.node', import.meta.url));

interface Reply {
  t: number;
  tree?: FlatTree;
  error?: string;
}

/** Grows the job's trees on `threads` threads (this one and threads − 1 workers). */
export function growInParallel(job: ForestJob, threads: number): FlatTree[] {
  const n = job.seeds.length;
  // control[0]: next tree to take; control[1 + t]: 1 once a worker has posted tree t.
  const control = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  const sharedJob: ForestJob = { ...job, X: sharedCopy(job.X) };
  const ports: MessagePort[] = [];
  for (const w of pool.take(threads - 1)) {
    const { port1, port2 } = new MessageChannel();
    w.postMessage({ job: sharedJob, control, port: port2 }, [port2]);
    ports.push(port1);
  }
  const trees: (FlatTree | undefined)[] = new Array(n);
  for (;;) {
    const t = Atomics.add(control, 0, 1);
    if (t >= n) break;
    trees[t] = buildForestTree(job, t);
  }
  for (let t = 0; t < n; t++) {
    if (trees[t] !== undefined) continue;
    while (Atomics.load(control, 1 + t) === 0) Atomics.wait(control, 1 + t, 0, 1000);
  }
  let failure: string | undefined;
  for (const port of ports) {
    for (let msg = receiveMessageOnPort(port); msg !== undefined; msg = receiveMessageOnPort(port)) {
      const reply = msg.message as Reply;
      if (reply.error !== undefined) failure ??= reply.error;
      else trees[reply.t] = reply.tree;
    }
    port.close();
  }
  if (failure !== undefined) throw new Error(`A worker thread failed while growing a tree: ${failure}`);
  return trees as FlatTree[];
}
