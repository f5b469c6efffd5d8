/**
 * Node-only: worker threads that evaluate chunks of a logistic loss alongside the calling
 * thread, for the whole of one fit. The problem (X, labels, weights) is copied once into shared
 * memory; per evaluation the caller writes the parameters to shared memory, wakes each worker
 * that is ready through its control slots (`Atomics.notify`), evaluates its own range of chunks
 * (and those of workers not ready yet), and sleeps in `Atomics.wait` until the workers' partial
 * sums are in. `close` sends the workers back to their message loop; they are unref'd and
 * reused across fits.
 */
import { sharedCopy, WorkerPool, workerEntry } from '../base/worker-pool.node.js';
import { type LogisticProblem, chunkCount, lossChunks, parameterCount } from './logistic-loss.js';
import type { ParallelLoss } from './parallel-loss.js';

// Control slots per worker (Int32).
const SEQ = 0; // bumped by the caller per evaluation
const DONE = 1; // set by the worker to the SEQ it finished
const STOP = 2; // 1: leave the evaluation loop
const ERR = 3; // 1: the last evaluation threw
const READY = 4; // 1 once the worker waits for evaluations
const SLOTS = 5;
/** How long to wait for a ready worker before computing its chunks here instead. */
const PATIENCE_MS = 20_000;

const pool = new WorkerPool(workerEntry('./loss-worker.node', import.meta.url));

/** Starts the workers on the problem; chunks split into `threads` contiguous ranges, the first one here. */
export function startLossJob(pr: LogisticProblem, threads: number): ParallelLoss {
  const chunks = chunkCount(pr.n);
  const nv = parameterCount(pr);
  const shared: LogisticProblem = { ...pr, X: sharedCopy(pr.X), codes: sharedCopy(pr.codes), sw: sharedCopy(pr.sw) };
  const v = new Float64Array(new SharedArrayBuffer(8 * nv));
  const partials = new Float64Array(new SharedArrayBuffer(8 * chunks * (nv + 1)));
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((t * chunks) / threads));
  const team = pool.take(threads - 1);
  const control = new Int32Array(new SharedArrayBuffer(4 * SLOTS * team.length));
  team.forEach((w, i) => w.postMessage({ pr: shared, v, partials, control, index: i, c0: bounds[i + 1], c1: bounds[i + 2] }));
  let seq = 0;
  // A worker takes part once it is ready (it starts on its own time, possibly after several
  // evaluations) and until it misses a deadline; otherwise its chunks run here.
  const active = (i: number): boolean => Atomics.load(control, i * SLOTS + READY) === 1 && Atomics.load(control, i * SLOTS + STOP) === 0;
  return {
    evaluate(params, out) {
      v.set(params);
      seq++;
      const helping = team.map((_, i) => active(i));
      helping.forEach((on, i) => {
        if (!on) return;
        Atomics.store(control, i * SLOTS + SEQ, seq);
        Atomics.notify(control, i * SLOTS + SEQ);
      });
      lossChunks(shared, v, bounds[0]!, bounds[1]!, partials);
      helping.forEach((on, i) => {
        const done = i * SLOTS + DONE;
        if (on) {
          const deadline = Date.now() + PATIENCE_MS;
          for (let seen = Atomics.load(control, done); seen !== seq && Date.now() < deadline; seen = Atomics.load(control, done)) {
            Atomics.wait(control, done, seen, 100);
          }
          if (Atomics.load(control, done) !== seq) {
            on = false;
            Atomics.store(control, i * SLOTS + STOP, 1); // should it answer after all, it leaves at once
          }
        }
        if (!on || Atomics.load(control, i * SLOTS + ERR) === 1) lossChunks(shared, v, bounds[i + 1]!, bounds[i + 2]!, partials);
      });
      out.set(partials);
    },
    close() {
      team.forEach((_, i) => {
        Atomics.store(control, i * SLOTS + STOP, 1);
        Atomics.add(control, i * SLOTS + SEQ, 1);
        Atomics.notify(control, i * SLOTS + SEQ);
      });
    },
  };
}
