/**
 * NdArray: an n-dimensional array over one typed-array buffer, described by shape, strides
 * (in elements) and an offset, so slices, transposes and broadcasts are views that share the
 * buffer. The work is done by free functions in the sibling files; the methods here are a thin
 * fluent facade over them.
 */
import { type DType, type DTypeToArray, allocate, castScalar } from './dtype.js';
import { IndexError, formatShape } from './errors.js';
import { forEachRun } from './iterate.js';
import { contiguousStrides, sizeOf } from './shape.js';
import * as ew from './elementwise.js';
import * as red from './reduce.js';
import * as views from './views.js';
import { matmul } from './matmul.js';
import { formatArray } from './format.js';

/** Nested JS arrays as `toArray()` returns them and `array()` accepts them. */
export type NestedArray = number | boolean | NestedArray[];

export type ArrayLikeInput = NdArray | number | boolean | NestedArray | ArrayLike<number>;

export type Axis = number | readonly number[] | undefined;

export class NdArray<D extends DType = DType> {
  readonly dtype: D;
  readonly data: DTypeToArray[D];
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly size: number;

  /**
   * Wraps an existing buffer without copying. Most code wants `array()`, `zeros()` or
   * `fromTyped()` instead; this constructor trusts the caller's shape/strides to fit the buffer.
   */
  constructor(
    dtype: D,
    data: DTypeToArray[D],
    shape: readonly number[],
    strides: readonly number[] = contiguousStrides(shape),
    offset = 0,
  ) {
    this.dtype = dtype;
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.strides = Object.freeze(strides.slice());
    this.offset = offset;
    this.size = sizeOf(shape);
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** True when the elements sit in C order with no gaps, starting at `offset`. */
  get isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      const d = this.shape[i]!;
      if (d !== 1 && this.strides[i] !== expected) return false;
      expected *= d;
    }
    return true;
  }

  /** Buffer offset of the element at `index` (negative indices count from the end). */
  offsetOf(index: readonly number[]): number {
    if (index.length !== this.ndim) {
      throw new IndexError(
        `Got ${index.length} indices for an array of shape ${formatShape(this.shape)}; give exactly ${this.ndim}.`,
      );
    }
    let off = this.offset;
    for (let axis = 0; axis < index.length; axis++) {
      const d = this.shape[axis]!;
      let i = index[axis]!;
      if (!Number.isInteger(i) || i < -d || i >= d) {
        throw new IndexError(`Index ${i} is out of bounds for axis ${axis} with size ${d}.`);
      }
      if (i < 0) i += d;
      off += i * this.strides[axis]!;
    }
    return off;
  }

  /** The element at `index`; booleans read as 0/1. */
  get(...index: number[]): number {
    return this.data[this.offsetOf(index)]!;
  }

  /** Writes one element in place (the buffer is shared with every view of it). */
  set(index: readonly number[], value: number | boolean): this {
    this.data[this.offsetOf(index)] = castScalar(Number(value), this.dtype);
    return this;
  }

  /** The only element of a size-1 array as a JS number (or boolean for dtype bool). */
  item(): D extends 'bool' ? boolean : number {
    if (this.size !== 1) {
      throw new IndexError(`item() needs an array with exactly one element; this one has shape ${formatShape(this.shape)}.`);
    }
    const v = this.data[this.offset]!;
    return (this.dtype === 'bool' ? v !== 0 : v) as D extends 'bool' ? boolean : number;
  }

  /** Nested JS arrays (a plain number or boolean for a 0-d array). */
  toArray(): NestedArray {
    const flat = this.toTypedArray();
    const isBool = this.dtype === 'bool';
    const build = (axis: number, start: number): NestedArray => {
      if (axis === this.ndim) return isBool ? flat[start] !== 0 : flat[start]!;
      const d = this.shape[axis]!;
      const step = sizeOf(this.shape.slice(axis + 1));
      const out: NestedArray[] = new Array(d);
      for (let i = 0; i < d; i++) out[i] = build(axis + 1, start + i * step);
      return out;
    };
    return build(0, 0);
  }

  /**
   * The elements in C order as a typed array of this dtype. Returns the buffer itself (no copy)
   * when the array is contiguous and spans all of it; otherwise a fresh copy.
   */
  toTypedArray(): DTypeToArray[D] {
    if (this.isContiguous && this.offset === 0 && this.data.length === this.size) return this.data;
    return this.copy().data;
  }

  /** The elements in C order as a fresh Float64Array. */
  toFloat64Array(): Float64Array {
    const out = new Float64Array(this.size);
    copyInto(this, out);
    return out;
  }

  /** A contiguous copy that shares nothing with this array. */
  copy(): NdArray<D> {
    const out = allocate(this.dtype, this.size);
    copyInto(this, out);
    return new NdArray(this.dtype, out, this.shape);
  }

  /** A contiguous copy converted to `dtype` (float→int truncates toward zero, like NumPy). */
  astype<T extends DType>(dtype: T): NdArray<T> {
    const out = allocate(dtype, this.size);
    copyInto(this, out, dtype);
    return new NdArray(dtype, out, this.shape);
  }

  toString(): string {
    return formatArray(this);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatArray(this);
  }

  // ---- fluent facade: each method is one call to the free function of the same name ----

  add(other: ArrayLikeInput): NdArray { return ew.add(this, other); }
  sub(other: ArrayLikeInput): NdArray { return ew.sub(this, other); }
  mul(other: ArrayLikeInput): NdArray { return ew.mul(this, other); }
  div(other: ArrayLikeInput): NdArray { return ew.div(this, other); }
  pow(other: ArrayLikeInput): NdArray { return ew.pow(this, other); }
  mod(other: ArrayLikeInput): NdArray { return ew.mod(this, other); }
  maximum(other: ArrayLikeInput): NdArray { return ew.maximum(this, other); }
  minimum(other: ArrayLikeInput): NdArray { return ew.minimum(this, other); }
  eq(other: ArrayLikeInput): NdArray<'bool'> { return ew.equal(this, other); }
  ne(other: ArrayLikeInput): NdArray<'bool'> { return ew.notEqual(this, other); }
  lt(other: ArrayLikeInput): NdArray<'bool'> { return ew.less(this, other); }
  le(other: ArrayLikeInput): NdArray<'bool'> { return ew.lessEqual(this, other); }
  gt(other: ArrayLikeInput): NdArray<'bool'> { return ew.greater(this, other); }
  ge(other: ArrayLikeInput): NdArray<'bool'> { return ew.greaterEqual(this, other); }
  neg(): NdArray { return ew.negative(this); }
  abs(): NdArray { return ew.abs(this); }
  sqrt(): NdArray { return ew.sqrt(this); }
  exp(): NdArray { return ew.exp(this); }
  log(): NdArray { return ew.log(this); }
  clip(min: number, max: number): NdArray { return ew.clip(this, min, max); }

  sum(axis?: Axis, keepdims = false): NdArray { return red.sum(this, axis, keepdims); }
  mean(axis?: Axis, keepdims = false): NdArray { return red.mean(this, axis, keepdims); }
  var(axis?: Axis, ddof = 0, keepdims = false): NdArray { return red.variance(this, axis, ddof, keepdims); }
  std(axis?: Axis, ddof = 0, keepdims = false): NdArray { return red.std(this, axis, ddof, keepdims); }
  min(axis?: Axis, keepdims = false): NdArray { return red.min(this, axis, keepdims); }
  max(axis?: Axis, keepdims = false): NdArray { return red.max(this, axis, keepdims); }
  argmin(axis?: number): NdArray<'int32'> { return red.argmin(this, axis); }
  argmax(axis?: number): NdArray<'int32'> { return red.argmax(this, axis); }

  reshape(...shape: number[]): NdArray<D> { return views.reshape(this, shape); }
  transpose(...axes: number[]): NdArray<D> { return views.transpose(this, axes.length ? axes : undefined); }
  get T(): NdArray<D> { return views.transpose(this); }
  slice(...specs: views.SliceSpec[]): NdArray<D> { return views.slice(this, ...specs); }
  broadcastTo(shape: readonly number[]): NdArray<D> { return views.broadcastTo(this, shape); }
  squeeze(axis?: Axis): NdArray<D> { return views.squeeze(this, axis); }
  expandDims(axis: number): NdArray<D> { return views.expandDims(this, axis); }
  flatten(): NdArray<D> { return views.reshape(this.copy(), [this.size]); }
  ravel(): NdArray<D> { return views.reshape(this, [this.size]); }
  matmul(other: NdArray): NdArray { return matmul(this, other); }
}

/** Copies `src`'s elements in C order into `dst`, converting to `dtype` (default: src's dtype). */
export function copyInto(src: NdArray, dst: DTypeToArray[DType], dtype: DType = src.dtype): void {
  const data = src.data;
  let pos = 0;
  const toBool = dtype === 'bool' && src.dtype !== 'bool';
  forEachRun(src.shape, [src.strides], [src.offset], (offs, n, strides) => {
    let i = offs[0]!;
    const s = strides[0]!;
    if (toBool) {
      for (let k = 0; k < n; k++, i += s) dst[pos++] = data[i] !== 0 && data[i] === data[i] ? 1 : 0;
    } else if (s === 1) {
      dst.set(data.subarray(i, i + n), pos);
      pos += n;
    } else {
      for (let k = 0; k < n; k++, i += s) dst[pos++] = data[i]!;
    }
  });
}
