/** Composite Simpson's rule on samples (SciPy's `simpson`). */
import { ValueError } from '../errors.js';
import type { ArrayLikeInput, NdArray } from '../ndarray.js';
import { type SampledOptions, forEachLine, readSampled, reducedResult } from './sampled.js';

/**
 * What to do with an even number of samples (an odd number of intervals):
 * 'avg' (the default of the installed SciPy 1.10) averages 'first' and 'last';
 * 'first' applies Simpson to the first N−2 intervals and the trapezoid to the last;
 * 'last' applies the trapezoid to the first interval and Simpson to the rest;
 * 'simpson' (SciPy ≥ 1.11's default) integrates the last interval exactly under the parabola
 * through the last three points (Cartwright's correction).
 */
export type SimpsonEven = 'avg' | 'first' | 'last' | 'simpson';

export interface SimpsonOptions extends SampledOptions {
  /** Handling of an even number of samples (default 'avg', as SciPy 1.10). */
  even?: SimpsonEven;
}

/** Simpson's rule over samples start, start+1, …, stop (stop − start even). */
function basicSimpson(
  yAt: (k: number) => number,
  xAt: (k: number) => number,
  uniform: boolean,
  dx: number,
  start: number,
  stop: number,
): number {
  let sum = 0;
  if (uniform) {
    for (let k = start; k + 2 <= stop; k += 2) sum += yAt(k) + 4 * yAt(k + 1) + yAt(k + 2);
    return (sum * dx) / 3;
  }
  for (let k = start; k + 2 <= stop; k += 2) {
    const h0 = xAt(k + 1) - xAt(k);
    const h1 = xAt(k + 2) - xAt(k + 1);
    const hsum = h0 + h1;
    const hprod = h0 * h1;
    // Same guards as SciPy: a zero spacing contributes a zero weight rather than Inf/NaN.
    const h0divh1 = h1 !== 0 ? h0 / h1 : 0;
    const w0 = 2 - (h0divh1 !== 0 ? 1 / h0divh1 : 0);
    const w1 = hsum * (hprod !== 0 ? hsum / hprod : 0);
    const w2 = 2 - h0divh1;
    sum += (hsum / 6) * (yAt(k) * w0 + yAt(k + 1) * w1 + yAt(k + 2) * w2);
  }
  return sum;
}

/**
 * Integrates samples y along `axis` with the composite Simpson rule, using sample points `x`
 * (1-D or y's shape) or a uniform spacing `dx` (default 1). Exact for cubics on uniform odd-count
 * samples, for quadratics on any spacing. An even number of samples is handled per `even`.
 *
 * @returns a number for 1-D y, else an NdArray with the integrated axis removed
 *
 * @example
 * simpson([0, 1, 4, 9, 16]);                     // 21.333… (∫₀⁴ x² dx)
 * simpson([0, 1, 4, 9], { even: 'simpson' });    // ≈ 9     (∫₀³ x² dx, exact up to rounding with 4 samples)
 */
export function simpson(y: readonly number[] | Float64Array, options?: SimpsonOptions): number;
export function simpson(y: ArrayLikeInput, options?: SimpsonOptions): number | NdArray<'float64'>;
export function simpson(y: ArrayLikeInput, options: SimpsonOptions = {}): number | NdArray<'float64'> {
  const even = options.even ?? 'avg';
  if (even !== 'avg' && even !== 'first' && even !== 'last' && even !== 'simpson') {
    throw new ValueError(`simpson: even must be 'avg', 'first', 'last' or 'simpson', got ${JSON.stringify(even)}.`);
  }
  const s = readSampled(y, options, 'simpson');
  const { n, dx } = s;
  const uniform = s.x === null;
  const out = new Float64Array(s.outer * s.inner);
  forEachLine(s, (line, yAt, xAt) => {
    if (n < 2) {
      out[line] = 0;
      return;
    }
    if (n % 2 === 1) {
      out[line] = basicSimpson(yAt, xAt, uniform, dx, 0, n - 1);
      return;
    }
    const h = (k: number): number => (uniform ? dx : xAt(k + 1) - xAt(k));
    if (even === 'simpson') {
      if (n === 2) {
        out[line] = 0.5 * h(0) * (yAt(0) + yAt(1));
        return;
      }
      // Simpson on the first N−2 intervals, then the last interval under the parabola through the
      // last three points: ∫ = α·y[N−1] + β·y[N−2] − η·y[N−3].
      const h0 = h(n - 3);
      const h1 = h(n - 2);
      const alpha = (2 * h1 * h1 + 3 * h0 * h1) / (6 * (h1 + h0));
      const beta = (h1 * h1 + 3 * h0 * h1) / (6 * h0);
      const eta = (h1 * h1 * h1) / (6 * h0 * (h0 + h1));
      out[line] = basicSimpson(yAt, xAt, uniform, dx, 0, n - 2) + alpha * yAt(n - 1) + beta * yAt(n - 2) - eta * yAt(n - 3);
      return;
    }
    let val = 0;
    let result = 0;
    if (even === 'avg' || even === 'first') {
      val += 0.5 * h(n - 2) * (yAt(n - 1) + yAt(n - 2));
      result += basicSimpson(yAt, xAt, uniform, dx, 0, n - 2);
    }
    if (even === 'avg' || even === 'last') {
      val += 0.5 * h(0) * (yAt(1) + yAt(0));
      result += basicSimpson(yAt, xAt, uniform, dx, 1, n - 1);
    }
    if (even === 'avg') {
      val /= 2;
      result /= 2;
    }
    out[line] = result + val;
  });
  return reducedResult(s, out);
}
