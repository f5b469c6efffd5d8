/**
 * The autograd `Tensor`: a contiguous row-major buffer (Float32Array or Float64Array), a shape,
 * and — when it was computed from tensors that require gradients — the parents it came from and
 * a rule that maps the gradient of the output to gradients of the parents.
 *
 * Defining a new differentiable op (this is all a layer written outside this file needs):
 *
 *   export function square(x: Tensor): Tensor {
 *     const out = new (x.data.constructor as FloatArrayConstructor)(x.size);   // or allocFloat(x.dtype, n)
 *     for (let i = 0; i < out.length; i++) out[i] = x.data[i]! * x.data[i]!;
 *     return Tensor.fromOp(out, x.shape, [x], (g) => {
 *       // g: gradient of the loss w.r.t. the output (same shape as the output, contiguous).
 *       const gx = allocFloat(x.dtype, x.size);
 *       for (let i = 0; i < gx.length; i++) gx[i] = 2 * x.data[i]! * g.data[i]!;
 *       return [Tensor.fromData(gx, x.shape)];   // one entry per parent; null = no gradient
 *     });
 *   }
 *
 * `fromOp` records the parents and `backwardFn` only when grad mode is on (see `noGrad`) and a
 * parent requires a gradient; otherwise the result is a plain constant. `backwardFn` runs once,
 * inside `noGrad`, in reverse topological order; it may skip the work for a parent whose
 * `requiresGrad` is false by returning null in its slot. Returned gradients must have exactly
 * the parent's shape (reduce broadcast dimensions first — `sumToShape` in ops/broadcast.ts does
 * that). Gradients reaching one tensor from several uses are summed; leaves
 * (`requiresGrad` tensors that no op produced, such as parameters) keep theirs in `.grad`,
 * accumulating across `backward()` calls until reset (`zeroGrad`). Never mutate `g` or the
 * data of a parent inside `backwardFn`: both may be shared. Return either freshly allocated
 * buffers (the engine may then accumulate into them in place) or `g`'s own buffer (e.g.
 * `Tensor.fromData(g.data, x.shape)` for a reshape), never a buffer the op keeps elsewhere.
 * Do not hold on to `g` after `backwardFn` returns: unless it was passed on, the engine hands its
 * buffer to the next `allocFloat` of that size. The one exception to "never mutate `g`": when
 * `backwardFn`'s second argument `gOwned` is true, `g`'s buffer belongs to this node alone, and an
 * element-wise rule may overwrite it in place and return it (ReLU does), saving a buffer.
 */
import { type NdArray, type NestedArray, fromTyped, formatShape, ShapeError } from '../tensor/index.js';
import * as ew from './ops/elementwise.js';
import * as red from './ops/reduce.js';
import * as sh from './ops/shape.js';
import { matmul } from './ops/matmul.js';
import { softmax, logSoftmax } from './ops/softmax.js';

/** The element types a Tensor stores. */
export type FloatDType = 'float32' | 'float64';
/** The storage of a Tensor. */
export type FloatArray = Float32Array | Float64Array;
/**
 * A gradient rule: gradient of the output → one gradient (or null) per parent. `gradOutOwned`
 * says the rule may overwrite `gradOut`'s buffer (see the top of this file).
 */
export type BackwardFn = (gradOut: Tensor, gradOutOwned: boolean) => readonly (Tensor | null)[];

let gradEnabled = true;

/** Whether ops record the graph for backward (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` with graph recording off (PyTorch's `torch.no_grad()`): ops return constants.
 *
 * @example
 * const y = noGrad(() => model.call(x)); // inference without building a graph
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/**
 * Gradient buffers that a backward pass has finished with, by dtype and length, handed out again
 * by `allocFloat` (zeroed). A training step asks for the same sizes every time; fresh
 * megabyte-sized arrays each step cost zero-filling new pages and garbage collections.
 */
const spare = new Map<string, FloatArray[]>();
/** Only buffers at least this long are kept (small ones are cheap to allocate). */
const SPARE_MIN = 1 << 14;
const SPARE_PER_SIZE = 4;
const SPARE_MAX_BYTES = 128 * 2 ** 20;
let spareBytes = 0;

/** Zeroed storage of `n` elements of `dtype`. */
export function allocFloat(dtype: FloatDType, n: number): FloatArray {
  if (n >= SPARE_MIN) {
    const buf = spare.get(`${dtype}:${n}`)?.pop();
    if (buf !== undefined) {
      spareBytes -= buf.byteLength;
      return buf.fill(0);
    }
  }
  return dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
}

/**
 * Storage of `n` elements of `dtype` with unspecified contents, for an op that writes every
 * element before reading any (a recycled buffer is handed out without zeroing it).
 */
