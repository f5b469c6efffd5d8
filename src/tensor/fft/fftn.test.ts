import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { assertComplexClose } from '../../../test/helpers/fft-complex.js';
import { complexArray, fft2, fftn, ifft2, ifftn } from './index.js';

const t = loadFixture('fft').two_d;

test('fft2 on a 6×10 array matches numpy.fft.fft2 (real and complex input)', () => {
  assertComplexClose(fft2(array(t.re)), t.fft2_real, 'real');
  const z = complexArray(t.re, t.im);
  assertComplexClose(fft2(z), t.fft2, 'complex');
  assertComplexClose(ifft2(z), t.ifft2, 'ifft2');
  assertComplexClose(fft2(z, { norm: 'ortho' }), t.fft2_ortho, 'ortho');
  assertComplexClose(fft2(t.re, { s: [4, 12] }), t.fft2_s, 's=(4, 12)');
});

test('ifft2(fft2(x)) round-trips a 6×10 complex array', () => {
  const z = complexArray(t.re, t.im);
  const back = ifft2(fft2(z));
  assert.deepEqual([...back.shape], [6, 10]);
  assertClose(back.re, z.re, { atol: 1e-12 });
  assertClose(back.im, z.im, { atol: 1e-12 });
});

test('fftn over all axes and over chosen axes of a 2×3×4 array', () => {
  assertComplexClose(fftn(t.b), t.fftn_all, 'all axes');
  assertComplexClose(fftn(t.b, { axes: [0, 2] }), t.fftn_axes02, 'axes (0, 2)');
  assertComplexClose(ifftn(t.b), t.ifftn_all, 'ifftn');
});

test('bad input: repeated axes, s/axes length mismatch, s longer than ndim', () => {
  assert.throws(() => fftn(t.b, { axes: [1, -2] }), /repeat an axis/);
  assert.throws(() => fftn(t.b, { axes: [0, 1], s: [3] }), /s has 1 entries but 2 axes/);
  assert.throws(() => fft2([1, 2, 3]), /out of bounds/);
  assert.throws(() => fftn([1, 2], { s: [2, 2] }), /only 1 dimensions/);
  assert.throws(() => fft2(t.re, { s: [0, 3] }), /s\[0\]=0/);
});
