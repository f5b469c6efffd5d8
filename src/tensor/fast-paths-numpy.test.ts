/**
 * The per-dtype broadcasting kernels (runs, run with scalar, scalar with run, strided) and the
 * contiguous row/column reductions against NumPy (fixtures/tensor_fast_paths.json, written by
 * bench/reference/tensor_fast_paths.py) on the operands where a shortcut would go wrong: rows and
 * columns broadcast from either side, outer products, 3-d, transposed, reversed, stepped and offset
 * views, size-0 and size-1 axes, 0-d operands, NaN, and int32/uint8/bool operands with promotion.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

interface Operand {
  values: (number | boolean)[];
  shape: number[];
  dtype: T.DType;
  view: 'none' | 'T' | 'rev0' | 'rev1' | 'step' | 'offset';
}
interface Result {
  shape: number[];
  dtype?: string;
  values: (number | boolean)[];
}
interface Fixture {
  binary: { a: Operand; b: Operand; results: Record<string, Result> }[];
  reduce: { a: Operand; axes: { axis: number | number[] | null; results: Record<string, Result> }[] }[];
}

const fixture = loadFixture<Fixture>('tensor_fast_paths');

/** The operand as the Python script built it: the base array, then the same view. */
function build(o: Operand): T.NdArray {
  const a = T.reshape(T.array(o.values as number[], { dtype: o.dtype }), o.shape);
  switch (o.view) {
    case 'T': return T.transpose(a);
    case 'rev0': return T.slice(a, '::-1');
    case 'rev1': return T.slice(a, ':', '::-1');
    case 'step': return T.slice(a, '::2');
    case 'offset': return T.slice(a, '1:');
    default: return a;
  }
}

const describe = (o: Operand): string => `${o.dtype}(${o.shape.join(', ')})${o.view === 'none' ? '' : `.${o.view}`}`;

/** NumPy's values as numbers, float32 ones rounded back to the float32 they were printed from. */
function expectedValues(r: Result, dtype: string): number[] {
  return r.values.map((v) => (typeof v === 'boolean' ? Number(v) : dtype === 'float32' ? Math.fround(v) : v));
}

const BINARY: Record<string, (a: T.NdArray, b: T.NdArray) => T.NdArray> = {
  add: T.add, sub: T.sub, mul: T.mul, div: T.div, maximum: T.maximum, less: T.less, greaterEqual: T.greaterEqual,
};

test('broadcast arithmetic and comparisons equal NumPy exactly, dtype and shape included', () => {
  let checked = 0;
  for (const c of fixture.binary) {
    const a = build(c.a);
    const b = build(c.b);
    for (const [op, r] of Object.entries(c.results)) {
      const label = `${op} ${describe(c.a)} with ${describe(c.b)}`;
      const got = BINARY[op]!(a, b);
      assert.equal(got.dtype, r.dtype, `${label} dtype`);
      assert.deepEqual(got.shape, r.shape, `${label} shape`);
      assertClose(got.toFloat64Array(), expectedValues(r, r.dtype!), { rtol: 0 }, label);
      checked++;
    }
  }
  assert.ok(checked > 150, `only ${checked} cases ran`);
});

test('sum, mean, min, max, argmin and argmax over leading, trailing and all axes match NumPy', () => {
  let checked = 0;
  for (const c of fixture.reduce) {
    const a = build(c.a);
    const float32 = c.a.dtype === 'float32';
    for (const { axis, results } of c.axes) {
      const ax = axis ?? undefined;
      for (const [name, r] of Object.entries(results)) {
        const label = `${name} axis=${JSON.stringify(axis)} of ${describe(c.a)}`;
        let got: T.NdArray;
        if (name === 'argmin' || name === 'argmax') got = (name === 'argmin' ? T.argmin : T.argmax)(a, ax as number | undefined);
        else got = (({ sum: T.sum, mean: T.mean, min: T.min, max: T.max }) as Record<string, typeof T.sum>)[name]!(a, ax);
        assert.deepEqual(got.shape, r.shape, `${label} shape`);
        const exact = name !== 'sum' && name !== 'mean';
        // Sums add in a different order than NumPy's (and float32 ones in double precision here).
        const tol = exact ? { rtol: 0 } : float32 ? { rtol: 1e-5, atol: 1e-4 } : { rtol: 1e-12, atol: 1e-11 };
        assertClose(got.toFloat64Array(), expectedValues(r, exact && float32 ? 'float32' : 'float64'), tol, label);
        checked++;
      }
    }
  }
  assert.ok(checked > 300, `only ${checked} cases ran`);
});

