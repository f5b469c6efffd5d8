import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import type { NdArray } from '../ndarray.js';
import { type SimpsonEven, simpson } from './index.js';

const s = loadFixture('integrate').simpson;
const tol = { rtol: 1e-12, atol: 1e-12 };

test("simpson matches scipy 1.10 for 1–9 samples with even='avg' | 'first' | 'last', dx and x", () => {
  for (const c of s.cases) {
    for (const even of ['avg', 'first', 'last'] as SimpsonEven[]) {
      assertClose([simpson(c.y, { dx: 0.3, even })], [c[even]], tol, `n=${c.n} ${even} dx`);
      assertClose([simpson(c.y, { x: c.x, even })], [c[`${even}_x`]], tol, `n=${c.n} ${even} x`);
    }
  }
});

test('simpson along an axis of a 2-D array', () => {
  assertClose(simpson(array(s.y2)) as NdArray, s.rows, tol);
  assertClose(simpson(array(s.y2), { x: s.x2col, axis: 0 }) as NdArray, s.cols_x, tol);
  assertClose(simpson(array(s.y2), { x: s.x2full }) as NdArray, s.full_x, tol);
});

test("simpson is exact for cubics on uniform odd counts; even='simpson' is exact for quadratics on any spacing", () => {
  const xs = [0, 0.5, 1, 1.5, 2, 2.5, 3];
  assertClose([simpson(xs.map((x) => x ** 3), { dx: 0.5 })], [81 / 4], tol);
  const uneven = [0, 0.3, 1.1, 1.5, 2.6, 3];
  const q = (x: number): number => 2 * x * x - x + 1;
  const exact = (2 * 27) / 3 - 9 / 2 + 3;
  assertClose([simpson(uneven.map(q), { x: uneven, even: 'simpson' })], [exact], tol);
  assertClose([simpson(uneven.slice(0, 2).map(q), { x: uneven.slice(0, 2), even: 'simpson' })], [0.3 * (q(0) + q(0.3)) / 2], tol);
  assert.notEqual(simpson(uneven.map(q), { x: uneven }), exact, "'avg' is not exact here, so the two modes differ");
});

test('bad input: unknown even mode, x length mismatch', () => {
  assert.throws(() => simpson([1, 2, 3, 4], { even: 'mid' as SimpsonEven }), /even must be 'avg', 'first', 'last' or 'simpson', got "mid"/);
  assert.throws(() => simpson([1, 2, 3], { x: [0, 1, 2, 3] }), /x has 4 points but y has 3 samples/);
});
