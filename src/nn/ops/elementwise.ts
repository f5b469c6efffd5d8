/**
 * Element-wise primitives with their gradient rules: broadcasting binary arithmetic and the
 * unary functions activations are made of. Each op is one plain loop over typed arrays.
 */
import erf from '@stdlib/math-base-special-erf';
import { DTypeError } from '../../tensor/index.js';
import { type FloatArray, Tensor, allocFloat, emptyFloat } from '../tensor.js';
import { broadcastMap, broadcastShape, reduceByMap } from './broadcast.js';

type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

function checkDTypes(a: Tensor, b: Tensor, what: string): void {
  if (a.dtype !== b.dtype) {
    throw new DTypeError(`${what}: operands have dtypes ${a.dtype} and ${b.dtype}; convert one with .to('${a.dtype}').`);
  }
}

function expand(x: FloatArray, map: Int32Array | null, n: number, like: Tensor): FloatArray {
  if (map === null) return x;
  const out = allocFloat(like.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x[map[i]!]!;
  return out;
}

function binary(op: BinaryOp, a: Tensor, bIn: Tensor | number): Tensor {
  if (typeof bIn === 'number') return binaryScalar(op, a, bIn);
  const b = bIn;
  checkDTypes(a, b, op);
  const shape = broadcastShape(a.shape, b.shape, op);
  let n = 1;
  for (const d of shape) n *= d;
  const ma = broadcastMap(a.shape, shape);
  const mb = broadcastMap(b.shape, shape);
  const x = expand(a.data, ma, n, a);
  const y = expand(b.data, mb, n, a);
  const out = allocFloat(a.dtype, n);
  if (op === 'add') for (let i = 0; i < n; i++) out[i] = x[i]! + y[i]!;
  else if (op === 'sub') for (let i = 0; i < n; i++) out[i] = x[i]! - y[i]!;
  else if (op === 'mul') for (let i = 0; i < n; i++) out[i] = x[i]! * y[i]!;
  else for (let i = 0; i < n; i++) out[i] = x[i]! / y[i]!;
  return Tensor.fromOp(out, shape, [a, b], (g) => {
    const gd = g.data;
    let ga: FloatArray | null = null;
    let gb: FloatArray | null = null;
    if (op === 'add' || op === 'sub') {
      if (a.requiresGrad) ga = reduceByMap(gd, ma, a.size, a.dtype);
      if (b.requiresGrad) {
        if (op === 'add') gb = reduceByMap(gd, mb, b.size, b.dtype);
        else {
          const neg = allocFloat(a.dtype, n);
          for (let i = 0; i < n; i++) neg[i] = -gd[i]!;
          gb = reduceByMap(neg, mb, b.size, b.dtype);
        }
      }
    } else if (op === 'mul') {
      if (a.requiresGrad) {
        const t = allocFloat(a.dtype, n);
        for (let i = 0; i < n; i++) t[i] = gd[i]! * y[i]!;
        ga = reduceByMap(t, ma, a.size, a.dtype);
      }
      if (b.requiresGrad) {
        const t = allocFloat(a.dtype, n);
        for (let i = 0; i < n; i++) t[i] = gd[i]! * x[i]!;
        gb = reduceByMap(t, mb, b.size, b.dtype);
      }
    } else {
      if (a.requiresGrad) {
        const t = allocFloat(a.dtype, n);
        for (let i = 0; i < n; i++) t[i] = gd[i]! / y[i]!;
        ga = reduceByMap(t, ma, a.size, a.dtype);
      }
      if (b.requiresGrad) {
        const t = allocFloat(a.dtype, n);
        for (let i = 0; i < n; i++) t[i] = (-gd[i]! * out[i]!) / y[i]!;
        gb = reduceByMap(t, mb, b.size, b.dtype);
      }
    }
    return [ga && Tensor.fromData(ga, a.shape), gb && Tensor.fromData(gb, b.shape)];
  });
}

function binaryScalar(op: BinaryOp, a: Tensor, s: number): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocFloat(a.dtype, n);
  if (op === 'add') for (let i = 0; i < n; i++) out[i] = x[i]! + s;
  else if (op === 'sub') for (let i = 0; i < n; i++) out[i] = x[i]! - s;
  else if (op === 'mul') for (let i = 0; i < n; i++) out[i] = x[i]! * s;
  else for (let i = 0; i < n; i++) out[i] = x[i]! / s;
  return Tensor.fromOp(out, a.shape, [a], (g) => {
    if (op === 'add' || op === 'sub') return [g];
    const f = op === 'mul' ? s : 1 / s;
    const t = allocFloat(a.dtype, n);
    for (let i = 0; i < n; i++) t[i] = g.data[i]! * f;
    return [Tensor.fromData(t, a.shape)];
  });
}

