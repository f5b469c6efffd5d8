/** Zero-copy views: slicing, transposing, reshaping, broadcasting, adding and removing axes. */
import type { DType } from './dtype.js';
import { IndexError, ShapeError, formatShape } from './errors.js';
import { type Axis, NdArray } from './ndarray.js';
import { assertShape, broadcastShapes, contiguousStrides, normalizeAxes, normalizeAxis, shapesEqual, sizeOf } from './shape.js';

/** Marks a new axis of length 1 in `slice`. */
export const newaxis = 'newaxis';

/**
 * One entry of a `slice` call, as NumPy's indexing writes it:
 * a number picks one index and drops the axis; a string `'start:stop:step'` (any part may be
 * empty, negatives count from the end) keeps the axis; `null` or `':'` takes the whole axis;
 * `'...'` stands for as many whole axes as needed; `newaxis` inserts an axis of length 1.
 */
export type SliceSpec = number | string | null | { start?: number; stop?: number; step?: number };

interface Range {
  start?: number | undefined;
  stop?: number | undefined;
  step?: number | undefined;
}

function parseRange(spec: string): Range {
  const parts = spec.split(':');
  if (parts.length < 2 || parts.length > 3) {
    throw new IndexError(`Cannot read slice '${spec}'; write it as 'start:stop' or 'start:stop:step' (parts may be empty).`);
  }
  const num = (s: string | undefined): number | undefined => {
    if (s === undefined || s.trim() === '') return undefined;
    const v = Number(s);
    if (!Number.isInteger(v)) throw new IndexError(`Slice '${spec}' has a non-integer part '${s}'.`);
    return v;
  };
  return { start: num(parts[0]), stop: num(parts[1]), step: num(parts[2]) };
}

/** Python's slice.indices(): resolved start, step and the number of elements taken. */
function resolveRange(range: Range, d: number): { start: number; step: number; count: number } {
  const step = range.step ?? 1;
  if (step === 0) throw new IndexError('Slice step cannot be zero.');
  const clampStart = (v: number, lo: number, hi: number): number => (v < 0 ? Math.max(v + d, lo) : Math.min(v, hi));
  let start: number;
  let stop: number;
  if (step > 0) {
    start = range.start === undefined ? 0 : clampStart(range.start, 0, d);
    stop = range.stop === undefined ? d : clampStart(range.stop, 0, d);
  } else {
    start = range.start === undefined ? d - 1 : clampStart(range.start, -1, d - 1);
    stop = range.stop === undefined ? -1 : clampStart(range.stop, -1, d - 1);
  }
  const count = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, count };
}

/**
 * A view selecting part of the array. Shares the buffer: writing through the view changes the original.
 *
 * @example
 * const a = arange(12).reshape(3, 4);
 * slice(a, 1);            // row 1, shape [4]
 * slice(a, ':', '::2');   // every other column, shape [3, 2]
 * slice(a, '::-1');       // rows reversed
 * slice(a, '...', 0);     // first column, shape [3]
 */
export function slice<D extends DType>(a: NdArray<D>, ...specs: SliceSpec[]): NdArray<D> {
  const ellipses = specs.filter((s) => s === '...').length;
  if (ellipses > 1) throw new IndexError("A slice can have at most one '...'.");
  const consuming = specs.filter((s) => s !== '...' && s !== newaxis).length;
  if (consuming > a.ndim) {
    throw new IndexError(`Too many indices: ${consuming} given for an array of shape ${formatShape(a.shape)}.`);
  }
  const expanded: SliceSpec[] = [];
  for (const s of specs) {
    if (s === '...') for (let i = 0; i < a.ndim - consuming; i++) expanded.push(null);
    else expanded.push(s);
  }
  while (expanded.filter((s) => s !== newaxis).length < a.ndim) expanded.push(null);

  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  let axis = 0;
  for (const spec of expanded) {
    if (spec === newaxis) {
      shape.push(1);
      strides.push(0);
      continue;
    }
    const d = a.shape[axis]!;
    const stride = a.strides[axis]!;
    if (typeof spec === 'number') {
      if (!Number.isInteger(spec) || spec < -d || spec >= d) {
        throw new IndexError(`Index ${spec} is out of bounds for axis ${axis} with size ${d}.`);
      }
      offset += (spec < 0 ? spec + d : spec) * stride;
    } else {
      const range: Range = spec === null || spec === ':' ? {} : typeof spec === 'string' ? parseRange(spec) : spec;
      const { start, step, count } = resolveRange(range, d);
      if (count > 0) offset += start * stride;
      shape.push(count);
      strides.push(stride * step);
    }
    axis++;
  }
  return new NdArray(a.dtype, a.data, shape, strides, offset);
}

/** Reverses the axes, or permutes them as `axes` says. A view. */
export function transpose<D extends DType>(a: NdArray<D>, axes?: readonly number[]): NdArray<D> {
  const order = axes === undefined ? a.shape.map((_, i) => a.ndim - 1 - i) : axes.map((ax) => normalizeAxis(ax, a.ndim));
  if (order.length !== a.ndim || new Set(order).size !== a.ndim) {
    throw new IndexError(`transpose axes ${JSON.stringify(axes)} must list each of the ${a.ndim} axes exactly once.`);
  }
  return new NdArray(
    a.dtype,
    a.data,
    order.map((i) => a.shape[i]!),
    order.map((i) => a.strides[i]!),
    a.offset,
  );
}

