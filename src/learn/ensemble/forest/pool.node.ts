/**
 * Node-only: a pool of worker threads that grow a forest's trees alongside the calling thread.
 * `growInParallel` is synchronous (so `fit` stays synchronous): trees are handed out through an
 * atomic counter in shared memory, the calling thread grows trees too, then blocks with
 * `Atomics.wait` until the workers' trees are done and reads them from their message ports
 * with `receiveMessageOnPort`. Workers are unref'd and reused across fits.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';

const workers: Worker[] = [];
const entry = new URL(`./worker.node${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function cpuCount(): number {
  return availableParallelism();
}

function ensureWorkers(n: number): Worker[] {
  while (workers.length < n) {
    const w = new Worker(entry);
    w.unref();
    // A worker that fails to start simply never takes a tree; drop it from the pool.
    w.on('error', () => {
      const i = workers.indexOf(w);
      if (i >= 0) workers.splice(i, 1);
    });
    workers.push(w);
  }
  return workers.slice(0, n);
}

function shared(a: Float32Array): Float32Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = new Float32Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

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
  const sharedJob: ForestJob = { ...job, X: shared(job.X) };
  const ports: MessagePort[] = [];
  for (const w of ensureWorkers(threads - 1)) {
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
