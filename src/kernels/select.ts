/**
 * Choosing a GEMM backend: the WebAssembly SIMD kernel where SIMD validates (on a worker pool
 * once `useThreads` has started one), else the pure-TypeScript kernel; small products always use
 * the TypeScript kernel, whose cost has no copy into WebAssembly memory.
 *
 * On Node a system BLAS (OpenBLAS/BLIS through the optional koffi package, blas.node.ts) takes
 * the large products once it is open; nothing needs to ask for it. Importing this module starts
 * loading the small blas.node.ts (not koffi or the library). The library itself opens
 * synchronously inside a GEMM call once the products large enough for BLAS have added up to
 * `BLAS_OPEN_WORK` multiply-adds (~0.1 s of WASM work), so a program that does little linear
 * algebra never pays the ~50–150 ms of loading it, and a long one (a training loop, a large
 * fit) switches over early. `await useBlas()` (or `useThreads`, which also sets the BLAS thread
 * count) opens it at once. Without koffi or a BLAS, in browsers, or with STRATA_BLAS=off,
 * everything stays on WASM/TypeScript.
 */
import { type FloatArray, type GemmFn, type GemmOptions, gemmTs } from './gemm-ts.js';
import { gemmWasm } from './wasm-gemm.js';
import { wasmSimdSupported } from './wasm-module.js';
import type { GemmPool } from './pool.node.js';
import type { Blas, BlasResult } from './blas.node.js';

/** The backends a GEMM can run on. */
export type GemmBackend = 'ts' | 'wasm' | 'wasm-threads' | 'blas';

/** Products with fewer multiply-adds (m·n·k) than this run in TypeScript. */
export const SMALL_GEMM = 24 * 24 * 24;
/**
 * Products with fewer multiply-adds than this run on one thread even when a pool is up: below
 * it (about 0.1 ms of work) waking a worker costs more than it saves, e.g. for the per-image
 * products of a convolution.
 */
export const THREADED_GEMM = 128 * 128 * 128;

/**
 * Products with fewer multiply-adds than this stay in TypeScript when a BLAS is open. The FFI
 * call costs about 0.2 µs (0.3 µs with offsets), so OpenBLAS is faster than the TypeScript
 * kernel from about 4×4×4 and 3–6× faster than WASM at every larger size measured (8³ to 512³).
 */
export const BLAS_GEMM = 4 * 4 * 4;
/** Multiply-adds of BLAS-sized products after which a BLAS that nobody asked for is opened. */
export const BLAS_OPEN_WORK = 2 ** 31;

let pool: GemmPool | null = null;
let forced: GemmBackend | 'auto' = 'auto';

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
const blasEnv = (): string | undefined => (isNode ? process.env.STRATA_BLAS : undefined);

/** The BLAS state: loader module (once imported), the open library, or why there is none. */
let openBlasFn: ((spec?: string) => BlasResult) | null = null;
let blas: Blas | null = null;
let blasReason: string | undefined;
let blasTried = false;
let pendingWork = 0;
const blasModule: Promise<void> | null = isNode && blasEnv() !== 'off'
  ? import('./blas.node.js').then((m) => { openBlasFn = m.openBlas; }, (e: unknown) => { blasReason = `blas.node.js does not load (${String(e)})`; })
  : null;

/** Opens the BLAS now if its loader is here and no attempt was made yet. */
function openBlasNow(): void {
  if (blasTried || openBlasFn === null) return;
  blasTried = true;
  const spec = blasEnv();
  if (spec === 'off') {
    blasReason = 'STRATA_BLAS=off';
    return;
  }
  const r = openBlasFn(spec === undefined || spec === '' ? undefined : spec);
  if (r.blas === null) {
    blasReason = r.reason;
    return;
  }
  blas = r.blas;
  blas.setThreads(gemmThreads());
}

/** What `useBlas`/`blasInfo` report: the open BLAS, or why there is none. */
export type BlasInfo = { available: true; library: string; description: string } | { available: false; reason: string };

/**
 * The system BLAS in use for large products, or why there is none (yet).
 *
 * @example
 * blasInfo(); // { available: true, library: 'libopenblas.so.0', description: 'OpenBLAS 0.3.21 … SkylakeX …' }
 */
