import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { DTypeError } from '../errors.js';
import { type Cplx, assertComplexClose } from '../../../test/helpers/fft-complex.js';
import { complexArray, fft, irfft, rfft } from './index.js';

interface OneD {
  n: number;
  re: number[];
  im: number[];
  rfft: Cplx;
  irfft_odd?: number[];
  irfft_default?: number[] | null;
}
const fx = loadFixture('fft');

test('rfft matches numpy.fft.rfft for every fixture length (odd and even, packed even path)', () => {
  for (const c of fx.one_d as OneD[]) assertComplexClose(rfft(c.re), c.rfft, `n=${c.n}`);
});

test('rfft equals the first n/2+1 bins of fft', () => {
  const x = Float64Array.from({ length: 30 }, (_, i) => Math.cos(i) * i);
  const full = fft(x);
  const half = rfft(x);
  assert.equal(half.size, 16);
  assertClose(half.re, full.re.subarray(0, 16), { atol: 1e-12 });
  assertClose(half.im, full.im.subarray(0, 16), { atol: 1e-12 });
});

test('irfft(rfft(x), n) round-trips for every length', () => {
  for (const c of fx.one_d as OneD[]) {
    const back = irfft(rfft(c.re), { n: c.n });
    assert.deepEqual([...back.shape], [c.n]);
    assert.equal(back.dtype, 'float64');
    assertClose(back, c.re, { atol: 1e-12 }, `n=${c.n}`);
  }
});

test('irfft of non-Hermitian data ignores imag of c[0] and c[n/2], like NumPy', () => {
  for (const c of fx.one_d as OneD[]) {
    if (c.irfft_odd === undefined) continue;
    const m = Math.floor(c.n / 2) + 1;
    const z = complexArray(c.re.slice(0, m), c.im.slice(0, m));
    assertClose(irfft(z, { n: 2 * Math.floor(c.n / 2) + 1 }), c.irfft_odd, { rtol: 1e-10, atol: 1e-12 }, `odd n=${c.n}`);
    if (c.irfft_default) assertClose(irfft(complexArray(c.re, c.im)), c.irfft_default, { rtol: 1e-10, atol: 1e-12 }, `default n=${c.n}`);
  }
});

test('rfft/irfft norms, n cropping/padding and axis match NumPy', () => {
  for (const c of fx.norms) {
    assertComplexClose(rfft(c.re, { norm: c.norm }), c.rfft, `rfft ${c.norm}`);
    const m = Math.floor(c.n / 2) + 1;
    const z = complexArray(c.re.slice(0, m), c.im.slice(0, m));
    assertClose(irfft(z, { n: c.n, norm: c.norm }), c.irfft, { rtol: 1e-10, atol: 1e-12 }, `irfft ${c.norm}`);
  }
  const p = fx.padding;
  assertComplexClose(rfft(p.x, { n: 7 }), p.rfft_n7, 'rfft n=7');
  assertClose(irfft(complexArray(p.c_re, p.c_im), { n: 12 }), p.irfft_n12, { rtol: 1e-10, atol: 1e-12 }, 'irfft n=12');
  const a = array(fx.axis.x);
  assertComplexClose(rfft(a, { axis: 0 }), fx.axis.rfft_axis0, 'rfft axis 0');
  assertClose(irfft(rfft(a, { axis: 0 }), { n: 4, axis: 0 }), fx.axis.irfft_axis0_n4, { rtol: 1e-10, atol: 1e-12 }, 'irfft axis 0');
});

test('bad input: complex input to rfft, irfft of one coefficient without n', () => {
  assert.throws(() => rfft(complexArray([1, 2], [0, 1])), DTypeError);
  assert.throws(() => rfft(complexArray([1, 2], [0, 1])), /use fft\(\) for complex data/);
  assert.throws(() => irfft([1]), /invalid number of FFT data points 2\*\(m-1\) for m=1 input points, n=0/);
  assert.throws(() => irfft([1, 2], { n: -3 }), /n=-3/);
});
