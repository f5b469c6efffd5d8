/**
 * Element-wise operations with NumPy broadcasting: arithmetic, comparisons, logic, `where`
 * and unary math. Each operation has its own loop over a run of elements (a kernel in the
 * tables below) rather than calling a function per element, which V8 cannot inline once
 * several operations share one call site.
 */
import { type DType, type TypedArray, allocate, floatResultType, promoteTypes } from './dtype.js';
import { type ArrayLikeInput, NdArray } from './ndarray.js';
import { type ArithmeticKernels, type RunKernels, F32_ARITHMETIC, F64_ARITHMETIC } from './arithmetic-kernels.js';
import { type ComparisonKernels, F32_COMPARISON, F32_WHERE, F64_COMPARISON, F64_WHERE, type WhereKernels } from './comparison-kernels.js';
import { expF32, expF64, expRun } from './fast-exp.js';
import { asArray } from './create.js';
import { type Layout, coalesce, forEachRun } from './iterate.js';
import { broadcastShapes, sizeOf } from './shape.js';
import { broadcastTo } from './views.js';

type Operand = ArrayLikeInput;

/**
 * The dtype a JS scalar takes next to an array of `other` (NumPy's "weak scalar" rule):
 * an integer keeps the array's type, a fraction makes integer arrays float64, a boolean is bool.
 */
function scalarDType(value: number | boolean, other: DType): DType {
  if (typeof value === 'boolean') return 'bool';
  if (Number.isInteger(value)) return other === 'bool' ? 'int32' : other;
  return other === 'float32' || other === 'float64' ? other : 'float64';
}

function scalarArray(value: number | boolean): NdArray {
  const data = new Float64Array(1);
  data[0] = Number(value);
  return new NdArray('float64', data, []);
}

/** Turns two operands into arrays plus the dtype their combination has under promotion. */
function prepare(a: Operand, b: Operand): { x: NdArray; y: NdArray; common: DType } {
  const aScalar = typeof a === 'number' || typeof a === 'boolean';
  const bScalar = typeof b === 'number' || typeof b === 'boolean';
  if (aScalar && !bScalar) {
    const y = asArray(b);
    return { x: scalarArray(a), y, common: promoteTypes(scalarDType(a, y.dtype), y.dtype) };
  }
  if (bScalar && !aScalar) {
    const x = asArray(a);
    return { x, y: scalarArray(b), common: promoteTypes(x.dtype, scalarDType(b, x.dtype)) };
  }
  const x = asArray(a);
  const y = asArray(b);
  return { x, y, common: promoteTypes(x.dtype, y.dtype) };
}

const enum Op {
  Add, Sub, Mul, Div, Pow, Mod, FloorDiv, Maximum, Minimum, Fmax, Fmin, Atan2, Hypot,
  Eq, Ne, Lt, Le, Gt, Ge, And, Or, Xor,
}

