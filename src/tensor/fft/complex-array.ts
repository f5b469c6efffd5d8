/**
 * ComplexArray: the complex-valued array the fft module returns and accepts.
 *
 * Strata's NdArray stores real dtypes only, so complex data is kept as two parallel C-order
 * Float64Arrays — `re` and `im` — plus a shape (split storage, like SciPy's `(real, imag)`
 * pairs rather than NumPy's interleaved complex128). Element `[i, j]` of a `(rows, cols)` array
 * is `re[i * cols + j] + 1i * im[i * cols + j]`. The buffers are owned by the array; treat them as
 * read-only unless you made the array yourself.
 */
import { asArray } from '../create.js';
import { IndexError, ShapeError, formatShape } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { assertShape, sizeOf } from '../shape.js';

export class ComplexArray {
  /** Real parts, C order. */
  readonly re: Float64Array;
  /** Imaginary parts, C order. */
  readonly im: Float64Array;
  readonly shape: readonly number[];
  readonly size: number;

  /**
   * Wraps two buffers (no copy). `shape` defaults to 1-D.
   *
   * @example
   * const z = new ComplexArray(new Float64Array([1, 0]), new Float64Array([0, 1])); // [1, 1i]
   */
  constructor(re: Float64Array, im: Float64Array, shape: readonly number[] = [re.length]) {
    const s = assertShape(shape);
    if (re.length !== im.length) {
      throw new ShapeError(`ComplexArray needs re and im of the same length, got ${re.length} and ${im.length}.`);
    }
    if (sizeOf(s) !== re.length) {
      throw new ShapeError(`ComplexArray buffers hold ${re.length} elements, which cannot have shape ${formatShape(s)}.`);
    }
    this.re = re;
    this.im = im;
    this.shape = Object.freeze(s);
    this.size = re.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** `[re, im]` of one element (negative indices count from the end). */
  get(...index: number[]): [number, number] {
    if (index.length !== this.ndim) {
      throw new IndexError(`Got ${index.length} indices for a ComplexArray of shape ${formatShape(this.shape)}; give exactly ${this.ndim}.`);
    }
    let flat = 0;
    for (let axis = 0; axis < index.length; axis++) {
      const d = this.shape[axis]!;
      let i = index[axis]!;
      if (!Number.isInteger(i) || i < -d || i >= d) throw new IndexError(`Index ${i} is out of bounds for axis ${axis} with size ${d}.`);
      if (i < 0) i += d;
      flat = flat * d + i;
    }
    return [this.re[flat]!, this.im[flat]!];
  }

  /** The real parts as a float64 NdArray (a copy). */
  real(): NdArray<'float64'> {
    return new NdArray('float64', this.re.slice(), this.shape);
  }

  /** The imaginary parts as a float64 NdArray (a copy). */
  imag(): NdArray<'float64'> {
    return new NdArray('float64', this.im.slice(), this.shape);
  }

  /** Magnitudes |z| (computed with `Math.hypot`, so no overflow for large parts). */
  abs(): NdArray<'float64'> {
    const out = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = Math.hypot(this.re[i]!, this.im[i]!);
    return new NdArray('float64', out, this.shape);
  }

  /** Phase angles atan2(im, re) in radians. */
  angle(): NdArray<'float64'> {
    const out = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = Math.atan2(this.im[i]!, this.re[i]!);
    return new NdArray('float64', out, this.shape);
  }

  /** The complex conjugate (a copy). */
  conj(): ComplexArray {
    const im = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) im[i] = -this.im[i]!;
    return new ComplexArray(this.re.slice(), im, this.shape);
  }

  /** A copy that shares no buffers with this one. */
  copy(): ComplexArray {
    return new ComplexArray(this.re.slice(), this.im.slice(), this.shape);
  }

  /** The same elements under a new shape with the same size (shares the buffers). */
  reshape(...shape: number[]): ComplexArray {
    return new ComplexArray(this.re, this.im, shape);
  }

  toString(): string {
    const parts: string[] = [];
    const n = Math.min(this.size, 8);
    for (let i = 0; i < n; i++) {
      const b = this.im[i]!;
      parts.push(`${this.re[i]}${b < 0 || Object.is(b, -0) ? '-' : '+'}${Math.abs(b)}i`);
    }
    return `ComplexArray(shape=${formatShape(this.shape)}, [${parts.join(', ')}${this.size > n ? ', …' : ''}])`;
  }
}

/**
 * Builds a ComplexArray from real parts and (optionally) imaginary parts of the same shape.
 * Both are copied into fresh float64 buffers.
 *
 * @example
 * const z = complexArray([[1, 2], [3, 4]], [[0, 1], [0, -1]]); // shape (2, 2)
 * complexArray([1, 2, 3]).im; // Float64Array [0, 0, 0]
 */
export function complexArray(re: ArrayLikeInput, im?: ArrayLikeInput): ComplexArray {
  const r = asArray(re);
  if (im === undefined) return new ComplexArray(r.toFloat64Array(), new Float64Array(r.size), r.shape);
  const i = asArray(im);
  if (r.shape.length !== i.shape.length || r.shape.some((d, k) => d !== i.shape[k])) {
    throw new ShapeError(
      `complexArray needs real and imaginary parts of the same shape, got ${formatShape(r.shape)} and ${formatShape(i.shape)}.`,
    );
  }
  return new ComplexArray(r.toFloat64Array(), i.toFloat64Array(), r.shape);
}

/** Input to the complex transforms: a ComplexArray, or anything real that `asArray` accepts. */
export type ComplexInput = ComplexArray | ArrayLikeInput;

/** Split-buffer view of any transform input; `im` is null for real input. Buffers may be shared. */
export interface SplitData {
  re: Float64Array;
  im: Float64Array | null;
  shape: readonly number[];
}

/** Reads transform input without copying a ComplexArray; real input is converted to float64. */
export function toSplit(x: ComplexInput): SplitData {
  if (x instanceof ComplexArray) return { re: x.re, im: x.im, shape: x.shape };
  const a = asArray(x);
  return { re: a.toFloat64Array(), im: null, shape: a.shape };
}
