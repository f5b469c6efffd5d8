import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { Column, DataFrame, FrameError, ColumnTypeError, cut, qcut, datePart, rolling, type DatePart, type RollingAgg } from '../index.js';
import { assertFrameEqual, frameFromData } from '../testing.js';

const fx = loadFixture('frame_verbs');
const sales = frameFromData(fx.inputs.sales);
const codes = (c: Column): number[] => Array.from(c.data as Int32Array);

test('cut and qcut put values in the same bins as pandas', () => {
  assert.deepEqual(codes(cut(sales.column('price'), [0, 2.5, 5, 10])), fx.cut.edges);
  assert.deepEqual(codes(cut(sales.column('price'), [0, 2.5, 5, 10], { right: false })), fx.cut.edges_left);
  const three = cut(sales.column('qty'), 3);
  assert.deepEqual(codes(three), fx.cut.bins3);
  assert.deepEqual(three.categories, fx.cut.bins3_edges.map(([a, b]: number[]) => `(${a}, ${b}]`));
  const q = qcut(sales.column('qty'), 4);
  assert.deepEqual(codes(q), fx.cut.qcut4);
  assert.equal(q.categories!.length, fx.cut.qcut_edges.length);
  assert.deepEqual(cut(Column.from('x', [1, 5, 9]), [0, 5, 10], { labels: ['low', 'high'] }).toArray(), ['low', 'low', 'high']);
  assert.throws(() => cut(sales.column('qty'), [0, 5, 5]), /must increase strictly; edge 2/);
  assert.throws(() => cut(sales.column('qty'), [0, 5], { labels: ['a', 'b'] }), FrameError);
});

test('getDummies matches pandas (column order, names with unicode, dropFirst)', () => {
  assertFrameEqual(sales.select('id', 'city', 'product').getDummies(), fx.dummies);
  assertFrameEqual(sales.select('product', 'qty').getDummies({ dropFirst: true }), fx.dummies_drop_first);
  const withNa = sales.select('city').getDummies({ dummyNa: true, dtype: 'float64' });
  assert.deepEqual(withNa.column('city_nan').toArray(), [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
});

test('date parts match pandas .dt', () => {
  for (const part of ['year', 'month', 'day', 'hour', 'minute', 'weekday', 'dayofyear', 'quarter', 'week'] as DatePart[]) {
    assert.deepEqual(datePart(sales.column('when'), part).toArray(), fx.dates[part], part);
  }
  const df = sales.dateParts('when', ['year', 'weekday']);
  assert.deepEqual(df.columnNames.slice(-2), ['when_year', 'when_weekday']);
  assert.throws(() => datePart(sales.column('qty'), 'year'), ColumnTypeError);
  assert.deepEqual(datePart(Column.from('d', ['2024-02-29', null]).cast('date'), 'isMonthEnd').toArray(), [true, null]);
});

test('rolling statistics match pandas (missing values, minPeriods, centred windows)', () => {
  const x = Column.float64('x', Float64Array.from(fx.rolling.input as number[]));
  for (const agg of ['mean', 'sum', 'min', 'max', 'std', 'var', 'count'] as RollingAgg[]) {
    assertClose(rolling(x, 3, agg).toFloat64(), fx.rolling.results[agg], { rtol: 1e-12, atol: 1e-12 }, agg);
    assertClose(rolling(x, 3, agg, { minPeriods: 1 }).toFloat64(), fx.rolling.results[`${agg}_mp1`], { rtol: 1e-12, atol: 1e-12 }, `${agg} mp1`);
  }
  assertClose(rolling(x, 3, 'mean', { center: true }).toFloat64(), fx.rolling.results.mean_center, { rtol: 1e-12 });
  assert.throws(() => rolling(x, 0, 'mean'), /window must be a positive integer/);
  const df = DataFrame.fromColumns({ x: [1, 2, 3], s: ['a', 'b', 'c'] }).rolling(2, 'sum');
  assert.deepEqual(df.toColumns(), { x: [null, 3, 5] });
});

test('resample matches pandas for D, 6h, W and MS, including empty buckets', () => {
  assertFrameEqual(sales.resample('when', 'D', { qty: 'sum', price: 'mean', id: 'count' }), fx.resample.D);
  assertFrameEqual(sales.resample('when', '6h', { qty: 'sum', price: 'max' }), fx.resample['6h']);
  assertFrameEqual(sales.resample('when', 'W', { qty: 'sum' }), fx.resample.W);
  assertFrameEqual(sales.resample('when', 'MS', { qty: 'sum' }), fx.resample.MS);
  assert.throws(() => sales.resample('when', 'fortnight', { qty: 'sum' }), /cannot read the rule 'fortnight'/);
  assert.throws(() => sales.resample('qty', 'D', { qty: 'sum' }), /not datetime/);
});
