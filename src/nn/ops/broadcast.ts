/**
 * Broadcasting as index maps: for an output of the broadcast shape, `map[i]` is the element of
 * the input that output element i reads. The same map sums gradients back (`g_in[map[i]] += g[i]`),
 * so every broadcasting op gets its forward and backward from one array.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { type FloatArray, type FloatDType, allocFloat } from '../tensor.js';

/** The broadcast of two shapes (NumPy rules), or a ShapeError naming both and `what`. */
export function broadcastShape(a: readonly number[], b: readonly number[], what: string): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`${what}: shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast (dimension ${i} is ${da} vs ${db}).`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * For each element of `outShape`, the index into a contiguous array of `inShape` it broadcasts
 * from; null when the shapes are equal (the identity map).
 */
export function broadcastMap(inShape: readonly number[], outShape: readonly number[]): Int32Array | null {
  if (sameShape(inShape, outShape)) return null;
  const n = outShape.length;
  const strides = new Array<number>(n).fill(0);
  let s = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    const axis = n - inShape.length + i;
    strides[axis] = inShape[i] === 1 ? 0 : s;
    s *= inShape[i]!;
  }
  let size = 1;
  for (const d of outShape) size *= d;
  const map = new Int32Array(size);
  if (size === 0) return map;
  const counter = new Array<number>(n).fill(0);
  let src = 0;
  for (let i = 0; i < size; i++) {
    map[i] = src;
    for (let axis = n - 1; axis >= 0; axis--) {
      counter[axis]!++;
      src += strides[axis]!;
      if (counter[axis]! < outShape[axis]!) break;
      src -= strides[axis]! * outShape[axis]!;
      counter[axis] = 0;
    }
  }
  return map;
}

/** Sums `g` (contiguous, of the broadcast shape) back onto an array of `size` elements through `map`. */
export function reduceByMap(g: FloatArray, map: Int32Array | null, size: number, dtype: FloatDType): FloatArray {
  if (map === null) return g;
  const out = allocFloat(dtype, size);
  for (let i = 0; i < map.length; i++) out[map[i]!]! += g[i]!;
  return out;
}
