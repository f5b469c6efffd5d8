import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { LinAlgError, ShapeError, ValueError } from '../errors.js';
import { cholesky } from './index.js';
import { maxAbs, multiply, transpose } from './dense.js';
import { flat } from '../../../test/helpers/linalg-matrix.js';

const fx = loadFixture('linalg');

test('cholesky matches NumPy on SPD matrices and L·Lᵀ reconstructs A', () => {
  const spd = fx.square.filter((c: { spd?: unknown }) => c.spd);
  assert.ok(spd.length >= 3);
  for (const c of spd) {
    const L = cholesky(c.spd);
    const l = L.toFloat64Array();
    const expected = flat(c.chol);
    const scale = maxAbs(expected);
    for (let i = 0; i < l.length; i++) assert.ok(Math.abs(l[i]! - expected[i]!) <= 1e-12 * scale, `n=${c.n} entry ${i}`);
    const n = c.n;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(l[i * n + j], 0);
    const Lm = { rows: n, cols: n, data: l };
    const LLt = multiply(Lm, transpose(Lm)).data;
    const a = flat(c.spd);
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(LLt[i]! - a[i]!) <= 1e-14 * maxAbs(a));
  }
});

test('cholesky of a 60×60 SPD matrix built as AᵀA + nI reconstructs it', () => {
  const c = fx.square.find((s: { n: number }) => s.n === 60);
  const A = { rows: 60, cols: 60, data: flat(c.A) };
  const M = multiply(transpose(A), A);
  for (let i = 0; i < 60; i++) M.data[i * 60 + i]! += 60;
  const L = { rows: 60, cols: 60, data: cholesky([...Array(60)].map((_, i) => Array.from(M.data.subarray(i * 60, i * 60 + 60)))).toFloat64Array() };
  const back = multiply(L, transpose(L)).data;
  let d = 0;
  for (let i = 0; i < back.length; i++) d = Math.max(d, Math.abs(back[i]! - M.data[i]!));
  assert.ok(d <= 1e-13 * maxAbs(M.data), `‖LLᵀ − M‖ = ${d}`);
});

test('cholesky small exact case and a matrix symmetric only up to rounding', () => {
  assertClose(cholesky([[4, 2], [2, 3]]), [[2, 0], [1, Math.SQRT2]], { rtol: 1e-15 });
  assertClose(cholesky([[4, 2 + 1e-15], [2, 3]]), [[2, 0], [1, Math.SQRT2]], { rtol: 1e-15 });
});

test('cholesky errors: not positive definite (with the jitter hint), not symmetric, not square, NaN', () => {
  assert.throws(() => cholesky([[1, 2], [2, 1]]), (e: Error) =>
    e instanceof LinAlgError && /not positive definite/.test(e.message) && /leading 2×2 minor/.test(e.message) && /jitter/.test(e.message));
  assert.throws(() => cholesky([[1, 1], [1, 1]]), /not positive definite/); // semi-definite
  assert.throws(() => cholesky([[-1, 0], [0, 1]]), /leading 1×1 minor/);
  assert.throws(() => cholesky([[2, 1], [0, 2]]), (e: Error) =>
    e instanceof ValueError && /symmetric matrix, but A\[1, 0\] = 0 and A\[0, 1\] = 1/.test(e.message));
  assert.throws(() => cholesky([[1, 2, 3], [4, 5, 6]]), (e: Error) =>
    e instanceof ShapeError && /cholesky needs a square matrix, got shape \(2, 3\)/.test(e.message));
  assert.throws(() => cholesky([[1, NaN], [NaN, 1]]), /contains NaN at \[0, 1\]/);
});
