import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { IndexError, ValueError } from '../errors.js';
import { type Cplx, assertComplexClose } from '../../../test/helpers/fft-complex.js';
import { ComplexArray, complexArray, fft, ifft } from './index.js';
import { createPlan, getPlan, radixFactors } from './plan.js';

interface OneD {
  n: number;
  re: number[];
  im: number[];
  fft: Cplx;
  ifft?: Cplx;
}
interface NormCase {
  n: number;
  norm: 'backward' | 'ortho' | 'forward';
  re: number[];
  im: number[];
  fft: Cplx;
  ifft: Cplx;
}
const fx = loadFixture('fft');

test('fft matches numpy.fft.fft for lengths 1…1024 (radix-2, mixed radix, Bluestein)', () => {
  for (const c of fx.one_d as OneD[]) {
    const z = complexArray(c.re, c.im);
    assertComplexClose(fft(z), c.fft, `n=${c.n}`);
    if (c.ifft) assertComplexClose(ifft(z), c.ifft, `ifft n=${c.n}`);
  }
});

test('ifft(fft(x)) round-trips for every fixture length', () => {
  for (const c of fx.one_d as OneD[]) {
    const back = ifft(fft(complexArray(c.re, c.im)));
    assertClose(back.re, c.re, { atol: 1e-12 }, `n=${c.n}`);
    assertClose(back.im, c.im, { atol: 1e-12 }, `n=${c.n}`);
  }
});

test('real input as number[], Float64Array and NdArray gives the complex transform of x + 0i', () => {
  const c = (fx.one_d as OneD[]).find((k) => k.n === 12)!;
  const expected = fft(complexArray(c.re, new Float64Array(12)));
  for (const input of [c.re, Float64Array.from(c.re), array(c.re)]) {
    const got = fft(input);
    assertClose(got.re, expected.re, { rtol: 0, atol: 0 });
    assertClose(got.im, expected.im, { rtol: 0, atol: 0 });
  }
  assert.deepEqual(Array.from(fft([1, 2, 3, 4]).re), [10, -2, -2, -2]);
  assert.deepEqual(Array.from(fft([1, 2, 3, 4]).im), [0, 2, 0, -2]);
});

test('norm backward/ortho/forward match NumPy', () => {
  for (const c of fx.norms as NormCase[]) {
    const z = complexArray(c.re, c.im);
    assertComplexClose(fft(z, { norm: c.norm }), c.fft, `fft n=${c.n} ${c.norm}`);
    assertClose(ifft(z, { norm: c.norm }).re, c.ifft.re, { rtol: 1e-10, atol: 1e-12 }, `ifft n=${c.n} ${c.norm}`);
    assertClose(ifft(z, { norm: c.norm }).im, c.ifft.im, { rtol: 1e-10, atol: 1e-12 }, `ifft n=${c.n} ${c.norm}`);
  }
});

test('n zero-pads or crops the input', () => {
  const p = fx.padding;
  assertComplexClose(fft(p.x, { n: 16 }), p.fft_n16, 'n=16');
  assertComplexClose(fft(p.x, { n: 5 }), p.fft_n5, 'n=5');
});

test('axis selects the transformed axis of an n-d array', () => {
  const a = array(fx.axis.x);
  assertComplexClose(fft(a, { axis: 0 }), fx.axis.fft_axis0, 'axis 0');
  assertComplexClose(fft(a), fx.axis.fft_axis1, 'axis -1');
  assertComplexClose(fft(a, { axis: -2 }), fx.axis.fft_axis0, 'axis -2');
});

