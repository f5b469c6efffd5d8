import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { type Interp1dKind, interp1d } from './index.js';

const c = loadFixture('interpolate').interp1d;
const tol = { rtol: 1e-12, atol: 1e-12 };

test('interp1d matches scipy for every kind inside the range', () => {
  for (const [kind, exp] of Object.entries(c.kinds) as [Interp1dKind, { in: number[] }][]) {
    assertClose(interp1d(c.x, c.y, { kind }).evaluate(c.q_in), exp.in, tol, kind);
  }
});

test("interp1d fillValue 'extrapolate' and [below, above] match scipy outside the range", () => {
  for (const [kind, exp] of Object.entries(c.kinds) as [Interp1dKind, { extrapolate: number[]; fill_pair: number[] }][]) {
    assertClose(interp1d(c.x, c.y, { kind, fillValue: 'extrapolate' }).evaluate(c.q_out), exp.extrapolate, tol, `${kind} extrapolate`);
    assertClose(interp1d(c.x, c.y, { kind, boundsError: false, fillValue: [-7, 9] }).evaluate(c.q_out), exp.fill_pair, tol, `${kind} fill`);
  }
  const f = interp1d([0, 1], [0, 1], { boundsError: false });
  assert.ok(Number.isNaN(f.evaluate(2)), 'default fill is NaN');
  assert.equal(f.evaluate(0.25), 0.25);
});

test('bad input: out of range by default, unknown kind, too few points, conflicting options, unsorted x', () => {
  const f = interp1d([0, 1, 2], [0, 1, 4]);
  assert.throws(() => f.evaluate(2.5), /x = 2.5 is above the interpolation range \[0, 2\]; pass boundsError: false/);
  assert.throws(() => f.evaluate([-1]), /x = -1 is below/);
  assert.throws(() => interp1d([0, 1], [0, 1], { kind: 'quadratic' as Interp1dKind }), /kind "quadratic" is not supported/);
  assert.throws(() => interp1d([0], [1]), /at least 2 points for kind 'linear', got 1/);
  assert.throws(() => interp1d([0, 1, 2], [1, 2, 3], { kind: 'cubic' }), /at least 4 points for kind 'cubic', got 3/);
  assert.throws(() => interp1d([0, 1], [0, 1], { fillValue: 'extrapolate', boundsError: true }), /cannot both extrapolate/);
  assert.throws(() => interp1d([0, 2, 1], [0, 1, 2]), /x\[2\] = 1 is not greater than x\[1\] = 2/);
  assert.throws(() => interp1d([0, NaN], [0, 1]), /x must contain only finite values, but x\[1\] = NaN/);
});
