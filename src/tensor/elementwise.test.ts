import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const core = loadFixture('core');

const BINARY: Record<string, (a: T.NdArray, b: T.NdArray) => T.NdArray> = {
  add: T.add, subtract: T.sub, multiply: T.mul, divide: T.div, maximum: T.maximum, minimum: T.minimum,
  fmax: T.fmax, fmin: T.fmin, mod: T.mod, floor_divide: T.floorDivide, arctan2: T.arctan2, hypot: T.hypot,
  equal: T.equal, not_equal: T.notEqual, less: T.less, less_equal: T.lessEqual, greater: T.greater,
  greater_equal: T.greaterEqual, power: T.pow,
};

const UNARY: Record<string, (a: T.NdArray) => T.NdArray> = {
  negative: T.negative, absolute: T.abs, sign: T.sign, square: T.square, floor: T.floor, ceil: T.ceil,
  rint: T.round, trunc: T.trunc, exp: T.exp, expm1: T.expm1, exp2: T.exp2, sin: T.sin, cos: T.cos, tan: T.tan,
  arctan: T.arctan, sinh: T.sinh, cosh: T.cosh, tanh: T.tanh, arcsinh: T.arcsinh, cbrt: T.cbrt,
  reciprocal: T.reciprocal, sqrt: T.sqrt, log: T.log, log2: T.log2, log10: T.log10, log1p: T.log1p,
  arccosh: T.arccosh, arcsin: T.arcsin, arccos: T.arccos, arctanh: T.arctanh, isnan: T.isnan, isinf: T.isinf,
  isfinite: T.isfinite,
};

function fromCase(values: T.NestedArray, shape: number[]): T.NdArray {
  return T.reshape(T.array(values as T.NestedArray), shape);
}

test('binary operations broadcast and match NumPy, NaN and infinities included', () => {
  for (const c of core.binary) {
    const fn = BINARY[c.op];
    assert.ok(fn, `no function for ${c.op}`);
    const r = fn(fromCase(c.a, c.shapeA), fromCase(c.b, c.shapeB));
    assert.deepEqual(r.shape, c.shape, `${c.op} ${JSON.stringify(c.shapeA)} with ${JSON.stringify(c.shapeB)}`);
    assertClose(r, c.result, { rtol: 1e-14, atol: 1e-300 }, `${c.op} ${JSON.stringify(c.shapeA)}·${JSON.stringify(c.shapeB)}`);
  }
});

test('unary math matches NumPy across domains, including NaN, ±inf and rounding halves to even', () => {
  for (const c of core.unary) {
    const fn = UNARY[c.op];
    assert.ok(fn, `no function for ${c.op}`);
    assertClose(fn(T.array(c.x)), c.result, { rtol: 1e-14, atol: 1e-300 }, c.op);
  }
});

test('result dtypes follow NumPy promotion for arrays and weak JS scalars', () => {
  for (const c of core.promotion) {
    const a = T.ones([2], { dtype: c.a });
    const b = T.ones([2], { dtype: c.b });
    const expected = c.multiply === 'bool' ? 'int32' : c.multiply; // bool·bool is promoted to int32 here
    assert.equal(T.mul(a, b).dtype, expected, `${c.a} * ${c.b}`);
    assert.equal(T.div(a, b).dtype, c.divide, `${c.a} / ${c.b}`);
  }
  for (const c of core.scalars) {
    assert.equal(T.mul(T.ones([2], { dtype: c.a }), c.scalar).dtype, c.dtype, `${c.a} * ${c.scalar}`);
  }
});

test('integer arrays wrap on overflow and float32 math rounds like float32', () => {
  const big = T.array([2147483647], { dtype: 'int32' });
  assert.deepEqual(T.add(big, 1).toArray(), [-2147483648]);
  assert.deepEqual(T.add(T.array([250], { dtype: 'uint8' }), 10).toArray(), [4]);
  const f = T.array([0.1], { dtype: 'float32' });
  assert.equal(T.add(f, 0.2).get(0), Math.fround(Math.fround(0.1) + Math.fround(0.2)));
});

test('where picks by a broadcast condition, and clip limits values', () => {
  const a = T.arange(6).reshape(2, 3);
  assert.deepEqual(T.where(T.greater(a, 2), a, T.array([-1, -2, -3])).toArray(), [[-1, -2, -3], [3, 4, 5]]);
  assert.deepEqual(T.clip(a, 1, 4).toArray(), [[1, 1, 2], [3, 4, 4]]);
});

test('shape mismatches name both shapes and the axis', () => {
  assert.throws(() => T.add(T.zeros([3, 4]), T.zeros([3])), (err: Error) => {
    assert.ok(err instanceof T.ShapeError);
    assert.match(err.message, /\(3, 4\) and \(3,\)/);
    assert.match(err.message, /axis -1 has sizes 4 and 3/);
    return true;
  });
});

test('fluent methods give the same results as the free functions', () => {
  const a = T.arange(1, 7).reshape(2, 3);
  assert.deepEqual(a.add(1).mul(2).sub(a).div(2).toArray(), T.div(T.sub(T.mul(T.add(a, 1), 2), a), 2).toArray());
  assert.deepEqual(a.gt(3).toArray(), [[false, false, false], [true, true, true]]);
});