test('every plan kind agrees with a direct O(n²) DFT', () => {
  const dft = (re: Float64Array, im: Float64Array): [Float64Array, Float64Array] => {
    const n = re.length;
    const R = new Float64Array(n);
    const I = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < n; j++) {
        const t = (-2 * Math.PI * ((j * k) % n)) / n;
        R[k] += re[j]! * Math.cos(t) - im[j]! * Math.sin(t);
        I[k] += re[j]! * Math.sin(t) + im[j]! * Math.cos(t);
      }
    }
    return [R, I];
  };
  for (const n of [6, 9, 10, 15, 16, 18, 20, 24, 30, 31, 45, 49, 74, 121]) {
    const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) + 0.1 * i);
    const im = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.3) - 0.05 * i);
    const [R, I] = dft(re, im);
    for (const kind of ['mixed', 'bluestein'] as const) {
      const a = re.slice();
      const b = im.slice();
      createPlan(n, kind).forward(a, b);
      assertClose(a, R, { atol: 1e-11 * n }, `${kind} n=${n}`);
      assertClose(b, I, { atol: 1e-11 * n }, `${kind} n=${n}`);
    }
  }
});

test('plan choice: radix-2 for powers of two, mixed for smooth lengths, Bluestein for large primes', () => {
  assert.equal(getPlan(1024).kind, 'radix2');
  assert.equal(getPlan(1000).kind, 'mixed');
  assert.equal(getPlan(13).kind, 'mixed');
  assert.equal(getPlan(97).kind, 'bluestein');
  assert.equal(getPlan(97), getPlan(97), 'plans are cached');
  assert.deepEqual(radixFactors(1000), [4, 2, 5, 5, 5]);
  assert.deepEqual(radixFactors(97 * 3), [3, 97]);
});

test('a large prime length is fast and accurate (Bluestein is O(n log n))', () => {
  const n = 65521; // prime
  const re = Float64Array.from({ length: n }, (_, i) => Math.sin(0.01 * i * i));
  const t0 = performance.now();
  const X = fft(re);
  const back = ifft(X);
  const ms = performance.now() - t0;
  assert.ok(ms < 2000, `took ${ms} ms`);
  assertClose(back.re, re, { atol: 1e-10 });
  // Parseval: Σ|x|² = Σ|X|²/n
  let ex = 0;
  let eX = 0;
  for (let i = 0; i < n; i++) {
    ex += re[i]! ** 2;
    eX += X.re[i]! ** 2 + X.im[i]! ** 2;
  }
  assertClose([eX / n], [ex], { rtol: 1e-10 });
});

test('bad input: non-positive n, bad norm, 0-d input, bad axis, mismatched ComplexArray parts', () => {
  assert.throws(() => fft([1, 2], { n: 0 }), /invalid number of FFT data points n=0/);
  assert.throws(() => fft([], {}), /invalid number of FFT data points n=0/);
  assert.throws(() => fft([1, 2], { n: 2.5 }), ValueError);
  assert.throws(() => fft([1, 2], { norm: 'unitary' as never }), /norm must be 'backward', 'ortho' or 'forward'/);
  assert.throws(() => fft(3), /at least a 1-D array/);
  assert.throws(() => fft([1, 2], { axis: 1 }), IndexError);
  assert.throws(() => complexArray([1, 2], [1, 2, 3]), /same shape/);
  assert.throws(() => new ComplexArray(new Float64Array(2), new Float64Array(3)), /same length/);
  assert.throws(() => new ComplexArray(new Float64Array(6), new Float64Array(6), [4, 2]), /cannot have shape \(4, 2\)/);
});

test('ComplexArray helpers: get, real, imag, abs, angle, conj, reshape', () => {
  const z = complexArray([[3, 0], [-1, 1]], [[4, 2], [0, -1]]);
  assert.deepEqual(z.get(0, 0), [3, 4]);
  assert.deepEqual(z.get(-1, -1), [1, -1]);
  assert.deepEqual(z.abs().toArray(), [[5, 2], [1, Math.SQRT2]]);
  assert.deepEqual(z.angle().toArray(), [[Math.atan2(4, 3), Math.PI / 2], [Math.PI, -Math.PI / 4]]);
  assert.deepEqual(z.conj().imag().toArray(), [[-4, -2], [-0, 1]]);
  assert.deepEqual(z.real().toArray(), [[3, 0], [-1, 1]]);
  assert.deepEqual([...z.reshape(4).shape], [4]);
  assert.throws(() => z.get(2, 0), /out of bounds/);
});