export function emptyFloat(dtype: FloatDType, n: number): FloatArray {
  if (n >= SPARE_MIN) {
    const buf = spare.get(`${dtype}:${n}`)?.pop();
    if (buf !== undefined) {
      spareBytes -= buf.byteLength;
      return buf;
    }
  }
  return dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
}

/** Hands `data` (a whole buffer nothing else refers to) back to `allocFloat`. */
function recycle(data: FloatArray): void {
  if (data.length < SPARE_MIN || data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) return;
  const key = `${data instanceof Float64Array ? 'float64' : 'float32'}:${data.length}`;
  const list = spare.get(key) ?? [];
  if (list.length >= SPARE_PER_SIZE || spareBytes + data.byteLength > SPARE_MAX_BYTES) return;
  list.push(data);
  spareBytes += data.byteLength;
  spare.set(key, list);
}

/** The dtype of a float storage array. */
export function dtypeOf(data: FloatArray): FloatDType {
  return data instanceof Float64Array ? 'float64' : 'float32';
}

function sizeOfShape(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new ShapeError(`Tensor: shape ${formatShape(shape)} has a dimension that is not a non-negative integer.`);
    n *= d;
  }
  return n;
}

/** Options for creating a tensor from values. */
export interface TensorOptions {
  dtype?: FloatDType;
  requiresGrad?: boolean;
}

/** An n-dimensional array that records the ops applied to it for reverse-mode differentiation. */
export class Tensor {
  readonly data: FloatArray;
  readonly shape: readonly number[];
  readonly size: number;
  /** Whether gradients flow to this tensor. Settable on leaves only. */
  requiresGrad: boolean;
  /** The accumulated gradient (leaves), or null before the first backward. */
  grad: Tensor | null = null;
  /** Parents and gradient rule; null for leaves and constants. */
  private parents: readonly Tensor[] | null = null;
  private backwardFn: BackwardFn | null = null;

  /**
   * Wraps `data` (not copied) with `shape`. Most code wants `tensor()`, `Tensor.fromData` or
   * `Tensor.fromOp`.
   */
  constructor(data: FloatArray, shape: readonly number[], requiresGrad = false) {
    const size = sizeOfShape(shape);
    if (data.length !== size) {
      throw new ShapeError(`Tensor: shape ${formatShape(shape)} needs ${size} elements but the data has ${data.length}.`);
    }
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.size = size;
    this.requiresGrad = requiresGrad;
  }

  /** A constant (or, with `requiresGrad`, a leaf) over `data` without copying. */
  static fromData(data: FloatArray, shape: readonly number[], requiresGrad = false): Tensor {
    return new Tensor(data, shape, requiresGrad);
  }

  /**
   * The result of a differentiable op: `data` with `shape`, computed from `parents`, whose
   * gradients `backwardFn` gives (see the comment at the top of this file). Records the graph
   * only when grad mode is on and some parent requires a gradient.
   */
  static fromOp(data: FloatArray, shape: readonly number[], parents: readonly Tensor[], backwardFn: BackwardFn): Tensor {
    const out = new Tensor(data, shape);
    if (gradEnabled) {
      for (const p of parents) {
        if (p.requiresGrad) {
          out.requiresGrad = true;
          out.parents = parents;
          out.backwardFn = backwardFn;
          break;
        }
      }
    }
    return out;
  }

