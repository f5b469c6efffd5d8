import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ShapeError, ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { qr } from './index.js';
import { identity, maxAbs, multiply, transpose } from './dense.js';
import { asMat, flat, maxDiff } from '../../../test/helpers/linalg-matrix.js';

const fx = loadFixture('linalg');

function checkFactorization(A: number[][], Q: NdArray, R: NdArray, label: string): void {
  const a = flat(A);
  const scale = maxAbs(a);
  const q = asMat(Q);
  assert.ok(maxDiff(multiply(q, asMat(R)).data, a) <= 1e-13 * scale, `${label}: ‖A − QR‖`);
  assert.ok(maxDiff(multiply(transpose(q), q).data, identity(q.cols).data) <= 1e-14 * Math.max(q.rows, 10), `${label}: ‖QᵀQ − I‖`);
  const r = R.toFloat64Array();
  const n = R.shape[1]!;
  for (let i = 0; i < R.shape[0]!; i++) for (let j = 0; j < Math.min(i, n); j++) assert.equal(r[i * n + j], 0, `${label}: R not upper`);
}

test('qr reduced and complete match NumPy (same Householder sign convention) on square matrices', () => {
  for (const c of fx.square.filter((s: { Q?: unknown }) => s.Q)) {
    const { Q, R } = qr(c.A);
    const tol = 1e-12 * maxAbs(flat(c.A));
    assert.ok(maxDiff(Q.toFloat64Array(), flat(c.Q)) <= 1e-12, `n=${c.n} Q`);
    assert.ok(maxDiff(R.toFloat64Array(), flat(c.R)) <= tol, `n=${c.n} R`);
    checkFactorization(c.A, Q, R, `n=${c.n}`);
  }
});

test('qr of tall and wide matrices in every mode matches NumPy', () => {
  for (const c of fx.rect) {
    const k = Math.min(c.m, c.n);
    const red = qr(c.A, 'reduced');
    assert.deepEqual(red.Q.shape, [c.m, k]);
    assert.deepEqual(red.R.shape, [k, c.n]);
    assert.ok(maxDiff(red.Q.toFloat64Array(), flat(c.Qr)) <= 1e-12, `${c.m}×${c.n} Q reduced`);
    assert.ok(maxDiff(red.R.toFloat64Array(), flat(c.Rr)) <= 1e-12 * maxAbs(flat(c.Rr)), `${c.m}×${c.n} R reduced`);
    checkFactorization(c.A, red.Q, red.R, `${c.m}×${c.n} reduced`);
    const full = qr(c.A, 'complete');
    assert.deepEqual(full.Q.shape, [c.m, c.m]);
    assert.deepEqual(full.R.shape, [c.m, c.n]);
    assert.ok(maxDiff(full.Q.toFloat64Array(), flat(c.Qc)) <= 1e-12, `${c.m}×${c.n} Q complete`);
    assert.ok(maxDiff(full.R.toFloat64Array(), flat(c.Rc)) <= 1e-12 * maxAbs(flat(c.Rc)), `${c.m}×${c.n} R complete`);
    checkFactorization(c.A, full.Q, full.R, `${c.m}×${c.n} complete`);
    const only = qr(c.A, 'r');
    assert.deepEqual(Object.keys(only), ['R']);
    assert.ok(maxDiff(only.R.toFloat64Array(), flat(c.Ronly)) <= 1e-12 * maxAbs(flat(c.Ronly)));
  }
});

test('qr of a rank-deficient matrix and of a column that is already reduced', () => {
  const A = [[1, 2, 3], [2, 4, 6], [3, 6, 9], [1, 0, 1]];
  const { Q, R } = qr(A);
  checkFactorization(A, Q, R, 'rank-deficient');
  const E = [[2, 1], [0, 3]]; // already upper triangular: no reflection, R = A (LAPACK gives τ = 0)
  const f = qr(E);
  assert.deepEqual(f.R.toArray(), [[2, 1], [0, 3]]);
  assert.deepEqual(f.Q.toArray(), [[1, 0], [0, 1]]);
});

test('qr errors: unknown mode, non-2-D input, NaN', () => {
  assert.throws(() => qr([[1, 2], [3, 4]], 'economic' as 'r'), (e: Error) => e instanceof ValueError && /unknown mode "economic"/.test(e.message));
  assert.throws(() => qr([1, 2, 3]), (e: Error) => e instanceof ShapeError && /qr needs a 2-D matrix for A, got shape \(3,\)/.test(e.message));
  assert.throws(() => qr([[1, 2], [Infinity, 4]]), /A contains Inf at \[1, 0\]/);
});
