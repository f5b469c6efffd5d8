/**
 * Shape primitives: reshape (shares the buffer), transpose/permute, narrow (a slice along one
 * axis), concat, and row gathering (`indexSelect`, the core of Embedding).
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Tensor, allocFloat } from '../tensor.js';

/** The same elements with a new shape; one dimension may be −1 (inferred). Shares the buffer. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const out = resolveShape(x, shape);
  return Tensor.fromOp(x.data, out, [x], (g) => [Tensor.fromData(g.data, x.shape)]);
}

function resolveShape(x: Tensor, shape: readonly number[]): number[] {
  const out = shape.slice();
  let known = 1;
  let infer = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === -1) {
      if (infer >= 0) throw new ShapeError(`reshape: only one dimension may be -1 (got ${formatShape(shape)}).`);
      infer = i;
    } else known *= out[i]!;
  }
  if (infer >= 0) {
    if (known === 0 || x.size % known !== 0) throw new ShapeError(`reshape: cannot reshape ${formatShape(x.shape)} (${x.size} elements) to ${formatShape(shape)}.`);
    out[infer] = x.size / known;
  } else if (known !== x.size) {
    throw new ShapeError(`reshape: cannot reshape ${formatShape(x.shape)} (${x.size} elements) to ${formatShape(shape)} (${known} elements).`);
  }
  return out;
}

/** Flattens dimensions startDim..end into one (Keras/PyTorch Flatten with startDim 1). */
export function flatten(x: Tensor, startDim = 1): Tensor {
  if (startDim < 0 || startDim >= Math.max(x.ndim, 1)) throw new ShapeError(`flatten: startDim ${startDim} is out of range for shape ${formatShape(x.shape)}.`);
  return reshape(x, [...x.shape.slice(0, startDim), -1]);
}

/** Inserts a dimension of size 1 at `axis`. */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  const a = axis < 0 ? axis + x.ndim + 1 : axis;
  const shape = x.shape.slice();
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}

/** Removes dimensions of size 1 (only `axis` when given). */
export function squeeze(x: Tensor, axis?: number): Tensor {
  if (axis === undefined) return reshape(x, x.shape.filter((d) => d !== 1));
  const a = axis < 0 ? axis + x.ndim : axis;
  if (x.shape[a] !== 1) return x;
  return reshape(x, x.shape.filter((_, i) => i !== a));
}

function permuteData(x: Tensor, perm: readonly number[]): { data: Tensor['data']; shape: number[] } {
  const nd = x.ndim;
  const shape = perm.map((p) => x.shape[p]!);
  const inStrides = new Array<number>(nd);
  let s = 1;
  for (let i = nd - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= x.shape[i]!;
  }
  const out = allocFloat(x.dtype, x.size);
  const src = x.data;
  if (nd === 2 && perm[0] === 1) {
    const rows = x.shape[0]!;
    const cols = x.shape[1]!;
    transpose2d(src, out, rows, cols);
    return { data: out, shape };
  }
  const strides = perm.map((p) => inStrides[p]!);
  const counter = new Array<number>(nd).fill(0);
  let from = 0;
  for (let i = 0; i < x.size; i++) {
    out[i] = src[from]!;
    for (let axis = nd - 1; axis >= 0; axis--) {
      counter[axis]!++;
      from += strides[axis]!;
      if (counter[axis]! < shape[axis]!) break;
      from -= strides[axis]! * shape[axis]!;
      counter[axis] = 0;
    }
  }
  return { data: out, shape };
}

/** out (cols×rows) = srcᵀ for a row-major rows×cols matrix, in cache-sized blocks. */
export function transpose2d(src: Tensor['data'], out: Tensor['data'], rows: number, cols: number, srcOff = 0, outOff = 0): void {
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(rows, i0 + B);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(cols, j0 + B);
      for (let i = i0; i < i1; i++) {
        const r = srcOff + i * cols;
        for (let j = j0; j < j1; j++) out[outOff + j * rows + i] = src[r + j]!;
      }
    }
  }
}

/**
 * Permutes the axes (`axes[i]` is the input axis that becomes output axis i); without `axes`,
 * reverses them (a matrix transpose for 2-d). The result is a contiguous copy.
 */
export function transpose(x: Tensor, axes?: readonly number[]): Tensor {
  const nd = x.ndim;
  const perm = axes === undefined ? Array.from({ length: nd }, (_, i) => nd - 1 - i) : axes.map((a) => (a < 0 ? a + nd : a));
  if (perm.length !== nd || new Set(perm).size !== nd || perm.some((p) => !Number.isInteger(p) || p < 0 || p >= nd)) {
    throw new ShapeError(`transpose: axes [${axes?.join(', ')}] are not a permutation of the ${nd} axes of shape ${formatShape(x.shape)}.`);
  }
  const { data, shape } = permuteData(x, perm);
  const inverse = new Array<number>(nd);
  for (let i = 0; i < nd; i++) inverse[perm[i]!] = i;
  return Tensor.fromOp(data, shape, [x], (g) => [Tensor.fromData(permuteData(g, inverse).data, x.shape)]);
}

