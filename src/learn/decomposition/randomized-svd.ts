/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp), as scikit-learn's randomized_svd: a
 * Gaussian sketch of the range of M, sharpened by power iterations (re-orthonormalized with QR
 * each time), then the exact SVD of the small projected matrix.
 */
import { fromTyped, linalg, random } from '../../tensor/index.js';
import { svdFlip } from './dense.js';

/** A = M·B for M n × p (row-major) and B p × q. */
function mul(m: Float64Array, n: number, p: number, b: Float64Array, q: number): Float64Array {
  const out = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    const o = i * q;
    for (let j = 0; j < p; j++) {
      const v = m[i * p + j]!;
      if (v === 0) continue;
      const bo = j * q;
      for (let c = 0; c < q; c++) out[o + c]! += v * b[bo + c]!;
    }
  }
  return out;
}

/** A = Mᵀ·B for M n × p and B n × q: p × q. */
function mulT(m: Float64Array, n: number, p: number, b: Float64Array, q: number): Float64Array {
  const out = new Float64Array(p * q);
  for (let i = 0; i < n; i++) {
    const bo = i * q;
    for (let j = 0; j < p; j++) {
      const v = m[i * p + j]!;
      if (v === 0) continue;
      const o = j * q;
      for (let c = 0; c < q; c++) out[o + c]! += v * b[bo + c]!;
    }
  }
  return out;
}

function orthonormal(a: Float64Array, rows: number, cols: number): Float64Array {
  return linalg.qr(fromTyped(a, [rows, cols]), 'reduced').Q.toFloat64Array();
}

export interface TruncatedSVDResult {
  /** n × k left singular vectors. */
  U: Float64Array;
  S: Float64Array;
  /** k × p right singular vectors (rows). */
  Vt: Float64Array;
}

/**
 * Top-k SVD of M (n × p). `nIter` power iterations ('auto': 7 when k < 0.1·min(n, p), else 4),
 * `nOversamples` extra sketch columns, signs fixed by svd_flip.
 * @example
 * const { S } = randomizedSvd(X, n, p, 5, { seed: 0 });
 */
export function randomizedSvd(
  m: Float64Array, n: number, p: number, k: number,
  { nIter = 'auto', nOversamples = 10, seed = 0 }: { nIter?: number | 'auto'; nOversamples?: number; seed?: number } = {},
): TruncatedSVDResult {
  const q = Math.min(k + nOversamples, Math.min(n, p));
  const iters = nIter === 'auto' ? (k < 0.1 * Math.min(n, p) ? 7 : 4) : nIter;
  const rng = random.defaultRng(seed);
  const omega = rng.standardNormal([p * q]).toFloat64Array();
  let Q = orthonormal(mul(m, n, p, omega, q), n, q);
  for (let it = 0; it < iters; it++) {
    const Z = orthonormal(mulT(m, n, p, Q, q), p, q);
    Q = orthonormal(mul(m, n, p, Z, q), n, q);
  }
  // B = Qᵀ M (q × p); its SVD gives the factors.
  const B = mulT(Q, n, q, m, p);
  const { U: Ub, S, Vt } = linalg.svd(fromTyped(B, [q, p]), { fullMatrices: false });
  const r = Math.min(q, p);
  const U = mul(Q, n, q, Ub.toFloat64Array(), r);
  const vt = Vt.toFloat64Array();
  svdFlip(U, n, r, vt, p);
  const Uk = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) Uk[i * k + c] = U[i * r + c]!;
  return { U: Uk, S: S.toFloat64Array().slice(0, k), Vt: vt.slice(0, k * p) };
}
