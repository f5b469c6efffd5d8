/**
 * Batch prediction of numeric forests in WebAssembly (predictF32/predictF64 of
 * assembly/histogram.ts): the compiled forest, the rows (float32 or float64, as given) and the
 * margins are copied into one shared linear memory kept for the process, and the rows are
 * walked there — on this thread, or split by rows across worker threads in Node
 * (parallel.node.ts). Each row adds its trees' leaf values in tree order, as predictor.ts does,
 * so the margins are identical to the JavaScript walk's.
 */
import { threadedPredict } from './parallel.js';
import type { CompiledForest, Forest } from './predictor.js';
import { WasmArena } from './wasm-histogram.js';

/** Batches smaller than this are walked in JavaScript (copying in would cost more than it saves). */
export const WASM_MIN_ROWS = 64;

/** Batches from this size are split across threads. */
export const THREADED_PREDICT_MIN_ROWS = 16384;

/** One prediction in linear memory: pointers (byte addresses) and sizes, as predictF32/F64 take them. */
export interface PredictJob {
  x: number;
  float32: boolean;
  rows: number;
  cols: number;
  roots: number;
  depth: number;
  nTrees: number;
  /** 16-byte node records: i32 feature (bit 30: missing goes right), i32 left, f64 threshold. */
  nodes: number;
  value: number;
  outputs: number;
  out: number;
}

let arena: WasmArena | null | undefined;

/** The process's prediction arena (its memory is reused by every call), or null without WebAssembly. */
export function predictArena(): WasmArena | null {
  if (arena === undefined) arena = WasmArena.create();
  return arena;
}

/**
 * Margins of a numeric forest into `out` (base margins first); false when WebAssembly is
 * unavailable (nothing is written then).
 */
export function predictInWasm(
  f: Forest, c: CompiledForest, x: Float32Array | Float64Array, rows: number, cols: number, baseMargin: Float64Array,
  out: Float64Array, threads: number,
): boolean {
  const a = predictArena();
  if (!a) return false;
  a.reset();
  const K = f.outputs;
  const put = <T extends Int32Array | Float64Array>(src: T, alloc: (n: number) => T): number => {
    const view = alloc(src.length);
    view.set(src as never);
    return view.byteOffset;
  };
  const float32 = x instanceof Float32Array;
  const xs = float32 ? a.float32(rows * cols) : a.float64(rows * cols);
  xs.set(x.subarray(0, rows * cols));
  const margins = a.float64(rows * K);
  for (let r = 0; r < rows; r++) for (let k = 0; k < K; k++) margins[r * K + k] = baseMargin[k]!;
  const N = c.feature.length;
  const nodes = a.float64(2 * N);
  const ints = new Int32Array(nodes.buffer, nodes.byteOffset, 4 * N);
  for (let n = 0; n < N; n++) {
    ints[4 * n] = c.feature[n]! | (c.missingRight[n]! << 30);
    ints[4 * n + 1] = c.left[n]!;
    nodes[2 * n + 1] = c.threshold[n]!;
  }
  const job: PredictJob = {
    x: xs.byteOffset, float32, rows, cols,
    roots: put(f.roots, (n) => a.int32(n)), depth: put(c.depth, (n) => a.int32(n)), nTrees: f.roots.length,
    nodes: nodes.byteOffset, value: put(f.value, (n) => a.float64(n)), outputs: K, out: margins.byteOffset,
  };
  const pool = threads > 1 && rows >= THREADED_PREDICT_MIN_ROWS ? threadedPredict() : null;
  if (pool) pool(a, job, threads);
  else runPredictRows(a, job, 0, rows);
  out.set(margins);
  return true;
}

/** Walks rows [r0, r1) of a job on this thread. */
export function runPredictRows(a: WasmArena, j: PredictJob, r0: number, r1: number): void {
  const run = j.float32 ? a.kernels.predictF32 : a.kernels.predictF64;
  run(j.x + r0 * j.cols * (j.float32 ? 4 : 8), r1 - r0, j.cols, j.roots, j.depth, 0, j.nTrees, j.nodes, j.value, j.outputs, j.out + r0 * j.outputs * 8);
}
