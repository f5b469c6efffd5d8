/** One-dimensional complex FFT and its inverse (NumPy's `fft.fft` / `fft.ifft`). */
import { ComplexArray, type ComplexInput, type SplitData, toSplit } from './complex-array.js';
import { checkLength, mapLines, resolveAxis } from './lines.js';
import { type FftNorm, checkNorm, normScale } from './norm.js';
import { getPlan } from './plan.js';

export interface FftOptions {
  /** Length of the transform: the input is cropped or zero-padded to n (default: its length). */
  n?: number;
  /** Axis to transform (default -1, the last). */
  axis?: number;
  /** Normalization mode (default 'backward'). */
  norm?: FftNorm;
}

/** Transforms `src` along `axis` to length `n`; shared by fft, ifft and the n-d transforms. */
export function transformAxis(src: SplitData, axis: number, n: number, inverse: boolean, norm: FftNorm): ComplexArray {
  const plan = getPlan(n);
  const scale = normScale(norm, n, inverse);
  const res = mapLines(src, axis, n, (inRe, inIm, outRe, outIm) => {
    const m = Math.min(n, inRe.length);
    for (let k = 0; k < m; k++) outRe[k] = inRe[k]!;
    if (inIm !== null) for (let k = 0; k < m; k++) outIm[k] = inIm[k]!;
    if (inverse) plan.inverse(outRe, outIm);
    else plan.forward(outRe, outIm);
    if (scale !== 1) {
      for (let k = 0; k < n; k++) {
        outRe[k] = outRe[k]! * scale;
        outIm[k] = outIm[k]! * scale;
      }
    }
  });
  return new ComplexArray(res.re, res.im, res.shape);
}

function oneDim(x: ComplexInput, options: FftOptions, inverse: boolean, fn: string): ComplexArray {
  const src = toSplit(x);
  const axis = resolveAxis(options.axis ?? -1, src.shape.length, fn);
  const n = checkLength(options.n ?? src.shape[axis]!, fn);
  return transformAxis(src, axis, n, inverse, checkNorm(options.norm, fn));
}

/**
 * Discrete Fourier transform X_k = Σ_j x_j e^{-2πi jk/n} along one axis (the last by default).
 * Any length works: powers of two use radix-2, other lengths mixed radix or Bluestein (O(n log n)).
 * Real input (NdArray, number[], Float64Array, nested arrays) is treated as complex with zero
 * imaginary part.
 *
 * @param x - real input or a ComplexArray
 * @param options - `n` (crop/zero-pad), `axis`, `norm`
 * @returns a ComplexArray with the transformed axis of length n
 *
 * @example
 * const X = fft([1, 2, 3, 4]);
 * X.re; // Float64Array [10, -2, -2, -2]
 * X.im; // Float64Array [0, 2, 0, -2]
 */
export function fft(x: ComplexInput, options: FftOptions = {}): ComplexArray {
  return oneDim(x, options, false, 'fft');
}

/**
 * Inverse discrete Fourier transform x_j = (1/n) Σ_k X_k e^{+2πi jk/n} (with the default
 * 'backward' normalization), so `ifft(fft(x))` gives back x.
 *
 * @example
 * const x = ifft(fft([1, 2, 3]));
 * x.re; // ≈ Float64Array [1, 2, 3]
 */
export function ifft(x: ComplexInput, options: FftOptions = {}): ComplexArray {
  return oneDim(x, options, true, 'ifft');
}