export function blasInfo(): BlasInfo {
  if (blas !== null) return { available: true, library: blas.library, description: blas.description };
  if (!isNode) return { available: false, reason: 'a system BLAS is only used on Node' };
  if (blasEnv() === 'off') return { available: false, reason: 'STRATA_BLAS=off' };
  return { available: false, reason: blasReason ?? 'not opened yet (it opens after enough large products, or with await useBlas())' };
}

/**
 * Opens the system BLAS now (Node; OpenBLAS or BLIS via the optional koffi package; STRATA_BLAS
 * may name the library or be 'off') so that large products use it from the next call, with as
 * many threads as `gemmThreads()`. Resolves to what was found; never rejects for a missing BLAS.
 *
 * @example
 * const info = await useBlas();
 * if (!info.available) console.log(info.reason);
 */
export async function useBlas(): Promise<BlasInfo> {
  if (blasModule !== null) await blasModule;
  openBlasNow();
  return blasInfo();
}

/**
 * The backend `gemmF32`/`gemmF64` use for an m×k · k×n product: 'ts' for small products or
 * without WebAssembly SIMD, 'blas' for products of at least `BLAS_GEMM` multiply-adds once a
 * system BLAS is open, 'wasm-threads' when a pool is running and the product is large, else
 * 'wasm'. `setGemmBackend` overrides the choice.
 *
 * @example
 * selectGemm(512, 512, 512); // 'wasm' ('blas' once one is open, 'wasm-threads' after `await useThreads(2)` without one)
 */
export function selectGemm(m: number, n: number, k: number): GemmBackend {
  if (forced !== 'auto') {
    let want = forced;
    if (want === 'blas' && blas === null) want = 'wasm-threads';
    if (want === 'wasm-threads' && pool === null) want = 'wasm';
    if (want !== 'ts' && want !== 'blas' && !wasmSimdSupported()) want = 'ts';
    return want;
  }
  const work = m * n * k;
  if (blas !== null && work >= BLAS_GEMM) return 'blas';
  if (work < SMALL_GEMM || !wasmSimdSupported()) return 'ts';
  if (pool !== null && work >= THREADED_GEMM) return 'wasm-threads';
  return 'wasm';
}

/**
 * Forces one backend for every later call ('auto' restores the automatic choice); a backend
 * the runtime lacks falls back as in `selectGemm` ('blas' to the WASM pool or kernel). Meant for
 * tests and benchmarks.
 */
export function setGemmBackend(backend: GemmBackend | 'auto'): void {
  if (!['auto', 'ts', 'wasm', 'wasm-threads', 'blas'].includes(backend)) {
    throw new RangeError(`setGemmBackend: unknown backend '${String(backend)}'; use 'auto', 'ts', 'wasm', 'wasm-threads' or 'blas'.`);
  }
  forced = backend;
}

/**
 * Starts a worker-thread pool (Node only) so large products use `threads` threads; `threads = 1`
 * (or a runtime without worker threads or SharedArrayBuffer) stops it. Also opens the system BLAS
 * (see `useBlas`) and gives it the same number of threads. Resolves to the number of threads in
 * use.
 *
 * @example
 * await useThreads(2);
 * gemmF32(1024, 1024, 1024, a, 0, 1024, b, 0, 1024, c, 0, 1024); // both cores
 */
export async function useThreads(threads: number): Promise<number> {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`useThreads: threads must be a positive integer (got ${threads}).`);
  }
  const old = pool;
  pool = null;
  if (old !== null) await old.close();
  await useBlas();
  if (threads > 1 && isNode && typeof SharedArrayBuffer === 'function' && wasmSimdSupported()) {
    const { GemmPool } = await import('./pool.node.js');
    pool = await GemmPool.start(threads);
  }
  blas?.setThreads(gemmThreads());
  return gemmThreads();
}

/** Threads the WASM GEMM (and an open BLAS) runs on for large products (1 without a pool). */
export function gemmThreads(): number {
  return pool?.threads ?? 1;
}