test('the contiguous reductions agree with the strided path on the same values', () => {
  // A reversed copy reversed again is contiguous data seen through a view with negative strides,
  // which takes the generic strided loops; the contiguous original takes the block kernels.
  for (const dtype of ['float64', 'float32', 'int32', 'uint8'] as const) {
    const base = T.reshape(T.array(Array.from({ length: 23 * 41 }, (_, i) => ((i * 7919) % 257) - (dtype === 'uint8' ? 0 : 128)), { dtype }), [23, 41]);
    const strided = T.slice(T.slice(base, '::-1').copy(), '::-1');
    assert.equal(strided.isContiguous, false);
    for (const axis of [0, 1, undefined]) {
      for (const f of [T.sum, T.min, T.max]) assert.deepEqual(f(base, axis).toArray(), f(strided, axis).toArray(), `${f.name} ${dtype} axis ${axis}`);
      for (const f of [T.argmin, T.argmax]) assert.deepEqual(f(base, axis).toArray(), f(strided, axis).toArray(), `${f.name} ${dtype} axis ${axis}`);
    }
  }
});

test('min, max, argmin and argmax: NaN wins wherever it sits in the unrolled loops, and ties take the first index', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (let at = 0; at < 11; at++) {
      const row = Array.from({ length: 11 }, (_, i) => (i === at ? NaN : (i % 3) - 1));
      const m = T.array([row, row.map((v) => -v)], { dtype });
      assert.deepEqual(Array.from(T.max(m, 1).toFloat64Array(), Number.isNaN), [true, true], `max ${dtype} NaN at ${at}`);
      assert.deepEqual(Array.from(T.min(T.transpose(m).copy(), 0).toFloat64Array(), Number.isNaN), [true, true], `column min ${dtype} NaN at ${at}`);
      assert.deepEqual(T.argmax(m, 1).toArray(), [at, at], `argmax ${dtype} NaN at ${at}`);
      assert.deepEqual(T.argmin(T.transpose(m).copy(), 0).toArray(), [at, at], `column argmin ${dtype} NaN at ${at}`);
    }
  }
  const ties = T.array([[1, 3, 3, 0, 3], [2, 2, 2, 2, 2]]);
  assert.deepEqual(T.argmax(ties, 1).toArray(), [1, 0]);
  assert.deepEqual(T.argmin(ties, 0).toArray(), [0, 1, 1, 0, 1]);
  assert.deepEqual(T.argmax(T.array([[2, 1, 5], [2, 1, 5]]), 0).toArray(), [0, 0, 0]);
  assert.deepEqual(T.argmax(ties).toArray(), 1);
});

test('long row sums are pairwise: a million copies of 0.1 sum to within a few ulps', () => {
  const n = 2 ** 20;
  const exact = 0.1 * n; // a power-of-two multiple of the double 0.1, so exact
  const total = T.sum(T.full([n], 0.1)).item() as number;
  // One running sum per slot (the loop this replaced) is off by about 1e-12 relative here.
  assert.ok(Math.abs(total - exact) / exact < 1e-14, `sum ${total} vs ${exact}`);
  const rows = T.sum(T.full([3, n / 2], 0.1), 1).toFloat64Array();
  for (const r of rows) assert.ok(Math.abs(r - exact / 2) / (exact / 2) < 1e-14, `row sum ${r}`);
});

test('exp of contiguous float64 and float32 arrays (the dedicated loops) equals exp of a strided view of the same values', () => {
  const values = Array.from({ length: 301 }, (_, i) => (i - 150) * 0.731);
  for (const dtype of ['float64', 'float32'] as const) {
    const a = T.array([...values, NaN, Infinity, -Infinity, 710, -760], { dtype });
    const strided = T.slice(T.slice(a, '::-1').copy(), '::-1');
    const got = T.exp(a);
    assert.equal(got.dtype, dtype);
    assert.deepEqual(Array.from(got.toFloat64Array()), Array.from(T.exp(strided).toFloat64Array()), dtype);
    assert.deepEqual(T.exp(T.slice(a, '3:5')).toArray(), T.exp(T.slice(strided, '3:5')).toArray(), `${dtype} offset`);
  }
});

const COMPARISONS: [string, (a: T.ArrayLikeInput, b: T.ArrayLikeInput) => T.NdArray, (x: number, y: number) => boolean][] = [
  ['equal', T.equal, (x, y) => x === y],
  ['notEqual', T.notEqual, (x, y) => x !== y],
  ['less', T.less, (x, y) => x < y],
  ['lessEqual', T.lessEqual, (x, y) => x <= y],
  ['greater', T.greater, (x, y) => x > y],
  ['greaterEqual', T.greaterEqual, (x, y) => x >= y],
];