function pyMod(x: number, y: number): number {
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

/** Floor division as NumPy computes it (through fmod), so infinities and zeros give NumPy's answers. */
function floorDiv(x: number, y: number): number {
  if (y === 0) return x / y;
  const m = x % y;
  let d = (x - m) / y;
  if (m !== 0 && y < 0 !== m < 0) d -= 1;
  if (d === 0) return 0 * (x / y);
  const f = Math.floor(d);
  return d - f > 0.5 ? f + 1 : f;
}

type BinaryKernel = (o: TypedArray, a: TypedArray, b: TypedArray, k: number, i: number, j: number, n: number, ks: number, is: number, js: number) => void;

/**
 * One small function per operation, each with its own loop, so no per-element dispatch happens;
 * the run's start offsets and strides come from `forEachRun`.
 */
const BINARY_KERNELS: Record<Op, BinaryKernel> = {
  [Op.Add]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! + b[j]!;
  },
  [Op.Sub]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! - b[j]!;
  },
  [Op.Mul]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! * b[j]!;
  },
  [Op.Div]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! / b[j]!;
  },
  [Op.Pow]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! ** b[j]!;
  },
  [Op.Mod]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = pyMod(a[i]!, b[j]!);
  },
  [Op.FloorDiv]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = floorDiv(a[i]!, b[j]!);
  },
  [Op.Maximum]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) {
      const x = a[i]!, y = b[j]!;
      o[k] = x > y || x !== x ? x : y;
    }
  },
  [Op.Minimum]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) {
      const x = a[i]!, y = b[j]!;
      o[k] = x < y || x !== x ? x : y;
    }
  },
  [Op.Fmax]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) {
      const x = a[i]!, y = b[j]!;
      o[k] = x > y || y !== y ? x : y;
    }
  },
  [Op.Fmin]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) {
      const x = a[i]!, y = b[j]!;
      o[k] = x < y || y !== y ? x : y;
    }
  },
  [Op.Atan2]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = Math.atan2(a[i]!, b[j]!);
  },
  [Op.Hypot]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = Math.hypot(a[i]!, b[j]!);
  },
  [Op.Eq]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i] === b[j] ? 1 : 0;
  },
  [Op.Ne]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i] !== b[j] ? 1 : 0;
  },
  [Op.Lt]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! < b[j]! ? 1 : 0;
  },
  [Op.Le]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! <= b[j]! ? 1 : 0;
  },
  [Op.Gt]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! > b[j]! ? 1 : 0;
  },
  [Op.Ge]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i]! >= b[j]! ? 1 : 0;
  },
  [Op.And]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i] !== 0 && b[j] !== 0 ? 1 : 0;
  },
  [Op.Or]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = a[i] !== 0 || b[j] !== 0 ? 1 : 0;
  },
  [Op.Xor]: (o, a, b, k, i, j, n, ks, is, js) => {
    for (let c = 0; c < n; c++, k += ks, i += is, j += js) o[k] = (a[i] !== 0) !== (b[j] !== 0) ? 1 : 0;
  },
};

/**
 * Integer and float64 results are computed exactly enough in doubles and stored with the
 * target's conversion. A float32 computation must see float32 operands, so a JS scalar next to
 * a float32 array is rounded to float32 first, as NumPy does.
 */
function castOperand(x: NdArray, dtype: DType): NdArray {
  if (dtype === 'float32' && x.dtype === 'float64') return x.astype('float32');
  return x;
}

/** The loops of one arithmetic or comparison operation for one operand dtype. */
type Kernels = RunKernels<TypedArray, TypedArray>;

/** Comparison codes Eq..Ge, each with the operands swapped (s < b is b > s). */
const MIRRORED = [Op.Eq, Op.Ne, Op.Gt, Op.Ge, Op.Lt, Op.Le];

/** A comparison's loops: its own contiguous ones, the mirrored one for a scalar on the left, the generic one for strides. */
function comparisonKernels<A extends TypedArray>(table: readonly ComparisonKernels<A>[], op: Op): RunKernels<Uint8Array, A> {
  const own = table[op - Op.Eq]!;
  const mirrored = table[MIRRORED[op - Op.Eq]! - Op.Eq]!;
  const generic = BINARY_KERNELS[op];
  return {
    runs: own.runs,
    runScalar: own.runScalar,
    scalarRun: (o, s, b, k, j, n) => mirrored.runScalar(o, b, s, k, j, n),
    strided: (o, a, b, k, i, j, n, is, js) => generic(o, a, b, k, i, j, n, 1, is, js),
  };
}

const COMPARISONS = [Op.Eq, Op.Ne, Op.Lt, Op.Le, Op.Gt, Op.Ge];
const F64_COMPARE = COMPARISONS.map((op) => comparisonKernels(F64_COMPARISON, op));
const F32_COMPARE = COMPARISONS.map((op) => comparisonKernels(F32_COMPARISON, op));