function dispatch<T extends FloatArray>(
  m: number, n: number, k: number,
  a: T, aOff: number, lda: number,
  b: T, bOff: number, ldb: number,
  c: T, cOff: number, ldc: number,
  options?: GemmOptions,
): void {
  checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
  if (blas === null && !blasTried && openBlasFn !== null) {
    const work = m * n * k;
    if (forced === 'blas') openBlasNow();
    else if (forced === 'auto' && work >= BLAS_GEMM && (pendingWork += work) >= BLAS_OPEN_WORK) openBlasNow();
  }
  const backend = selectGemm(m, n, k);
  if (backend === 'ts') gemmTs(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
  else if (backend === 'blas') blas!.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
  else if (backend === 'wasm-threads') pool!.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
  else gemmWasm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
}

/** Validates sizes, offsets and leading dimensions, naming the one that is wrong. */
export function checkGemm(
  m: number, n: number, k: number,
  a: FloatArray, aOff: number, lda: number,
  b: FloatArray, bOff: number, ldb: number,
  c: FloatArray, cOff: number, ldc: number,
  options: GemmOptions = {},
): void {
  for (const [name, v] of [['m', m], ['n', n], ['k', k], ['aOff', aOff], ['bOff', bOff], ['cOff', cOff]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`gemm: ${name} must be a non-negative integer (got ${v}).`);
  }
  const operand = (name: string, arr: FloatArray, off: number, ld: number, rows: number, cols: number, ldName: string): void => {
    if (!Number.isInteger(ld) || ld < Math.max(1, cols)) {
      throw new RangeError(`gemm: ${ldName} must be an integer ≥ the row length ${cols} of ${name} (got ${ld}).`);
    }
    if (rows > 0 && cols > 0 && off + (rows - 1) * ld + cols > arr.length) {
      throw new RangeError(`gemm: ${name} (${rows}×${cols} at offset ${off}, ${ldName} ${ld}) needs ${off + (rows - 1) * ld + cols} elements but its array has ${arr.length}.`);
    }
  };
  if (options.transA === true) operand('Aᵀ', a, aOff, lda, k, m, 'lda');
  else operand('A', a, aOff, lda, m, k, 'lda');
  if (options.transB === true) operand('Bᵀ', b, bOff, ldb, n, k, 'ldb');
  else operand('B', b, bOff, ldb, k, n, 'ldb');
  operand('C', c, cOff, ldc, m, n, 'ldc');
}

/**
 * Single-precision C (m×n) = op(A) (m×k) · op(B) (k×n), row-major, element (i, j) of the stored
 * A at `a[aOff + i·lda + j]` (likewise B, C); op(X) is Xᵀ with `options.transA`/`transB` (then A
 * is stored k×m, B n×k). C is overwritten, or added to with `options.accumulate`. Runs on the
 * backend `selectGemm` picks.
 *
 * @example
 * const c = new Float32Array(4);
 * gemmF32(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, 2, Float32Array.of(5, 6, 7, 8), 0, 2, c, 0, 2);
 * // c = [19, 22, 43, 50]
 */
export const gemmF32: GemmFn<Float32Array> = (m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options) => {
  if (!(a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array)) {
    throw new TypeError('gemmF32 takes Float32Array operands A, B and C; use gemmF64 for Float64Array.');
  }
  dispatch(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
};

/**
 * Double-precision C = A·B; see `gemmF32`.
 *
 * @example
 * const c = new Float64Array(1);
 * gemmF64(1, 1, 3, Float64Array.of(1, 2, 3), 0, 3, Float64Array.of(4, 5, 6), 0, 1, c, 0, 1); // c = [32]
 */
export const gemmF64: GemmFn<Float64Array> = (m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options) => {
  if (!(a instanceof Float64Array && b instanceof Float64Array && c instanceof Float64Array)) {
    throw new TypeError('gemmF64 takes Float64Array operands A, B and C; use gemmF32 for Float32Array.');
  }
  dispatch(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
};

/**
 * C = op(A)·op(B) (+ C) in the arrays' own precision: `gemmF64` for Float64Array operands,
 * `gemmF32` for Float32Array (all three of one type).
 *
 * @example
 * gemm(2, 2, 2, a, 0, 2, b, 0, 2, c, 0, 2, { transB: true }); // c = a·bᵀ
 */
export function gemm<T extends FloatArray>(
  m: number, n: number, k: number,
  a: T, aOff: number, lda: number,
  b: T, bOff: number, ldb: number,
  c: T, cOff: number, ldc: number,
  options?: GemmOptions,
): void {
  if (a instanceof Float64Array) gemmF64(m, n, k, a, aOff, lda, b as Float64Array, bOff, ldb, c as Float64Array, cOff, ldc, options);
  else gemmF32(m, n, k, a as Float32Array, aOff, lda, b as Float32Array, bOff, ldb, c as Float32Array, cOff, ldc, options);
}
