import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { array } from '../create.js';
import { ShapeError, ValueError } from '../errors.js';
import { cond, norm, outer, trace, tril, triu } from './index.js';

const fx = loadFixture('linalg');
const ord = (o: unknown) => (o === null ? undefined : (o as number | 'fro' | 'nuc'));

test('vector norms of every order match NumPy', () => {
  const c = fx.norm;
  for (const { ord: o, value } of c.vector) assertClose(norm(c.v, ord(o)), value, { rtol: 1e-14 }, `ord ${o}`);
});

test('matrix norms of every order match NumPy', () => {
  const c = fx.norm;
  for (const { ord: o, value } of c.matrix) assertClose(norm(c.M, ord(o)), value, { rtol: 1e-13 }, `ord ${o}`);
  for (const r of fx.rect) {
    assertClose(norm(r.A, 'nuc'), r.nuc, { rtol: 1e-12 });
    assertClose(norm(r.A, 2), r.two, { rtol: 1e-12 });
    assertClose(norm(r.A, -2), r.minus2, { rtol: 1e-12 });
  }
});

test('norms along axes, negative axes, axis pairs and keepdims match NumPy', () => {
  const c = fx.norm;
  for (const { ord: o, value } of c.axis0) assertClose(norm(c.M, ord(o), 0), value, { rtol: 1e-14 }, `axis 0 ord ${o}`);
  assertClose(norm(c.M, undefined, 1), c.axis1, { rtol: 1e-14 });
  const T = array(c.T3);
  assertClose(norm(T, undefined, 2), c.T3axis2, { rtol: 1e-14 });
  assertClose(norm(T, 1, -3), c.T3axisNeg3, { rtol: 1e-14 });
  for (const { ord: o, value } of c.T3pair12) assertClose(norm(T, ord(o), [1, 2]), value, { rtol: 1e-12 }, `pair ord ${o}`);
  assertClose(norm(T, 1, [2, 0]), c.T3pair20, { rtol: 1e-14 });
  assertClose(norm(T), c.T3flat, { rtol: 1e-14 });
  assert.deepEqual(norm(T, 2, 1, true).shape, [2, 1, 4]);
  assert.deepEqual(norm(T, 'fro', [0, 2], true).shape, [1, 3, 1]);
});

test('norm is overflow and underflow safe, and propagates NaN and Inf like NumPy', () => {
  assertClose(norm([3e200, 4e200]), 5e200, { rtol: 1e-15 });
  assertClose(norm([3e-200, 4e-200]), 5e-200, { rtol: 1e-15 });
  assertClose(norm([[3e200, 0], [0, 4e200]], 'fro'), 5e200, { rtol: 1e-15 });
  assertClose(norm([3e200, 4e200], 3), (27 + 64) ** (1 / 3) * 1e200, { rtol: 1e-14 });
  assert.ok(Number.isNaN(norm([1, NaN])));
  assert.equal(norm([1, -Infinity]), Infinity);
  assert.equal(norm([1, -Infinity], -Infinity), 1);
  assert.ok(Number.isNaN(norm([[1, NaN], [0, 1]], 1)));
});

test('norm errors: bad orders, dimensions and axes', () => {
  assert.throws(() => norm([[1, 2], [3, 4]], 3), (e: Error) => e instanceof ValueError && /invalid order 3 for matrices/.test(e.message));
  assert.throws(() => norm([1, 2], 'fro'), /invalid order "fro" for vectors/);
  assert.throws(() => norm(array([1, 2, 3, 4, 5, 6, 7, 8]).reshape(2, 2, 2), 1), (e: Error) =>
    e instanceof ShapeError && /1-D or 2-D array, got shape \(2, 2, 2\)/.test(e.message));
  assert.throws(() => norm([1, 2], 2, 1), /axis 1 is out of bounds for an array with 1 dimensions/);
  assert.throws(() => norm([[1, 2]], 2, [1, 1]), /axes of a matrix norm must differ/);
  assert.throws(() => norm([[1, 2]], 'nuc', 0), /is for matrices; pass a pair of axes/);
  assert.throws(() => norm([[1, NaN]], 2), /contains NaN/);
});

