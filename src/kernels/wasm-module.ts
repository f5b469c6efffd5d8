/**
 * Loading the AssemblyScript GEMM (src/kernels/assembly/gemm.ts, embedded by
 * scripts/build-kernels.mjs): decoding, feature detection and the typed view of its exports.
 */
import { GEMM_WASM_PLAIN, GEMM_WASM_PLAIN_RELAXED, GEMM_WASM_SHARED, GEMM_WASM_SHARED_RELAXED } from './generated/gemm-wasm.js';

// The project's `lib` (ES2022) has no WebAssembly typings, so the little that is used is typed here.

/** A compiled WebAssembly module (opaque). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

/** A WebAssembly linear memory. */
export interface WasmMemory {
  /** The bytes (a SharedArrayBuffer for a shared memory; typed arrays take either). */
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** The runtime's WebAssembly object, or undefined where there is none. */
export function wasmApi(): WasmApi | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return typeof api === 'object' && api !== null ? api : undefined;
}

/**
 * The raw exports of the GEMM module; pointers are byte addresses, strides elements (element
 * (i, p) of A at a + (i·rsa + p·csa)·bytes, likewise B); `accumulate` 1 adds to C.
 */
export interface GemmExports {
  sgemm(m: number, n: number, k: number, a: number, rsa: number, csa: number, b: number, rsb: number, csb: number, c: number, ldc: number, work: number, accumulate: number): void;
  dgemm(m: number, n: number, k: number, a: number, rsa: number, csa: number, b: number, rsb: number, csb: number, c: number, ldc: number, work: number, accumulate: number): void;
  workBytesF32(): number;
  workBytesF64(): number;
  heapBase(): number;
}

/** The bytes of a base64-embedded WebAssembly module (as scripts/build-kernels.mjs embeds them). */
export function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let relaxed: boolean | undefined;
let plainBytes: Uint8Array | undefined;
let sharedBytes: Uint8Array | undefined;
let plainModule: WasmModule | null | undefined;

/**
 * True where the runtime validates relaxed SIMD (Node 22+, or Node 20 with
 * --experimental-wasm-relaxed-simd): the builds with fused multiply-adds are then used.
 */
export function wasmRelaxedSimdSupported(): boolean {
  if (relaxed !== undefined) return relaxed;
  try {
    relaxed = wasmApi()?.validate(decodeBase64(GEMM_WASM_PLAIN_RELAXED)) ?? false;
  } catch {
    relaxed = false;
  }
  return relaxed;
}

/** The plain-memory build's bytes (the relaxed-SIMD build where it validates). */
export function plainGemmBytes(): Uint8Array {
  return (plainBytes ??= decodeBase64(wasmRelaxedSimdSupported() ? GEMM_WASM_PLAIN_RELAXED : GEMM_WASM_PLAIN));
}

/** The shared-memory (threads) build's bytes (relaxed-SIMD where it validates). */
export function sharedGemmBytes(): Uint8Array {
  return (sharedBytes ??= decodeBase64(wasmRelaxedSimdSupported() ? GEMM_WASM_SHARED_RELAXED : GEMM_WASM_SHARED));
}

/**
 * The compiled plain-memory module, or null where WebAssembly or its SIMD proposal is missing
 * (the module uses v128, so it validates only where SIMD works).
 */
export function plainGemmModule(): WasmModule | null {
  if (plainModule !== undefined) return plainModule;
  try {
    const api = wasmApi();
    const bytes = plainGemmBytes();
    plainModule = api !== undefined && api.validate(bytes) ? new api.Module(bytes) : null;
  } catch {
    plainModule = null;
  }
  return plainModule;
}

/** True where WebAssembly with SIMD is available, so the WASM GEMM can run. */
export function wasmSimdSupported(): boolean {
  return plainGemmModule() !== null;
}

/** Instantiates `module` over `memory` (imported as env.memory). */
export function instantiateGemm(module: WasmModule, memory: WasmMemory): GemmExports {
  const instance = new (wasmApi()!.Instance)(module, { env: { memory, abort: () => { throw new Error('strata kernels: WebAssembly abort'); } } });
  return instance.exports as unknown as GemmExports;
}