/** Rows shorter than this are combined tile by tile (see `tiledShortRows`). */
const SHORT_ROW = 64;
/** Elements per tile. */
const TILE = 4096;

/**
 * A contiguous (rows, n) block with one row broadcast down it (`X - mean`, `X * weights` on data
 * with few columns) would cost a kernel call per short row. Instead the row is repeated into a
 * contiguous tile of about TILE elements and the kernel runs over whole tiles. Returns false,
 * doing nothing, when the coalesced layout (out, x, y) is not of that form.
 */
function tiledShortRows(kernels: Kernels, out: NdArray, x: NdArray, y: NdArray, layout: Layout): boolean {
  if (layout.shape.length !== 2 || layout.shape[1]! >= SHORT_ROW) return false;
  const [rows, n] = layout.shape as [number, number];
  const [, xs, ys] = layout.strides as [number[], number[], number[]];
  const full = (s: number[]): boolean => s[0] === n && s[1] === 1;
  const row = (s: number[]): boolean => s[0] === 0 && s[1] === 1;
  const xIsRow = row(xs) && full(ys);
  if (!xIsRow && !(full(xs) && row(ys))) return false;
  const per = Math.ceil(TILE / n);
  const source = xIsRow ? x : y;
  const tile = allocate(source.dtype, per * n);
  const one = source.data.subarray(source.offset, source.offset + n);
  for (let r = 0; r < per; r++) tile.set(one, r * n);
  for (let r = 0; r < rows; r += per) {
    const start = r * n;
    const m = Math.min(per, rows - r) * n;
    if (xIsRow) kernels.runs(out.data, tile, y.data, start, 0, y.offset + start, m);
    else kernels.runs(out.data, x.data, tile, start, x.offset + start, 0, m);
  }
  return true;
}

/** One run of n output elements from operand runs with strides `is` and `js`, by the cheapest kernel that fits. */
function binaryRun(kernels: Kernels, o: TypedArray, a: TypedArray, b: TypedArray, k: number, i: number, j: number, n: number, is: number, js: number): void {
  if (is === 1 && js === 1) kernels.runs(o, a, b, k, i, j, n);
  else if (is === 1 && js === 0) kernels.runScalar(o, a, b[j]!, k, i, n);
  else if (is === 0 && js === 1) kernels.scalarRun(o, a[i]!, b, k, j, n);
  else kernels.strided(o, a, b, k, i, j, n, is, js);
}

/**
 * `out = x ∘ y` for operands already broadcast to out's shape and of the kernels' dtype. After
 * coalescing, the common cases are one run (same shapes, or a scalar on one side) or rows of a
 * matrix (a row or column vector broadcast against a matrix); those loop over rows here and call
 * one kernel per row. Higher ranks go through `forEachRun`.
 */
function binaryRuns(kernels: Kernels, out: NdArray, x: NdArray, y: NdArray): void {
  if (out.size === 0) return;
  const o = out.data, xd = x.data, yd = y.data;
  const strides = [out.strides, x.strides, y.strides];
  const layout = coalesce(out.shape, strides);
  const ndim = layout.shape.length;
  if (ndim === 0) {
    kernels.strided(o, xd, yd, 0, x.offset, y.offset, 1, 0, 0);
    return;
  }
  if (ndim > 2) {
    forEachRun(out.shape, strides, [0, x.offset, y.offset], (offs, n, s) =>
      binaryRun(kernels, o, xd, yd, offs[0]!, offs[1]!, offs[2]!, n, s[1]!, s[2]!),
    );
    return;
  }
  if (tiledShortRows(kernels, out, x, y, layout)) return;
  const [, xs, ys] = layout.strides as [number[], number[], number[]];
  const n = layout.shape[ndim - 1]!;
  const rows = ndim === 2 ? layout.shape[0]! : 1;
  const xRow = ndim === 2 ? xs[0]! : 0, yRow = ndim === 2 ? ys[0]! : 0;
  const is = xs[ndim - 1]!, js = ys[ndim - 1]!;
  for (let r = 0, k = 0, i = x.offset, j = y.offset; r < rows; r++, k += n, i += xRow, j += yRow) {
    binaryRun(kernels, o, xd, yd, k, i, j, n, is, js);
  }
}