/** Swaps two axes. */
export function swapAxes(x: Tensor, a: number, b: number): Tensor {
  const perm = Array.from({ length: x.ndim }, (_, i) => i);
  const ia = a < 0 ? a + x.ndim : a;
  const ib = b < 0 ? b + x.ndim : b;
  perm[ia] = ib;
  perm[ib] = ia;
  return transpose(x, perm);
}

function blocks(shape: readonly number[], axis: number): { outer: number; inner: number } {
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  return { outer, inner };
}

/** Elements start..end−1 along `axis` (PyTorch `narrow`/`x[:, start:end]`); negative bounds count from the end. */
export function narrow(x: Tensor, axis: number, start: number, end: number): Tensor {
  const a = axis < 0 ? axis + x.ndim : axis;
  const d = x.shape[a];
  if (d === undefined) throw new ShapeError(`narrow: axis ${axis} is out of range for shape ${formatShape(x.shape)}.`);
  const s = start < 0 ? start + d : start;
  const e = end < 0 ? end + d : Math.min(end, d);
  if (!(s >= 0 && s <= e)) throw new ShapeError(`narrow: range ${start}..${end} is empty or out of bounds for axis ${axis} of size ${d}.`);
  const { outer, inner } = blocks(x.shape, a);
  const len = e - s;
  const shape = x.shape.slice();
  shape[a] = len;
  const out = allocFloat(x.dtype, outer * len * inner);
  for (let o = 0; o < outer; o++) out.set(x.data.subarray((o * d + s) * inner, (o * d + e) * inner), o * len * inner);
  return Tensor.fromOp(out, shape, [x], (g) => {
    const t = allocFloat(x.dtype, x.size);
    for (let o = 0; o < outer; o++) t.set(g.data.subarray(o * len * inner, (o + 1) * len * inner), (o * d + s) * inner);
    return [Tensor.fromData(t, x.shape)];
  });
}

/** Joins tensors along `axis`; all other dimensions must match. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ShapeError('concat: needs at least one tensor.');
  const first = tensors[0]!;
  const a = axis < 0 ? axis + first.ndim : axis;
  if (a < 0 || a >= first.ndim) throw new ShapeError(`concat: axis ${axis} is out of range for shape ${formatShape(first.shape)}.`);
  let total = 0;
  for (const t of tensors) {
    if (t.ndim !== first.ndim || t.shape.some((d, i) => i !== a && d !== first.shape[i]) || t.dtype !== first.dtype) {
      throw new ShapeError(`concat: shape ${formatShape(t.shape)} (${t.dtype}) does not match ${formatShape(first.shape)} (${first.dtype}) outside axis ${a}.`);
    }
    total += t.shape[a]!;
  }
  const { outer, inner } = blocks(first.shape, a);
  const shape = first.shape.slice();
  shape[a] = total;
  const out = allocFloat(first.dtype, outer * total * inner);
  let at = 0;
  for (const t of tensors) {
    const len = t.shape[a]! * inner;
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * len, (o + 1) * len), o * total * inner + at);
    at += len;
  }
  return Tensor.fromOp(out, shape, tensors, (g) => {
    let from = 0;
    return tensors.map((t) => {
      const len = t.shape[a]! * inner;
      const piece = allocFloat(first.dtype, t.size);
      for (let o = 0; o < outer; o++) piece.set(g.data.subarray(o * total * inner + from, o * total * inner + from + len), o * len);
      from += len;
      return Tensor.fromData(piece, t.shape);
    });
  });
}

/** Stacks equal-shaped tensors along a new axis. */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  return concat(tensors.map((t) => unsqueeze(t, axis)), axis);
}

/**
 * Rows `indices` of `x` along axis 0: shape (indices.length, ...x.shape[1:]). Repeated indices
 * add their gradients.
 */
export function indexSelect(x: Tensor, indices: ArrayLike<number>): Tensor {
  const rows = x.shape[0] ?? 0;
  const inner = rows === 0 ? 0 : x.size / rows;
  const n = indices.length;
  const out = allocFloat(x.dtype, n * inner);
  for (let i = 0; i < n; i++) {
    const r = indices[i]!;
    if (!Number.isInteger(r) || r < 0 || r >= rows) throw new RangeError(`indexSelect: index ${r} at position ${i} is out of range for ${rows} rows.`);
    out.set(x.data.subarray(r * inner, (r + 1) * inner), i * inner);
  }
  return Tensor.fromOp(out, [n, ...x.shape.slice(1)], [x], (g) => {
    const t = allocFloat(x.dtype, x.size);
    for (let i = 0; i < n; i++) {
      const base = indices[i]! * inner;
      for (let j = 0; j < inner; j++) t[base + j]! += g.data[i * inner + j]!;
    }
    return [Tensor.fromData(t, x.shape)];
  });
}
