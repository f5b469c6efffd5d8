import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const core = loadFixture('core');

test('slices (steps, negatives, ellipsis, newaxis, empty ranges) match NumPy indexing', () => {
  const base = T.arange(60).reshape(3, 4, 5);
  for (const c of core.slicing) {
    const specs = c.spec.map((s: string) => (s === 'newaxis' ? T.newaxis : /^-?\d+$/.test(s) ? Number(s) : s));
    const view = T.slice(base, ...specs);
    assert.deepEqual(view.shape, c.shape, `slice ${c.spec.join(', ')}`);
    assertClose(view, c.result, { rtol: 0 }, `slice ${c.spec.join(', ')}`);
  }
});

test('views share the buffer: writing through a slice changes the original', () => {
  const a = T.zeros([3, 4]);
  const col = T.slice(a, ':', 2);
  col.set([1], 7);
  assert.equal(a.get(1, 2), 7);
  assert.equal(col.data, a.data);
  assert.equal(T.transpose(a).data, a.data);
  assert.equal(T.reshape(a, [12]).data, a.data);
});

test('transpose, reshape with -1, squeeze, expandDims and broadcastTo give NumPy shapes', () => {
  const a = T.arange(24).reshape(2, 3, 4);
  assert.deepEqual(T.transpose(a).shape, [4, 3, 2]);
  assert.deepEqual(T.transpose(a, [1, 0, 2]).get(2, 1, 3), a.get(1, 2, 3));
  assert.deepEqual(T.reshape(a, [-1, 4]).shape, [6, 4]);
  assert.deepEqual((T.reshape(T.transpose(a), [-1]).toArray() as number[]).slice(0, 3), [0, 12, 4]);
  assert.deepEqual(T.squeeze(T.zeros([1, 3, 1])).shape, [3]);
  assert.deepEqual(T.expandDims(T.zeros([3]), -1).shape, [3, 1]);
  const b = T.broadcastTo(T.array([1, 2, 3]), [2, 3]);
  assert.deepEqual(b.strides, [0, 1]);
  assert.deepEqual(b.toArray(), [[1, 2, 3], [1, 2, 3]]);
  assert.deepEqual(T.moveAxis(a, 0, -1).shape, [3, 4, 2]);
  assert.deepEqual(T.swapAxes(a, 0, 2).shape, [4, 3, 2]);
});

test('bad shapes and indices get errors that name the shapes and the fix', () => {
  const a = T.arange(12).reshape(3, 4);
  assert.throws(() => T.reshape(a, [5, -1]), /Cannot reshape an array of shape \(3, 4\) \(12 elements\) into shape \(5, -1\)/);
  assert.throws(() => T.reshape(a, [-1, -1]), /only one dimension/);
  assert.throws(() => T.slice(a, 0, 0, 0), /Too many indices: 3 given for an array of shape \(3, 4\)/);
  assert.throws(() => T.slice(a, 3), /Index 3 is out of bounds for axis 0 with size 3/);
  assert.throws(() => T.slice(a, '1:2:0'), /step cannot be zero/);
  assert.throws(() => T.broadcastTo(a, [4, 4]), /Cannot broadcast an array of shape \(3, 4\) to shape \(4, 4\)/);
  assert.throws(() => T.squeeze(a, 0), /Cannot squeeze axis 0 of shape \(3, 4\)/);
  assert.throws(() => a.get(0), /Got 1 indices for an array of shape \(3, 4\)/);
});
