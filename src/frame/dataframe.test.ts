import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as arrow from 'apache-arrow';
import { toMatrix as learnToMatrix, type FrameLike } from '../learn/base/input.js';
import { DataFrame, Column, ColumnNotFoundError, ColumnTypeError, FrameError } from './index.js';

const df = DataFrame.fromColumns({
  price: new Float64Array([1.5, 2, NaN, 4]),
  qty: new Int32Array([1, 2, 3, 4]),
  city: ['Oslo', 'Lima', null, 'Zürich'],
  ok: [true, false, true, null],
});

test('fromColumns infers dtypes and keeps typed arrays without copying', () => {
  assert.deepEqual(df.dtypes, { price: 'float64', qty: 'int32', city: 'string', ok: 'bool' });
  assert.deepEqual(df.shape, [4, 4]);
  const x = new Float64Array([1, 2]);
  const f = DataFrame.fromColumns({ x });
  assert.equal(f.column('x').data, x);
  assert.equal(f.column('x').toNdArray().data, x);
  assert.deepEqual(DataFrame.fromColumns({ a: [1, 2], b: [1.5, 2], c: [1, null], d: [new Date(0), null] }).dtypes, {
    a: 'int32', b: 'float64', c: 'float64', d: 'datetime',
  });
  assert.equal(df.column('price').nullCount, 1);
  assert.deepEqual(df.column('city').toArray(), ['Oslo', 'Lima', null, 'Zürich']);
  assert.deepEqual(df.row(1), { price: 2, qty: 2, city: 'Lima', ok: false });
  assert.deepEqual(DataFrame.fromRecords([{ a: 1, b: 'x' }, { a: 2 }]).toColumns(), { a: [1, 2], b: ['x', null] });
});

test('Arrow round trip keeps values and types; numeric buffers are shared both ways', () => {
  const t = df.toArrow();
  assert.equal(t.numRows, 4);
  const back = DataFrame.fromArrow(t);
  assert.deepEqual(back.toColumns(), df.toColumns());
  assert.deepEqual(back.dtypes, df.dtypes);
  const src = arrow.tableFromArrays({ a: new Float64Array([1, 2, 3]), i: new Int32Array([4, 5, 6]) });
  const f = DataFrame.fromArrow(src);
  assert.equal((f.column('a').data as Float64Array).buffer, src.getChild('a')!.data[0]!.values.buffer);
  assert.equal(f.column('i').toNdArray().data.buffer, src.getChild('i')!.data[0]!.values.buffer);
  // 64-bit integers, timestamps, dictionaries and multi-chunk vectors
  const big = arrow.vectorFromArray([1n, null, 3n], new arrow.Int64());
  const huge = arrow.vectorFromArray([2n ** 40n, -5n], new arrow.Int64());
  const ts = arrow.vectorFromArray([new Date(86400000), null], new arrow.TimestampMillisecond());
  const dict = arrow.vectorFromArray(['x', 'y', 'x', null], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()));
  assert.deepEqual(DataFrame.fromArrow(new arrow.Table({ big })).column('big').toArray(), [1, null, 3]);
  assert.equal(DataFrame.fromArrow(new arrow.Table({ big })).column('big').dtype, 'int32');
  assert.deepEqual(DataFrame.fromArrow(new arrow.Table({ huge })).column('huge').toArray(), [2 ** 40, -5]);
  assert.deepEqual(DataFrame.fromArrow(new arrow.Table({ ts })).column('ts').toArray(), [new Date(86400000), null]);
  const cat = DataFrame.fromArrow(new arrow.Table({ dict })).column('dict');
  assert.equal(cat.dtype, 'category');
  assert.deepEqual(cat.toArray(), ['x', 'y', 'x', null]);
  const chunked = new arrow.Table({ s: arrow.vectorFromArray(['a', 'é'], new arrow.Utf8()).concat(arrow.vectorFromArray([null, 'c'], new arrow.Utf8())) });
  assert.deepEqual(DataFrame.fromArrow(chunked).column('s').toArray(), ['a', 'é', null, 'c']);
  assert.deepEqual(DataFrame.fromArrow(DataFrame.fromColumns({ c: ['b', null, 'a'] }, { c: 'category' }).toArrow()).column('c').toArray(), ['b', null, 'a']);
});

