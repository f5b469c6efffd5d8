import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { complexArray, fftshift, ifftshift } from './index.js';

const s = loadFixture('fft').shift;

test('fftshift/ifftshift match NumPy on 1-D (odd) and 2-D arrays', () => {
  assert.deepEqual(fftshift(s.x5).toArray(), s.fftshift5);
  assert.deepEqual(ifftshift(s.x5).toArray(), s.ifftshift5);
  assert.deepEqual(fftshift(s.x34).toArray(), s.fftshift);
  assert.deepEqual(ifftshift(s.x34).toArray(), s.ifftshift);
  assert.deepEqual(fftshift(s.x34, 1).toArray(), s.fftshift_axis1);
  assert.deepEqual(fftshift(s.x34, [1]).toArray(), s.fftshift_axis1);
  assert.deepEqual(ifftshift(fftshift(s.x5)).toArray(), s.x5);
});

test('fftshift keeps the dtype and shifts ComplexArrays', () => {
  const a = fftshift(array([0, 1, 2, 3], { dtype: 'int32' }));
  assert.equal(a.dtype, 'int32');
  assert.deepEqual(a.toArray(), [2, 3, 0, 1]);
  const z = fftshift(complexArray([0, 1, 2], [5, 6, 7]));
  assert.deepEqual(Array.from(z.re), [2, 0, 1]);
  assert.deepEqual(Array.from(z.im), [7, 5, 6]);
  const input = complexArray([0, 1], [0, 0]);
  fftshift(input, []).re[0] = 9;
  assert.equal(input.re[0], 0, 'result never shares buffers with the input');
});

test('bad input: axis out of range or repeated', () => {
  assert.throws(() => fftshift(s.x34, 2), /out of bounds/);
  assert.throws(() => fftshift(s.x34, [0, -2]), /repeat an axis/);
});
