/**
 * Node-only: histogram building split by features across worker threads over shared memory.
 * Loaded only through the guarded dynamic import in parallel.ts.
 *
 * Workers run the very kernel of histogram.ts (its source is handed to them), each over a
 * fixed range of features for all of a node's rows, in row order, so each histogram bin is
 * summed in exactly the order the single-threaded path uses: the models are identical.
 * The calling thread takes the first feature range itself and blocks (Atomics.wait) until the
 * workers are done, so `fit` stays synchronous. Buffers the workers read are allocated on
 * SharedArrayBuffers and announced to them by message before the job that uses them.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { buildHistogram, subtractHistogram } from './histogram.js';
import { type TrainingBackend, wordsOf } from './parallel.js';

/** A job that takes longer than this means a worker died (it never takes near this long). */
const STALL_MS = 120_000;

/** Node ranges smaller than this are built on the calling thread alone. */
const MIN_ROWS_PER_JOB = 2048;

export function hardwareThreads(): number {
  return availableParallelism();
}

// Control words: [0] generation (−1 = stop), [1] workers done, [2] bins id, [3] gh id,
// [4] rowIdx id, [5] begin, [6] end, [7] hist id, [8] set to 1 by a worker that failed.
const WORKER_SOURCE = `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
${buildHistogram.toString()}
const { ctrlBuffer, index, count, wordsPerRow } = workerData;
const ctrl = new Int32Array(ctrlBuffer);
const buffers = [];
const w0 = Math.floor((index * wordsPerRow) / count);
const w1 = Math.floor(((index + 1) * wordsPerRow) / count);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  const gen = Atomics.load(ctrl, 0);
  if (gen < 0) break;
  seen = gen;
  let m;
  while ((m = receiveMessageOnPort(parentPort)) !== undefined) {
    const { id, kind, buffer } = m.message;
    buffers[id] = kind === 'f64' ? new Float64Array(buffer) : kind === 'i32' ? new Int32Array(buffer) : kind === 'u32' ? new Uint32Array(buffer) : new Uint8Array(buffer);
  }
  try {
    buildHistogram(buffers[ctrl[2]], wordsPerRow, buffers[ctrl[3]], buffers[ctrl[4]], ctrl[5], ctrl[6], w0, w1, buffers[ctrl[7]]);
  } catch {
    Atomics.store(ctrl, 8, 1);
  }
  if (Atomics.add(ctrl, 1, 1) + 1 === count - 1) Atomics.notify(ctrl, 1);
}
`;

/**
 * A backend whose histograms are built by `threads` threads (this one included), each over
 * its own range of 4-feature words; `stride` is the binned matrix's bytes per row.
 */
export function threadedBackend(threads: number, stride: number): TrainingBackend {
  const wpr = stride >> 2;
  const ctrl = new Int32Array(new SharedArrayBuffer(9 * 4));
  const workers: Worker[] = [];
  for (let i = 1; i < threads; i++) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true, execArgv: [], workerData: { ctrlBuffer: ctrl.buffer, index: i, count: threads, wordsPerRow: wpr },
    });
    worker.unref();
    workers.push(worker);
  }
  const ids = new Map<ArrayBufferView, number>();
  let nextId = 0;
  const register = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T, kind: 'f64' | 'i32' | 'u8' | 'u32'): T => {
    const id = nextId++;
    ids.set(a, id);
    for (const w of workers) w.postMessage({ id, kind, buffer: a.buffer });
    return a;
  };
  const idOf = (a: ArrayBufferView, what: string): number => {
    const id = ids.get(a);
    if (id === undefined) throw new Error(`internal: ${what} was not allocated by the threaded backend`);
    return id;
  };
  let words: Uint32Array | null = null;
  const w1Main = Math.floor(wpr / threads);
  let closed = false;
  return {
    threads,
    float64: (n) => register(new Float64Array(new SharedArrayBuffer(n * 8)), 'f64'),
    int32: (n) => register(new Int32Array(new SharedArrayBuffer(n * 4)), 'i32'),
    uint8: (n) => register(new Uint8Array(new SharedArrayBuffer(n)), 'u8'),
    attach(d) {
      idOf(d.bins, 'the binned matrix');
      words = register(wordsOf(d), 'u32');
    },
    allocHistogram: () => register(new Float64Array(new SharedArrayBuffer(stride * 512 * 8)), 'f64'),
    build(gh, rowIdx, begin, end, hist) {
      if (end - begin < MIN_ROWS_PER_JOB) {
        buildHistogram(words!, wpr, gh, rowIdx, begin, end, 0, wpr, hist);
        return;
      }
      ctrl[2] = idOf(words!, 'bins');
      ctrl[3] = idOf(gh, 'gradients');
      ctrl[4] = idOf(rowIdx, 'row index');
      ctrl[5] = begin;
      ctrl[6] = end;
      ctrl[7] = idOf(hist, 'histogram');
      Atomics.store(ctrl, 1, 0);
      Atomics.add(ctrl, 0, 1);
      Atomics.notify(ctrl, 0);
      buildHistogram(words!, wpr, gh, rowIdx, begin, end, 0, w1Main, hist);
      let done: number;
      const started = Date.now();
      while ((done = Atomics.load(ctrl, 1)) < threads - 1) {
        if (Atomics.wait(ctrl, 1, done, 1000) === 'timed-out' && Date.now() - started > STALL_MS) {
          throw new Error(`Histogram worker threads did not answer within ${STALL_MS / 1000} s; retry with nThreads: 1.`);
        }
      }
      if (Atomics.load(ctrl, 8) !== 0) throw new Error('A histogram worker thread failed; retry with nThreads: 1.');
    },
    subtract(parent, child, out) {
      subtractHistogram(parent, child, out, 0, wpr);
    },
    close() {
      if (closed) return;
      closed = true;
      Atomics.store(ctrl, 0, -1);
      Atomics.notify(ctrl, 0);
      for (const w of workers) void w.terminate();
      ids.clear();
    },
  };
}
