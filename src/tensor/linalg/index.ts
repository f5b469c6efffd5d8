/**
 * Linear algebra in float64, like `numpy.linalg`: factorizations (LU, Cholesky, QR, SVD, symmetric
 * eigen-decomposition), solvers (solve, lstsq), inverses, determinants, norms and condition numbers.
 * Every routine accepts an NdArray or nested arrays of any dtype, computes in float64 and returns
 * float64 results.
 */
export { cholesky } from './cholesky.js';
export { cond } from './cond.js';
export { det, slogdet, type SlogdetResult } from './det.js';
export { eigh, eigvalsh, type EighResult } from './eigh.js';
export { type MatrixInput } from './input.js';
export { inv } from './inv.js';
export { lstsq, type LstsqOptions, type LstsqResult } from './lstsq.js';
export { lu, type LUResult } from './lu.js';
export { matrixRank } from './matrix-rank.js';
export { norm, type NormOrder } from './norm.js';
export { outer } from './outer.js';
export { pinv } from './pinv.js';
export { qr, type QRMode, type QRResult } from './qr.js';
export { solve } from './solve.js';
export { svd, type SVDOptions, type SVDResult } from './svd.js';
export { trace } from './trace.js';
export { tril, triu } from './triangular.js';