/** Exchanges two axes. A view. */
export function swapAxes<D extends DType>(a: NdArray<D>, axis1: number, axis2: number): NdArray<D> {
  const order = a.shape.map((_, i) => i);
  const i = normalizeAxis(axis1, a.ndim);
  const j = normalizeAxis(axis2, a.ndim);
  [order[i], order[j]] = [order[j]!, order[i]!];
  return transpose(a, order);
}

/** Moves one axis to a new position, keeping the order of the others. A view. */
export function moveAxis<D extends DType>(a: NdArray<D>, source: number, destination: number): NdArray<D> {
  const src = normalizeAxis(source, a.ndim);
  const dst = normalizeAxis(destination, a.ndim);
  const order = a.shape.map((_, i) => i).filter((i) => i !== src);
  order.splice(dst, 0, src);
  return transpose(a, order);
}

/** Resolves one `-1` in a requested shape against the element count. */
function resolveShape(size: number, shape: readonly number[], from: readonly number[]): number[] {
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new ShapeError(`reshape can infer only one dimension; ${JSON.stringify(shape)} has ${unknown} -1s.`);
  const known = shape.filter((d) => d !== -1);
  assertShape(known, 'reshape target');
  const knownSize = sizeOf(known);
  const out = shape.map((d) => (d === -1 ? (knownSize === 0 ? 0 : size / knownSize) : d));
  if (sizeOf(out) !== size || out.some((d) => !Number.isInteger(d))) {
    throw new ShapeError(`Cannot reshape an array of shape ${formatShape(from)} (${size} elements) into shape ${formatShape(shape)}.`);
  }
  return out;
}

/**
 * The same elements in C order with a new shape (one dimension may be -1). A view when the
 * layout allows it, otherwise a copy — as in NumPy.
 */
export function reshape<D extends DType>(a: NdArray<D>, shape: readonly number[]): NdArray<D> {
  const target = resolveShape(a.size, shape, a.shape);
  if (shapesEqual(target, a.shape)) return new NdArray(a.dtype, a.data, target, a.strides, a.offset);
  const source = a.isContiguous ? a : a.copy();
  return new NdArray(a.dtype, source.data, target, contiguousStrides(target), source.offset);
}

/** A read-only-by-convention view of `a` stretched to `shape` (stretched axes get stride 0). */
export function broadcastTo<D extends DType>(a: NdArray<D>, shape: readonly number[]): NdArray<D> {
  const target = assertShape(shape);
  const pad = target.length - a.ndim;
  if (pad < 0 || a.shape.some((d, i) => d !== 1 && d !== target[pad + i])) {
    throw new ShapeError(`Cannot broadcast an array of shape ${formatShape(a.shape)} to shape ${formatShape(target)}.`);
  }
  const strides = target.map((d, i) => {
    if (i < pad) return 0;
    return a.shape[i - pad] === 1 && d !== 1 ? 0 : a.strides[i - pad]!;
  });
  return new NdArray(a.dtype, a.data, target, strides, a.offset);
}

/** Removes axes of length 1 (all of them, or the ones named). A view. */
export function squeeze<D extends DType>(a: NdArray<D>, axis?: Axis): NdArray<D> {
  const drop =
    axis === undefined
      ? a.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0)
      : normalizeAxes(axis, a.ndim);
  for (const ax of drop) {
    if (a.shape[ax] !== 1) {
      throw new ShapeError(`Cannot squeeze axis ${ax} of shape ${formatShape(a.shape)}: its length is ${a.shape[ax]}, not 1.`);
    }
  }
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  return new NdArray(
    a.dtype,
    a.data,
    keep.map((i) => a.shape[i]!),
    keep.map((i) => a.strides[i]!),
    a.offset,
  );
}

/** Inserts an axis of length 1 at position `axis` (of the result). A view. */
export function expandDims<D extends DType>(a: NdArray<D>, axis: number): NdArray<D> {
  const at = normalizeAxis(axis, a.ndim + 1);
  const shape = a.shape.slice();
  const strides = a.strides.slice();
  shape.splice(at, 0, 1);
  strides.splice(at, 0, 0);
  return new NdArray(a.dtype, a.data, shape, strides, a.offset);
}

/** Makes several arrays share one shape by broadcasting (views). */
export function broadcastArrays(...arrays: NdArray[]): NdArray[] {
  const shape = broadcastShapes(...arrays.map((x) => x.shape));
  return arrays.map((x) => broadcastTo(x, shape));
}

/** A view of `a` that exposes at least two dimensions (a vector becomes one row). */
export function atLeast2d<D extends DType>(a: NdArray<D>): NdArray<D> {
  if (a.ndim >= 2) return a;
  return a.ndim === 1 ? expandDims(a, 0) : reshape(a, [1, 1]);
}
