import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { ShapeError, ValueError } from '../errors.js';
import { lstsq, matrixRank, pinv } from './index.js';
import { multiply } from './dense.js';
import { closeScaled, flat } from '../../../test/helpers/linalg-matrix.js';

const fx = loadFixture('linalg');

test('lstsq on full-rank tall and wide matrices matches NumPy (x, residuals, rank, singular values)', () => {
  for (const c of fx.rect) {
    const r = lstsq(c.A, c.b);
    assert.deepEqual(r.x.shape, [c.n]);
    closeScaled(r.x.toFloat64Array(), c.x, 1e-10, `${c.m}×${c.n} x`);
    assert.equal(r.rank, c.rank);
    closeScaled(r.singularValues.toFloat64Array(), c.sv, 1e-12, `${c.m}×${c.n} sv`);
    assert.deepEqual(r.residuals.shape, [c.residuals.length]);
    assertClose(r.residuals, c.residuals, { rtol: 1e-10 }, `${c.m}×${c.n} residuals`);
    const R = lstsq(c.A, c.B);
    assert.deepEqual(R.x.shape, [c.n, 2]);
    closeScaled(R.x.toFloat64Array(), flat(c.X), 1e-10, `${c.m}×${c.n} X`);
    assertClose(R.residuals, c.residualsB, { rtol: 1e-10 }, `${c.m}×${c.n} residuals B`);
  }
});

test('lstsq solution of a wide system solves it exactly and has minimum norm', () => {
  const c = fx.rect.find((r: { m: number; n: number }) => r.m === 5 && r.n === 30);
  const x = lstsq(c.A, c.b).x.toFloat64Array();
  const Ax = multiply({ rows: 5, cols: 30, data: flat(c.A) }, { rows: 30, cols: 1, data: x }).data;
  closeScaled(Ax, c.b, 1e-13, 'A·x = b');
});

test('lstsq on rank-deficient matrices gives NumPy\'s minimum-norm solution and rank', () => {
  for (const c of fx.deficient) {
    const r = lstsq(c.A, c.b);
    assert.equal(r.rank, c.rank);
    closeScaled(r.x.toFloat64Array(), c.x, 1e-10, `${c.m}×${c.n} x`);
    assert.equal(r.residuals.size, 0); // NumPy leaves residuals empty when rank < n
    assert.equal(c.residuals.length, 0);
    closeScaled(r.singularValues.toFloat64Array(), c.sv, 1e-12, `${c.m}×${c.n} sv`);
  }
});

test('lstsq rcond changes the rank decision', () => {
  const A = [[1, 0], [0, 1e-8], [0, 0]];
  assert.equal(lstsq(A, [1, 1, 1]).rank, 2);
  const r = lstsq(A, [1, 1, 1], { rcond: 1e-6 });
  assert.equal(r.rank, 1);
  assertClose(r.x, [1, 0], { atol: 1e-15 });
  assertClose(lstsq(A, [1, 1, 1]).x, [1, 1e8], { rtol: 1e-14 });
  assert.equal(lstsq(A, [1, 1, 1], { rcond: -1 }).rank, 2); // negative: machine precision, as in NumPy
  assert.equal(lstsq([[1, 0], [0, 0]], [1, 1], { rcond: -1 }).rank, 1);
});

test('pinv matches NumPy on full-rank and rank-deficient matrices', () => {
  for (const c of [...fx.rect, ...fx.deficient]) {
    const P = pinv(c.A);
    assert.deepEqual(P.shape, [c.n, c.m]);
    closeScaled(P.toFloat64Array(), flat(c.pinv), 1e-10, `${c.m}×${c.n} pinv`);
  }
  assertClose(pinv([[1, 2], [2, 4]]), [[0.04, 0.08], [0.08, 0.16]], { rtol: 1e-14 });
  assertClose(pinv([[0, 0], [0, 0]]), [[0, 0], [0, 0]]);
});

test('matrixRank matches NumPy; tol overrides the default', () => {
  for (const c of fx.rect) assert.equal(matrixRank(c.A), c.rankNp);
  for (const c of fx.deficient) assert.equal(matrixRank(c.A), c.matrixRank);
  assert.equal(matrixRank([[1, 2], [2, 4]]), 1);
  assert.equal(matrixRank([[0, 0], [0, 0]]), 0);
  assert.equal(matrixRank([[1, 0], [0, 1e-3]], 1e-2), 1);
  const H = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => 1 / (i + j + 1)));
  assert.equal(matrixRank(H), 8);
});

test('lstsq, pinv and matrixRank errors', () => {
  assert.throws(() => lstsq([[1, 2], [3, 4], [5, 6]], [1, 2]), (e: Error) =>
    e instanceof ShapeError && /lstsq: b has shape \(2,\) but A has shape \(3, 2\); b's first dimension must be 3/.test(e.message));
  assert.throws(() => lstsq([[1, 2], [3, NaN]], [1, 2]), (e: Error) => e instanceof ValueError && /NaN at \[1, 1\]/.test(e.message));
  assert.throws(() => lstsq([[1, 2]], [1], { rcond: 'x' as unknown as number }), /rcond must be a number/);
  assert.throws(() => pinv([1, 2, 3]), /pinv needs a 2-D matrix for A, got shape \(3,\)/);
  assert.throws(() => matrixRank([[1, 2]], NaN), /tol must be a number/);
});
