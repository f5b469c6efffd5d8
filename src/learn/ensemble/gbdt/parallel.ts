/**
 * Where histograms get built and rows partitioned: on this thread, or (in Node, when
 * `nThreads` asks for more than one and the data is large enough to pay for it) across worker
 * threads over shared memory. The loops run as WebAssembly (wasm-histogram.ts) wherever shared
 * WebAssembly memory exists, else as the JavaScript of histogram.ts; the threaded code lives in
 * parallel.node.ts and is loaded only by the guarded dynamic import below (started when this
 * module loads), so this module stays browser-safe. Every path sums each histogram bin over
 * the same rows in the same order and partitions stably, so all give identical models.
 */
import { buildHistogram, partitionRows, subtractHistogram } from './histogram.js';
import type { BinnedData, HistogramBackend } from './grower.js';
import { WasmArena } from './wasm-histogram.js';

/** A histogram backend that also allocates the buffers its kernels must see. */
export interface TrainingBackend extends HistogramBackend {
  readonly threads: number;
  float64(n: number): Float64Array;
  uint8(n: number): Uint8Array;
  /** Hands the binned training matrix (both copies allocated with `uint8`) to the backend. */
  attach(data: BinnedData): void;
  /** Releases workers and buffers. */
  close(): void;
}

/** The binned matrix as 32-bit words (4 bins each), as the histogram kernel reads it. */
export function wordsOf(data: BinnedData): Uint32Array {
  return new Uint32Array(data.bins.buffer, data.bins.byteOffset, (data.rows * data.stride) >> 2);
}

/** Where the JavaScript kernel's prefetch XOR goes, so those loads are not optimized away. */
let touched = 0;

/** Histograms on the calling thread in JavaScript; `stride` is the binned matrix's bytes per row. */
export function serialBackend(stride: number): TrainingBackend {
  let words: Uint32Array | null = null;
  let columns: Uint8Array | null = null;
  let rows = 0;
  const wpr = stride >> 2;
  return {
    threads: 1,
    float64: (n) => new Float64Array(n),
    int32: (n) => new Int32Array(n),
    uint8: (n) => new Uint8Array(n),
    attach(d) {
      words = wordsOf(d);
      columns = d.columns;
      rows = d.rows;
    },
    allocHistogram: () => new Float64Array(stride * 512),
    build(gh, rowIdx, begin, end, hist) {
      touched ^= buildHistogram(words!, wpr, gh, rowIdx, begin, end, 0, wpr, hist);
    },
    subtract(parent, child, out) {
      subtractHistogram(parent, child, out, 0, wpr);
    },
    partition(feature, rowIdx, scratch, begin, end, threshold, shift) {
      const left = partitionRows(columns!, feature * rows, rowIdx, scratch, begin, end, threshold, shift);
      return mergePartition(rowIdx, scratch, begin, end, [begin, end], [left]);
    },
    close() {
      words = null;
      columns = null;
    },
  };
}

/**
 * Joins chunk-wise partitions into one: chunk t = [bounds[t], bounds[t+1]) holds its
 * `lefts[t]` left rows at its start and its right rows in `scratch` from its start. Left rows
 * of all chunks then right rows of all chunks, each in chunk order; returns the first right
 * position.
 */
export function mergePartition(rowIdx: Int32Array, scratch: Int32Array, begin: number, end: number, bounds: readonly number[], lefts: readonly number[]): number {
  let at = begin + lefts[0]!;
  for (let t = 1; t < lefts.length; t++) {
    rowIdx.copyWithin(at, bounds[t]!, bounds[t]! + lefts[t]!);
    at += lefts[t]!;
  }
  const mid = at;
  for (let t = 0; t < lefts.length; t++) {
    const from = bounds[t]! + lefts[t]!;
    const to = bounds[t + 1]!;
    rowIdx.set(scratch.subarray(bounds[t]!, bounds[t]! + to - from), at);
    at += to - from;
  }
  if (at !== end) throw new Error('internal: a partition lost rows');
  return mid;
}

/**
 * Histograms on the calling thread in WebAssembly; every buffer the kernels see comes from
 * `arena`.
 */
export function wasmBackend(stride: number, arena: WasmArena): TrainingBackend {
  const k = arena.kernels;
  const wpr = stride >> 2;
  let words = 0;
  let columns = 0;
  let rows = 0;
  return {
    threads: 1,
    float64: (n) => arena.float64(n),
    int32: (n) => arena.int32(n),
    uint8: (n) => arena.uint8(n),
    attach(d) {
      words = d.bins.byteOffset;
      columns = d.columns.byteOffset;
      rows = d.rows;
    },
    allocHistogram: () => arena.float64(stride * 512),
    build(gh, rowIdx, begin, end, hist) {
      k.buildHistogram(words, wpr, gh.byteOffset, rowIdx.byteOffset, begin, end, 0, wpr, hist.byteOffset);
    },
    subtract(parent, child, out) {
      subtractHistogram(parent, child, out, 0, wpr);
    },
    partition(feature, rowIdx, scratch, begin, end, threshold, shift) {
      const left = k.partition(columns + feature * rows, rowIdx.byteOffset, scratch.byteOffset, begin, end, threshold, shift);
      return mergePartition(rowIdx, scratch, begin, end, [begin, end], [left]);
    },
    close() {},
  };
}

/** Cells (rows × features) below which threads are not worth starting. */
export const MIN_CELLS_FOR_THREADS = 1 << 20;

type ThreadedModule = typeof import('./parallel.node.js');

const isNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
let threaded: ThreadedModule | null = null;
// Loaded in the background: until it arrives `fit` runs on one thread, which gives the same
// model, only slower. `threadsReady()` waits for it.
const loading: Promise<boolean> = isNode
  ? import('./parallel.node.js').then(
    (m) => {
      threaded = m;
      return true;
    },
    () => false,
  )
  : Promise.resolve(false);

/** Resolves to true once worker threads can be used (false outside Node). */
export function threadsReady(): Promise<boolean> {
  return loading;
}

/** The threaded batch prediction (Node, once loaded), or null: then prediction runs on this thread. */
export function threadedPredict(): ThreadedModule['predictOnThreads'] | null {
  return threaded ? threaded.predictOnThreads : null;
}

/** Number of threads available here (1 outside Node). */
export function availableThreads(): number {
  return threaded ? threaded.hardwareThreads() : 1;
}

/**
 * The backend for `nThreads` (0 = all cores, at most 8): threaded in Node for large data,
 * otherwise serial; WebAssembly wherever shared WebAssembly memory exists.
 */
export function createBackend(nThreads: number, rows: number, stride: number): TrainingBackend {
  const want = nThreads === 0 ? Math.min(8, availableThreads()) : nThreads;
  const words = stride >> 2;
  const arena = WasmArena.create();
  if (!arena) return serialBackend(stride);
  if (want <= 1 || !threaded || rows * stride < threadCellsMinimum || words < 2) return wasmBackend(stride, arena);
  threaded.warmPredictPool(want);
  return threaded.threadedBackend(Math.min(want, words), stride, arena);
}

let threadCellsMinimum = MIN_CELLS_FOR_THREADS;

/** Sets the data size from which threads are used (tests use 0 to exercise them on small data). */
export function setThreadCellsMinimum(cells: number): void {
  threadCellsMinimum = cells;
}
