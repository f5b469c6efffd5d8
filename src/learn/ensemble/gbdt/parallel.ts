/**
 * Where histograms get built: on this thread, or (in Node, when `nThreads` asks for more than
 * one and the data is large enough to pay for it) split by features across worker threads
 * over shared memory. The threaded code lives in parallel.node.ts and is loaded only by the
 * guarded dynamic import below (started when this module loads), so this module stays
 * browser-safe. Both paths run the same kernel on the same rows in the same order for each
 * feature, so they give identical models.
 */
import { buildHistogram, subtractHistogram } from './histogram.js';
import type { BinnedData, HistogramBackend } from './grower.js';

/** A histogram backend that also allocates the buffers it must see (shared when threaded). */
export interface TrainingBackend extends HistogramBackend {
  readonly threads: number;
  float64(n: number): Float64Array;
  int32(n: number): Int32Array;
  uint8(n: number): Uint8Array;
  /** Hands the binned training matrix (allocated with `uint8`) to the backend. */
  attach(data: BinnedData): void;
  /** Releases workers and buffers. */
  close(): void;
}

/** The binned matrix as 32-bit words (4 bins each), as the histogram kernel reads it. */
export function wordsOf(data: BinnedData): Uint32Array {
  return new Uint32Array(data.bins.buffer, data.bins.byteOffset, (data.rows * data.stride) >> 2);
}

/** Histograms on the calling thread; `stride` is the binned matrix's bytes per row. */
export function serialBackend(stride: number): TrainingBackend {
  let words: Uint32Array | null = null;
  const wpr = stride >> 2;
  return {
    threads: 1,
    float64: (n) => new Float64Array(n),
    int32: (n) => new Int32Array(n),
    uint8: (n) => new Uint8Array(n),
    attach(d) {
      words = wordsOf(d);
    },
    allocHistogram: () => new Float64Array(stride * 512),
    build(gh, rowIdx, begin, end, hist) {
      buildHistogram(words!, wpr, gh, rowIdx, begin, end, 0, wpr, hist);
    },
    subtract(parent, child, out) {
      subtractHistogram(parent, child, out, 0, wpr);
    },
    close() {
      words = null;
    },
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

/** Number of threads available here (1 outside Node). */
export function availableThreads(): number {
  return threaded ? threaded.hardwareThreads() : 1;
}

/**
 * The backend for `nThreads` (0 = all cores, at most 8): threaded in Node for large data,
 * otherwise serial.
 */
export function createBackend(nThreads: number, rows: number, stride: number): TrainingBackend {
  const want = nThreads === 0 ? Math.min(8, availableThreads()) : nThreads;
  const words = stride >> 2;
  if (want <= 1 || !threaded || rows * stride < threadCellsMinimum || words < 2) return serialBackend(stride);
  return threaded.threadedBackend(Math.min(want, words), stride);
}

let threadCellsMinimum = MIN_CELLS_FOR_THREADS;

/** Sets the data size from which threads are used (tests use 0 to exercise them on small data). */
export function setThreadCellsMinimum(cells: number): void {
  threadCellsMinimum = cells;
}
