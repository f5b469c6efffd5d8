/**
 * Reductions along any set of axes. Sum, product, min, max, any and all walk the input in memory
 * order and accumulate into the output (whose stride is 0 along reduced axes), so reducing a
 * leading axis streams through memory instead of striding across it. Sums, min, max, argmin and
 * argmax of contiguous data over leading or trailing axes take the block kernels of
 * reduce-kernels.ts instead.
 */
import { type DType, type TypedArray, allocate } from './dtype.js';
import { ValueError, formatShape } from './errors.js';
import { type ArrayLikeInput, type Axis, NdArray } from './ndarray.js';
import { asArray } from './create.js';
import { sub, square, div } from './elementwise.js';
import { forEachRun } from './iterate.js';
import { blockKernels } from './reduce-kernels.js';
import { normalizeAxes, normalizeAxis } from './shape.js';
import { moveAxis, reshape } from './views.js';

type Kind = 'sum' | 'prod' | 'min' | 'max' | 'any' | 'all';

const IDENTITY: Record<Kind, number> = { sum: 0, prod: 1, min: Infinity, max: -Infinity, any: 0, all: 1 };

interface Plan {
  axes: number[];
  outShape: number[];
  keptShape: number[];
  /** Strides of the output laid over the input's shape: 0 on reduced axes. */
  accStrides: number[];
  count: number;
}

function plan(a: NdArray, axis: Axis, keepdims: boolean): Plan {
  const axes = normalizeAxes(axis, a.ndim);
  const keptShape = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const accStrides = new Array<number>(a.ndim).fill(0);
  let stride = 1;
  for (let i = a.ndim - 1; i >= 0; i--) {
    if (axes.includes(i)) continue;
    accStrides[i] = stride;
    stride *= a.shape[i]!;
  }
  const outShape = keepdims ? keptShape : a.shape.filter((_, i) => !axes.includes(i));
  const count = axes.reduce((p, i) => p * a.shape[i]!, 1);
  return { axes, outShape, keptShape, accStrides, count };
}

/** Sum of a run with four partial accumulators: faster, and error grows more slowly than one running sum. */
function runSum(x: TypedArray, start: number, n: number, stride: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let c = 0;
  let i = start;
  const step4 = 4 * stride;
  for (; c + 4 <= n; c += 4, i += step4) {
    s0 += x[i]!;
    s1 += x[i + stride]!;
    s2 += x[i + 2 * stride]!;
    s3 += x[i + 3 * stride]!;
  }
  for (; c < n; c++, i += stride) s0 += x[i]!;
  return s0 + s1 + (s2 + s3);
}

type Accumulator = (acc: Float64Array, x: TypedArray, k: number, i: number, n: number, ks: number, is: number) => void;

/** One small function per reduction, so each compiles to its own tight loop. */
const ACCUMULATORS: Record<Kind, Accumulator> = {
  sum: (acc, x, k, i, n, ks, is) => {
    if (ks === 0) acc[k]! += runSum(x, i, n, is);
    else for (let c = 0; c < n; c++, k += ks, i += is) acc[k]! += x[i]!;
  },
  prod: (acc, x, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) acc[k]! *= x[i]!;
  },
  min: (acc, x, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) {
      const v = x[i]!;
      if (v < acc[k]! || v !== v) acc[k] = v;
    }
  },
  max: (acc, x, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) {
      const v = x[i]!;
      if (v > acc[k]! || v !== v) acc[k] = v;
    }
  },
  any: (acc, x, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) if (x[i] !== 0) acc[k] = 1;
  },
  all: (acc, x, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) if (x[i] === 0) acc[k] = 0;
  },
};