test('toMatrix is row-major with NaN for missing values and satisfies learn\'s FrameLike', () => {
  const m = df.toMatrix(['price', 'qty', 'ok']);
  assert.deepEqual(m.shape, [4, 3]);
  assert.deepEqual(Array.from(m.data), [1.5, 1, 1, 2, 2, 0, NaN, 3, 1, 4, 4, NaN]);
  assert.equal(df.toMatrix(['qty'], { dtype: 'float32' }).dtype, 'float32');
  const frameLike: FrameLike = df;
  const clean = df.dropNull().select('price', 'qty');
  const lm = learnToMatrix(clean);
  assert.deepEqual(lm.featureNames, ['price', 'qty']);
  assert.deepEqual(Array.from(lm.data), [1.5, 1, 2, 2]);
  assert.ok(frameLike.column('city').toArray().includes(null));
  assert.throws(() => df.toMatrix(['price', 'city']), (e: unknown) => e instanceof ColumnTypeError && /column 'city' is string, not numeric; one-hot encode/.test(e.message));
  // A million rows by 28 columns land in the right places (speed is measured in bench/frame.ts).
  const cols: Record<string, Float64Array> = {};
  for (let j = 0; j < 28; j++) cols[`f${j}`] = new Float64Array(1_000_000).fill(j);
  const big = DataFrame.fromColumns(cols).toMatrix();
  assert.equal(big.data[28 * 999_999 + 27], 27);
  assert.equal(big.data[28 * 500_000 + 3], 3);
});

test('toMatrix places every value for widths that use each interleaving sweep (8, 4 and single columns)', () => {
  for (const m of [1, 4, 8, 13, 28]) {
    const n = 2500; // not a multiple of the 1024-row block
    const cols: Record<string, Float64Array> = {};
    for (let j = 0; j < m; j++) cols[`c${j}`] = Float64Array.from({ length: n }, (_, i) => i * 100 + j);
    const mat = DataFrame.fromColumns(cols).toMatrix();
    assert.deepEqual(mat.shape, [n, m]);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (mat.data[i * m + j] !== i * 100 + j) assert.fail(`m=${m}: [${i}, ${j}] is ${mat.data[i * m + j]}`);
  }
});

test('a missing column lists the available ones and suggests the nearest', () => {
  const prices = DataFrame.fromColumns({ price: [1], quantity: [2] });
  assert.throws(() => prices.column('prise'), (e: unknown) => {
    assert.ok(e instanceof ColumnNotFoundError);
    assert.equal(e.message, "Column 'prise' not found; did you mean 'price'? Columns: price, quantity");
    return true;
  });
  assert.throws(() => prices.select('qty' as never), /select: Column 'qty' not found.*Columns: price, quantity/);
  assert.throws(() => prices.column('zzz'), { message: "Column 'zzz' not found. Columns: price, quantity" });
});

test('type conflicts say which column and which value', () => {
  assert.throws(
    () => DataFrame.fromColumns({ a: [1, 'x', 3] }),
    (e: unknown) => e instanceof ColumnTypeError && e.column === 'a' && /row 0 is 1 \(number\) but row 1 is 'x' \(string\)/.test(e.message),
  );
  assert.throws(() => Column.from('n', ['1', '2x']).cast('float64'), { message: /Column 'n': cannot convert '2x' at row 1 to float64/ });
  assert.throws(() => Column.from('n', [1.5]).cast('int32'), /cannot cast 1.5 at row 0 to int32/);
  assert.throws(() => df.mutate({ bad: (r) => (r.qty > 2 ? 'big' : 1) }), (e: unknown) => e instanceof ColumnTypeError && /mutate: Column 'bad' mixes types/.test(e.message));
  assert.throws(() => new DataFrame([Column.from('a', [1]), Column.from('b', [1, 2])]), FrameError);
});

