import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { interp } from './index.js';

const c = loadFixture('interpolate').interp;
const tol = { rtol: 1e-12, atol: 1e-12 };

test('interp matches numpy.interp (inside, at knots, outside, NaN)', () => {
  assertClose(interp(c.x, c.xp, c.fp), c.plain, tol);
  assertClose(interp(c.x, c.xp, c.fp, { left: -100, right: 100 }), c.left_right, tol);
});

test('interp returns a number for a number and keeps the shape of array input', () => {
  assert.equal(interp(2.5, [1, 2, 3], [3, 2, 0]), 1);
  assert.equal(interp(2, [1, 2, 3], [3, 2, 0]), 2, 'exact value at a sample point');
  const out = interp(array([[0, 1.5], [2.5, 5]]), [1, 2, 3], [3, 2, 0]);
  assert.deepEqual([...out.shape], [2, 2]);
  assert.deepEqual(out.toArray(), [[3, 2.5], [1, 0]]);
  assert.ok(Number.isNaN(interp(NaN, [1, 2], [3, 4])));
});

test('interp with one sample point and with a period', () => {
  assertClose(interp(c.single.x, c.single.xp, c.single.fp), c.single.out, tol);
  assertClose(interp(c.single.x, c.single.xp, c.single.fp, { left: -1, right: 1 }), c.single.out_lr, tol);
  assertClose(interp(c.period.x, c.period.xp, c.period.fp, { period: 360 }), c.period.out, tol);
});

test('bad input: unsorted xp names the index, length mismatch, empty, 2-D xp, zero period', () => {
  assert.throws(() => interp(1, [0, 2, 1], [1, 2, 3]), /xp must be strictly increasing, but xp\[2\] = 1 is not greater than xp\[1\] = 2/);
  assert.throws(() => interp(1, [0, 1, 1], [1, 2, 3]), /xp\[2\] = 1 is not greater than xp\[1\] = 1/);
  assert.throws(() => interp(1, [0, 1, 2], [1, 2]), /xp and fp must have the same length, got 3 and 2/);
  assert.throws(() => interp(1, [], []), /at least 1 points, got 0/);
  assert.throws(() => interp(1, [[0, 1]], [[1, 2]]), /xp must be 1-D, got shape \(1, 2\)/);
  assert.throws(() => interp(1, [0, 1], [1, 2], { period: 0 }), /period must be a finite non-zero number/);
});