/** a + b with broadcasting (b may be a number). */
export function add(a: Tensor, b: Tensor | number): Tensor {
  return binary('add', a, b);
}
/** a − b with broadcasting. */
export function sub(a: Tensor, b: Tensor | number): Tensor {
  return binary('sub', a, b);
}
/** a · b element-wise with broadcasting. */
export function mul(a: Tensor, b: Tensor | number): Tensor {
  return binary('mul', a, b);
}
/** a / b element-wise with broadcasting. */
export function div(a: Tensor, b: Tensor | number): Tensor {
  return binary('div', a, b);
}

type UnaryOp = 'neg' | 'exp' | 'log' | 'sqrt' | 'abs' | 'sigmoid' | 'tanh' | 'gelu' | 'silu' | 'softplus';

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

function unary(op: UnaryOp, a: Tensor): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocFloat(a.dtype, n);
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) out[i] = -x[i]!; break;
    case 'exp': for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]!); break;
    case 'log': for (let i = 0; i < n; i++) out[i] = Math.log(x[i]!); break;
    case 'sqrt': for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]!); break;
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]!); break;
    case 'sigmoid': for (let i = 0; i < n; i++) out[i] = sigmoidOf(x[i]!); break;
    case 'tanh': for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]!); break;
    case 'gelu': for (let i = 0; i < n; i++) { const v = x[i]!; out[i] = 0.5 * v * (1 + erf(v * SQRT1_2)); } break;
    case 'silu': for (let i = 0; i < n; i++) { const v = x[i]!; out[i] = v * sigmoidOf(v); } break;
    case 'softplus': for (let i = 0; i < n; i++) { const v = x[i]!; out[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))); } break;
  }
  return Tensor.fromOp(out, a.shape, [a], (gt) => {
    const g = gt.data;
    const t = allocFloat(a.dtype, n);
    switch (op) {
      case 'neg': for (let i = 0; i < n; i++) t[i] = -g[i]!; break;
      case 'exp': for (let i = 0; i < n; i++) t[i] = g[i]! * out[i]!; break;
      case 'log': for (let i = 0; i < n; i++) t[i] = g[i]! / x[i]!; break;
      case 'sqrt': for (let i = 0; i < n; i++) t[i] = g[i]! / (2 * out[i]!); break;
      case 'abs': for (let i = 0; i < n; i++) t[i] = g[i]! * Math.sign(x[i]!); break;
      case 'sigmoid': for (let i = 0; i < n; i++) { const s = out[i]!; t[i] = g[i]! * s * (1 - s); } break;
      case 'tanh': for (let i = 0; i < n; i++) { const y = out[i]!; t[i] = g[i]! * (1 - y * y); } break;
      case 'gelu': for (let i = 0; i < n; i++) {
        const v = x[i]!;
        t[i] = g[i]! * (0.5 * (1 + erf(v * SQRT1_2)) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v));
      } break;
      case 'silu': for (let i = 0; i < n; i++) { const s = sigmoidOf(x[i]!); t[i] = g[i]! * s * (1 + x[i]! * (1 - s)); } break;
      case 'softplus': for (let i = 0; i < n; i++) t[i] = g[i]! * sigmoidOf(x[i]!); break;
    }
    return [Tensor.fromData(t, a.shape)];
  });
}