function binary(op: Op, a: Operand, b: Operand, kind: 'same' | 'float' | 'bool'): NdArray {
  const { x, y, common } = prepare(a, b);
  const outType: DType = kind === 'bool' ? 'bool' : kind === 'float' ? floatResultType(common) : common === 'bool' ? 'int32' : common;
  const shape = broadcastShapes(x.shape, y.shape);
  const out = new NdArray(outType, allocate(outType, sizeOf(shape)), shape);
  const xb = broadcastTo(castOperand(x, common), shape);
  const yb = broadcastTo(castOperand(y, common), shape);
  const float = xb.dtype === yb.dtype && (xb.dtype === 'float64' || xb.dtype === 'float32');
  if (float && op <= Op.Div && outType === xb.dtype) {
    binaryRuns((outType === 'float64' ? F64_ARITHMETIC : F32_ARITHMETIC)[op] as ArithmeticKernels<TypedArray>, out, xb, yb);
    return out;
  }
  if (float && op >= Op.Eq && op <= Op.Ge) {
    binaryRuns((xb.dtype === 'float64' ? F64_COMPARE : F32_COMPARE)[op - Op.Eq] as Kernels, out, xb, yb);
    return out;
  }
  const o = out.data, xd = xb.data, yd = yb.data;
  const kernel = BINARY_KERNELS[op];
  forEachRun(shape, [out.strides, xb.strides, yb.strides], [0, xb.offset, yb.offset], (offs, n, s) =>
    kernel(o, xd, yd, offs[0]!, offs[1]!, offs[2]!, n, s[0]!, s[1]!, s[2]!),
  );
  return out;
}

/** a + b with broadcasting. @example add(array([1, 2]), 10) // [11, 12] */
export const add = (a: Operand, b: Operand): NdArray => binary(Op.Add, a, b, 'same');
/** a − b with broadcasting. */
export const sub = (a: Operand, b: Operand): NdArray => binary(Op.Sub, a, b, 'same');
/** a · b element-wise with broadcasting (see `matmul` for the matrix product). */
export const mul = (a: Operand, b: Operand): NdArray => binary(Op.Mul, a, b, 'same');
/** True division a / b; integer inputs give float64. */
export const div = (a: Operand, b: Operand): NdArray => binary(Op.Div, a, b, 'float');
/** a ** b element-wise. */
export const pow = (a: Operand, b: Operand): NdArray => binary(Op.Pow, a, b, 'same');
/** Remainder with the sign of the divisor (Python's and NumPy's `%`). */
export const mod = (a: Operand, b: Operand): NdArray => binary(Op.Mod, a, b, 'same');
/** ⌊a / b⌋ element-wise. */
export const floorDivide = (a: Operand, b: Operand): NdArray => binary(Op.FloorDiv, a, b, 'same');
/** Element-wise maximum; NaN wins (like NumPy's `maximum`). */
export const maximum = (a: Operand, b: Operand): NdArray => binary(Op.Maximum, a, b, 'same');
/** Element-wise minimum; NaN wins. */
export const minimum = (a: Operand, b: Operand): NdArray => binary(Op.Minimum, a, b, 'same');
/** Element-wise maximum ignoring NaN where the other value is a number (NumPy's `fmax`). */
export const fmax = (a: Operand, b: Operand): NdArray => binary(Op.Fmax, a, b, 'same');
/** Element-wise minimum ignoring NaN where the other value is a number. */
export const fmin = (a: Operand, b: Operand): NdArray => binary(Op.Fmin, a, b, 'same');
export const arctan2 = (y: Operand, x: Operand): NdArray => binary(Op.Atan2, y, x, 'float');
export const hypot = (a: Operand, b: Operand): NdArray => binary(Op.Hypot, a, b, 'float');
export const equal = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Eq, a, b, 'bool') as NdArray<'bool'>;
export const notEqual = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Ne, a, b, 'bool') as NdArray<'bool'>;
export const less = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Lt, a, b, 'bool') as NdArray<'bool'>;
export const lessEqual = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Le, a, b, 'bool') as NdArray<'bool'>;
export const greater = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Gt, a, b, 'bool') as NdArray<'bool'>;
export const greaterEqual = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Ge, a, b, 'bool') as NdArray<'bool'>;
export const logicalAnd = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.And, a, b, 'bool') as NdArray<'bool'>;
export const logicalOr = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Or, a, b, 'bool') as NdArray<'bool'>;
export const logicalXor = (a: Operand, b: Operand): NdArray<'bool'> => binary(Op.Xor, a, b, 'bool') as NdArray<'bool'>;

