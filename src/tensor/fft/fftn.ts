/** Multi-dimensional FFTs: `fftn`/`ifftn` over any set of axes, `fft2`/`ifft2` over the last two. */
import { ValueError } from '../errors.js';
import { ComplexArray, type ComplexInput, type SplitData, toSplit } from './complex-array.js';
import { transformAxis } from './fft.js';
import { checkLength, resolveAxis } from './lines.js';
import { type FftNorm, checkNorm } from './norm.js';

export interface FftnOptions {
  /** Output length along each transformed axis (crop/zero-pad), in the order of `axes`. */
  s?: readonly number[];
  /** Axes to transform (default: all axes, or the last `s.length` axes when `s` is given). */
  axes?: readonly number[];
  /** Normalization mode (default 'backward'); the factor covers all transformed axes. */
  norm?: FftNorm;
}

function resolveAxes(ndim: number, options: FftnOptions, fn: string): { axes: number[]; sizes: (number | undefined)[] } {
  const { s, axes } = options;
  let list: number[];
  if (axes !== undefined) list = axes.map((a) => resolveAxis(a, ndim, fn));
  else if (s !== undefined) {
    if (s.length > ndim) throw new ValueError(`${fn}: s has ${s.length} entries but the input has only ${ndim} dimensions.`);
    list = s.map((_, i) => ndim - s.length + i);
  } else {
    if (ndim === 0) resolveAxis(-1, 0, fn);
    list = Array.from({ length: ndim }, (_, i) => i);
  }
  if (new Set(list).size !== list.length) {
    throw new ValueError(`${fn}: axes ${JSON.stringify(axes)} repeat an axis; list each axis once.`);
  }
  if (s !== undefined && s.length !== list.length) {
    throw new ValueError(`${fn}: s has ${s.length} entries but ${list.length} axes are transformed; give one length per axis.`);
  }
  return { axes: list, sizes: list.map((_, i) => s?.[i]) };
}

function nDim(x: ComplexInput, options: FftnOptions, inverse: boolean, fn: string): ComplexArray {
  let cur: SplitData = toSplit(x);
  const norm = checkNorm(options.norm, fn);
  const { axes, sizes } = resolveAxes(cur.shape.length, options, fn);
  let out: ComplexArray | undefined;
  // Last axis first, like NumPy; the order does not change the result beyond rounding.
  for (let i = axes.length - 1; i >= 0; i--) {
    const axis = axes[i]!;
    const n = checkLength(sizes[i] ?? cur.shape[axis]!, fn, `s[${i}]`);
    out = transformAxis(cur, axis, n, inverse, norm);
    cur = { re: out.re, im: out.im, shape: out.shape };
  }
  if (out === undefined) return new ComplexArray(cur.re.slice(), cur.im ? cur.im.slice() : new Float64Array(cur.re.length), cur.shape);
  return out;
}

/**
 * N-dimensional discrete Fourier transform over `axes` (default: every axis).
 *
 * @example
 * const X = fftn([[1, 2], [3, 4]]);
 * X.re; // Float64Array [10, -2, -4, 0]
 */
export function fftn(x: ComplexInput, options: FftnOptions = {}): ComplexArray {
  return nDim(x, options, false, 'fftn');
}

/**
 * N-dimensional inverse discrete Fourier transform; `ifftn(fftn(x))` gives back x.
 *
 * @example
 * ifftn(fftn([[1, 2], [3, 4]])).re; // ≈ Float64Array [1, 2, 3, 4]
 */
export function ifftn(x: ComplexInput, options: FftnOptions = {}): ComplexArray {
  return nDim(x, options, true, 'ifftn');
}

/**
 * Two-dimensional discrete Fourier transform over the last two axes (or `axes`).
 *
 * @example
 * const X = fft2([[1, 0, 0], [0, 0, 0]]); // all ones: the transform of an impulse
 */
export function fft2(x: ComplexInput, options: FftnOptions = {}): ComplexArray {
  return nDim(x, { ...options, axes: options.axes ?? [-2, -1] }, false, 'fft2');
}

/**
 * Two-dimensional inverse discrete Fourier transform over the last two axes (or `axes`).
 *
 * @example
 * ifft2(fft2([[1, 2], [3, 4]])).re; // ≈ Float64Array [1, 2, 3, 4]
 */
export function ifft2(x: ComplexInput, options: FftnOptions = {}): ComplexArray {
  return nDim(x, { ...options, axes: options.axes ?? [-2, -1] }, true, 'ifft2');
}