function sigmoidOf(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** −x. */
export function neg(x: Tensor): Tensor { return unary('neg', x); }
/** eˣ. */
export function exp(x: Tensor): Tensor { return unary('exp', x); }
/** Natural logarithm. */
export function log(x: Tensor): Tensor { return unary('log', x); }
/** Square root. */
export function sqrt(x: Tensor): Tensor { return unary('sqrt', x); }
/** |x| (gradient 0 at 0, as PyTorch). */
export function abs(x: Tensor): Tensor { return unary('abs', x); }
/** max(x, 0), NaN staying NaN (gradient 0 at 0, as PyTorch). */
export function relu(x: Tensor): Tensor {
  const n = x.size;
  const out = emptyFloat(x.dtype, n);
  reluBits(x.data, out);
  return Tensor.fromOp(out, x.shape, [x], (g, gOwned) => {
    if (g.data instanceof Float64Array === out instanceof Float64Array) {
      // Element i of the result reads only element i of g, so g's own buffer can take it.
      const t = gOwned ? g.data : emptyFloat(x.dtype, n);
      reluGradBits(out, g.data, t);
      return [Tensor.fromData(t, x.shape)];
    }
    const t = allocFloat(x.dtype, n);
    for (let i = 0; i < n; i++) t[i] = out[i]! > 0 || out[i] !== out[i] ? g.data[i]! : 0;
    return [Tensor.fromData(t, x.shape)];
  });
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The bits of a float array as int32 words (two per float64). */
function words(a: FloatArray): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4);
}

/**
 * out = max(x, 0) on the bit patterns: a set sign bit (negative, −0) zeroes the element, anything
 * else is copied. Branch-free, so about twice as fast as a compare on data of random sign; NaN
 * passes through as in PyTorch.
 */
function reluBits(x: FloatArray, out: FloatArray): void {
  const xi = words(x), oi = words(out);
  if (x instanceof Float32Array) {
    // Four at a time: the engine does not unroll, and this is about 25% faster.
    const n = xi.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const a = xi[i]!, b = xi[i + 1]!, c = xi[i + 2]!, d = xi[i + 3]!;
      oi[i] = a & ~(a >> 31);
      oi[i + 1] = b & ~(b >> 31);
      oi[i + 2] = c & ~(c >> 31);
      oi[i + 3] = d & ~(d >> 31);
    }
    for (; i < n; i++) { const v = xi[i]!; oi[i] = v & ~(v >> 31); }
    return;
  }
  const hi = LITTLE_ENDIAN ? 1 : 0, lo = 1 - hi;
  for (let i = 0; i < xi.length; i += 2) {
    const keep = ~(xi[i + hi]! >> 31);
    oi[i + lo] = xi[i + lo]! & keep;
    oi[i + hi] = xi[i + hi]! & keep;
  }
}

/** t = g where the ReLU output is non-zero (x > 0), else 0; on bit patterns like `reluBits`. */
function reluGradBits(out: FloatArray, g: FloatArray, t: FloatArray): void {
  const oi = words(out), gi = words(g), ti = words(t);
  if (out instanceof Float32Array) {
    // Outputs are ≥ 0 as integers: −v is negative exactly when v is non-zero. Four at a time, as in reluBits.
    const n = oi.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const a = gi[i]! & (-oi[i]! >> 31), b = gi[i + 1]! & (-oi[i + 1]! >> 31);
      const c = gi[i + 2]! & (-oi[i + 2]! >> 31), d = gi[i + 3]! & (-oi[i + 3]! >> 31);
      ti[i] = a;
      ti[i + 1] = b;
      ti[i + 2] = c;
      ti[i + 3] = d;
    }
    for (; i < n; i++) ti[i] = gi[i]! & (-oi[i]! >> 31);
    return;
  }
  for (let i = 0; i < oi.length; i += 2) {
    const nz = oi[i]! | oi[i + 1]!;
    const keep = (nz | -nz) >> 31;
    ti[i] = gi[i]! & keep;
    ti[i + 1] = gi[i + 1]! & keep;
  }
}
/** 1 / (1 + e⁻ˣ), computed without overflow. */
export function sigmoid(x: Tensor): Tensor { return unary('sigmoid', x); }
/** Hyperbolic tangent. */
export function tanh(x: Tensor): Tensor { return unary('tanh', x); }
/** Exact GELU x·Φ(x) (PyTorch's default, approximate='none'). */
export function gelu(x: Tensor): Tensor { return unary('gelu', x); }
/** SiLU (swish) x·σ(x). */
export function silu(x: Tensor): Tensor { return unary('silu', x); }
/** log(1 + eˣ), computed without overflow. */
export function softplus(x: Tensor): Tensor { return unary('softplus', x); }