/**
 * Picks from `x` where `condition` is true and from `y` elsewhere, broadcasting all three.
 *
 * @example
 * where(greater(a, 0), a, 0); // ReLU
 */
export function where(condition: Operand, x: Operand, y: Operand): NdArray {
  const c = asArray(condition);
  const { x: xa, y: ya, common } = prepare(x, y);
  const shape = broadcastShapes(c.shape, xa.shape, ya.shape);
  const out = new NdArray(common, allocate(common, sizeOf(shape)), shape);
  const cb = broadcastTo(c, shape);
  const xb = broadcastTo(castOperand(xa, common), shape);
  const yb = broadcastTo(castOperand(ya, common), shape);
  if (cb.dtype === 'bool' && xb.dtype === common && yb.dtype === common && (common === 'float64' || common === 'float32')) {
    if (whereRun((common === 'float64' ? F64_WHERE : F32_WHERE) as WhereKernels<TypedArray>, out, cb, xb, yb)) return out;
  }
  const o = out.data, cd = cb.data, xd = xb.data, yd = yb.data;
  forEachRun(shape, [out.strides, cb.strides, xb.strides, yb.strides], [0, cb.offset, xb.offset, yb.offset], (offs, n, s) => {
    let k = offs[0]!, ci = offs[1]!, i = offs[2]!, j = offs[3]!;
    for (let m = 0; m < n; m++, k += s[0]!, ci += s[1]!, i += s[2]!, j += s[3]!) {
      const v = cd[ci]!;
      o[k] = v !== 0 && v === v ? xd[i]! : yd[j]!;
    }
  });
  return out;
}

/**
 * `where` as one run when, after coalescing, the condition is contiguous and x and y are each
 * contiguous or a single value (same-shape arrays, scalars). Returns false, doing nothing, otherwise.
 */
function whereRun(kernels: WhereKernels<TypedArray>, out: NdArray, c: NdArray, x: NdArray, y: NdArray): boolean {
  const layout = coalesce(out.shape, [out.strides, c.strides, x.strides, y.strides]);
  if (layout.shape.length > 1) return false;
  const n = out.size;
  if (n === 0) return true;
  const [, cs, xs, ys] = layout.strides.map((s) => (s.length ? s[0]! : 0)) as [number, number, number, number];
  if (n > 1 && cs !== 1) return false;
  const o = out.data, cd = c.data as Uint8Array;
  const xRun = n > 1 && xs === 1, yRun = n > 1 && ys === 1;
  if ((n > 1 && xs !== 0 && !xRun) || (n > 1 && ys !== 0 && !yRun)) return false;
  if (xRun && yRun) kernels.runs(o, cd, x.data, y.data, 0, c.offset, x.offset, y.offset, n);
  else if (xRun) kernels.runScalar(o, cd, x.data, y.data[y.offset]!, 0, c.offset, x.offset, n);
  else if (yRun) kernels.scalarRun(o, cd, x.data[x.offset]!, y.data, 0, c.offset, y.offset, n);
  else kernels.scalars(o, cd, x.data[x.offset]!, y.data[y.offset]!, 0, c.offset, n);
  return true;
}

