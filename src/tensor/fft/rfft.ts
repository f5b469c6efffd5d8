/**
 * FFT of real input and its inverse (NumPy's `fft.rfft` / `fft.irfft`). For even lengths the
 * real signal is packed into a complex one of half the length, so a real transform costs about
 * half a complex one.
 */
import { DTypeError } from '../errors.js';
import { NdArray } from '../ndarray.js';
import { ComplexArray, type ComplexInput, toSplit } from './complex-array.js';
import type { FftOptions } from './fft.js';
import { checkLength, mapLines, resolveAxis } from './lines.js';
import { checkNorm, normScale } from './norm.js';
import { getPlan, twiddles } from './plan.js';

const halfTwiddles = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** cos/sin(2πk/n) for k ≤ n/2, cached per even n. */
function halfTurn(n: number): { cos: Float64Array; sin: Float64Array } {
  let t = halfTwiddles.get(n);
  if (t === undefined) {
    t = twiddles(n, n / 2 + 1);
    if (halfTwiddles.size >= 32) halfTwiddles.delete(halfTwiddles.keys().next().value as number);
    halfTwiddles.set(n, t);
  }
  return t;
}

/** X[0..n/2] of the real signal x (length n, already cropped/padded); writes into outRe/outIm. */
function realForward(x: Float64Array, n: number, outRe: Float64Array, outIm: Float64Array): void {
  if (n % 2 === 1) {
    const re = x.slice(0, n);
    const im = new Float64Array(n);
    getPlan(n).forward(re, im);
    const h = (n - 1) / 2;
    for (let k = 0; k <= h; k++) {
      outRe[k] = re[k]!;
      outIm[k] = im[k]!;
    }
    return;
  }
  // z_j = x_{2j} + i x_{2j+1}; Z = DFT_m(z); X_k = E_k + W^k O_k with
  // E_k = (Z_k + conj Z_{m-k}) / 2, O_k = (Z_k - conj Z_{m-k}) / 2i, W = e^{-2πi/n}.
  const m = n / 2;
  const zr = new Float64Array(m);
  const zi = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    zr[j] = x[2 * j]!;
    zi[j] = x[2 * j + 1]!;
  }
  getPlan(m).forward(zr, zi);
  const { cos, sin } = halfTurn(n);
  for (let k = 0; k <= m; k++) {
    const a = k % m;
    const b = (m - k) % m;
    const er = 0.5 * (zr[a]! + zr[b]!);
    const ei = 0.5 * (zi[a]! - zi[b]!);
    const or = 0.5 * (zi[a]! + zi[b]!);
    const oi = -0.5 * (zr[a]! - zr[b]!);
    const wr = cos[k]!;
    const wi = -sin[k]!;
    outRe[k] = er + (or * wr - oi * wi);
    outIm[k] = ei + (or * wi + oi * wr);
  }
  outIm[0] = 0;
  outIm[m] = 0;
}

/**
 * Real signal x (length n, unscaled, NumPy's backward convention without the 1/n) from the
 * half spectrum c[0..⌊n/2⌋]; the imaginary parts of c[0] (and of c[n/2] for even n) are ignored.
 */
function realInverse(cRe: Float64Array, cIm: Float64Array, n: number, out: Float64Array): void {
  if (n % 2 === 1) {
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    const h = (n - 1) / 2;
    re[0] = cRe[0]!;
    for (let k = 1; k <= h; k++) {
      re[k] = cRe[k]!;
      im[k] = cIm[k]!;
      re[n - k] = cRe[k]!;
      im[n - k] = -cIm[k]!;
    }
    getPlan(n).inverse(re, im);
    out.set(re);
    return;
  }
  // Undo the packing: E_k = (X_k + conj X_{m-k}) / 2, O_k = (X_k - conj X_{m-k}) W^{-k} / 2,
  // Z_k = E_k + i O_k, z = IDFT_m(Z); the unscaled inverse over n is 2x the one over m.
  const m = n / 2;
  const zr = new Float64Array(m);
  const zi = new Float64Array(m);
  const { cos, sin } = halfTurn(n);
  const xr = (k: number): number => cRe[k]!;
  const xi = (k: number): number => (k === 0 || k === m ? 0 : cIm[k]!);
  for (let k = 0; k < m; k++) {
    const ar = xr(k);
    const ai = xi(k);
    const br = xr(m - k);
    const bi = -xi(m - k);
    const er = ar + br;
    const ei = ai + bi;
    const dr = ar - br;
    const di = ai - bi;
    // times W^{-k} = cos + i sin
    const or = dr * cos[k]! - di * sin[k]!;
    const oi = dr * sin[k]! + di * cos[k]!;
    zr[k] = er - oi;
    zi[k] = ei + or;
  }
  getPlan(m).inverse(zr, zi);
  for (let j = 0; j < m; j++) {
    out[2 * j] = zr[j]!;
    out[2 * j + 1] = zi[j]!;
  }
}