/** xᵖ for a constant exponent p. */
export function pow(a: Tensor, p: number): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocFloat(a.dtype, n);
  if (p === 2) for (let i = 0; i < n; i++) out[i] = x[i]! * x[i]!;
  else for (let i = 0; i < n; i++) out[i] = Math.pow(x[i]!, p);
  return Tensor.fromOp(out, a.shape, [a], (g) => {
    const t = allocFloat(a.dtype, n);
    if (p === 2) for (let i = 0; i < n; i++) t[i] = 2 * x[i]! * g.data[i]!;
    else for (let i = 0; i < n; i++) t[i] = p * Math.pow(x[i]!, p - 1) * g.data[i]!;
    return [Tensor.fromData(t, a.shape)];
  });
}

/** max(x, slope·x) for slope in [0, 1). */
export function leakyRelu(a: Tensor, slope = 0.01): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocFloat(a.dtype, n);
  for (let i = 0; i < n; i++) { const v = x[i]!; out[i] = v > 0 ? v : slope * v; }
  return Tensor.fromOp(out, a.shape, [a], (g) => {
    const t = allocFloat(a.dtype, n);
    for (let i = 0; i < n; i++) t[i] = x[i]! > 0 ? g.data[i]! : slope * g.data[i]!;
    return [Tensor.fromData(t, a.shape)];
  });
}

/** x clipped to [min, max] (gradient passes only strictly inside). */
export function clamp(a: Tensor, min: number, max: number): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocFloat(a.dtype, n);
  for (let i = 0; i < n; i++) { const v = x[i]!; out[i] = v < min ? min : v > max ? max : v; }
  return Tensor.fromOp(out, a.shape, [a], (g) => {
    const t = allocFloat(a.dtype, n);
    for (let i = 0; i < n; i++) { const v = x[i]!; t[i] = v >= min && v <= max ? g.data[i]! : 0; }
    return [Tensor.fromData(t, a.shape)];
  });
}

/**
 * Element-wise select: `cond` (a 0/1 mask, not differentiated) picks a where nonzero, else b.
 * All three shapes must be equal.
 */
export function where(cond: Tensor, a: Tensor, b: Tensor): Tensor {
  checkDTypes(a, b, 'where');
  if (cond.size !== a.size || a.size !== b.size) throw new RangeError('where: cond, a and b must have the same number of elements.');
  const n = a.size;
  const c = cond.data;
  const out = allocFloat(a.dtype, n);
  for (let i = 0; i < n; i++) out[i] = c[i] !== 0 ? a.data[i]! : b.data[i]!;
  return Tensor.fromOp(out, a.shape, [a, b], (g) => {
    const ga = allocFloat(a.dtype, n);
    const gb = allocFloat(a.dtype, n);
    for (let i = 0; i < n; i++) { if (c[i] !== 0) ga[i] = g.data[i]!; else gb[i] = g.data[i]!; }
    return [Tensor.fromData(ga, a.shape), Tensor.fromData(gb, b.shape)];
  });
}
