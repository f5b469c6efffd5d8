/** Joining and splitting arrays, and picking elements by index or mask. */
import { type DType, allocate, promoteTypes } from './dtype.js';
import { DTypeError, IndexError, ShapeError, ValueError, formatShape } from './errors.js';
import { type ArrayLikeInput, NdArray, copyInto } from './ndarray.js';
import { asArray } from './create.js';
import { forEachRun } from './iterate.js';
import { contiguousStrides, normalizeAxis } from './shape.js';
import { expandDims, moveAxis, slice, atLeast2d } from './views.js';

/**
 * Joins arrays along an existing axis. All other dimensions must match; the result's dtype is
 * the promotion of the inputs' dtypes.
 *
 * @example
 * concatenate([zeros([2, 3]), ones([1, 3])]); // shape [3, 3]
 */
export function concatenate(inputs: readonly ArrayLikeInput[], axis = 0): NdArray {
  if (inputs.length === 0) throw new ValueError('concatenate needs at least one array.');
  const arrays = inputs.map(asArray);
  const first = arrays[0]!;
  if (first.ndim === 0) throw new ShapeError('Zero-dimensional arrays cannot be concatenated; use stack instead.');
  const ax = normalizeAxis(axis, first.ndim);
  let dtype: DType = first.dtype;
  let total = 0;
  arrays.forEach((x, k) => {
    if (x.ndim !== first.ndim) {
      throw new ShapeError(
        `concatenate: array 0 has ${first.ndim} dimensions (shape ${formatShape(first.shape)}) but array ${k} has ${x.ndim} (shape ${formatShape(x.shape)}).`,
      );
    }
    x.shape.forEach((d, i) => {
      if (i !== ax && d !== first.shape[i]) {
        throw new ShapeError(
          `concatenate along axis ${ax}: array ${k} has shape ${formatShape(x.shape)}, which differs from array 0's ${formatShape(first.shape)} at axis ${i}; only axis ${ax} may differ.`,
        );
      }
    });
    dtype = promoteTypes(dtype, x.dtype);
    total += x.shape[ax]!;
  });
  const shape = first.shape.slice();
  shape[ax] = total;
  const out = new NdArray(dtype, allocate(dtype, shape.reduce((p, d) => p * d, 1)), shape);
  let at = 0;
  for (const x of arrays) {
    const len = x.shape[ax]!;
    const specs = shape.map((_, i) => (i === ax ? `${at}:${at + len}` : null));
    assign(slice(out, ...specs), x);
    at += len;
  }
  return out;
}

/** Writes `src` (same shape) into the view `dst`, converting to dst's dtype. */
function assign(dst: NdArray, src: NdArray): void {
  const values = allocate(dst.dtype, src.size);
  copyInto(src, values, dst.dtype);
  const target = dst.data;
  forEachRun(dst.shape, [dst.strides, contiguousStrides(dst.shape)], [dst.offset, 0], (offs, n, s) => {
    let i = offs[0]!;
    let j = offs[1]!;
    for (let c = 0; c < n; c++, i += s[0]!, j += s[1]!) target[i] = values[j]!;
  });
}

/** Joins arrays of one shape along a new axis. */
export function stack(inputs: readonly ArrayLikeInput[], axis = 0): NdArray {
  if (inputs.length === 0) throw new ValueError('stack needs at least one array.');
  const arrays = inputs.map(asArray);
  const first = arrays[0]!;
  arrays.forEach((x, k) => {
    if (x.shape.length !== first.shape.length || x.shape.some((d, i) => d !== first.shape[i])) {
      throw new ShapeError(`stack needs arrays of one shape: array 0 is ${formatShape(first.shape)}, array ${k} is ${formatShape(x.shape)}.`);
    }
  });
  const ax = normalizeAxis(axis, first.ndim + 1);
  return concatenate(arrays.map((x) => expandDims(x, ax)), ax);
}

/** Stacks rows: 1-d inputs become rows of a matrix. */
export function vstack(inputs: readonly ArrayLikeInput[]): NdArray {
  return concatenate(inputs.map((x) => atLeast2d(asArray(x))), 0);
}