function reduce(kind: Kind, input: ArrayLikeInput, axis: Axis, keepdims: boolean, outType: DType): NdArray {
  const a = asArray(input);
  const p = plan(a, axis, keepdims);
  if ((kind === 'min' || kind === 'max') && p.count === 0) {
    throw new ValueError(
      `Cannot take the ${kind} over a zero-size selection of an array of shape ${formatShape(a.shape)}: it has no identity. ` +
        'Check for empty input or reduce over a non-empty axis.',
    );
  }
  const outSize = p.outShape.reduce((q, d) => q * d, 1);
  const acc = new Float64Array(outSize).fill(IDENTITY[kind]);
  const x = a.data;
  if ((kind === 'sum' || kind === 'min' || kind === 'max') && a.isContiguous) {
    // Reducing only trailing (or all) axes of contiguous data is a row reduction, only leading ones a column reduction.
    const k = blockKernels(x);
    if (p.axes.every((ax, i) => ax === a.ndim - p.axes.length + i)) {
      (kind === 'sum' ? k.rowSums : kind === 'min' ? k.rowMin : k.rowMax)(x, a.offset, outSize, p.count, acc);
      return finish(acc, outType, p.outShape);
    }
    if (p.axes.every((ax, i) => ax === i)) {
      (kind === 'sum' ? k.columnSums : kind === 'min' ? k.columnMin : k.columnMax)(x, a.offset, p.count, outSize, acc);
      return finish(acc, outType, p.outShape);
    }
  }
  const accumulate = ACCUMULATORS[kind];
  forEachRun(a.shape, [p.accStrides, a.strides], [0, a.offset], (offs, n, s) => accumulate(acc, x, offs[0]!, offs[1]!, n, s[0]!, s[1]!));
  return finish(acc, outType, p.outShape);
}

/** Wraps float64 accumulators as the reduction's result dtype. */
function finish(acc: Float64Array, outType: DType, shape: number[]): NdArray {
  if (outType === 'float64') return new NdArray('float64', acc, shape);
  const out = allocate(outType, acc.length);
  out.set(acc);
  return new NdArray(outType, out, shape);
}

const sumType = (d: DType): DType => (d === 'float32' ? 'float32' : 'float64');

/**
 * Sum over `axis` (one, several, or all when omitted). Integer and boolean input sums to float64,
 * which holds every integer up to 2^53 exactly (NumPy would use int64).
 *
 * @example
 * sum(array([[1, 2], [3, 4]]), 0); // [4, 6]
 */
