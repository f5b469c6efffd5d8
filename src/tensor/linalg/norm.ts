/** Vector and matrix norms, like `numpy.linalg.norm`. */
import { ShapeError, ValueError, formatShape } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { norm2 } from './dense.js';
import { type MatrixInput, assertFinite, fromData, toNdArray } from './input.js';
import { svdFactors } from './svd.js';

/** Vector orders: any number p (including ±Infinity and 0); matrix orders: 'fro', 'nuc', ±1, ±2, ±Infinity. */
export type NormOrder = number | 'fro' | 'nuc';

/** max/min that propagate NaN (like NumPy's reductions). */
function nanMax(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a > b ? a : b;
}
function nanMin(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a < b ? a : b;
}

/** The `ord` norm of n entries x[start + i·step]. */
export function vectorNorm(x: Float64Array, start: number, n: number, step: number, ord: NormOrder | undefined): number {
  if (ord === undefined || ord === 2) {
    let hasNaN = false;
    let hasInf = false;
    for (let k = 0, i = start; k < n; k++, i += step) {
      const v = x[i]!;
      if (v !== v) hasNaN = true;
      else if (v === Infinity || v === -Infinity) hasInf = true;
    }
    if (hasNaN) return NaN;
    if (hasInf) return Infinity;
    return norm2(x, start, n, step);
  }
  if (typeof ord !== 'number' || Number.isNaN(ord)) {
    throw new ValueError(`norm: invalid order ${JSON.stringify(ord)} for vectors; use a number p, Infinity or -Infinity.`);
  }
  if (ord === Infinity || ord === -Infinity) {
    let r = ord === Infinity ? 0 : Infinity;
    for (let k = 0, i = start; k < n; k++, i += step) {
      const v = Math.abs(x[i]!);
      r = ord === Infinity ? nanMax(r, v) : nanMin(r, v);
    }
    return r;
  }
  if (ord === 0) {
    let count = 0;
    for (let k = 0, i = start; k < n; k++, i += step) if (x[i] !== 0) count++;
    return count;
  }
  if (ord === 1) {
    let s = 0;
    for (let k = 0, i = start; k < n; k++, i += step) s += Math.abs(x[i]!);
    return s;
  }
  // General p: (Σ|x|^p)^(1/p), computed on x / max|x| so that the powers neither overflow nor underflow.
  let M = 0;
  for (let k = 0, i = start; k < n; k++, i += step) M = nanMax(M, Math.abs(x[i]!));
  if (M !== M) return NaN;
  const scale = M > 0 && M < Infinity ? M : 1;
  let s = 0;
  for (let k = 0, i = start; k < n; k++, i += step) s += (Math.abs(x[i]!) / scale) ** ord;
  return s ** (1 / ord) * scale;
}

/** The `ord` norm of the rows×cols matrix with element (i, j) at x[start + i·rs + j·cs]. */
function matrixNorm(x: Float64Array, start: number, rows: number, cols: number, rs: number, cs: number, ord: NormOrder | undefined): number {
  if (ord === undefined || ord === 'fro') {
    let s = 0;
    let scale = 0;
    // Frobenius norm, accumulated row by row with the same overflow-safe update as norm2.
    for (let i = 0; i < rows; i++) {
      const r = vectorNorm(x, start + i * rs, cols, cs, 2);
      if (r !== r) return NaN;
      if (r === Infinity) return Infinity;
      if (r === 0) continue;
      if (scale < r) {
        s = 1 + s * (scale / r) ** 2;
        scale = r;
      } else s += (r / scale) ** 2;
    }
    return scale * Math.sqrt(s);
  }
  if (rows === 0 || cols === 0) {
    throw new ValueError(`norm: the matrix is empty (${rows}×${cols}); order ${String(ord)} needs at least one element.`);
  }
  if (ord === 1 || ord === -1 || ord === Infinity || ord === -Infinity) {
    // 1: largest absolute column sum; ∞: largest absolute row sum; negatives take the smallest.
    const byRows = ord === Infinity || ord === -Infinity;
    const outer = byRows ? rows : cols;
    const inner = byRows ? cols : rows;
    const os = byRows ? rs : cs;
    const is = byRows ? cs : rs;
    let r = ord > 0 ? -Infinity : Infinity;
    for (let o = 0; o < outer; o++) {
      let s = 0;
      for (let k = 0; k < inner; k++) s += Math.abs(x[start + o * os + k * is]!);
      r = ord > 0 ? nanMax(r, s) : nanMin(r, s);
    }
    return r;
  }
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = x[start + i * rs + j * cs]!;
    assertFinite(data, [rows, cols], 'norm', 'the matrix');
    const S = svdFactors({ rows, cols, data }, 'none').S;
    if (ord === 2) return S[0]!;
    if (ord === -2) return S[S.length - 1]!;
    let s = 0;
    for (let i = 0; i < S.length; i++) s += S[i]!;
    return s;
  }
  throw new ValueError(
    `norm: invalid order ${JSON.stringify(ord)} for matrices; use 'fro', 'nuc', 1, -1, 2, -2, Infinity or -Infinity.`,
  );
}

