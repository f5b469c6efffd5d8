/**
 * log(Σ exp(xᵢ)) computed without overflow or underflow, over all elements or along axes
 * (SciPy's `logsumexp`): the largest element is factored out before exponentiating.
 */
import { NdArray } from '../ndarray.js';
import { ValueError } from '../errors.js';
import { normalizeAxes, sizeOf } from '../shape.js';
import { transpose } from '../views.js';

/** Options for {@link logsumexp}. */
export interface LogsumexpOptions {
  /** Axis or axes to reduce; all of them when omitted (the result is then a number). */
  axis?: number | readonly number[];
  /** Keep each reduced axis as a length-1 axis, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** log Σ exp(values[start + i]) for i < n, stable for any magnitudes. */
function reduceRun(values: Float64Array | readonly number[], start: number, n: number): number {
  if (n === 0) return -Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[start + i]!;
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  // All -∞ gives -∞ (log 0); any +∞ gives +∞. Neither may enter the shifted sum as ∞ - ∞.
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(values[start + i]! - max);
  return max + Math.log(sum);
}

/**
 * log(Σ exp(x)), the log of a sum of exponentials, without overflow (x = [1000, 1000] gives
 * 1000.69…, not ∞) or underflow (x = [-1000, -1000] gives -999.31…, not -∞).
 *
 * With no `axis`, every element is reduced and the result is a number; a plain number array is
 * accepted there too. With `axis` (a number or a list), those axes are reduced and the result
 * is a float64 NdArray of the remaining shape (reduced axes kept as length 1 with `keepdims`).
 * NaN anywhere in a reduction gives NaN; an empty reduction gives -∞ (log 0).
 *
 * @example
 * logsumexp([1000, 1000]); // 1000.6931471805599
 * logsumexp(array([[0, 0], [1, 1]]), { axis: 1 }); // NdArray [0.6931…, 1.6931…]
 */
export function logsumexp(x: NdArray | readonly number[], options?: { keepdims?: false }): number;
export function logsumexp(x: NdArray, options: LogsumexpOptions & { axis: number | readonly number[] }): NdArray<'float64'>;
export function logsumexp(x: NdArray | readonly number[], options?: LogsumexpOptions): number | NdArray<'float64'>;
export function logsumexp(x: NdArray | readonly number[], options: LogsumexpOptions = {}): number | NdArray<'float64'> {
  const { axis, keepdims = false } = options;
  if (!(x instanceof NdArray)) {
    if (!Array.isArray(x)) {
      throw new ValueError(`logsumexp takes an NdArray or an array of numbers, got ${typeof x}.`);
    }
    if (axis !== undefined || keepdims) {
      throw new ValueError('logsumexp: axis and keepdims need an NdArray input; wrap the list with array(...) first.');
    }
    return reduceRun(x, 0, x.length);
  }
  const reduced = normalizeAxes(axis, x.ndim);
  if (axis === undefined && !keepdims) return reduceRun(x.toFloat64Array(), 0, x.size);
  const kept = x.shape.map((_, i) => i).filter((i) => !reduced.includes(i));
  // Put the kept axes first: in C order each output element then owns one contiguous block.
  const values = transpose(x, [...kept, ...reduced]).toFloat64Array();
  const block = sizeOf(reduced.map((i) => x.shape[i]!));
  const outSize = sizeOf(kept.map((i) => x.shape[i]!));
  const out = new Float64Array(outSize);
  for (let j = 0; j < outSize; j++) out[j] = reduceRun(values, j * block, block);
  const shape = keepdims ? x.shape.map((d, i) => (reduced.includes(i) ? 1 : d)) : kept.map((i) => x.shape[i]!);
  return new NdArray('float64', out, shape);
}
