import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const j = loadFixture('core').join;

test('concatenate, stack, split and take match NumPy', () => {
  const a = T.array(j.a);
  const b = T.array(j.b);
  assertClose(T.concatenate([a, b], 0), j.concat0, { rtol: 0 });
  assertClose(T.concatenate([a, b], 1), j.concat1, { rtol: 0 });
  assertClose(T.stack([a, b], 2), j.stack2, { rtol: 0 });
  const parts = T.split(T.arange(12).reshape(3, 4), [1, 3], 1);
  assert.equal(parts.length, j.split.length);
  parts.forEach((p, i) => assertClose(p, j.split[i], { rtol: 0 }));
  assertClose(T.take(T.arange(12).reshape(3, 4), [2, 0, -1], 1), j.take, { rtol: 0 });
});

test('concatenate promotes dtypes; vstack and hstack handle vectors', () => {
  const r = T.concatenate([T.array([1], { dtype: 'int32' }), T.array([0.5], { dtype: 'float32' })]);
  assert.equal(r.dtype, 'float64');
  assert.deepEqual(T.vstack([T.array([1, 2]), T.array([3, 4])]).toArray(), [[1, 2], [3, 4]]);
  assert.deepEqual(T.hstack([T.array([1, 2]), T.array([3])]).toArray(), [1, 2, 3]);
  assert.deepEqual(T.compress(T.arange(4), T.array([true, false, true, false])).toArray(), [0, 2]);
});

test('mismatched pieces get errors naming the arrays, shapes and axis', () => {
  assert.throws(() => T.concatenate([T.zeros([2, 3]), T.zeros([2, 4])]), /array 1 has shape \(2, 4\), which differs from array 0's \(2, 3\) at axis 1/);
  assert.throws(() => T.stack([T.zeros([2]), T.zeros([3])]), /array 0 is \(2,\), array 1 is \(3,\)/);
  assert.throws(() => T.split(T.zeros([5]), 2), /Cannot split axis 0 of length 5 into 2 equal sections/);
  assert.throws(() => T.take(T.zeros([3]), [3]), /Index 3 is out of bounds for axis 0 with size 3/);
  assert.throws(() => T.concatenate([]), /at least one array/);
});
