/**
 * Node-only worker-thread entry for `loss-pool.node.ts`: for each job, evaluates its range of
 * loss chunks whenever the caller bumps its sequence number, until told to stop.
 */
import { parentPort } from 'node:worker_threads';
import { type LogisticProblem, lossChunks } from './logistic-loss.js';

const SEQ = 0;
const DONE = 1;
const STOP = 2;
const ERR = 3;
const READY = 4;
const SLOTS = 5;

interface Job {
  pr: LogisticProblem;
  v: Float64Array;
  partials: Float64Array;
  control: Int32Array;
  index: number;
  c0: number;
  c1: number;
}

parentPort!.on('message', ({ pr, v, partials, control, index, c0, c1 }: Job) => {
  const base = index * SLOTS;
  let seen = 0;
  Atomics.store(control, base + READY, 1);
  for (;;) {
    Atomics.wait(control, base + SEQ, seen);
    const seq = Atomics.load(control, base + SEQ);
    if (seq === seen) continue;
    seen = seq;
    if (Atomics.load(control, base + STOP) === 1) break;
    try {
      lossChunks(pr, v, c0, c1, partials);
      Atomics.store(control, base + ERR, 0);
    } catch {
      Atomics.store(control, base + ERR, 1);
    }
    Atomics.store(control, base + DONE, seq);
    Atomics.notify(control, base + DONE);
  }
});
