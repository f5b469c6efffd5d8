/**
 * Reductions over axes (sum, mean, max) with their gradients. An input of shape S reduced over
 * some axes is seen as (outer, reduced, inner) blocks when the axes are adjacent, else through an
 * index map from each input element to its output element.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { type FloatArray, Tensor, allocFloat } from '../tensor.js';

/** Axes normalized to sorted non-negative unique integers (all axes when undefined). */
export function normalizeAxes(axis: number | readonly number[] | undefined, ndim: number, what: string): number[] {
  if (axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = new Set<number>();
  for (const a of list) {
    if (!Number.isInteger(a) || a < -ndim || a >= Math.max(ndim, 1)) {
      throw new ShapeError(`${what}: axis ${a} is out of range for a tensor with ${ndim} dimensions.`);
    }
    out.add(a < 0 ? a + ndim : a);
  }
  return [...out].sort((x, y) => x - y);
}

interface Plan {
  outShape: number[];
  outSize: number;
  /** Output element of each input element. */
  map: Int32Array;
}

function plan(x: Tensor, axes: readonly number[], keepDims: boolean): Plan {
  const shape = x.shape;
  const reduced = new Set(axes);
  const keptShape = shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outShape = keepDims ? keptShape.slice() : shape.filter((_, i) => !reduced.has(i));
  let outSize = 1;
  for (const d of keptShape) outSize *= d;
  // Stride in the output of each input axis (0 for reduced axes).
  const strides = new Array<number>(shape.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (!reduced.has(i)) {
      strides[i] = s;
      s *= shape[i]!;
    }
  }
  const n = x.size;
  const map = new Int32Array(n);
  const counter = new Array<number>(shape.length).fill(0);
  let dst = 0;
  for (let i = 0; i < n; i++) {
    map[i] = dst;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      counter[axis]!++;
      dst += strides[axis]!;
      if (counter[axis]! < shape[axis]!) break;
      dst -= strides[axis]! * shape[axis]!;
      counter[axis] = 0;
    }
  }
  return { outShape, outSize, map };
}

function isTrailing(axes: readonly number[], ndim: number): boolean {
  for (let i = 0; i < axes.length; i++) if (axes[axes.length - 1 - i] !== ndim - 1 - i) return false;
  return true;
}

function isLeading(axes: readonly number[]): boolean {
  for (let i = 0; i < axes.length; i++) if (axes[i] !== i) return false;
  return true;
}

function reducedShapes(x: Tensor, axes: readonly number[], keepDims: boolean): { outShape: number[]; outSize: number } {
  const reduced = new Set(axes);
  const outShape = keepDims ? x.shape.map((d, i) => (reduced.has(i) ? 1 : d)) : x.shape.filter((_, i) => !reduced.has(i));
  let outSize = 1;
  for (const d of outShape) outSize *= d;
  return { outShape, outSize };
}

/** How the reduced elements lie: trailing (contiguous runs), leading (whole rows) or anywhere (index map). */
type Layout = { kind: 'trailing' } | { kind: 'leading' } | { kind: 'map'; map: Int32Array };

function sumData(x: Tensor, axes: readonly number[], outSize: number, scale: number): { out: FloatArray; layout: Layout } {
  const d = x.data;
  const out = allocFloat(x.dtype, outSize);
  const n = x.size;
  if (isTrailing(axes, x.ndim)) {
    // Rows of `count` contiguous elements.
    const count = outSize === 0 ? 0 : n / outSize;
    for (let o = 0, p = 0; o < outSize; o++) {
      let acc = 0;
      for (let j = 0; j < count; j++, p++) acc += d[p]!;
      out[o] = acc * scale;
    }
    return { out, layout: { kind: 'trailing' } };
  }
  if (isLeading(axes)) {
    // Add rows of `outSize` elements.
    const acc = new Float64Array(outSize);
    for (let p = 0; p < n; p += outSize) for (let j = 0; j < outSize; j++) acc[j]! += d[p + j]!;
    for (let j = 0; j < outSize; j++) out[j] = acc[j]! * scale;
    return { out, layout: { kind: 'leading' } };
  }
  const pl = plan(x, axes, false);
  const acc = new Float64Array(outSize);
  for (let i = 0; i < n; i++) acc[pl.map[i]!]! += d[i]!;
  for (let j = 0; j < outSize; j++) out[j] = acc[j]! * scale;
  return { out, layout: { kind: 'map', map: pl.map } };
}

