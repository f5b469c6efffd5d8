import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { NdArray } from '../ndarray.js';
import { trapezoid } from './index.js';

const t = loadFixture('integrate').trapezoid;
const tol = { rtol: 1e-12, atol: 1e-12 };

test('trapezoid matches numpy.trapz with unit spacing, dx and x', () => {
  assertClose([trapezoid(t.y1)], [t.plain], tol);
  assertClose([trapezoid(t.y1, { dx: 0.25 })], [t.dx], tol);
  assertClose([trapezoid(t.y1, { x: t.x1 })], [t.x], tol);
  assertClose([trapezoid([3])], [t.one], tol, 'one sample integrates to 0');
  assert.equal(trapezoid([1, 2, 3]), 4);
  assert.equal(trapezoid(Float64Array.of(1, 2, 3), { x: [0, 1, 3] }), 6.5);
});

test('trapezoid along an axis of a 2-D array, with 1-D or full-shape x', () => {
  const rows = trapezoid(array(t.y2), { dx: 0.5 });
  assert.ok(rows instanceof NdArray);
  assert.deepEqual([...rows.shape], [3]);
  assertClose(rows, t.rows, tol);
  assertClose(trapezoid(array(t.y2), { x: t.x2col, axis: 0 }) as NdArray, t.cols_x, tol);
  assertClose(trapezoid(array(t.y2), { x: t.x2full }) as NdArray, t.full_x, tol);
});

test('bad input: x length mismatch, x of the wrong shape, x with dx, bad dx, scalar y, bad axis', () => {
  assert.throws(() => trapezoid([1, 2, 3], { x: [0, 1] }), /x has 2 points but y has 3 samples along axis 0/);
  assert.throws(() => trapezoid(t.y2, { x: [[0, 1]] }), /x must be 1-D or have y's shape \(3, 6\), got shape \(1, 2\)/);
  assert.throws(() => trapezoid([1, 2], { x: [0, 1], dx: 2 }), /either x or dx, not both/);
  assert.throws(() => trapezoid([1, 2], { dx: NaN }), /dx must be a finite number/);
  assert.throws(() => trapezoid(5), /at least a 1-D array/);
  assert.throws(() => trapezoid([1, 2], { axis: 1 }), /out of bounds/);
});
