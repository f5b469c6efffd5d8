/**
 * Node-only: histogram building and row partitioning split across worker threads over one
 * shared WebAssembly memory (wasm-histogram.ts). Loaded only through the guarded dynamic
 * import in parallel.ts.
 *
 * Every thread (this one included) instantiates the same module over the same memory. A
 * histogram job gives each thread a fixed range of features for all of a node's rows, in row
 * order, so each bin is summed in exactly the order the single-threaded path uses; a partition
 * job gives each thread a contiguous chunk of the node's rows to partition stably, and this
 * thread joins the chunks (mergePartition) — the same order as one stable pass. The models are
 * identical. This thread takes the first share itself and then blocks (Atomics.wait) until the
 * workers are done, so `fit` stays synchronous. Batch prediction (wasm-predict.ts) splits rows
 * the same way over a pool of workers kept for the process on the prediction arena's memory.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { subtractHistogram } from './histogram.js';
import { type TrainingBackend, mergePartition, wasmBackend } from './parallel.js';
import type { WasmMemory } from '../../../kernels/index.js';
import type { WasmArena } from './wasm-histogram.js';
import { type PredictJob, predictArena, runPredictRows } from './wasm-predict.js';

/** A job that takes longer than this means a worker died (it never takes near this long). */
const STALL_MS = 120_000;

/** Node ranges smaller than this are built on the calling thread alone. */
const MIN_ROWS_PER_JOB = 2048;

/** Partitions of fewer rows than this run on the calling thread alone. */
const MIN_ROWS_PER_PARTITION = 16384;

export function hardwareThreads(): number {
  return availableParallelism();
}