/**
 * FFT of a real signal, keeping only the non-negative frequencies X[0..⌊n/2⌋] (the rest are
 * their complex conjugates).
 *
 * @param x - real input (a ComplexArray is rejected: use `fft` for complex data)
 * @param options - `n` (crop/zero-pad before transforming), `axis`, `norm`
 * @returns a ComplexArray whose transformed axis has length ⌊n/2⌋ + 1
 *
 * @example
 * const X = rfft([1, 2, 3, 4]);
 * X.re; // Float64Array [10, -2, -2]
 * X.im; // Float64Array [0, 2, 0]
 */
export function rfft(x: ComplexInput, options: FftOptions = {}): ComplexArray {
  if (x instanceof ComplexArray) {
    throw new DTypeError('rfft needs real input but got a ComplexArray; use fft() for complex data, or pass x.real().');
  }
  const src = toSplit(x);
  const axis = resolveAxis(options.axis ?? -1, src.shape.length, 'rfft');
  const n = checkLength(options.n ?? src.shape[axis]!, 'rfft');
  const scale = normScale(checkNorm(options.norm, 'rfft'), n, false);
  const padded = new Float64Array(n);
  const half = Math.floor(n / 2) + 1;
  const res = mapLines(src, axis, half, (inRe, _inIm, outRe, outIm) => {
    padded.fill(0);
    padded.set(inRe.length > n ? inRe.subarray(0, n) : inRe);
    realForward(padded, n, outRe, outIm);
    if (scale !== 1) {
      for (let k = 0; k < half; k++) {
        outRe[k] = outRe[k]! * scale;
        outIm[k] = outIm[k]! * scale;
      }
    }
  });
  return new ComplexArray(res.re, res.im, res.shape);
}

/**
 * Inverse of `rfft`: the real signal of length `n` whose half spectrum is `x`.
 * `n` defaults to 2·(m − 1) for an input axis of length m — pass it explicitly to get back an odd
 * length. The input is cropped or zero-padded to ⌊n/2⌋ + 1 coefficients.
 *
 * @returns a float64 NdArray with the transformed axis of length n
 *
 * @example
 * const x = irfft(rfft([1, 2, 3, 4, 5]), { n: 5 });
 * x.toArray(); // ≈ [1, 2, 3, 4, 5]
 */
export function irfft(x: ComplexInput, options: FftOptions = {}): NdArray<'float64'> {
  const src = toSplit(x);
  const axis = resolveAxis(options.axis ?? -1, src.shape.length, 'irfft');
  const m = src.shape[axis]!;
  const n = checkLength(options.n ?? 2 * (m - 1), 'irfft', options.n === undefined ? `2*(m-1) for m=${m} input points, n` : 'n');
  const scale = normScale(checkNorm(options.norm, 'irfft'), n, true);
  const half = Math.floor(n / 2) + 1;
  const cRe = new Float64Array(half);
  const cIm = new Float64Array(half);
  const line = new Float64Array(n);
  const res = mapLines(src, axis, n, (inRe, inIm, outRe) => {
    cRe.fill(0);
    cIm.fill(0);
    const take = Math.min(half, inRe.length);
    for (let k = 0; k < take; k++) cRe[k] = inRe[k]!;
    if (inIm !== null) for (let k = 0; k < take; k++) cIm[k] = inIm[k]!;
    realInverse(cRe, cIm, n, line);
    for (let k = 0; k < n; k++) outRe[k] = line[k]! * scale;
  });
  return new NdArray('float64', res.re, res.shape);
}
