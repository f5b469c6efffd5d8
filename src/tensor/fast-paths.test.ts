/**
 * The per-dtype arithmetic kernels, the table-driven exp and the blocked row/column sums each
 * take shortcuts (unrolled loops with tails, strides of 0, offsets, one copy per dtype); these
 * tests feed them the shapes where such a shortcut would go wrong and compare with plain
 * element-by-element arithmetic or NumPy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const ARITHMETIC: [string, (a: T.ArrayLikeInput, b: T.ArrayLikeInput) => T.NdArray, (x: number, y: number) => number][] = [
  ['add', T.add, (x, y) => x + y],
  ['sub', T.sub, (x, y) => x - y],
  ['mul', T.mul, (x, y) => x * y],
  ['div', T.div, (x, y) => x / y],
];

/** Every index of `shape` in C order. */
function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const d of shape) out = out.flatMap((prefix) => Array.from({ length: d }, (_, i) => [...prefix, i]));
  return out;
}

/** The element of `a` that broadcasting to `shape` puts at `index`. */
function broadcastGet(a: T.NdArray, index: number[]): number {
  const lead = index.length - a.ndim;
  return a.get(...a.shape.map((d, axis) => (d === 1 ? 0 : index[lead + axis]!)));
}

/** `op` applied element by element with NumPy's broadcasting, rounded like `dtype` stores. */
function reference(a: T.NdArray, b: T.NdArray, op: (x: number, y: number) => number, dtype: 'float64' | 'float32'): number[] {
  const shape = T.broadcastShapes(a.shape, b.shape);
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  return indices(shape).map((index) => round(op(broadcastGet(a, index), broadcastGet(b, index))));
}

/** Distinct, non-zero, non-integer values so that a misplaced element changes the result. */
function values(shape: number[], seed: number, dtype: 'float64' | 'float32' = 'float64'): T.NdArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 1009) / 37 + 0.25 + seed);
  return T.reshape(T.array(data, { dtype }), shape);
}

function checkAll(a: T.NdArray, b: T.NdArray, dtype: 'float64' | 'float32', label: string): void {
  for (const [name, fn, op] of ARITHMETIC) {
    const r = fn(a, b);
    assert.equal(r.dtype, dtype, `${name} ${label} dtype`);
    assert.deepEqual(r.shape, T.broadcastShapes(a.shape, b.shape), `${name} ${label} shape`);
    assert.deepEqual(Array.from(r.toFloat64Array()), reference(a, b, op, dtype), `${name} ${label}`);
  }
}

test('float64 and float32 arithmetic is exact on runs shorter than, equal to and just past the unrolled step', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const n of [1, 7, 8, 9, 15, 16, 17, 33]) {
      checkAll(values([n], 1, dtype), values([n], 2, dtype), dtype, `${dtype} n=${n}`);
    }
  }
});

test('broadcasting along each axis, scalars on either side and 0-d arrays take the fast kernels correctly', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const m = values([5, 11], 1, dtype);
    checkAll(m, values([11], 2, dtype), dtype, `${dtype} row`);
    checkAll(m, values([5, 1], 3, dtype), dtype, `${dtype} column`);
    checkAll(values([1, 11], 4, dtype), values([5, 1], 5, dtype), dtype, `${dtype} outer`);
    checkAll(values([3, 1, 9], 6, dtype), values([4, 1], 7, dtype), dtype, `${dtype} 3-d`);
    checkAll(m, T.reshape(values([1], 8, dtype), []), dtype, `${dtype} 0-d right`);
    checkAll(T.reshape(values([1], 9, dtype), []), m, dtype, `${dtype} 0-d left`);
  }
  const m = values([5, 11], 1);
  const scalar = T.array(2.5);
  assert.deepEqual(T.sub(1.5, m).toArray(), T.sub(T.full([5, 11], 1.5), m).toArray());
  assert.deepEqual(T.div(m, 4).toArray(), T.div(m, T.full([5, 11], 4)).toArray());
  assert.deepEqual(T.mul(scalar, scalar).toArray(), 6.25);
});