test('cond matches NumPy for every order, on well- and ill-conditioned matrices; singular gives Infinity', () => {
  for (const c of fx.square) {
    assertClose(cond(c.A), c.cond, { rtol: 1e-10 }, `n=${c.n}`);
    assertClose(cond(c.A, 1), c.cond1, { rtol: 1e-10 });
    assertClose(cond(c.A, Infinity), c.condInf, { rtol: 1e-10 });
    assertClose(cond(c.A, 'fro'), c.condFro, { rtol: 1e-10 });
  }
  // cond of an ill-conditioned matrix is itself only accurate to about cond·ε relative.
  const H = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => 1 / (i + j + 1)));
  assertClose(cond(H), fx.hilbert8.cond, { rtol: fx.hilbert8.cond * Number.EPSILON * 10 });
  assertClose(cond(fx.vandermonde.A), fx.vandermonde.cond, { rtol: fx.vandermonde.cond * Number.EPSILON * 10 });
  assert.equal(cond([[1, 2], [2, 4]], 1), Infinity);
  assert.equal(cond([[1, 0], [0, 0]]), Infinity);
  assertClose(cond([[1, 0], [0, 1e-3]], -2), 1e-3, { rtol: 1e-15 });
  assert.throws(() => cond([[1, 2]], 1), /cond needs a square matrix/);
  assert.throws(() => cond([[1, 2], [3, 4]], 3), /cond: invalid order 3/);
});

test('trace, outer, triu and tril', () => {
  assert.equal(trace([[1, 2], [3, 4]]), 5);
  assert.equal(trace([[1, 2, 3], [4, 5, 6]], 1), 8);
  assert.equal(trace([[1, 2, 3], [4, 5, 6]], -1), 4);
  assert.equal(trace([[1, 2, 3], [4, 5, 6]], 5), 0);
  assert.throws(() => trace([1, 2]), /trace needs a 2-D matrix, got shape \(2,\)/);
  const o = outer([1, 2], array([[3, 4, 5]], { dtype: 'int32' }));
  assert.equal(o.dtype, 'float64');
  assert.deepEqual(o.toArray(), [[3, 4, 5], [6, 8, 10]]);
  const M = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
  assert.deepEqual(triu(M).toArray(), [[1, 2, 3], [0, 5, 6], [0, 0, 9]]);
  assert.deepEqual(triu(M, 1).toArray(), [[0, 2, 3], [0, 0, 6], [0, 0, 0]]);
  assert.deepEqual(tril(M).toArray(), [[1, 0, 0], [4, 5, 0], [7, 8, 9]]);
  assert.deepEqual(tril(M, -1).toArray(), [[0, 0, 0], [4, 0, 0], [7, 8, 0]]);
  const stacked = triu(array([1, 2, 3, 4, 5, 6, 7, 8], { dtype: 'int32' }).reshape(2, 2, 2));
  assert.equal(stacked.dtype, 'int32');
  assert.deepEqual(stacked.toArray(), [[[1, 2], [0, 4]], [[5, 6], [0, 8]]]);
  assert.throws(() => tril([1, 2, 3]), /tril needs an array with at least 2 dimensions/);
});

test('norm of empty input: 0 for vectors and Frobenius, an error for the other matrix orders', () => {
  assert.equal(norm([]), 0);
  assert.equal(norm(array([[]]), 'fro'), 0);
  assert.throws(() => norm(array([[]]), 2), (e: Error) => e instanceof ValueError && /the matrix is empty \(1×0\)/.test(e.message));
  assert.throws(() => norm(array([[]]), 1), /the matrix is empty/);
});
