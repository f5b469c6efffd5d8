import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { cumulativeTrapezoid, trapezoid } from './index.js';

const c = loadFixture('integrate').cumulative;
const tol = { rtol: 1e-12, atol: 1e-12 };

test('cumulativeTrapezoid matches scipy with unit spacing, x, dx + initial, and along axis 0', () => {
  assertClose(cumulativeTrapezoid(c.y1), c.plain, tol);
  assertClose(cumulativeTrapezoid(c.y1, { x: c.x1 }), c.x, tol);
  assertClose(cumulativeTrapezoid(c.y1, { dx: 0.5, initial: 0 }), c.initial, tol);
  const a0 = cumulativeTrapezoid(c.y2, { x: c.x2col, axis: 0, initial: 0 });
  assert.deepEqual([...a0.shape], [3, 6]);
  assertClose(a0, c.axis0, tol);
});

test('the last cumulative value is the trapezoid integral', () => {
  const out = cumulativeTrapezoid(c.y1, { x: c.x1 });
  assert.equal(out.shape[0], c.y1.length - 1);
  assertClose([out.get(-1)], [trapezoid(c.y1, { x: c.x1 })], tol);
});

test('bad input: empty y, non-numeric initial, x length mismatch', () => {
  assert.throws(() => cumulativeTrapezoid([]), /at least one sample along the axis, got 0/);
  assert.throws(() => cumulativeTrapezoid([1, 2], { initial: NaN }), /initial must be a number/);
  assert.throws(() => cumulativeTrapezoid([1, 2, 3], { x: [1, 2] }), /x has 2 points but y has 3 samples/);
});