// Control words: [0] generation (−1 = stop), [1] workers done, [2] set to 1 by a worker that
// failed, [3] job (0 histogram, 1 partition), [4..10] its arguments, [16 + t] thread t's result.
const JOB_HISTOGRAM = 0;
const JOB_PARTITION = 1;
const RESULTS = 16;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { ctrlBuffer, index, count, wordsPerRow, module, memory } = workerData;
const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctrl = new Int32Array(ctrlBuffer);
const w0 = Math.floor((index * wordsPerRow) / count);
const w1 = Math.floor(((index + 1) * wordsPerRow) / count);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  const gen = Atomics.load(ctrl, 0);
  if (gen < 0) break;
  seen = gen;
  try {
    if (ctrl[3] === ${JOB_HISTOGRAM}) {
      k.buildHistogram(ctrl[4], wordsPerRow, ctrl[5], ctrl[6], ctrl[7], ctrl[8], w0, w1, ctrl[9]);
    } else {
      const begin = ctrl[7];
      const end = ctrl[8];
      const c0 = begin + Math.floor(((end - begin) * index) / count);
      const c1 = begin + Math.floor(((end - begin) * (index + 1)) / count);
      ctrl[${RESULTS} + index] = k.partition(ctrl[4], ctrl[5], ctrl[6], c0, c1, ctrl[9], ctrl[10]);
    }
  } catch {
    Atomics.store(ctrl, 2, 1);
  }
  if (Atomics.add(ctrl, 1, 1) + 1 === count - 1) Atomics.notify(ctrl, 1);
}
`;

/**
 * A backend whose histograms and partitions are shared by `threads` threads (this one
 * included); `stride` is the binned matrix's bytes per row, and every buffer comes from `arena`.
 */
export function threadedBackend(threads: number, stride: number, arena: WasmArena): TrainingBackend {
  const serial = wasmBackend(stride, arena);
  const k = arena.kernels;
  const wpr = stride >> 2;
  const ctrl = new Int32Array(new SharedArrayBuffer((RESULTS + threads) * 4));
  const workers: Worker[] = [];
  for (let i = 1; i < threads; i++) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true, execArgv: [],
      workerData: { ctrlBuffer: ctrl.buffer, index: i, count: threads, wordsPerRow: wpr, module: arena.module, memory: arena.memory },
    });
    worker.unref();
    workers.push(worker);
  }
  let words = 0;
  let columns = 0;
  let rows = 0;
  const w1Main = Math.floor(wpr / threads);
  let closed = false;
  /** Starts the posted job on the workers; `mine` is this thread's share; then waits for them. */
  const run = (mine: () => void): void => {
    Atomics.store(ctrl, 1, 0);
    Atomics.add(ctrl, 0, 1);
    Atomics.notify(ctrl, 0);
    mine();
    let done: number;
    const started = Date.now();
    while ((done = Atomics.load(ctrl, 1)) < threads - 1) {
      if (Atomics.wait(ctrl, 1, done, 1000) === 'timed-out' && Date.now() - started > STALL_MS) {
        throw new Error(`Gradient boosting worker threads did not answer within ${STALL_MS / 1000} s; retry with nThreads: 1.`);
      }
    }
    if (Atomics.load(ctrl, 2) !== 0) throw new Error('A gradient boosting worker thread failed; retry with nThreads: 1.');
  };
  return {
    threads,
    float64: serial.float64,
    int32: serial.int32,
    uint8: serial.uint8,
    allocHistogram: serial.allocHistogram,
    attach(d) {
      serial.attach(d);
      words = d.bins.byteOffset;
      columns = d.columns.byteOffset;
      rows = d.rows;
    },
    build(gh, rowIdx, begin, end, hist) {
      if (end - begin < MIN_ROWS_PER_JOB) {
        serial.build(gh, rowIdx, begin, end, hist);
        return;
      }
      ctrl[3] = JOB_HISTOGRAM;
      ctrl[4] = words;
      ctrl[5] = gh.byteOffset;
      ctrl[6] = rowIdx.byteOffset;
      ctrl[7] = begin;
      ctrl[8] = end;
      ctrl[9] = hist.byteOffset;
      run(() => k.buildHistogram(words, wpr, gh.byteOffset, rowIdx.byteOffset, begin, end, 0, w1Main, hist.byteOffset));
    },
    subtract(parent, child, out) {
      subtractHistogram(parent, child, out, 0, wpr);
    },
    partition(feature, rowIdx, scratch, begin, end, threshold, shift) {
      if (end - begin < MIN_ROWS_PER_PARTITION) return serial.partition(feature, rowIdx, scratch, begin, end, threshold, shift);
      const column = columns + feature * rows;
      ctrl[3] = JOB_PARTITION;
      ctrl[4] = column;
      ctrl[5] = rowIdx.byteOffset;
      ctrl[6] = scratch.byteOffset;
      ctrl[7] = begin;
      ctrl[8] = end;
      ctrl[9] = threshold;
      ctrl[10] = shift;
      const bounds = Array.from({ length: threads + 1 }, (_, t) => begin + Math.floor(((end - begin) * t) / threads));
      run(() => {
        ctrl[RESULTS] = k.partition(column, rowIdx.byteOffset, scratch.byteOffset, bounds[0]!, bounds[1]!, threshold, shift);
      });
      return mergePartition(rowIdx, scratch, begin, end, bounds, Array.from({ length: threads }, (_, t) => ctrl[RESULTS + t]!));
    },
    close() {
      if (closed) return;
      closed = true;
      Atomics.store(ctrl, 0, -1);
      Atomics.notify(ctrl, 0);
      for (const w of workers) void w.terminate();
    },
  };
}

// Prediction pool control words: [0] generation (−1 = stop), [1] workers done, [2] failed,
// [3..13] the job: x, float32, rows, cols, roots, depth, nTrees, nodes, value, outputs, out.
const PREDICT_SOURCE = `
const { workerData } = require('node:worker_threads');
const { ctrlBuffer, index, count, module, memory } = workerData;
const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctrl = new Int32Array(ctrlBuffer);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  const gen = Atomics.load(ctrl, 0);
  if (gen < 0) break;
  seen = gen;
  try {
    const [x, float32, rows, cols, roots, depth, nTrees, nodes, value, outputs, out] = ctrl.subarray(3, 14);
    const r0 = Math.floor((rows * index) / count);
    const r1 = Math.floor((rows * (index + 1)) / count);
    (float32 ? k.predictF32 : k.predictF64)(x + r0 * cols * (float32 ? 4 : 8), r1 - r0, cols, roots, depth, 0, nTrees, nodes, value, outputs, out + r0 * outputs * 8);
  } catch {
    Atomics.store(ctrl, 2, 1);
  }
  if (Atomics.add(ctrl, 1, 1) + 1 === count - 1) Atomics.notify(ctrl, 1);
}
`;

/** The prediction workers, kept (unref'd, asleep in Atomics.wait) for later calls on the same memory. */
let predictPool: { memory: WasmMemory; threads: number; ctrl: Int32Array; workers: Worker[] } | null = null;

/** The prediction workers for `threads` threads over `arena`'s memory, started if need be. */
function ensurePredictPool(arena: WasmArena, threads: number): NonNullable<typeof predictPool> {
  if (predictPool && (predictPool.memory !== arena.memory || predictPool.threads !== threads)) {
    Atomics.store(predictPool.ctrl, 0, -1);
    Atomics.notify(predictPool.ctrl, 0);
    for (const w of predictPool.workers) void w.terminate();
    predictPool = null;
  }
  if (!predictPool) {
    const ctrl = new Int32Array(new SharedArrayBuffer(20 * 4));
    const workers: Worker[] = [];
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(PREDICT_SOURCE, {
        eval: true, execArgv: [], workerData: { ctrlBuffer: ctrl.buffer, index: i, count: threads, module: arena.module, memory: arena.memory },
      });
      worker.unref();
      workers.push(worker);
    }
    predictPool = { memory: arena.memory, threads, ctrl, workers };
  }
  return predictPool;
}

/**
 * Starts the prediction workers for `threads` threads in the background (a threaded fit does,
 * so that a following `predict` finds them booted).
 */
export function warmPredictPool(threads: number): void {
  const arena = predictArena();
  if (arena && threads > 1) ensurePredictPool(arena, threads);
}

/**
 * Runs a prediction job split by rows across `threads` threads (this one takes the first
 * share); the workers are started on first use and kept for later calls.
 */
export function predictOnThreads(arena: WasmArena, job: PredictJob, threads: number): void {
  const { ctrl } = ensurePredictPool(arena, threads);
  const args = [job.x, job.float32 ? 1 : 0, job.rows, job.cols, job.roots, job.depth, job.nTrees, job.nodes, job.value, job.outputs, job.out];
  ctrl.set(args, 3);
  Atomics.store(ctrl, 1, 0);
  Atomics.store(ctrl, 2, 0);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
  runPredictRows(arena, job, 0, Math.floor(job.rows / threads));
  let done: number;
  const started = Date.now();
  while ((done = Atomics.load(ctrl, 1)) < threads - 1) {
    if (Atomics.wait(ctrl, 1, done, 1000) === 'timed-out' && Date.now() - started > STALL_MS) {
      throw new Error(`Gradient boosting prediction threads did not answer within ${STALL_MS / 1000} s; predict with nThreads: 1.`);
    }
  }
  if (Atomics.load(ctrl, 2) !== 0) throw new Error('A gradient boosting prediction thread failed; predict with nThreads: 1.');
}
