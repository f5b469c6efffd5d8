/**
 * The WebAssembly build of the histogram and partition loops (assembly/histogram.ts, embedded
 * by scripts/build-kernels.mjs) and the arena a fit allocates its row-sized buffers from: one
 * shared linear memory, so the buffers are plain typed-array views for the rest of the code,
 * worker threads can run the same module over the same memory, and growing it never detaches
 * a view. Where shared WebAssembly memory is unavailable (a browser page that is not
 * cross-origin isolated, a runtime without WebAssembly SIMD) `createArena` returns null and
 * training uses the JavaScript loops of histogram.ts, which give bit-identical results.
 */
import { decodeBase64, wasmApi, type WasmMemory, type WasmModule } from '../../../kernels/index.js';
import { HISTOGRAM_WASM_SHARED } from './generated/histogram-wasm.js';

/** The kernels; pointers are byte addresses in the arena's memory. */
export interface HistogramKernels {
  buildHistogram(words: number, wordsPerRow: number, gh: number, rowIdx: number, begin: number, end: number, w0: number, w1: number, hist: number): number;
  partition(column: number, rowIdx: number, scratch: number, begin: number, end: number, threshold: number, shift: number): number;
  predictF32: PredictKernel;
  predictF64: PredictKernel;
}

/** Adds trees [t0, t1)'s leaf values to `out` for `rows` rows at `x` (see assembly/histogram.ts). */
export type PredictKernel = (
  x: number, rows: number, cols: number, roots: number, depth: number, t0: number, t1: number, nodes: number, value: number,
  outputs: number, out: number,
) => void;

const PAGE = 65536;
/** 4 GiB, the wasm32 limit (address space only: pages are committed as they are used). */
const MAX_PAGES = 65536;

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly (with SIMD and threads) is unavailable. */
export function histogramModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = wasmApi();
  if (api === undefined || typeof SharedArrayBuffer !== 'function') return null;
  try {
    compiled = new api.Module(decodeBase64(HISTOGRAM_WASM_SHARED));
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Instantiates the module over `memory` (also what a worker thread does). */
export function instantiate(module: WasmModule, memory: WasmMemory): HistogramKernels {
  return new (wasmApi()!.Instance)(module, { env: { memory } }).exports as unknown as HistogramKernels;
}

/**
 * A bump allocator of 64-byte-aligned typed arrays over one shared memory, with the kernels.
 * A fit takes a fresh arena (zeroed memory, dropped with the model's training buffers); the
 * prediction arena is reset and reused by every call.
 */
export class WasmArena {
  private top = PAGE;

  private constructor(
    readonly module: WasmModule,
    readonly memory: WasmMemory,
    readonly kernels: HistogramKernels,
  ) {}

  /** A fresh arena, or null where shared WebAssembly memory is unavailable. */
  static create(): WasmArena | null {
    const module = histogramModule();
    if (!module) return null;
    try {
      const memory = new (wasmApi()!.Memory)({ initial: 1, maximum: MAX_PAGES, shared: true });
      return new WasmArena(module, memory, instantiate(module, memory));
    } catch {
      return null;
    }
  }

  /** Frees everything allocated so far (the memory is kept, not zeroed: views made before must not be used). */
  reset(): void {
    this.top = PAGE;
  }

  /** Byte address of `bytes` fresh bytes (zeroed unless reused after `reset`); throws a RangeError past 4 GiB. */
  private alloc(bytes: number): number {
    const at = this.top;
    const end = at + Math.ceil(bytes / 64) * 64;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const need = Math.ceil((end - have) / PAGE);
      const pages = have / PAGE;
      // Grow by at least a quarter so a fit's many small allocations grow rarely.
      const grow = Math.min(Math.max(need, Math.ceil(pages / 4)), MAX_PAGES - pages);
      if (grow < need) {
        throw new RangeError(`gradient boosting needs more than 4 GiB of WebAssembly memory for this data; use fewer rows or nThreads: 1 in a runtime without WebAssembly.`);
      }
      this.memory.grow(grow);
    }
    this.top = end;
    return at;
  }

  /** A Float64Array view of n elements. */
  float64(n: number): Float64Array {
    const at = this.alloc(n * 8);
    return new Float64Array(this.memory.buffer, at, n);
  }

  float32(n: number): Float32Array {
    const at = this.alloc(n * 4);
    return new Float32Array(this.memory.buffer, at, n);
  }

  int32(n: number): Int32Array {
    const at = this.alloc(n * 4);
    return new Int32Array(this.memory.buffer, at, n);
  }

  uint8(n: number): Uint8Array {
    const at = this.alloc(n);
    return new Uint8Array(this.memory.buffer, at, n);
  }
}