  get dtype(): FloatDType {
    return dtypeOf(this.data);
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** True for tensors no op produced (parameters, inputs). */
  get isLeaf(): boolean {
    return this.backwardFn === null;
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new ShapeError(`item() needs a tensor with exactly one element; this one has shape ${formatShape(this.shape)}.`);
    return this.data[0]!;
  }

  /** The same data, cut from the graph (shares the buffer). */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  /** A copy with its own buffer, cut from the graph. */
  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** Nested JS arrays (a number for a 0-d tensor). */
  toArray(): NestedArray {
    return this.toNdArray().toArray();
  }

  /** An NdArray view over the same buffer. */
  toNdArray(): NdArray {
    return fromTyped(this.data, this.shape.slice());
  }

  /** The data converted to `dtype` (no graph; a copy unless it already has that dtype). */
  to(dtype: FloatDType): Tensor {
    if (dtype === this.dtype) return this;
    return new Tensor(dtype === 'float64' ? Float64Array.from(this.data) : Float32Array.from(this.data), this.shape, this.requiresGrad && this.isLeaf);
  }

  /**
   * Back-propagates from this tensor: every leaf that requires a gradient gets d(this)/d(leaf)
   * added to its `.grad`. `grad` defaults to 1 for a one-element tensor and is required otherwise.
   */
  backward(grad?: Tensor): void {
    if (!this.requiresGrad) {
      throw new Error('backward(): this tensor does not require a gradient; create the inputs/parameters with requiresGrad: true (and not inside noGrad).');
    }
    let seed: Tensor;
    if (grad === undefined) {
      if (this.size !== 1) {
        throw new ShapeError(`backward(): a tensor of shape ${formatShape(this.shape)} needs an explicit gradient; call .sum() first or pass backward(grad).`);
      }
      const one = allocFloat(this.dtype, 1);
      one[0] = 1;
      seed = new Tensor(one, this.shape);
    } else {
      if (grad.size !== this.size) {
        throw new ShapeError(`backward(): the gradient has shape ${formatShape(grad.shape)} but the tensor has shape ${formatShape(this.shape)}.`);
      }
      seed = grad;
    }
    const order = topologicalOrder(this);
    const grads = new Map<Tensor, { g: Tensor; owned: boolean }>();
    grads.set(this, { g: seed, owned: false });
    noGrad(() => {
      for (let i = order.length - 1; i >= 0; i--) {
        const node = order[i]!;
        const entry = grads.get(node);
        if (entry === undefined) continue;
        grads.delete(node);
        if (node.backwardFn === null) {
          accumulateLeaf(node, entry.g, entry.owned);
          continue;
        }
        const parentGrads = node.backwardFn(entry.g, entry.owned);
        // An owned gradient is a buffer an op made for this node alone; once its op has run and
        // passed none of it on, nothing refers to it.
        if (entry.owned && parentGrads.every((t) => t === null || t === undefined || t.data.buffer !== entry.g.data.buffer)) recycle(entry.g.data);
        const parents = node.parents!;
        for (let p = 0; p < parents.length; p++) {
          const parent = parents[p]!;
          const g = parentGrads[p];
          if (g === null || g === undefined || !parent.requiresGrad) continue;
          if (g.size !== parent.size) {
            throw new ShapeError(`backward(): an op returned a gradient of shape ${formatShape(g.shape)} for an input of shape ${formatShape(parent.shape)}.`);
          }
          const have = grads.get(parent);
          if (have === undefined) grads.set(parent, { g, owned: isFresh(g, entry, parentGrads, p) });
          else if (have.owned) addInPlace(have.g.data, g.data);
          else {
            const sum = have.g.data.slice();
            addInPlace(sum, g.data);
            grads.set(parent, { g: new Tensor(sum, parent.shape), owned: true });
          }
        }
      }
    });
  }

  // Fluent facade over the free functions in ./ops (each documented there).
  add(other: Tensor | number): Tensor { return ew.add(this, other); }
  sub(other: Tensor | number): Tensor { return ew.sub(this, other); }
  mul(other: Tensor | number): Tensor { return ew.mul(this, other); }
  div(other: Tensor | number): Tensor { return ew.div(this, other); }
  pow(exponent: number): Tensor { return ew.pow(this, exponent); }
  neg(): Tensor { return ew.neg(this); }
  exp(): Tensor { return ew.exp(this); }
  log(): Tensor { return ew.log(this); }
  sqrt(): Tensor { return ew.sqrt(this); }
  abs(): Tensor { return ew.abs(this); }
  relu(): Tensor { return ew.relu(this); }
  sigmoid(): Tensor { return ew.sigmoid(this); }
  tanh(): Tensor { return ew.tanh(this); }
  matmul(other: Tensor): Tensor { return matmul(this, other); }
  sum(axis?: number | readonly number[], keepDims = false): Tensor { return red.sum(this, axis, keepDims); }
  mean(axis?: number | readonly number[], keepDims = false): Tensor { return red.mean(this, axis, keepDims); }
  max(axis?: number | readonly number[], keepDims = false): Tensor { return red.max(this, axis, keepDims); }
  reshape(shape: readonly number[]): Tensor { return sh.reshape(this, shape); }
  transpose(axes?: readonly number[]): Tensor { return sh.transpose(this, axes); }
  softmax(axis = -1): Tensor { return softmax(this, axis); }
  logSoftmax(axis = -1): Tensor { return logSoftmax(this, axis); }

  toString(): string {
    return `Tensor(${this.dtype}, shape ${formatShape(this.shape)}${this.requiresGrad ? ', requiresGrad' : ''})`;
  }
}

/**
 * Whether the engine may accumulate into `g` in place (and an op may overwrite it): its buffer is
 * not shared with another returned gradient, and is not the output gradient's unless that one
 * was owned (then the ownership passes on, as through a reshape or an in-place ReLU rule).
 * Buffers are compared, not arrays, so views of a gradient (concat's backward) count as shared.
 */
function isFresh(g: Tensor, gradOut: { g: Tensor; owned: boolean }, all: readonly (Tensor | null)[], index: number): boolean {
  const buffer = g.data.buffer;
  if (buffer === gradOut.g.data.buffer && !gradOut.owned) return false;
  for (let i = 0; i < all.length; i++) if (i !== index && all[i]?.data.buffer === buffer) return false;
  return true;
}

function addInPlace(dst: FloatArray, src: FloatArray): void {
  for (let i = 0; i < dst.length; i++) dst[i]! += src[i]!;
}

function accumulateLeaf(leaf: Tensor, g: Tensor, owned: boolean): void {
  if (leaf.grad === null) {
    let data: FloatArray;
    if (g.data.constructor === leaf.data.constructor) data = owned ? g.data : g.data.slice();
    else data = leaf.dtype === 'float64' ? Float64Array.from(g.data) : Float32Array.from(g.data);
    leaf.grad = new Tensor(data, leaf.shape);
  } else {
    addInPlace(leaf.grad.data, g.data);
  }
}

/** Nodes reachable from `root` through tensors that require gradients, parents before children. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  // Iterative DFS (graphs of deep nets overflow a recursive one).
  const stack: { node: Tensor; next: number }[] = [{ node: root, next: 0 }];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const parents = (top.node as unknown as { parents: readonly Tensor[] | null }).parents;
    if (parents !== null && top.next < parents.length) {
      const p = parents[top.next++]!;
      if (p.requiresGrad && !visited.has(p)) {
        visited.add(p);
        stack.push({ node: p, next: 0 });
      }
    } else {
      order.push(top.node);
      stack.pop();
    }
  }
  return order;
}

/** Values accepted by `tensor()`. */
export type TensorInput = NdArray | NestedArray | ArrayLike<number> | number;

/**
 * A tensor from nested arrays, a typed array (with `shape`), an NdArray or a number (always copied).
 *
 * @example
 * const w = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * w.mul(w).sum().backward(); // w.grad = [[2, 4], [6, 8]]
 */
export function tensor(value: TensorInput, options: TensorOptions & { shape?: readonly number[] } = {}): Tensor {
  let dtype = options.dtype;
  let flat: ArrayLike<number>;
  let shape: number[];
  if (typeof value === 'number') {
    flat = [value];
    shape = [];
  } else if (isNdArray(value)) {
    if (dtype === undefined && (value.dtype === 'float32' || value.dtype === 'float64')) dtype = value.dtype;
    flat = value.toFloat64Array();
    shape = value.shape.slice();
  } else if (ArrayBuffer.isView(value) || (!Array.isArray(value) && typeof (value as ArrayLike<number>).length === 'number')) {
    const typed = value as ArrayLike<number>;
    if (dtype === undefined && (value instanceof Float64Array || value instanceof Float32Array)) dtype = dtypeOf(value);
    flat = typed;
    shape = options.shape?.slice() ?? [typed.length];
  } else {
    shape = [];
    let probe: unknown = value;
    while (Array.isArray(probe)) {
      shape.push(probe.length);
      probe = probe[0];
    }
    const out: number[] = [];
    flattenInto(value as NestedArray, shape, 0, out);
    flat = out;
  }
  if (options.shape !== undefined && sizeOfShape(options.shape) === flat.length) shape = options.shape.slice();
  const data = allocFloat(dtype ?? 'float32', flat.length);
  for (let i = 0; i < flat.length; i++) data[i] = Number(flat[i]);
  return new Tensor(data, shape, options.requiresGrad ?? false);
}

function flattenInto(v: NestedArray, shape: readonly number[], axis: number, out: number[]): void {
  if (axis === shape.length) {
    if (Array.isArray(v)) throw new ShapeError('tensor(): nested arrays are ragged; every row must have the same length.');
    out.push(Number(v));
    return;
  }
  if (!Array.isArray(v) || v.length !== shape[axis]) {
    throw new ShapeError(`tensor(): nested arrays are ragged at depth ${axis}; expected length ${shape[axis]}.`);
  }
  for (const item of v) flattenInto(item, shape, axis + 1, out);
}

function isNdArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'strides' in x && 'dtype' in x && typeof (x as NdArray).toFloat64Array === 'function';
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return new Tensor(allocFloat(options.dtype ?? 'float32', sizeOfShape(shape)), shape, options.requiresGrad ?? false);
}

/** A tensor filled with `value`. */
export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  const t = zeros(shape, options);
  t.data.fill(value);
  return t;
}

/** A tensor of ones. */
export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}