export function sum(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray {
  const x = asArray(a);
  return reduce('sum', x, axis, keepdims, sumType(x.dtype));
}

export function prod(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray {
  const x = asArray(a);
  return reduce('prod', x, axis, keepdims, sumType(x.dtype));
}

/** Smallest element along `axis`; NaN propagates. Errors on an empty selection. */
export function min(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray {
  const x = asArray(a);
  return reduce('min', x, axis, keepdims, x.dtype);
}

/** Largest element along `axis`; NaN propagates. Errors on an empty selection. */
export function max(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray {
  const x = asArray(a);
  return reduce('max', x, axis, keepdims, x.dtype);
}

export function any(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray<'bool'> {
  return reduce('any', a, axis, keepdims, 'bool') as NdArray<'bool'>;
}

export function all(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray<'bool'> {
  return reduce('all', a, axis, keepdims, 'bool') as NdArray<'bool'>;
}

/** Arithmetic mean along `axis`; the mean of an empty selection is NaN. */
export function mean(a: ArrayLikeInput, axis?: Axis, keepdims = false): NdArray {
  const x = asArray(a);
  const count = plan(x, axis, keepdims).count;
  return div(sum(x, axis, keepdims), count);
}

/**
 * Variance along `axis` with `ddof` delta degrees of freedom (0: population, 1: sample),
 * computed in two passes (mean first) for accuracy.
 */
export function variance(a: ArrayLikeInput, axis?: Axis, ddof = 0, keepdims = false): NdArray {
  const x = asArray(a);
  const count = plan(x, axis, keepdims).count;
  const deviations = square(sub(x, mean(x, axis, true)));
  return div(sum(deviations, axis, keepdims), Math.max(count - ddof, 0));
}

/** Standard deviation: the square root of `variance` with the same `ddof`. */
export function std(a: ArrayLikeInput, axis?: Axis, ddof = 0, keepdims = false): NdArray {
  const v = variance(a, axis, ddof, keepdims);
  const d = v.data;
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]!);
  return v;
}

/**
 * Rows of `a` with `axis` moved last, as a contiguous float64 copy of shape (rest, d), plus
 * what is needed to put results back.
 */
function alongAxis(a: NdArray, axis: number | undefined): { rows: Float64Array; d: number; outer: number; moved: number[] } {
  const flat = axis === undefined ? reshape(a, [a.size]) : a;
  const ax = axis === undefined ? 0 : normalizeAxis(axis, a.ndim);
  const moved = moveAxis(flat, ax, -1);
  const d = flat.shape[ax]!;
  return { rows: moved.toFloat64Array(), d, outer: d === 0 ? 0 : moved.size / d, moved: moved.shape.slice() };
}

function argExtreme(a: ArrayLikeInput, axis: number | undefined, largest: boolean): NdArray<'int32'> {
  const x = asArray(a);
  const name = largest ? 'argmax' : 'argmin';
  const ax = axis === undefined ? undefined : normalizeAxis(axis, x.ndim);
  const d = ax === undefined ? x.size : x.shape[ax]!;
  if (d === 0) {
    throw new ValueError(`${name} of an empty sequence: axis ${axis ?? 0} of shape ${formatShape(x.shape)} has length 0.`);
  }
  const outShape = ax === undefined ? [] : x.shape.filter((_, i) => i !== ax);
  const outer = x.size / d;
  if (x.isContiguous && (ax === undefined || ax === x.ndim - 1 || ax === 0)) {
    // The flattened array or the last axis: one row per result; the first axis: one column per result.
    const k = blockKernels(x.data);
    const out = new Int32Array(outer);
    if (ax === undefined || ax === x.ndim - 1) (largest ? k.rowArgMax : k.rowArgMin)(x.data, x.offset, outer, d, out);
    else (largest ? k.columnArgMax : k.columnArgMin)(x.data, x.offset, d, outer, out, new Float64Array(outer));
    return new NdArray('int32', out, outShape);
  }
  const { rows } = alongAxis(x, axis);
  const k = blockKernels(rows);
  const out = new Int32Array(outer);
  (largest ? k.rowArgMax : k.rowArgMin)(rows, 0, outer, d, out);
  return new NdArray('int32', out, outShape);
}

/** Index of the smallest element along `axis` (of the flattened array when omitted); the first NaN wins. */
export function argmin(a: ArrayLikeInput, axis?: number): NdArray<'int32'> {
  return argExtreme(a, axis, false);
}

/** Index of the largest element along `axis` (of the flattened array when omitted); the first NaN wins. */
export function argmax(a: ArrayLikeInput, axis?: number): NdArray<'int32'> {
  return argExtreme(a, axis, true);
}

function cumulate(a: ArrayLikeInput, axis: number | undefined, product: boolean): NdArray {
  const x = asArray(a);
  const { rows, d, outer, moved } = alongAxis(x, axis);
  for (let r = 0; r < outer; r++) {
    const base = r * d;
    for (let j = 1; j < d; j++) rows[base + j] = product ? rows[base + j - 1]! * rows[base + j]! : rows[base + j - 1]! + rows[base + j]!;
  }
  const result = new NdArray('float64', rows, moved);
  const back = axis === undefined ? result : moveAxis(result, -1, normalizeAxis(axis, x.ndim)).copy();
  const outType = sumType(x.dtype);
  return outType === 'float64' ? back : back.astype(outType);
}

/** Running sum along `axis` (of the flattened array when omitted). */
export function cumsum(a: ArrayLikeInput, axis?: number): NdArray {
  return cumulate(a, axis, false);
}

/** Running product along `axis` (of the flattened array when omitted). */
export function cumprod(a: ArrayLikeInput, axis?: number): NdArray {
  return cumulate(a, axis, true);
}
