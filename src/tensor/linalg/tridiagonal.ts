/**
 * Householder tridiagonalization of a symmetric matrix, A = Q·T·Qᵀ; the first stage of eigh.
 */
import { applyRight, makeReflector, readReflector } from './householder.js';
import type { Matrix } from './input.js';

/** The tridiagonal T (diagonal d, off-diagonal e) and, when asked for, Qᵀ. */
export interface Tridiagonal {
  /** Diagonal of T, length n. */
  d: Float64Array;
  /** Off-diagonal of T, length n − 1: e[i] = T[i+1, i] = T[i, i+1]. */
  e: Float64Array;
  /** Qᵀ (n×n, row-major): row i is column i of Q. */
  Qt: Float64Array | null;
}

/**
 * Reduces the symmetric n×n matrix `a` (its buffer is overwritten; only the lower triangle is read)
 * to tridiagonal form by n − 2 reflectors, each applied as the symmetric rank-2 update
 * A ← A − v·wᵀ − w·vᵀ with p = τ·A·v and w = p − (τ/2)(pᵀv)·v.
 */
export function tridiagonalize(a: Matrix, wantQ: boolean): Tridiagonal {
  const n = a.rows;
  const A = a.data;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) A[i * n + j] = A[j * n + i]!;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const taus = new Float64Array(n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    const len = n - k - 1;
    const c0 = k + 1;
    const tau = makeReflector(A, c0 * n + k, len, n);
    taus[k] = tau;
    e[k] = A[c0 * n + k]!;
    d[k] = A[k * n + k]!;
    if (tau === 0) continue;
    readReflector(A, c0 * n + k, len, n, v);
    // p = τ·A22·v, with A22 = A[k+1:, k+1:].
    let pv = 0;
    for (let i = 0; i < len; i++) {
      const row = (c0 + i) * n + c0;
      let s = 0;
      for (let j = 0; j < len; j++) s += A[row + j]! * v[j]!;
      w[i] = tau * s;
      pv += w[i]! * v[i]!;
    }
    const K = (tau / 2) * pv;
    for (let i = 0; i < len; i++) w[i]! -= K * v[i]!;
    for (let i = 0; i < len; i++) {
      const row = (c0 + i) * n + c0;
      const vi = v[i]!;
      const wi = w[i]!;
      for (let j = 0; j < len; j++) A[row + j]! -= vi * w[j]! + wi * v[j]!;
    }
  }
  if (n >= 2) {
    d[n - 2] = A[(n - 2) * n + n - 2]!;
    e[n - 2] = A[(n - 1) * n + n - 2]!;
  }
  d[n - 1] = A[(n - 1) * n + n - 1]!;

  let Qt: Float64Array | null = null;
  if (wantQ) {
    // Qᵀ = H_{n−3}⋯H₀, where H_k acts on coordinates k+1..n−1.
    Qt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Qt[i * n + i] = 1;
    for (let k = n - 3; k >= 0; k--) {
      const tau = taus[k]!;
      if (tau === 0) continue;
      const len = n - k - 1;
      readReflector(A, (k + 1) * n + k, len, n, v);
      applyRight(Qt, n, v, len, tau, k + 1, n, k + 1);
    }
  }
  return { d, e, Qt };
}
