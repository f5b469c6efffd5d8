/**
 * The WebAssembly SIMD GEMM over one module instance. The kernel reads and writes only its own
 * linear memory, so each call copies A and B in (compacted: leading dimension = stored row
 * length), and C too when accumulating, runs, and copies C out; the memory grows as needed and
 * is reused between calls. `stageGemm` and `splitGemm` are shared with the worker pool
 * (pool.node.ts), which runs the parts on threads.
 */
import type { FloatArray, GemmOptions } from './gemm-ts.js';
import { type GemmExports, type WasmMemory, instantiateGemm, plainGemmModule, wasmApi } from './wasm-module.js';

const PAGE = 65536;
const MAX_BYTES = 4 * 1024 * 1024 * 1024;
const align64 = (x: number): number => Math.ceil(x / 64) * 64;

/**
 * One GEMM (or one thread's piece of it) in linear memory: C[m×n] (= or +=) A·B with element
 * (i, p) of A at a + (i·rsa + p·csa)·bpe, (p, j) of B at b + (p·rsb + j·csb)·bpe and (i, j) of
 * C at c + (i·ldc + j)·bpe (byte addresses, strides in elements).
 */
export interface GemmPart {
  m: number;
  n: number;
  k: number;
  a: number;
  rsa: number;
  csa: number;
  b: number;
  rsb: number;
  csb: number;
  c: number;
  ldc: number;
  work: number;
  accumulate: boolean;
}

/** A staged product: the whole of it as one part, the element size and one scratch area per thread. */
export interface GemmLayout {
  whole: GemmPart;
  work: number[];
  bytesPerElement: 4 | 8;
}

/**
 * Lays out op(A) (m×k), op(B) (k×n), C (m×n) and `threads` scratch areas in `memory`, growing it
 * if needed, and copies A and B in (and C when accumulating). Throws a RangeError when the
 * operands exceed 4 GiB.
 */
export function stageGemm(
  exports: GemmExports, memory: WasmMemory, threads: number,
  m: number, n: number, k: number,
  a: FloatArray, aOff: number, lda: number,
  b: FloatArray, bOff: number, ldb: number,
  c: FloatArray, cOff: number, ldc: number,
  options: GemmOptions = {},
): GemmLayout {
  const bpe = a.BYTES_PER_ELEMENT as 4 | 8;
  const transA = options.transA === true, transB = options.transB === true;
  const accumulate = options.accumulate === true;
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
  if (transA) copyIn(view, pa / bpe, a, aOff, lda, k, m);
  else copyIn(view, pa / bpe, a, aOff, lda, m, k);
  if (transB) copyIn(view, pb / bpe, b, bOff, ldb, n, k);
  else copyIn(view, pb / bpe, b, bOff, ldb, k, n);
  if (accumulate) copyIn(view, pc / bpe, c, cOff, ldc, m, n);
  const whole: GemmPart = {
    m, n, k,
    a: pa, rsa: transA ? 1 : k, csa: transA ? m : 1,
    b: pb, rsb: transB ? 1 : n, csb: transB ? k : 1,
    c: pc, ldc: n, work: work[0]!, accumulate,
  };
  return { whole, work, bytesPerElement: bpe };
}

function copyIn(view: FloatArray, at: number, src: FloatArray, off: number, ld: number, rows: number, cols: number): void {
  if (ld === cols || rows <= 1) {
    view.set(src.subarray(off, off + rows * cols), at);
    return;
  }
  for (let r = 0; r < rows; r++) view.set(src.subarray(off + r * ld, off + r * ld + cols), at + r * cols);
}

/** Copies C (m×n, compact in linear memory) out into `c` at cOff with leading dimension ldc. */
export function unstageGemm(memory: WasmMemory, layout: GemmLayout, c: FloatArray, cOff: number, ldc: number): void {
  const { m, n } = layout.whole;
  const bpe = layout.bytesPerElement;
  const view = bpe === 4 ? new Float32Array(memory.buffer) : new Float64Array(memory.buffer);
  const at = layout.whole.c / bpe;
  if (ldc === n || m <= 1) {
    c.set(view.subarray(at, at + m * n), cOff);
    return;
  }
  for (let r = 0; r < m; r++) c.set(view.subarray(at + r * n, at + (r + 1) * n), cOff + r * ldc);
}

/**
 * Splits a staged GEMM into at most `parts` pieces for threads: blocks of rows of C (multiples
 * of the 6-row micro-tile) when C is at least as tall as wide, else blocks of columns (multiples
 * of 8). Each piece packs its own copy of the operand block it needs.
 */
export function splitGemm(layout: GemmLayout, parts: number): GemmPart[] {
  const w = layout.whole;
  const bpe = layout.bytesPerElement;
  const out: GemmPart[] = [];
  const byRows = w.m >= w.n;
  const extent = byRows ? w.m : w.n;
  const unit = byRows ? 6 : 8;
  const units = Math.ceil(extent / unit);
  const count = Math.max(1, Math.min(parts, units));
  let start = 0;
  for (let t = 0; t < count; t++) {
    const end = Math.min(extent, Math.round(((t + 1) * units) / count) * unit);
    if (end <= start) continue;
    const work = layout.work[t]!;
    if (byRows) {
      out.push({ ...w, m: end - start, a: w.a + start * w.rsa * bpe, c: w.c + start * w.ldc * bpe, work });
    } else {
      out.push({ ...w, n: end - start, b: w.b + start * w.csb * bpe, c: w.c + start * bpe, work });
    }
    start = end;
  }
  return out;
}

/** Runs one part on `exports`. */
export function runPart(exports: GemmExports, bpe: 4 | 8, p: GemmPart): void {
  const f = bpe === 4 ? exports.sgemm : exports.dgemm;
  f(p.m, p.n, p.k, p.a, p.rsa, p.csa, p.b, p.rsb, p.csb, p.c, p.ldc, p.work, p.accumulate ? 1 : 0);
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
 * C = op(A)·op(B) (+ C) with the WebAssembly SIMD kernel on the calling thread (float32 or
 * float64, chosen by the arrays' type). Same signature as `gemmTs`; throws where WebAssembly
 * SIMD is missing (check `wasmSimdSupported()` or use `gemmF32`/`gemmF64`, which choose a backend).
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
  options: GemmOptions = {},
): void {
  if (m <= 0 || n <= 0) return;
  const inst = instance();
  if (inst === null) throw new Error('gemmWasm: this runtime has no WebAssembly SIMD; use gemmTs (or gemmF32/gemmF64, which fall back automatically).');
  const layout = stageGemm(inst.exports, inst.memory, 1, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
  runPart(inst.exports, layout.bytesPerElement, layout.whole);
  unstageGemm(inst.memory, layout, c, cOff, ldc);
}
