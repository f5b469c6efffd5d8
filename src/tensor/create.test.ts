import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';

test('array infers float64 for numbers, bool for booleans, and keeps typed-array dtypes', () => {
  assert.equal(T.array([[1, 2], [3, 4]]).dtype, 'float64');
  assert.equal(T.array([true, false]).dtype, 'bool');
  assert.equal(T.array(new Int32Array([1, 2])).dtype, 'int32');
  assert.deepEqual(T.array([[1, 2], [3, 4]]).shape, [2, 2]);
  assert.deepEqual(T.array([1.7, -1.7], { dtype: 'int32' }).toArray(), [1, -1]);
  assert.deepEqual(T.array([0, 2, NaN], { dtype: 'bool' }).toArray(), [false, true, false]);
});

test('toArray round-trips nested arrays and fromTyped shares the buffer', () => {
  const nested = [[[1, 2, 3], [4, 5, 6]]];
  assert.deepEqual(T.array(nested).toArray(), nested);
  const buf = new Float32Array([1, 2, 3, 4]);
  const a = T.fromTyped(buf, [2, 2]);
  a.set([0, 0], 9);
  assert.equal(buf[0], 9);
});

test('arange, linspace, eye, full and zeros', () => {
  assert.deepEqual(T.arange(1, 2, 0.25).toArray(), [1, 1.25, 1.5, 1.75]);
  assert.deepEqual(T.arange(5, 0, -2).toArray(), [5, 3, 1]);
  assert.deepEqual(T.linspace(0, 1, 5).toArray(), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(T.eye(2, 3, 1).toArray(), [[0, 1, 0], [0, 0, 1]]);
  assert.deepEqual(T.full([2], 7, { dtype: 'int32' }).toArray(), [7, 7]);
  assert.equal(T.zeros([2, 0]).size, 0);
});

test('bad input gets a clear error', () => {
  assert.throws(() => T.array([[1, 2], [3]]), /Ragged nested array: the row at \[1\] has 1 elements where 2 were expected/);
  assert.throws(() => T.array(['a'] as never), /Element at \[0\] is string/);
  assert.throws(() => T.zeros([2, -1]), /every dimension must be a non-negative integer/);
  assert.throws(() => T.array([1], { dtype: 'int64' as never }), /Unknown dtype "int64"; use one of/);
  assert.throws(() => T.fromTyped(new Float64Array(5), [2, 3]), /A buffer of 5 elements cannot have shape \(2, 3\)/);
  assert.throws(() => T.arange(0, 1, 0), /step must be a finite non-zero number/);
  assert.throws(() => T.array([1, 2]).item(), /exactly one element/);
});
