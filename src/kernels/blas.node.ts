/**
 * Node-only: a system BLAS (OpenBLAS or BLIS) called through the optional `koffi` FFI package.
 * Its cblas_sgemm/cblas_dgemm read and write the callers' typed arrays in place (koffi passes a
 * typed array's own memory as the pointer; offsets become `subarray` views), so nothing is copied.
 *
 * Which library: `STRATA_BLAS=<path or soname>` names one (any library exporting the two CBLAS
 * functions), `STRATA_BLAS=off` disables BLAS; otherwise the first of `SONAMES` that loads and is
 * an optimised BLAS (it exports OpenBLAS's or BLIS's thread setter: a reference BLAS is slower than
 * the WebAssembly kernel).
 *
 * OpenBLAS's pthread workers spin for about 2^28 cycles after each call before they sleep, and
 * OpenMP builds spin by default too; the library is opened with OPENBLAS_THREAD_TIMEOUT=4 (the
 * shortest) and OMP_WAIT_POLICY=PASSIVE unless the user set them, so idle workers sleep at once.
 * Both are read when the library initialises, so the environment is restored right after.
 *
 * Reached only through a dynamic import() (see select.ts); browsers never load it. Loading koffi
 * and the library is synchronous (`require`), so select.ts can open it in the middle of a run.
 */
import { createRequire } from 'node:module';
import type { FloatArray, GemmOptions } from './gemm-ts.js';

/** Sonames tried in order when STRATA_BLAS does not name a library. */
export const SONAMES = ['libopenblas.so.0', 'libopenblas.so', 'libopenblaso.so.0', 'libblas.so.3', 'libopenblas.dylib', 'libopenblas.dll'];

// CBLAS enums.
const ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

type CblasGemm = (
  order: number, transA: number, transB: number, m: number, n: number, k: number,
  alpha: number, a: FloatArray, lda: number, b: FloatArray, ldb: number, beta: number, c: FloatArray, ldc: number,
) => void;

interface KoffiLibrary {
  func(signature: string): (...args: never[]) => unknown;
  unload(): void;
}
interface Koffi {
  load(path: string): KoffiLibrary;
}

/** An opened BLAS: GEMM with `GemmFn`'s semantics and a thread-count setter. */
export interface Blas {
  /** The library file (or soname) that was opened. */
  readonly library: string;
  /** OpenBLAS's configuration string (e.g. "OpenBLAS 0.3.21 … SkylakeX"), or the implementation's name. */
  readonly description: string;
  /** C = op(A)·op(B) (+ C) by the arrays' type; arguments as `gemmTs`, already validated. */
  gemm<T extends FloatArray>(
    m: number, n: number, k: number,
    a: T, aOff: number, lda: number,
    b: T, bOff: number, ldb: number,
    c: T, cOff: number, ldc: number,
    options?: GemmOptions,
  ): void;
  /** Sets the threads the library uses (a no-op where it has no setter). */
  setThreads(threads: number): void;
}

/** Why no BLAS was opened, or the opened BLAS. */
export type BlasResult = { blas: Blas } | { blas: null; reason: string };

function loadKoffi(): Koffi | string {
  try {
    return createRequire(import.meta.url)('koffi') as Koffi;
  } catch (e) {
    return `the optional package koffi is not installed or does not load (${(e as Error).message.split('\n')[0]})`;
  }
}

/** `lib.func(signature)`, or null when the library lacks the symbol. */
function bind(lib: KoffiLibrary, signature: string): ((...args: never[]) => unknown) | null {
  try {
    return lib.func(signature);
  } catch {
    return null;
  }
}

/** Opens `name` under the quiet-worker environment, or returns the loader's error. */
function openLibrary(koffi: Koffi, name: string): KoffiLibrary | string {
  const quiet: Record<string, string> = { OPENBLAS_THREAD_TIMEOUT: '4', OMP_WAIT_POLICY: 'PASSIVE' };
  const set = Object.keys(quiet).filter((key) => process.env[key] === undefined);
  for (const key of set) process.env[key] = quiet[key];
  try {
    return koffi.load(name);
  } catch (e) {
    return (e as Error).message.split('\n')[0]!;
  } finally {
    for (const key of set) delete process.env[key];
  }
}

function wrap(library: string, lib: KoffiLibrary, explicit: boolean): Blas | string {
  const sgemm = bind(lib, 'void cblas_sgemm(int, int, int, int, int, int, float, float *, int, float *, int, float, float *, int)');
  const dgemm = bind(lib, 'void cblas_dgemm(int, int, int, int, int, int, double, double *, int, double *, int, double, double *, int)');
  if (sgemm === null || dgemm === null) return `${library} does not export cblas_sgemm and cblas_dgemm`;
  const openblasThreads = bind(lib, 'void openblas_set_num_threads(int)');
  const blisThreads = openblasThreads === null ? bind(lib, 'void bli_thread_set_num_threads(int64_t)') : null;
  if (openblasThreads === null && blisThreads === null && !explicit) {
    return `${library} is neither OpenBLAS nor BLIS (a reference BLAS is slower than the WebAssembly kernel; name it in STRATA_BLAS to use it anyway)`;
  }
  const config = bind(lib, 'const char *openblas_get_config()');
  const description = config !== null ? String(config()) : blisThreads !== null ? 'BLIS' : library;
  const s = sgemm as unknown as CblasGemm, d = dgemm as unknown as CblasGemm;
  return {
    library,
    description,
    gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options = {}) {
      if (m <= 0 || n <= 0) return;
      const f = a instanceof Float64Array ? d : s;
      f(
        ROW_MAJOR, options.transA === true ? TRANS : NO_TRANS, options.transB === true ? TRANS : NO_TRANS, m, n, k,
        1, aOff === 0 ? a : a.subarray(aOff), lda, bOff === 0 ? b : b.subarray(bOff), ldb,
        options.accumulate === true ? 1 : 0, cOff === 0 ? c : c.subarray(cOff), ldc,
      );
    },
    setThreads(threads) {
      if (openblasThreads !== null) (openblasThreads as (t: number) => void)(threads);
      else if (blisThreads !== null) (blisThreads as (t: number) => void)(threads);
    },
  };
}

/**
 * Opens the system BLAS named by `spec` (a path or soname; undefined tries `SONAMES`), or says
 * why there is none.
 *
 * @example
 * const r = openBlas();
 * if (r.blas) r.blas.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
 */
export function openBlas(spec?: string): BlasResult {
  const koffi = loadKoffi();
  if (typeof koffi === 'string') return { blas: null, reason: koffi };
  const names = spec === undefined ? SONAMES : [spec];
  const problems: string[] = [];
  for (const name of names) {
    const lib = openLibrary(koffi, name);
    if (typeof lib === 'string') {
      if (spec !== undefined) return { blas: null, reason: `STRATA_BLAS=${spec} does not load (${lib}); give the path of a BLAS library or 'off'` };
      continue;
    }
    const blas = wrap(name, lib, spec !== undefined);
    if (typeof blas !== 'string') return { blas };
    problems.push(blas);
    lib.unload();
  }
  if (problems.length > 0) return { blas: null, reason: problems.join('; ') };
  return { blas: null, reason: `none of ${SONAMES.join(', ')} loads; install OpenBLAS (e.g. apt-get install libopenblas0) or set STRATA_BLAS to its path` };
}