test('strided, transposed, reversed and offset views read the right elements', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const base = values([12, 10], 1, dtype);
    const other = values([12, 10], 2, dtype);
    const views: [string, T.NdArray, T.NdArray][] = [
      ['transposed', T.transpose(base), T.transpose(other)],
      ['reversed rows', T.slice(base, '::-1'), other],
      ['reversed columns', base, T.slice(other, ':', '::-1')],
      ['step 3', T.slice(base, '::3', '1::2'), T.slice(other, '2::3', '::2')],
      ['offset', T.slice(base, '4:'), T.slice(other, '4:')],
      ['transposed + strided row', T.transpose(base), T.slice(other, ':', 3)],
      ['reversed column', T.slice(base, '::-1', '2:'), T.slice(other, '::-1', '5:6')],
    ];
    for (const [label, a, b] of views) checkAll(a, b, dtype, `${dtype} ${label}`);
  }
});

test('mixed dtypes promote and still compute in double precision', () => {
  const f32 = values([3, 9], 1, 'float32');
  const f64 = values([9], 2);
  const i32 = T.array([[1, -2, 3, -4, 5, -6, 7, -8, 9]], { dtype: 'int32' });
  checkAll(f32, f64, 'float64', 'float32 with float64');
  checkAll(f64, i32, 'float64', 'float64 with int32');
  checkAll(f32, i32, 'float64', 'float32 with int32');
  // float32 with a JS scalar stays float32, the scalar rounded to float32 first (NumPy's rule)
  assert.equal(T.add(f32, 0.1).dtype, 'float32');
  assert.equal(T.add(f32, 0.1).get(0, 0), Math.fround(f32.get(0, 0) + Math.fround(0.1)));
  // integer arithmetic (generic kernels) after the float kernels ran: unaffected
  assert.deepEqual(T.add(i32, i32).toArray(), [[2, -4, 6, -8, 10, -12, 14, -16, 18]]);
  assert.deepEqual(T.div(i32, 2).toArray(), [[0.5, -1, 1.5, -2, 2.5, -3, 3.5, -4, 4.5]]);
});

const expFixture = loadFixture('tensor_exp');

test('exp is within one ulp of NumPy over the whole domain, table boundaries and the Math.exp fallback included', () => {
  const { x, exp } = expFixture.float64 as { x: number[]; exp: number[] };
  const got = T.exp(T.array(x)).toFloat64Array();
  for (let i = 0; i < x.length; i++) {
    const y = exp[i]!;
    if (Number.isNaN(y) || !Number.isFinite(y) || y === 0) {
      assert.ok(Object.is(got[i], y), `exp(${x[i]}) = ${got[i]}, NumPy ${y}`);
      continue;
    }
    const ulp = y < 2.2250738585072014e-308 ? 5e-324 : 2 ** (Math.floor(Math.log2(y)) - 52);
    assert.ok(Math.abs(got[i]! - y) <= ulp, `exp(${x[i]}) = ${got[i]}, NumPy ${y}`);
  }
  // the same values through a reversed, strided view
  const view = T.slice(T.array(x), '::-3');
  assertClose(T.exp(view), T.exp(view.copy()), { rtol: 0 });
});

test('float32 exp stays float32 and agrees with NumPy to float32 precision', () => {
  const { x, exp } = expFixture.float32 as { x: number[]; exp: number[] };
  const r = T.exp(T.array(x, { dtype: 'float32' }));
  assert.equal(r.dtype, 'float32');
  assertClose(r, exp, { rtol: 3e-7, atol: 1e-44 });
});

/** Sum of `a` over `axis` by plain nested loops over `get`. */
function naiveSum(a: T.NdArray, axis: number): number[] {
  const outShape = a.shape.filter((_, i) => i !== axis);
  return indices(outShape).map((index) => {
    let s = 0;
    for (let t = 0; t < a.shape[axis]!; t++) s += a.get(...index.slice(0, axis), t, ...index.slice(axis));
    return s;
  });
}

