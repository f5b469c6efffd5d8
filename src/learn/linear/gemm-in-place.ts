import { selectGemm } from '../../kernels/index.js';

/**
 * Whether the GEMM backend for an m×k · k×n product reads the caller's arrays where they lie (a
 * system BLAS) rather than copying them into WebAssembly memory. Then one product over all of
 * a large X beats a TypeScript loop over it; with the copying backends the loop wins for a
 * single column of coefficients.
 */
export function gemmInPlace(m: number, n: number, k: number): boolean {
  const backend: string = selectGemm(m, n, k);
  return backend !== 'ts' && backend !== 'wasm' && backend !== 'wasm-threads';
}