const enum U {
  Neg, Abs, Sign, Square, Reciprocal, Floor, Ceil, Round, Trunc,
  Sqrt, Cbrt, Exp, Exp2, Expm1, Log, Log2, Log10, Log1p,
  Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
  IsNaN, IsInf, IsFinite, Not,
}

/** Round half to even, as NumPy's `round` does. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

type UnaryKernel = (o: TypedArray, a: TypedArray, k: number, i: number, n: number, ks: number, is: number) => void;

/** One small function per operation (see BINARY_KERNELS). */
const UNARY_KERNELS: Record<U, UnaryKernel> = {
  [U.Neg]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = -a[i]!;
  },
  [U.Abs]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.abs(a[i]!);
  },
  [U.Sign]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.sign(a[i]!);
  },
  [U.Square]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = a[i]! * a[i]!;
  },
  [U.Reciprocal]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = 1 / a[i]!;
  },
  [U.Floor]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.floor(a[i]!);
  },
  [U.Ceil]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.ceil(a[i]!);
  },
  [U.Round]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = roundHalfEven(a[i]!);
  },
  [U.Trunc]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.trunc(a[i]!);
  },
  [U.Sqrt]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.sqrt(a[i]!);
  },
  [U.Cbrt]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.cbrt(a[i]!);
  },
  [U.Exp]: expRun,
  [U.Exp2]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = 2 ** a[i]!;
  },
  [U.Expm1]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.expm1(a[i]!);
  },
  [U.Log]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.log(a[i]!);
  },
  [U.Log2]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.log2(a[i]!);
  },
  [U.Log10]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.log10(a[i]!);
  },
  [U.Log1p]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.log1p(a[i]!);
  },
  [U.Sin]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.sin(a[i]!);
  },
  [U.Cos]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.cos(a[i]!);
  },
  [U.Tan]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.tan(a[i]!);
  },
  [U.Asin]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.asin(a[i]!);
  },
  [U.Acos]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.acos(a[i]!);
  },
  [U.Atan]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.atan(a[i]!);
  },
  [U.Sinh]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.sinh(a[i]!);
  },
  [U.Cosh]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.cosh(a[i]!);
  },
  [U.Tanh]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.tanh(a[i]!);
  },
  [U.Asinh]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.asinh(a[i]!);
  },
  [U.Acosh]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.acosh(a[i]!);
  },
  [U.Atanh]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Math.atanh(a[i]!);
  },
  [U.IsNaN]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = a[i] !== a[i] ? 1 : 0;
  },
  [U.IsInf]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = a[i] === Infinity || a[i] === -Infinity ? 1 : 0;
  },
  [U.IsFinite]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = Number.isFinite(a[i]) ? 1 : 0;
  },
  [U.Not]: (o, a, k, i, n, ks, is) => {
    for (let c = 0; c < n; c++, k += ks, i += is) o[k] = a[i] === 0 ? 1 : 0;
  },
};

function unary(op: U, a: Operand, kind: 'same' | 'float' | 'bool' | 'signed'): NdArray {
  const x = asArray(a);
  let outType: DType;
  if (kind === 'bool') outType = 'bool';
  else if (kind === 'float') outType = floatResultType(x.dtype);
  else if (kind === 'signed') outType = x.dtype === 'bool' || x.dtype === 'uint8' ? (x.dtype === 'bool' ? 'int32' : 'uint8') : x.dtype;
  else outType = x.dtype;
  const out = new NdArray(outType, allocate(outType, x.size), x.shape);
  if (op === U.Exp && x.isContiguous && x.data instanceof Float64Array) {
    expF64(out.data as Float64Array, x.data, x.offset, x.size);
    return out;
  }
  if (op === U.Exp && x.isContiguous && x.data instanceof Float32Array) {
    expF32(out.data as Float32Array, x.data, x.offset, x.size);
    return out;
  }
  const kernel = UNARY_KERNELS[op];
  const o = out.data, xd = x.data;
  forEachRun(x.shape, [out.strides, x.strides], [0, x.offset], (offs, n, s) => kernel(o, xd, offs[0]!, offs[1]!, n, s[0]!, s[1]!));
  return out;
}