test('filter, mutate, assign, select, drop, rename', () => {
  assert.deepEqual(df.filter((r) => r.price > 1.6).column('qty').toArray(), [2, 4]);
  assert.deepEqual(df.filter(df.column('qty').ge(3)).column('qty').toArray(), [3, 4]);
  assert.deepEqual(df.filter([1, 0, 0, 1]).column('qty').toArray(), [1, 4]);
  assert.throws(() => df.filter([1, 0]), /mask has 2 entries but the frame has 4 rows/);
  const m = df.mutate({ total: (r) => r.price * r.qty, big: (r) => r.qty > 2, twice: (r) => r.get('total') as number * 2 });
  assert.deepEqual(m.column('total').toArray(), [1.5, 4, null, 16]);
  assert.deepEqual(m.column('big').toArray(), [false, false, true, true]);
  assert.deepEqual(m.column('twice').toArray(), [3, 8, null, 32]);
  const a = df.assign({ ratio: (d) => d.column('price').div(d.column('qty')), src: 'web', idx: [0, 1, 2, 3] });
  assert.deepEqual(a.column('ratio').toArray(), [1.5, 1, null, 1]);
  assert.deepEqual(a.column('src').toArray(), ['web', 'web', 'web', 'web']);
  assert.throws(() => df.assign({ x: [1, 2] }), /'x' has 2 values but the frame has 4 rows/);
  assert.deepEqual(df.select('qty', 'price').columnNames, ['qty', 'price']);
  assert.deepEqual(df.drop('ok').columnNames, ['price', 'qty', 'city']);
  assert.deepEqual(df.rename({ qty: 'n' }).columnNames, ['price', 'n', 'city', 'ok']);
  assert.throws(() => df.rename({ qty: 'price' }), /two columns would be called 'price'/);
});

test('head, tail, slice share storage; sample is seeded', () => {
  assert.deepEqual(df.head(2).column('qty').toArray(), [1, 2]);
  assert.deepEqual(df.tail(1).column('qty').toArray(), [4]);
  assert.equal((df.slice(1, 3).column('price').data as Float64Array).buffer, (df.column('price').data as Float64Array).buffer);
  const a = df.sample({ n: 3, seed: 7 });
  const b = df.sample({ n: 3, seed: 7 });
  assert.deepEqual(a.toColumns(), b.toColumns());
  assert.equal(new Set(a.column('qty').toArray()).size, 3);
  assert.equal(df.sample({ frac: 2, replace: true, seed: 1 }).numRows, 8);
  assert.throws(() => df.sample({ n: 5 }), /cannot take 5 rows from 4 without replacement/);
});

test('Column vector expressions and reductions', () => {
  const c = Column.from('x', [1, 2, null, 4]);
  assert.deepEqual(c.add(1).toArray(), [2, 3, null, 5]);
  assert.deepEqual(c.gt(1.5).toArray(), [false, true, false, true]);
  assert.deepEqual(c.ne(2).toArray(), [true, false, true, true]);
  assert.deepEqual(Column.from('s', ['a', 'b', null]).eq('a').toArray(), [true, false, false]);
  assert.deepEqual(c.isIn([1, 4]).and(c.lt(3)).toArray(), [true, false, false, false]);
  assert.equal(c.sum(), 7);
  assert.equal(c.mean(), 7 / 3);
  assert.equal(c.median(), 2);
  assert.equal(c.nunique(), 3);
  assert.ok(Math.abs(c.std() - 1.5275252316519468) < 1e-12);
  assert.deepEqual(c.fillNull(0).toArray(), [1, 2, 0, 4]);
  assert.deepEqual(Column.from('s', ['b', 'a', null]).cast('category').categories, ['a', 'b']);
  assert.throws(() => Column.from('s', ['a']).add(1), /Column 's' is string; '\+' needs numbers/);
});
