import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { fromTyped } from '../create.js';
import { ShapeError, ValueError } from '../errors.js';
import { eigh, eigvalsh } from './index.js';
import { identity, maxAbs, multiply, transpose } from './dense.js';
import { flat, maxDiff } from '../../../test/helpers/linalg-matrix.js';

const fx = loadFixture('linalg');
/** (A + Aᵀ)/2, bit-identical to the NumPy script's `sym`. */
function sym(a: Float64Array, n: number): Float64Array {
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = (a[i * n + j]! + a[j * n + i]!) / 2;
  return s;
}

/** ‖A·V − V·Λ‖ ≤ tol·‖A‖ and ‖VᵀV − I‖ ≤ tol, and ascending eigenvalues. */
function checkEigen(a: Float64Array, n: number, w: Float64Array, V: Float64Array, label: string): void {
  const scale = Math.max(maxAbs(a), Number.MIN_VALUE);
  const vm = { rows: n, cols: n, data: V };
  const AV = multiply({ rows: n, cols: n, data: a }, vm).data;
  const VL = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) VL[i * n + j] = V[i * n + j]! * w[j]!;
  assert.ok(maxDiff(AV, VL) <= 1e-13 * scale * Math.max(1, n / 10), `${label}: ‖AV − VΛ‖ = ${maxDiff(AV, VL)}`);
  assert.ok(maxDiff(multiply(transpose(vm), vm).data, identity(n).data) <= 1e-13 * Math.max(1, n / 10), `${label}: ‖VᵀV − I‖`);
  for (let i = 1; i < n; i++) assert.ok(w[i - 1]! <= w[i]!, `${label}: eigenvalues not ascending`);
}

test('eigh on symmetric indefinite matrices: eigenvalues match NumPy, vectors match up to sign', () => {
  for (const c of fx.square) {
    const n = c.n;
    const S = sym(flat(c.A), n);
    const { eigenvalues, eigenvectors } = eigh(fromTyped(S, [n, n]));
    const w = eigenvalues.toFloat64Array();
    const V = eigenvectors.toFloat64Array();
    const scale = maxAbs(S);
    assert.ok(maxDiff(w, c.eigvalsSym) <= 1e-12 * scale, `n=${n} eigenvalues`);
    if (n >= 5) assert.ok(w[0]! < 0 && w[n - 1]! > 0, `n=${n} should be indefinite`);
    checkEigen(S, n, w, V, `n=${n}`);
    assert.ok(maxDiff(eigvalsh(fromTyped(S, [n, n])).toFloat64Array(), c.eigvalsSym) <= 1e-12 * scale);
    if (c.eigvecsSym) {
      const E = flat(c.eigvecsSym);
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += V[i * n + j]! * E[i * n + j]!;
        const s = dot < 0 ? -1 : 1;
        for (let i = 0; i < n; i++) assert.ok(Math.abs(V[i * n + j]! - s * E[i * n + j]!) <= 1e-10, `n=${n} vector ${j}`);
      }
    }
  }
});

test('eigh on the 200×200 symmetric Park–Miller matrix agrees with NumPy to 1e-12·‖A‖', () => {
  const n = 200;
  let x = fx.pm200.seed as number;
  const a = new Float64Array(n * n);
  for (let i = 0; i < a.length; i++) {
    x = (x * 16807) % 2147483647;
    a[i] = x / 2147483647 - 0.5;
  }
  const S = sym(a, n);
  const r = eigh(fromTyped(S, [n, n]));
  assert.ok(maxDiff(r.eigenvalues.toFloat64Array(), fx.pm200.eigvalsSym) <= 1e-12 * maxAbs(S));
  checkEigen(S, n, r.eigenvalues.toFloat64Array(), r.eigenvectors.toFloat64Array(), '200×200');
});

test('eigh: Hilbert (positive definite, ill-conditioned), repeated eigenvalues, diagonal, 1×1, scaled', () => {
  const H = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => 1 / (i + j + 1)));
  const h = eigh(H);
  // Eigenvalues are accurate to ε·‖H‖ absolutely (the smallest, 1.1e-10, only to a few digits relative).
  assert.ok(maxDiff(h.eigenvalues.toFloat64Array(), fx.hilbert8.eigvals) <= 1e-14 * 2);
  checkEigen(flat(H), 8, h.eigenvalues.toFloat64Array(), h.eigenvectors.toFloat64Array(), 'Hilbert');
  // Q·diag(1, 1, 2, 2, 2, 5)·Qᵀ with a Householder Q: repeated eigenvalues, the eigenspaces are not unique
  // but the decomposition must still reconstruct and be orthonormal.
  const n = 6;
  const v = [1, -2, 0.5, 3, 1, -1];
  const vv = v.reduce((s, t) => s + t * t, 0);
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - (2 * v[i]! * v[j]!) / vv));
  const lam = [1, 1, 2, 2, 2, 5];
  const A = Q.map((_, i) => Q.map((_, j) => Q[i]!.reduce((s, q, k) => s + q * lam[k]! * Q[j]![k]!, 0)));
  const sA = sym(flat(A), n);
  const r = eigh(fromTyped(sA, [n, n]));
  assert.ok(maxDiff(r.eigenvalues.toFloat64Array(), lam) <= 1e-14 * 10);
  checkEigen(sA, n, r.eigenvalues.toFloat64Array(), r.eigenvectors.toFloat64Array(), 'repeated');
  const d = eigh([[3, 0, 0], [0, -1, 0], [0, 0, 2]]);
  assert.deepEqual(Array.from(d.eigenvalues.toFloat64Array()), [-1, 2, 3]);
  assert.deepEqual(d.eigenvectors.toArray(), [[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
  assert.deepEqual(eigh([[-4]]).eigenvectors.toArray(), [[1]]);
  for (const s of [1e-300, 1e300]) {
    const w = eigvalsh([[2 * s, 1 * s], [1 * s, 2 * s]]).toFloat64Array();
    assert.ok(Math.abs(w[0]! / s - 1) < 1e-15 && Math.abs(w[1]! / s - 3) < 1e-15, `scale ${s}`);
  }
});

test('eigh sign convention: the largest-magnitude entry of each eigenvector is positive', () => {
  const c = fx.square.find((s: { n: number }) => s.n === 20);
  const V = eigh(fromTyped(sym(flat(c.A), 20), [20, 20])).eigenvectors.toFloat64Array();
  for (let j = 0; j < 20; j++) {
    let best = 0;
    for (let i = 0; i < 20; i++) if (Math.abs(V[i * 20 + j]!) > Math.abs(best)) best = V[i * 20 + j]!;
    assert.ok(best > 0);
  }
});

test('eigh errors: not symmetric, not square, non-finite', () => {
  assert.throws(() => eigh([[1, 2], [3, 4]]), (e: Error) =>
    e instanceof ValueError && /eigh needs a symmetric matrix, but A\[1, 0\] = 3 and A\[0, 1\] = 2/.test(e.message) && /svd/.test(e.message));
  assert.throws(() => eigvalsh([[1, 2], [3, 4]]), /eigvalsh needs a symmetric matrix/);
  assert.throws(() => eigh([[1, 2, 3], [2, 4, 5]]), (e: Error) => e instanceof ShapeError && /eigh needs a square matrix, got shape \(2, 3\)/.test(e.message));
  assert.throws(() => eigh([[1, Infinity], [Infinity, 1]]), /eigh: A contains Inf at \[0, 1\]/);
});