export const negative = (a: Operand): NdArray => unary(U.Neg, a, 'signed');
export const abs = (a: Operand): NdArray => unary(U.Abs, a, 'same');
export const sign = (a: Operand): NdArray => unary(U.Sign, a, 'signed');
export const square = (a: Operand): NdArray => unary(U.Square, a, 'signed');
export const reciprocal = (a: Operand): NdArray => unary(U.Reciprocal, a, 'float');
export const floor = (a: Operand): NdArray => unary(U.Floor, a, 'same');
export const ceil = (a: Operand): NdArray => unary(U.Ceil, a, 'same');
/** Rounds to the nearest integer, halves to even (NumPy's `round`/`rint`). */
export const round = (a: Operand): NdArray => unary(U.Round, a, 'same');
export const trunc = (a: Operand): NdArray => unary(U.Trunc, a, 'same');
export const sqrt = (a: Operand): NdArray => unary(U.Sqrt, a, 'float');
export const cbrt = (a: Operand): NdArray => unary(U.Cbrt, a, 'float');
export const exp = (a: Operand): NdArray => unary(U.Exp, a, 'float');
export const exp2 = (a: Operand): NdArray => unary(U.Exp2, a, 'float');
export const expm1 = (a: Operand): NdArray => unary(U.Expm1, a, 'float');
export const log = (a: Operand): NdArray => unary(U.Log, a, 'float');
export const log2 = (a: Operand): NdArray => unary(U.Log2, a, 'float');
export const log10 = (a: Operand): NdArray => unary(U.Log10, a, 'float');
export const log1p = (a: Operand): NdArray => unary(U.Log1p, a, 'float');
export const sin = (a: Operand): NdArray => unary(U.Sin, a, 'float');
export const cos = (a: Operand): NdArray => unary(U.Cos, a, 'float');
export const tan = (a: Operand): NdArray => unary(U.Tan, a, 'float');
export const arcsin = (a: Operand): NdArray => unary(U.Asin, a, 'float');
export const arccos = (a: Operand): NdArray => unary(U.Acos, a, 'float');
export const arctan = (a: Operand): NdArray => unary(U.Atan, a, 'float');
export const sinh = (a: Operand): NdArray => unary(U.Sinh, a, 'float');
export const cosh = (a: Operand): NdArray => unary(U.Cosh, a, 'float');
export const tanh = (a: Operand): NdArray => unary(U.Tanh, a, 'float');
export const arcsinh = (a: Operand): NdArray => unary(U.Asinh, a, 'float');
export const arccosh = (a: Operand): NdArray => unary(U.Acosh, a, 'float');
export const arctanh = (a: Operand): NdArray => unary(U.Atanh, a, 'float');
export const isnan = (a: Operand): NdArray<'bool'> => unary(U.IsNaN, a, 'bool') as NdArray<'bool'>;
export const isinf = (a: Operand): NdArray<'bool'> => unary(U.IsInf, a, 'bool') as NdArray<'bool'>;
export const isfinite = (a: Operand): NdArray<'bool'> => unary(U.IsFinite, a, 'bool') as NdArray<'bool'>;
export const logicalNot = (a: Operand): NdArray<'bool'> => unary(U.Not, a, 'bool') as NdArray<'bool'>;

/** Limits values to [min, max] (either bound may be omitted with ±Infinity). */
export function clip(a: Operand, min: number, max: number): NdArray {
  return minimum(maximum(a, min), max);
}
