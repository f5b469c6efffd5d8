/** Sorting, searching, unique values and order statistics. NaN sorts last, as in NumPy. */
import { type DType, allocate } from './dtype.js';
import { ValueError, formatShape } from './errors.js';
import { type ArrayLikeInput, type Axis, NdArray } from './ndarray.js';
import { asArray } from './create.js';
import { normalizeAxes, normalizeAxis } from './shape.js';
import { moveAxis, transpose, reshape } from './views.js';

/** Ascending order with NaN after every number; ties keep their order when used with a stable sort. */
function compareNumbers(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = x !== x;
  const yn = y !== y;
  return xn === yn ? 0 : xn ? 1 : -1;
}

/** Rows along `axis` as a contiguous copy with the axis last; `restore` puts a same-shaped result back. */
function rowsAlong<D extends DType>(a: NdArray<D>, axis: number): { rows: NdArray<D>; d: number; restore: <T extends DType>(r: NdArray<T>) => NdArray<T> } {
  const ax = normalizeAxis(axis, a.ndim);
  const rows = moveAxis(a, ax, -1).copy();
  return {
    rows,
    d: a.shape[ax] ?? 1,
    restore: (r) => moveAxis(r, -1, ax).copy(),
  };
}

/**
 * A sorted copy along `axis` (default the last; `null` sorts the flattened array).
 *
 * @example
 * sort(array([3, 1, 2])); // [1, 2, 3]
 */
export function sort<D extends DType>(input: NdArray<D> | ArrayLikeInput, axis: number | null = -1): NdArray<D> {
  const a = asArray(input) as NdArray<D>;
  if (axis === null) return sort(a.ravel(), -1);
  if (a.ndim === 0) return a.copy();
  const { rows, d, restore } = rowsAlong(a, axis);
  for (let start = 0; start < rows.size; start += d) rows.data.subarray(start, start + d).sort();
  return restore(rows);
}

/**
 * Indices that sort `a` along `axis` (stable: equal values keep their order).
 *
 * @example
 * argsort(array([3, 1, 2])); // [1, 2, 0]
 */
export function argsort(input: ArrayLikeInput, axis: number | null = -1): NdArray<'int32'> {
  const a = asArray(input);
  if (axis === null) return argsort(a.ravel(), -1);
  if (a.ndim === 0) return new NdArray('int32', new Int32Array(1), []);
  const { rows, d, restore } = rowsAlong(a, axis);
  const out = new Int32Array(rows.size);
  const order = new Array<number>(d);
  for (let start = 0; start < rows.size; start += d) {
    for (let j = 0; j < d; j++) order[j] = j;
    const values = rows.data;
    order.sort((i, j) => compareNumbers(values[start + i]!, values[start + j]!));
    for (let j = 0; j < d; j++) out[start + j] = order[j]!;
  }
  return restore(new NdArray('int32', out, rows.shape));
}

export interface UniqueResult<D extends DType> {
  values: NdArray<D>;
  /** Index of each value's first occurrence in the flattened input. */
  indices: NdArray<'int32'>;
  /** For each input element, the position of its value in `values` (reconstructs the input). */
  inverse: NdArray<'int32'>;
  counts: NdArray<'int32'>;
}

/**
 * The sorted distinct values of the flattened array, with first indices, inverse and counts.
 * All NaNs count as one value, as in NumPy ≥ 1.21.
 *
 * @example
 * unique(array([2, 1, 2, 3])).values; // [1, 2, 3]
 */
