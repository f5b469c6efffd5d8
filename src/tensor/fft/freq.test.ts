import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { fftfreq, rfftfreq } from './index.js';

const f = loadFixture('fft').freq;

test('fftfreq and rfftfreq match NumPy for odd/even n and spacing d', () => {
  for (const c of f.fftfreq) assertClose(fftfreq(c.n, c.d), c.out, { rtol: 0, atol: 1e-15 }, `fftfreq(${c.n}, ${c.d})`);
  for (const c of f.rfftfreq) assertClose(rfftfreq(c.n, c.d), c.out, { rtol: 0, atol: 1e-15 }, `rfftfreq(${c.n}, ${c.d})`);
  assert.deepEqual(fftfreq(4).toArray(), [0, 0.25, -0.5, -0.25]);
});

test('bad input: n < 1 or non-integer, d = 0', () => {
  assert.throws(() => fftfreq(0), /n must be a positive integer/);
  assert.throws(() => rfftfreq(2.5), /n must be a positive integer/);
  assert.throws(() => fftfreq(4, 0), /sample spacing d must be a finite non-zero number/);
});
