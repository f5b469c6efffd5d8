/**
 * Householder reflectors H = I − τ·v·vᵀ with v[0] = 1, the building block of QR, the SVD's
 * bidiagonalization and eigh's tridiagonalization. Conventions follow LAPACK's dlarfg, so that
 * H·x = β·e₁ with β = −sign(x₀)·‖x‖ (and R's diagonal signs match NumPy's).
 */
import { norm2 } from './dense.js';

/**
 * Turns the `n` entries x[start], x[start+step], … into a reflector in place: afterwards
 * x[start] holds β and the later entries hold v[1:], and the returned τ defines H. τ = 0 (H = I)
 * when the entries below the first are already zero.
 */
export function makeReflector(x: Float64Array, start: number, n: number, step: number): number {
  if (n <= 1) return 0;
  const alpha = x[start]!;
  const tailNorm = norm2(x, start + step, n - 1, step);
  if (tailNorm === 0) return 0;
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, tailNorm);
  const tau = (beta - alpha) / beta;
  const denom = alpha - beta; // |denom| ≥ ‖x‖ > 0; dividing (not multiplying by 1/denom) is safe for subnormal norms
  for (let k = 1, i = start + step; k < n; k++, i += step) x[i]! /= denom;
  x[start] = beta;
  return tau;
}

/**
 * Reads the reflector vector stored by makeReflector (v[0] = 1 implied) into `v[0..n)`.
 */
export function readReflector(x: Float64Array, start: number, n: number, step: number, v: Float64Array): void {
  v[0] = 1;
  for (let k = 1, i = start + step; k < n; k++, i += step) v[k] = x[i]!;
}

/**
 * A ← H·A on the block rows r0..r0+n−1, columns c0..c1−1 of a row-major matrix with `stride`
 * columns, where H = I − τ·v·vᵀ and v has length n. `work` needs at least c1 entries.
 */
export function applyLeft(
  a: Float64Array,
  stride: number,
  v: Float64Array,
  n: number,
  tau: number,
  r0: number,
  c0: number,
  c1: number,
  work: Float64Array,
): void {
  if (tau === 0 || c1 <= c0) return;
  for (let j = c0; j < c1; j++) work[j] = 0;
  for (let k = 0; k < n; k++) {
    const vk = v[k]!;
    if (vk === 0) continue;
    const row = (r0 + k) * stride;
    for (let j = c0; j < c1; j++) work[j]! += vk * a[row + j]!;
  }
  for (let k = 0; k < n; k++) {
    const f = tau * v[k]!;
    if (f === 0) continue;
    const row = (r0 + k) * stride;
    for (let j = c0; j < c1; j++) a[row + j]! -= f * work[j]!;
  }
}

/**
 * A ← A·H on rows r0..r1−1, columns c0..c0+n−1 of a row-major matrix with `stride` columns,
 * where H = I − τ·v·vᵀ and v has length n.
 */
export function applyRight(
  a: Float64Array,
  stride: number,
  v: Float64Array,
  n: number,
  tau: number,
  r0: number,
  r1: number,
  c0: number,
): void {
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    const row = i * stride + c0;
    let s = 0;
    for (let k = 0; k < n; k++) s += a[row + k]! * v[k]!;
    if (s === 0) continue;
    s *= tau;
    for (let k = 0; k < n; k++) a[row + k]! -= s * v[k]!;
  }
}