export function unique<D extends DType>(input: NdArray<D> | ArrayLikeInput): UniqueResult<D> {
  const a = asArray(input) as NdArray<D>;
  const flat = a.toTypedArray();
  const order = argsort(a.ravel()).data;
  const values: number[] = [];
  const indices: number[] = [];
  const counts: number[] = [];
  const inverse = new Int32Array(flat.length);
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    const v = flat[i]!;
    const last = values.length - 1;
    if (last >= 0 && (values[last] === v || (v !== v && values[last] !== values[last]))) {
      counts[last]!++;
      if (i < indices[last]!) indices[last] = i;
    } else {
      values.push(v);
      indices.push(i);
      counts.push(1);
    }
    inverse[i] = values.length - 1;
  }
  const data = allocate(a.dtype, values.length);
  data.set(values);
  return {
    values: new NdArray(a.dtype, data, [values.length]),
    indices: new NdArray('int32', Int32Array.from(indices), [indices.length]),
    inverse: new NdArray('int32', inverse, a.shape.slice()),
    counts: new NdArray('int32', Int32Array.from(counts), [counts.length]),
  };
}

/**
 * Where `values` would be inserted into the ascending 1-d `sorted` to keep it sorted:
 * `'left'` gives the first such place, `'right'` the last.
 */
export function searchsorted(sortedInput: ArrayLikeInput, valuesInput: ArrayLikeInput, side: 'left' | 'right' = 'left'): NdArray<'int32'> {
  const sorted = asArray(sortedInput);
  if (sorted.ndim !== 1) throw new ValueError(`searchsorted needs a 1-d sorted array, got shape ${formatShape(sorted.shape)}.`);
  const s = sorted.toTypedArray();
  const values = asArray(valuesInput);
  const v = values.toTypedArray();
  const out = new Int32Array(v.length);
  for (let q = 0; q < v.length; q++) {
    const x = v[q]!;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareNumbers(s[mid]!, x);
      if (c < 0 || (side === 'right' && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    out[q] = lo;
  }
  return new NdArray('int32', out, values.shape.slice());
}

/**
 * The q-th quantile (0 ≤ q ≤ 1) of ascending `sorted` values by linear interpolation between
 * order statistics, evaluated from the nearer end as NumPy's `_lerp` does, so results match
 * NumPy to the last bit. NaN for an empty input.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const diff = b - a;
  return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
}

/**
 * The q-th quantiles (0 ≤ q ≤ 1) along `axis` with linear interpolation between order
 * statistics (NumPy's default 'linear' method). A NaN in a selection makes its quantile NaN.
 * With an array `q`, the quantile axis comes first in the result.
 */
export function quantile(input: ArrayLikeInput, q: number | readonly number[], axis?: Axis, keepdims = false): NdArray {
  const a = asArray(input);
  const qs = typeof q === 'number' ? [q] : q;
  for (const p of qs) {
    if (!(p >= 0 && p <= 1)) throw new ValueError(`Quantiles must be in [0, 1]; got ${p}.`);
  }
  const axes = normalizeAxes(axis, a.ndim);
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const moved = transpose(a, [...kept, ...axes]);
  const d = axes.reduce((p, i) => p * a.shape[i]!, 1);
  if (d === 0) throw new ValueError(`Cannot take a quantile of an empty selection of shape ${formatShape(a.shape)}.`);
  const rows = reshape(moved.astype('float64'), [-1, d]);
  const nRows = rows.shape[0]!;
  const data = rows.data;
  const out = new Float64Array(qs.length * nRows);
  for (let r = 0; r < nRows; r++) {
    const row = data.subarray(r * d, (r + 1) * d).sort();
    const hasNaN = row[d - 1] !== row[d - 1];
    qs.forEach((p, k) => (out[k * nRows + r] = hasNaN ? NaN : quantileSorted(row, p)));
  }
  const keptShape = keepdims ? a.shape.map((s, i) => (axes.includes(i) ? 1 : s)) : kept.map((i) => a.shape[i]!);
  return new NdArray('float64', out, typeof q === 'number' ? keptShape : [qs.length, ...keptShape]);
}

/** Percentiles (0–100) along `axis`; see `quantile`. */
export function percentile(a: ArrayLikeInput, p: number | readonly number[], axis?: Axis, keepdims = false): NdArray {
  return quantile(a, typeof p === 'number' ? p / 100 : p.map((v) => v / 100), axis, keepdims);
}

/** The median along `axis` (the 0.5 quantile). */
export function median(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray {
  return quantile(a, 0.5, axis, keepdims);
}
