/**
 * `kernels`: the hot loops under `tensor` and `nn`, on raw typed arrays (no NdArray). GEMM in
 * WebAssembly SIMD (AssemblyScript, embedded), a pure-TypeScript fallback with the same
 * signature, an optional worker-thread pool (Node) over shared WebAssembly memory, and on Node
 * a system BLAS (OpenBLAS/BLIS through the optional koffi package) used automatically for large
 * products when one is installed;
 * im2col/col2im for convolutions and pooling windows (plain TypeScript, memory-bound).
 *
 * @example
 * import { gemmF64, useThreads } from '../kernels/index.js';
 * await useThreads(2); // optional: large products on two threads (opens a system BLAS now too)
 * const c = new Float64Array(m * n);
 * gemmF64(m, n, k, a, 0, k, b, 0, n, c, 0, n);
 */
export type { FloatArray, GemmFn, GemmOptions } from './gemm-ts.js';
export { gemmTs } from './gemm-ts.js';
export { gemmWasm } from './wasm-gemm.js';
export type { WasmModule, WasmMemory } from './wasm-module.js';
export { wasmSimdSupported, wasmRelaxedSimdSupported, wasmApi, decodeBase64 } from './wasm-module.js';
export type { GemmBackend, BlasInfo } from './select.js';
export {
  gemm, gemmF32, gemmF64, selectGemm, setGemmBackend, useThreads, gemmThreads, useBlas, blasInfo, SMALL_GEMM, THREADED_GEMM, BLAS_GEMM, BLAS_OPEN_WORK,
} from './select.js';
export type { ConvGeometry } from './im2col.js';
export { im2col, col2im, convOutSize } from './im2col.js';
export type { PoolGeometry } from './pooling.js';
export {
  maxPoolForward, maxPoolBackward, avgPoolForward, avgPoolBackward, adaptiveAvgPoolForward, adaptiveAvgPoolBackward,
} from './pooling.js';