test('every comparison, with a scalar on either side, a row, a column and strided views, equals element-wise JS comparison', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    // Repeated values (so == and <= differ from < ) and a NaN.
    const m = T.reshape(T.array(Array.from({ length: 5 * 70 }, (_, i) => (i === 17 ? NaN : ((i * 31) % 9) - 4)), { dtype }), [5, 70]);
    const pairs: [string, T.NdArray | number, T.NdArray | number][] = [
      ['same shape', m, T.slice(m, '::-1').copy()],
      ['scalar right', m, 1],
      ['scalar left', 1, m],
      ['fraction right', m, 0.5],
      ['row', m, T.slice(m, 2)],
      ['column left', T.slice(m, ':', '3:4'), m],
      ['reversed view', T.slice(m, '::-1', '::-2'), T.slice(m, ':', '::2')],
      ['short rows (tiled)', T.reshape(m, [50, 7]), T.slice(T.reshape(m, [50, 7]), 3)],
      ['short row on the left', T.slice(T.reshape(m, [50, 7]), 4), T.reshape(m, [50, 7])],
      ['3-d', T.reshape(m, [5, 2, 35]), T.reshape(T.slice(m, ':', '0:2'), [5, 2, 1])],
    ];
    for (const [label, a, b] of pairs) {
      const shape = T.broadcastShapes(typeof a === 'number' ? [] : a.shape, typeof b === 'number' ? [] : b.shape);
      const av = T.broadcastTo(typeof a === 'number' ? T.array(a, { dtype }) : a, shape);
      const bv = T.broadcastTo(typeof b === 'number' ? T.array(b, { dtype }) : b, av.shape);
      const x = av.toFloat64Array(), y = bv.toFloat64Array();
      for (const [name, f, cmp] of COMPARISONS) {
        const got = f(a, b);
        assert.equal(got.dtype, 'bool');
        assert.deepEqual(got.shape, av.shape, `${name} ${dtype} ${label} shape`);
        assert.deepEqual(Array.from(got.toFloat64Array()), Array.from(x, (v, i) => (cmp(v, y[i]!) ? 1 : 0)), `${name} ${dtype} ${label}`);
      }
    }
  }
});

test('where with arrays, scalars and broadcast operands equals an element-wise pick; other dtypes take the generic loop', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const a = T.reshape(T.array(Array.from({ length: 4 * 67 }, (_, i) => Math.sin(i) * 3), { dtype }), [4, 67]);
    const b = T.mul(a, -2);
    const cond = T.greater(a, 0);
    const pick = (c: T.NdArray, x: T.NdArray | number, y: T.NdArray | number): number[] => {
      const shape = c.shape;
      const xs = T.broadcastTo(typeof x === 'number' ? T.array(x, { dtype }) : x, shape).toFloat64Array();
      const ys = T.broadcastTo(typeof y === 'number' ? T.array(y, { dtype }) : y, shape).toFloat64Array();
      return Array.from(c.toFloat64Array(), (v, i) => (v ? xs[i]! : ys[i]!));
    };
    const cases: [string, T.NdArray, T.NdArray | number, T.NdArray | number][] = [
      ['arrays', cond, a, b],
      ['relu', cond, a, 0],
      ['scalar first', cond, 1.5, b],
      ['two scalars', cond, 1, -1],
      ['row', cond, a, T.slice(b, 1)],
      ['strided condition', T.slice(T.transpose(T.greater(b, 0)).copy(), ':', '::-1').T, a, b],
      ['one element', T.slice(cond, '1:2', '3:4'), T.slice(a, '1:2', '3:4'), 3],
      ['empty', T.slice(cond, '0:0'), T.slice(a, '0:0'), 0],
    ];
    for (const [label, c, x, y] of cases) {
      const got = T.where(c, x, y);
      if (typeof x !== 'number' || typeof y !== 'number') assert.equal(got.dtype, dtype, `${dtype} ${label} dtype`);
      assert.deepEqual(Array.from(got.toFloat64Array()), pick(c, x, y), `${dtype} ${label}`);
    }
  }
  const ints = T.array([[1, 2, 3]], { dtype: 'int32' });
  assert.deepEqual(T.where(T.array([[true, false, true]]), ints, T.array([7], { dtype: 'uint8' })).toArray(), [[1, 7, 3]]);
  assert.equal(T.where(T.array([true, false, true]), ints, 0.5).dtype, 'float64');
  assert.deepEqual(T.where(T.array([true, false, true]), ints, 0.5).toArray(), [[1, 0.5, 3]]);
});
