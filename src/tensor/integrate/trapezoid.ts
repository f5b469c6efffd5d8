/** The composite trapezoidal rule on samples (NumPy's `trapz`, SciPy's `trapezoid`). */
import type { ArrayLikeInput, NdArray } from '../ndarray.js';
import { type SampledOptions, forEachLine, readSampled, reducedResult } from './sampled.js';

/**
 * Integrates samples y along `axis` with the trapezoidal rule, using sample points `x`
 * (1-D or y's shape) or a uniform spacing `dx` (default 1). Fewer than two samples give 0.
 *
 * @returns a number for 1-D y, else an NdArray with the integrated axis removed
 *
 * @example
 * trapezoid([1, 2, 3]);                  // 4
 * trapezoid([1, 2, 3], { x: [0, 1, 3] }); // 6.5
 * trapezoid([[1, 2, 3], [4, 5, 6]], { dx: 0.5 }); // NdArray [2, 5]
 */
export function trapezoid(y: readonly number[] | Float64Array, options?: SampledOptions): number;
export function trapezoid(y: ArrayLikeInput, options?: SampledOptions): number | NdArray<'float64'>;
export function trapezoid(y: ArrayLikeInput, options: SampledOptions = {}): number | NdArray<'float64'> {
  const s = readSampled(y, options, 'trapezoid');
  const out = new Float64Array(s.outer * s.inner);
  forEachLine(s, (line, yAt, xAt) => {
    let sum = 0;
    for (let k = 0; k + 1 < s.n; k++) {
      const d = s.x === null ? s.dx : xAt(k + 1) - xAt(k);
      sum += (d * (yAt(k + 1) + yAt(k))) / 2;
    }
    out[line] = sum;
  });
  return reducedResult(s, out);
}