function sumLike(x: Tensor, axis: number | readonly number[] | undefined, keepDims: boolean, mean: boolean, what: string): Tensor {
  const axes = normalizeAxes(axis, x.ndim, what);
  const { outShape, outSize } = reducedShapes(x, axes, keepDims);
  const count = outSize === 0 ? 0 : x.size / outSize;
  const scale = mean ? 1 / count : 1;
  const { out, layout } = sumData(x, axes, outSize, scale);
  return Tensor.fromOp(out, outShape, [x], (g) => {
    const gd = g.data;
    const t = allocFloat(x.dtype, x.size);
    const n = x.size;
    if (layout.kind === 'map') {
      const map = layout.map;
      for (let i = 0; i < n; i++) t[i] = gd[map[i]!]! * scale;
    } else if (layout.kind === 'trailing') {
      for (let o = 0, p = 0; o < outSize; o++) {
        const v = gd[o]! * scale;
        for (let j = 0; j < count; j++, p++) t[p] = v;
      }
    } else {
      for (let p = 0; p < n; p += outSize) for (let j = 0; j < outSize; j++) t[p + j] = gd[j]! * scale;
    }
    return [Tensor.fromData(t, x.shape)];
  });
}

/**
 * Sum over `axis` (one axis, several, or all when omitted); `keepDims` keeps reduced axes as 1.
 * Sums accumulate in float64.
 */
export function sum(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  return sumLike(x, axis, keepDims, false, 'sum');
}

/** Mean over `axis` (all when omitted). */
export function mean(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  if (x.size === 0) throw new ShapeError(`mean: the tensor of shape ${formatShape(x.shape)} is empty.`);
  return sumLike(x, axis, keepDims, true, 'mean');
}

/** Maximum over `axis` (all when omitted); the gradient goes to the first maximal element. */
export function max(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  if (x.size === 0) throw new ShapeError(`max: the tensor of shape ${formatShape(x.shape)} is empty.`);
  const axes = normalizeAxes(axis, x.ndim, 'max');
  const pl = plan(x, axes, keepDims);
  const out = allocFloat(x.dtype, pl.outSize).fill(-Infinity);
  const arg = new Int32Array(pl.outSize).fill(-1);
  const d = x.data;
  for (let i = 0; i < x.size; i++) {
    const o = pl.map[i]!;
    const v = d[i]!;
    if (arg[o] === -1 || v > out[o]! || (Number.isNaN(v) && !Number.isNaN(out[o]!))) {
      out[o] = v;
      arg[o] = i;
    }
  }
  return Tensor.fromOp(out, pl.outShape, [x], (g) => {
    const t = allocFloat(x.dtype, x.size);
    for (let o = 0; o < pl.outSize; o++) t[arg[o]!] = g.data[o]!;
    return [Tensor.fromData(t, x.shape)];
  });
}

/** Minimum over `axis` (−max(−x)). */
export function min(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  return max(x.neg(), axis, keepDims).neg();
}

/** Variance over `axis` with `correction` (0: population, 1: sample), built from mean. */
export function variance(x: Tensor, axis?: number | readonly number[], keepDims = false, correction = 0): Tensor {
  const axes = normalizeAxes(axis, x.ndim, 'variance');
  let count = 1;
  for (const a of axes) count *= x.shape[a]!;
  const centered = x.sub(mean(x, axes, true));
  const v = mean(centered.mul(centered), axes, keepDims);
  return correction === 0 ? v : v.mul(count / (count - correction));
}