function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new ShapeError(`norm: axis ${axis} is out of bounds for an array with ${ndim} dimensions.`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Flat offsets (C order, contiguous strides) of every index over the axes not in `reduced`. */
function baseOffsets(shape: readonly number[], strides: readonly number[], reduced: readonly number[]): Float64Array {
  const keep = shape.map((_, i) => i).filter((i) => !reduced.includes(i));
  let total = 1;
  for (const i of keep) total *= shape[i]!;
  const out = new Float64Array(total);
  const idx = new Array<number>(keep.length).fill(0);
  for (let o = 0; o < total; o++) {
    let off = 0;
    for (let t = 0; t < keep.length; t++) off += idx[t]! * strides[keep[t]!]!;
    out[o] = off;
    for (let t = keep.length - 1; t >= 0; t--) {
      if (++idx[t]! < shape[keep[t]!]!) break;
      idx[t] = 0;
    }
  }
  return out;
}

/**
 * A vector or matrix norm, like `numpy.linalg.norm`.
 *
 * - No `axis`, no `ord`: the 2-norm of all entries flattened (Frobenius for a matrix).
 * - No `axis` with `ord`: x must be 1-D (vector norm) or 2-D (matrix norm).
 * - `axis` a number: vector norms along that axis. Vector orders: 2 (default), 1, Infinity (max |x|),
 *   -Infinity (min |x|), 0 (count of non-zeros), any other p: (Σ|x|^p)^(1/p).
 * - `axis` a pair [rowAxis, colAxis]: matrix norms over those axes. Matrix orders: 'fro' (default),
 *   'nuc' (sum of singular values), 1 / -1 (max / min absolute column sum), 2 / -2 (largest / smallest
 *   singular value), Infinity / -Infinity (max / min absolute row sum).
 *
 * Sums of squares are scaled so they cannot overflow or underflow. NaN propagates, except for the
 * SVD-based orders (2, -2, 'nuc'), which need finite values.
 *
 * @returns a number without `axis`; with `axis`, an NdArray of the remaining axes (kept as size 1 when
 *   `keepdims`)
 *
 * @example
 * norm([3, 4]);                       // 5
 * norm([[1, 2], [3, 4]], 'nuc');      // 5.8309518948453
 * norm([[1, 2], [3, 4]], 1, 1);       // NdArray [3, 7] (row-wise 1-norms)
 */
export function norm(x: MatrixInput, ord?: NormOrder): number;
export function norm(x: MatrixInput, ord: NormOrder | undefined, axis: number | readonly [number, number], keepdims?: boolean): NdArray<'float64'>;
export function norm(
  x: MatrixInput,
  ord?: NormOrder,
  axis?: number | readonly [number, number],
  keepdims = false,
): number | NdArray<'float64'> {
  const arr = toNdArray(x);
  const shape = arr.shape;
  const ndim = shape.length;
  const data = arr.toFloat64Array();
  const strides: number[] = new Array<number>(ndim);
  for (let i = ndim - 1, s = 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  if (axis === undefined) {
    let value: number;
    if (ord === undefined) value = vectorNorm(data, 0, data.length, 1, undefined);
    else if (ndim === 1) value = vectorNorm(data, 0, data.length, 1, ord);
    else if (ndim === 2) value = matrixNorm(data, 0, shape[0]!, shape[1]!, strides[0]!, 1, ord);
    else {
      throw new ShapeError(
        `norm with ord=${String(ord)} needs a 1-D or 2-D array, got shape ${formatShape(shape)}; pass axis to choose the axes.`,
      );
    }
    if (!keepdims) return value;
    return fromData(new Float64Array([value]), shape.map(() => 1));
  }
  const axes = typeof axis === 'number' ? [normalizeAxis(axis, ndim)] : axis.map((a) => normalizeAxis(a, ndim));
  if (axes.length === 2 && axes[0] === axes[1]) {
    throw new ShapeError(`norm: the two axes of a matrix norm must differ, got [${axis.toString()}].`);
  }
  if (axes.length !== 1 && axes.length !== 2) {
    throw new ShapeError(`norm: axis must be one axis or a pair of axes, got [${String(axis)}].`);
  }
  const bases = baseOffsets(shape, strides, axes);
  const out = new Float64Array(bases.length);
  if (axes.length === 1) {
    const ax = axes[0]!;
    if (ord === 'fro' || ord === 'nuc') {
      throw new ValueError(`norm: order '${ord}' is for matrices; pass a pair of axes, or a numeric order for vectors.`);
    }
    for (let o = 0; o < bases.length; o++) out[o] = vectorNorm(data, bases[o]!, shape[ax]!, strides[ax]!, ord);
  } else {
    const [r, c] = axes as [number, number];
    for (let o = 0; o < bases.length; o++) {
      out[o] = matrixNorm(data, bases[o]!, shape[r]!, shape[c]!, strides[r]!, strides[c]!, ord);
    }
  }
  const outShape = keepdims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
  return fromData(out, outShape);
}
