import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const core = loadFixture('core');

test('matmul handles vectors, matrices and broadcast batches like NumPy', () => {
  for (const c of core.matmul) {
    const a = T.reshape(T.array(c.a), c.shapeA);
    const b = T.reshape(T.array(c.b), c.shapeB);
    const r = T.matmul(a, b);
    const label = `${JSON.stringify(c.shapeA)} @ ${JSON.stringify(c.shapeB)}`;
    assert.deepEqual(r.shape, c.shape, label);
    assertClose(r, c.result, { rtol: 1e-12, atol: 1e-12 }, label);
  }
});

test('matmul of strided views equals matmul of their copies, in float32 too', () => {
  const a = T.arange(35).reshape(5, 7);
  const at = T.transpose(a);
  assertClose(T.matmul(at, a), T.matmul(at.copy(), a), { rtol: 0 });
  const f = a.astype('float32');
  const r = T.matmul(f, T.transpose(f));
  assert.equal(r.dtype, 'float32');
  assertClose(r, T.matmul(a, at), { rtol: 1e-6 });
});

test('misaligned shapes say which dimensions disagree', () => {
  assert.throws(() => T.matmul(T.zeros([3, 4]), T.zeros([5, 2])), /shapes \(3, 4\) and \(5, 2\) are not aligned: the inner dimensions are 4 and 5/);
  assert.throws(() => T.matmul(T.zeros([2, 3, 4]), T.zeros([3, 4, 5])), /cannot be broadcast/);
  assert.throws(() => T.matmul(T.array(2), T.zeros([2])), /0-d/);
});

test('dot and outer', () => {
  assert.equal(T.dot(T.array([1, 2, 3]), T.array([4, 5, 6])).item(), 32);
  assert.deepEqual(T.outer(T.array([1, 2]), T.array([3, 4, 5])).toArray(), [[3, 4, 5], [6, 8, 10]]);
});
