/** Running integral of samples by the trapezoidal rule (SciPy's `cumulative_trapezoid`). */
import { ValueError } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { type SampledOptions, forEachLine, readSampled } from './sampled.js';

export interface CumulativeTrapezoidOptions extends SampledOptions {
  /** If given, prepended to each line so the result has y's shape (usually 0). */
  initial?: number;
}

/**
 * The cumulative integral of samples y along `axis`: entry k is the trapezoid integral from the
 * first sample to sample k + 1 (or to sample k when `initial` is given and prepended).
 *
 * @returns an NdArray with the axis one shorter than y's (same length with `initial`)
 *
 * @example
 * cumulativeTrapezoid([1, 2, 3]).toArray();                  // [1.5, 4]
 * cumulativeTrapezoid([1, 2, 3], { initial: 0 }).toArray();  // [0, 1.5, 4]
 */
export function cumulativeTrapezoid(y: ArrayLikeInput, options: CumulativeTrapezoidOptions = {}): NdArray<'float64'> {
  const { initial } = options;
  if (initial !== undefined && (typeof initial !== 'number' || Number.isNaN(initial))) {
    throw new ValueError(`cumulativeTrapezoid: initial must be a number, got ${String(initial)}.`);
  }
  const s = readSampled(y, options, 'cumulativeTrapezoid');
  if (s.n === 0) throw new ValueError('cumulativeTrapezoid needs at least one sample along the axis, got 0.');
  const shift = initial === undefined ? 1 : 0;
  const len = s.n - shift;
  const shape = s.shape.slice();
  shape[s.axis] = len;
  const out = new Float64Array(s.outer * len * s.inner);
  forEachLine(s, (line, yAt, xAt) => {
    const o = Math.floor(line / s.inner);
    const i = line % s.inner;
    const base = o * len * s.inner + i;
    let acc = 0;
    if (initial !== undefined) out[base] = initial;
    for (let k = 0; k + 1 < s.n; k++) {
      const d = s.x === null ? s.dx : xAt(k + 1) - xAt(k);
      acc += (d * (yAt(k + 1) + yAt(k))) / 2;
      out[base + (k + 1 - shift) * s.inner] = acc;
    }
  });
  return new NdArray('float64', out, shape);
}