test('row and column sums of contiguous blocks handle every remainder, offsets and each dtype', () => {
  for (const dtype of ['float64', 'float32', 'int32', 'uint8'] as const) {
    for (const [rows, cols] of [[1, 1], [15, 3], [16, 17], [17, 16], [33, 31], [40, 1], [1, 40]] as const) {
      const a = dtype === 'int32' || dtype === 'uint8'
        ? T.reshape(T.array(Array.from({ length: rows * cols }, (_, i) => (i * 37) % 251), { dtype }), [rows, cols])
        : values([rows, cols], 3, dtype);
      for (const axis of [0, 1]) {
        assertClose(T.sum(a, axis), naiveSum(a, axis), { rtol: 1e-6, atol: 0 }, `${dtype} ${rows}x${cols} axis ${axis}`);
        const sliced = T.slice(a, `${Math.floor(rows / 2)}:`);
        assertClose(T.sum(sliced, axis), naiveSum(sliced, axis), { rtol: 1e-6, atol: 0 }, `${dtype} offset ${rows}x${cols} axis ${axis}`);
      }
    }
  }
  const big = values([37, 41], 5);
  assertClose(T.sum(big, 0), naiveSum(big, 0), { rtol: 1e-14 }, 'float64 columns');
  assertClose(T.sum(big, 1), naiveSum(big, 1), { rtol: 1e-14 }, 'float64 rows');
  const cube = values([18, 3, 5], 6);
  assertClose(T.sum(cube, [0, 1]), T.sum(T.sum(cube, 0), 0), { rtol: 1e-14 }, 'leading axes');
  assertClose(T.sum(cube, [1, 2]), T.sum(T.sum(cube, 2), 1), { rtol: 1e-14 }, 'trailing axes');
});

test('sums over all axes of contiguous data, 0-d and empty arrays', () => {
  const a = values([7, 13], 2);
  assertClose(T.sum(a), naiveSum(T.reshape(a, [1, 91]), 1), { rtol: 1e-14 });
  assertClose(T.sum(T.slice(a, '2:')), [naiveSum(T.slice(a, '2:'), 0).reduce((p, v) => p + v, 0)], { rtol: 1e-14 });
  assert.equal(T.sum(T.array(3.5)).item(), 3.5);
  assert.equal(T.sum(T.zeros([0, 4])).item(), 0);
  assert.deepEqual(T.sum(T.zeros([3, 0]), 1).toArray(), [0, 0, 0]);
  assert.equal(T.sum(T.array([1, 2, 3], { dtype: 'float32' })).dtype, 'float32');
});

test('short rows broadcast down tall blocks (the tiled path) cover tile remainders, offsets and either side', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const n of [1, 3, 8, 9, 63]) {
      const perTile = Math.ceil(4096 / n);
      const rows = 2 * perTile + 3;
      const tall = values([rows + 5, n], 1, dtype);
      const block = T.slice(tall, '5:');
      const row = T.slice(values([4, n], 2, dtype), 2);
      checkAll(block, row, dtype, `${dtype} ${rows}x${n} + row`);
      checkAll(row, block, dtype, `${dtype} row + ${rows}x${n}`);
    }
    checkAll(values([700, 3, 4], 3, dtype), values([3, 4], 4, dtype), dtype, `${dtype} (700, 3, 4) + (3, 4)`);
    // not tiled: a column, a strided row, a transposed block
    checkAll(values([900, 5], 5, dtype), values([900, 1], 6, dtype), dtype, `${dtype} column`);
    checkAll(values([900, 5], 5, dtype), T.slice(values([10], 7, dtype), '::2'), dtype, `${dtype} strided row`);
    checkAll(T.transpose(values([5, 900], 8, dtype)), values([5], 9, dtype), dtype, `${dtype} transposed block`);
  }
});