/** Stacks columns: 1-d inputs are joined end to end, others along axis 1. */
export function hstack(inputs: readonly ArrayLikeInput[]): NdArray {
  const arrays = inputs.map(asArray);
  return concatenate(arrays, arrays[0] !== undefined && arrays[0].ndim === 1 ? 0 : 1);
}

/**
 * Splits into views along `axis`: into `sections` equal parts (a number; it must divide the
 * axis), or at the given indices.
 */
export function split<D extends DType>(a: NdArray<D>, sections: number | readonly number[], axis = 0): NdArray<D>[] {
  const ax = normalizeAxis(axis, a.ndim);
  const d = a.shape[ax]!;
  let cuts: number[];
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections) || sections <= 0 || d % sections !== 0) {
      throw new ShapeError(`Cannot split axis ${ax} of length ${d} into ${sections} equal sections; pass split indices instead.`);
    }
    cuts = Array.from({ length: sections - 1 }, (_, i) => ((i + 1) * d) / sections);
  } else {
    cuts = sections.map((c) => Math.min(Math.max(c < 0 ? c + d : c, 0), d));
  }
  const bounds = [0, ...cuts, d];
  const out: NdArray<D>[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = Math.max(bounds[i + 1]!, lo);
    out.push(slice(a, ...a.shape.map((_, k) => (k === ax ? `${lo}:${hi}` : null))));
  }
  return out;
}

/**
 * Elements at the given integer indices along `axis` (of the flattened array when omitted),
 * as a new array. Negative indices count from the end.
 */
export function take<D extends DType>(a: NdArray<D>, indices: ArrayLikeInput, axis?: number): NdArray<D> {
  const idx = asArray(indices);
  if (idx.dtype === 'float32' || idx.dtype === 'float64') {
    const values = idx.toFloat64Array();
    const bad = values.findIndex((v) => !Number.isInteger(v));
    if (bad >= 0) throw new DTypeError(`take indices must be integers; index ${bad} is ${values[bad]}.`);
  }
  const src = axis === undefined ? a.ravel() : a;
  const ax = axis === undefined ? 0 : normalizeAxis(axis, a.ndim);
  const moved = moveAxis(src, ax, 0);
  const d = moved.shape[0]!;
  const rest = moved.shape.slice(1);
  const restSize = rest.reduce((p, x) => p * x, 1);
  const rows = moved.copy();
  const flatIdx = idx.toFloat64Array();
  const out = allocate(a.dtype, flatIdx.length * restSize);
  flatIdx.forEach((v, k) => {
    if (v < -d || v >= d) throw new IndexError(`Index ${v} is out of bounds for axis ${ax} with size ${d}.`);
    const r = v < 0 ? v + d : v;
    out.set(rows.data.subarray(r * restSize, (r + 1) * restSize), k * restSize);
  });
  const picked = new NdArray(a.dtype, out, [...idx.shape, ...rest]);
  if (ax === 0 || axis === undefined) return picked;
  return moveAxisBlock(picked, idx.ndim, ax);
}

/** Moves the first `count` axes of `a` so they start at position `to`, returning a contiguous copy. */
function moveAxisBlock<D extends DType>(a: NdArray<D>, count: number, to: number): NdArray<D> {
  const order = a.shape.map((_, i) => i);
  const block = order.splice(0, count);
  order.splice(to, 0, ...block);
  return new NdArray(a.dtype, a.data, order.map((i) => a.shape[i]!), order.map((i) => a.strides[i]!), a.offset).copy();
}

/** The elements where `mask` (same shape as `a`) is true, as a 1-d array in C order. */
export function compress<D extends DType>(a: NdArray<D>, mask: ArrayLikeInput): NdArray<D> {
  const m = asArray(mask);
  if (m.shape.length !== a.shape.length || m.shape.some((d, i) => d !== a.shape[i])) {
    throw new ShapeError(`Boolean mask of shape ${formatShape(m.shape)} does not match array shape ${formatShape(a.shape)}.`);
  }
  const values = a.toTypedArray();
  const flags = m.toTypedArray();
  let count = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] !== 0) count++;
  const out = allocate(a.dtype, count);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i] !== 0) out[k++] = values[i]!;
  return new NdArray(a.dtype, out, [count]);
}
