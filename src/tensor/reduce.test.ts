import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const core = loadFixture('core');
const input = T.array(core.reductionInput);

test('sum, mean, min, max, prod, var and std over every axis choice match NumPy', () => {
  for (const c of core.reductions) {
    const label = `axis=${JSON.stringify(c.axis)} keepdims=${c.keepdims}`;
    const axis = c.axis ?? undefined;
    const checks: [string, T.NdArray][] = [
      ['sum', T.sum(input, axis, c.keepdims)],
      ['mean', T.mean(input, axis, c.keepdims)],
      ['min', T.min(input, axis, c.keepdims)],
      ['max', T.max(input, axis, c.keepdims)],
      ['prod', T.prod(input, axis, c.keepdims)],
      ['var0', T.variance(input, axis, 0, c.keepdims)],
      ['var1', T.variance(input, axis, 1, c.keepdims)],
      ['std0', T.std(input, axis, 0, c.keepdims)],
      ['std1', T.std(input, axis, 1, c.keepdims)],
      ['anyPositive', T.any(T.greater(input, 2), axis, c.keepdims)],
      ['allPositive', T.all(T.greater(input, -4), axis, c.keepdims)],
    ];
    for (const [name, r] of checks) {
      assert.deepEqual(r.shape, c.shape, `${name} ${label} shape`);
      assertClose(r, c[name], { rtol: 1e-12, atol: 1e-12 }, `${name} ${label}`);
    }
  }
});

test('argmin, argmax, cumsum and cumprod along each axis match NumPy (first index wins ties)', () => {
  for (const c of core.arg) {
    const axis = c.axis ?? undefined;
    assertClose(T.argmin(input, axis), c.argmin, {}, `argmin ${c.axis}`);
    assertClose(T.argmax(input, axis), c.argmax, {}, `argmax ${c.axis}`);
    assertClose(T.cumsum(input, axis), c.cumsum, { rtol: 1e-12, atol: 1e-12 }, `cumsum ${c.axis}`);
    assertClose(T.cumprod(T.div(input, 3), axis), c.cumprod, { rtol: 1e-12, atol: 1e-300 }, `cumprod ${c.axis}`);
  }
});

test('reductions read strided views (a transposed, reversed slice) correctly', () => {
  const view = T.slice(T.transpose(input, [2, 0, 1]), '::-1');
  const copy = view.copy();
  for (const axis of [undefined, 0, 1, 2, [0, 2]]) {
    assertClose(T.sum(view, axis), T.sum(copy, axis), { rtol: 1e-14 });
    assertClose(T.max(view, axis), T.max(copy, axis), { rtol: 0 });
  }
});

test('sums over leading axes of contiguous data (the blocked column path) equal closed forms', () => {
  const rows = 11;
  const cols = 7;
  const a = T.arange(rows * cols).reshape(rows, cols);
  // column j holds j, j + 7, …, j + 70: its sum is 11·j + 7·(0 + 1 + … + 10)
  assert.deepEqual(T.sum(a, 0).toArray(), Array.from({ length: cols }, (_, j) => rows * j + cols * 55));
  const cube = T.arange(9 * 2 * 3).reshape(9, 2, 3);
  assertClose(T.sum(cube, [0, 1]), T.sum(T.sum(T.transpose(cube, [2, 0, 1]).copy(), 2), 1), { rtol: 1e-15 });
  assertClose(T.mean(cube, 0), T.div(T.sum(T.slice(cube, '::-1'), 0), 9), { rtol: 1e-15 });
});

test('NaN propagates through min/max and argmax finds it first', () => {
  const a = T.array([1, NaN, 3]);
  assert.ok(Number.isNaN(T.max(a).item()));
  assert.ok(Number.isNaN(T.min(a).item()));
  assert.equal(T.argmax(a).item(), 1);
});

test('integer sums are float64 and float32 stays float32', () => {
  assert.equal(T.sum(T.array([1, 2], { dtype: 'int32' })).dtype, 'float64');
  assert.equal(T.mean(T.array([1, 2], { dtype: 'float32' })).dtype, 'float32');
  assert.equal(T.max(T.array([1, 2], { dtype: 'uint8' })).dtype, 'uint8');
});

test('empty reductions: sum is 0, mean is NaN, min and argmax explain the error', () => {
  const empty = T.zeros([0, 3]);
  assert.deepEqual(T.sum(empty, 0).toArray(), [0, 0, 0]);
  assert.ok(Number.isNaN(T.mean(empty).item()));
  assert.throws(() => T.min(empty), /zero-size selection of an array of shape \(0, 3\)/);
  assert.throws(() => T.argmax(empty, 0), /argmax of an empty sequence/);
  assert.throws(() => T.sum(input, 3), /Axis 3 is out of bounds for an array with 3 dimensions/);
  assert.throws(() => T.sum(input, [1, 1]), /repeats an axis/);
});
