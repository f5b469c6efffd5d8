/**
 * The WebAssembly SIMD GEMM over one module instance. The kernel reads and writes only its own
 * linear memory, so each call copies A and B in (compacted to leading dimensions k and n), runs,
 * and copies C out; the memory grows as needed and is reused between calls. `stageGemm` and
 * `splitGemm` are shared with the worker pool (pool.node.ts), which runs the parts on threads.
 */
import type { FloatArray } from './gemm-ts.js';
import { type GemmExports, type WasmMemory, instantiateGemm, plainGemmModule, wasmApi } from './wasm-module.js';

const PAGE = 65536;
const MAX_BYTES = 4 * 1024 * 1024 * 1024;
const align64 = (x: number): number => Math.ceil(x / 64) * 64;

/** Where one call's operands sit in linear memory (byte addresses). */
export interface GemmLayout {
  a: number;
  b: number;
  c: number;
  /** One scratch area per thread. */
  work: number[];
  bytesPerElement: 4 | 8;
}

/** One piece of a GEMM for one thread: C[part] = A[part] · B[part], contiguous operands. */
export interface GemmPart {
  m: number;
  n: number;
  a: number;
  b: number;
  c: number;
  work: number;
}

/**
 * Lays out A (m×k), B (k×n), C (m×n) and `threads` scratch areas in `memory`, growing it if
 * needed, and copies A and B in. Throws a RangeError when the operands exceed 4 GiB.
 */
export function stageGemm(
  exports: GemmExports, memory: WasmMemory, threads: number,
  m: number, n: number, k: number,
  a: FloatArray, aOff: number, lda: number,
  b: FloatArray, bOff: number, ldb: number,
): GemmLayout {
  const bpe = a.BYTES_PER_ELEMENT as 4 | 8;
  const workSize = align64(Math.max(exports.workBytesF32(), exports.workBytesF64()));
  const base = align64(exports.heapBase());
  const work = Array.from({ length: threads }, (_, t) => base + t * workSize);
  const pa = base + threads * workSize;
  const pb = align64(pa + m * k * bpe);
  const pc = align64(pb + k * n * bpe);
  const end = pc + m * n * bpe;
  if (end > MAX_BYTES) {
    throw new RangeError(`gemm: the operands (${m}×${k} · ${k}×${n}, ${bpe}-byte elements) need ${(end / 2 ** 30).toFixed(1)} GiB of WebAssembly memory, over its 4 GiB limit; split the product into blocks of rows.`);
  }
  const have = memory.buffer.byteLength;
  if (end > have) memory.grow(Math.ceil((end - have) / PAGE));
  const View = bpe === 4 ? Float32Array : Float64Array;
  const view = new View(memory.buffer);
  copyIn(view, pa / bpe, a, aOff, lda, m, k);
  copyIn(view, pb / bpe, b, bOff, ldb, k, n);
  return { a: pa, b: pb, c: pc, work, bytesPerElement: bpe };
}

function copyIn(view: FloatArray, at: number, src: FloatArray, off: number, ld: number, rows: number, cols: number): void {
  if (ld === cols || rows <= 1) {
    view.set(src.subarray(off, off + rows * cols), at);
    return;
  }
  for (let r = 0; r < rows; r++) view.set(src.subarray(off + r * ld, off + r * ld + cols), at + r * cols);
}

/** Copies C (m×n, compact at `layout.c`) out of `memory` into `c` at cOff with leading dimension ldc. */
export function unstageGemm(memory: WasmMemory, layout: GemmLayout, m: number, n: number, c: FloatArray, cOff: number, ldc: number): void {
  const bpe = layout.bytesPerElement;
  const view = bpe === 4 ? new Float32Array(memory.buffer) : new Float64Array(memory.buffer);
  const at = layout.c / bpe;
  if (ldc === n || m <= 1) {
    c.set(view.subarray(at, at + m * n), cOff);
    return;
  }
  for (let r = 0; r < m; r++) c.set(view.subarray(at + r * n, at + (r + 1) * n), cOff + r * ldc);
}

/**
 * Splits a staged GEMM into at most `parts` pieces for threads: blocks of rows of C (multiples
 * of the 6-row micro-tile) when C is at least as tall as wide, else blocks of columns (multiples
 * of 8). Each piece packs its own copy of the B block it needs.
 */
export function splitGemm(layout: GemmLayout, m: number, n: number, k: number, parts: number): GemmPart[] {
  const bpe = layout.bytesPerElement;
  const out: GemmPart[] = [];
  const byRows = m >= n;
  const extent = byRows ? m : n;
  const unit = byRows ? 6 : 8;
  const units = Math.ceil(extent / unit);
  const count = Math.max(1, Math.min(parts, units));
  let start = 0;
  for (let t = 0; t < count; t++) {
    const end = Math.min(extent, Math.round(((t + 1) * units) / count) * unit);
    if (end <= start) continue;
    if (byRows) {
      out.push({ m: end - start, n, a: layout.a + start * k * bpe, b: layout.b, c: layout.c + start * n * bpe, work: layout.work[t]! });
    } else {
      out.push({ m, n: end - start, a: layout.a, b: layout.b + start * bpe, c: layout.c + start * bpe, work: layout.work[t]! });
    }
    start = end;
  }
  return out;
}

/** Runs one part on `exports` (lda = k, ldb = ldc = the full n of the staged product). */
export function runPart(exports: GemmExports, bpe: 4 | 8, part: GemmPart, k: number, fullN: number): void {
  const f = bpe === 4 ? exports.sgemm : exports.dgemm;
  f(part.m, part.n, k, part.a, k, part.b, fullN, part.c, fullN, part.work);
}

let single: { exports: GemmExports; memory: WasmMemory } | null | undefined;

/** The process-wide single-thread instance, or null where WebAssembly SIMD is missing. */
function instance(): { exports: GemmExports; memory: WasmMemory } | null {
  if (single !== undefined) return single;
  const module = plainGemmModule();
  if (module === null) return (single = null);
  const memory = new (wasmApi()!.Memory)({ initial: 16 });
  single = { exports: instantiateGemm(module, memory), memory };
  return single;
}

/**
 * C = A·B with the WebAssembly SIMD kernel on the calling thread (float32 or float64, chosen by
 * the arrays' type). Same signature as `gemmTs`; throws where WebAssembly SIMD is missing (check
 * `wasmSimdSupported()` or use `gemmF32`/`gemmF64`, which choose a backend).
 *
 * @example
 * const c = new Float32Array(4);
 * gemmWasm(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, 2, Float32Array.of(5, 6, 7, 8), 0, 2, c, 0, 2);
 * // c = [19, 22, 43, 50]
 */
export function gemmWasm<T extends FloatArray>(
  m: number, n: number, k: number,
  a: T, aOff: number, lda: number,
  b: T, bOff: number, ldb: number,
  c: T, cOff: number, ldc: number,
): void {
  if (m <= 0 || n <= 0) return;
  const inst = instance();
  if (inst === null) throw new Error('gemmWasm: this runtime has no WebAssembly SIMD; use gemmTs (or gemmF32/gemmF64, which fall back automatically).');
  const layout = stageGemm(inst.exports, inst.memory, 1, m, n, k, a, aOff, lda, b, bOff, ldb);
  runPart(inst.exports, layout.bytesPerElement, { m, n, a: layout.a, b: layout.b, c: layout.c, work: layout.work[0]! }, k, n);
  unstageGemm(inst.memory, layout, m, n, c, cOff, ldc);
}
