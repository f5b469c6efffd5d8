import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { DataFrame, ColumnTypeError, FrameError, concat } from '../index.js';
import { assertFrameEqual, frameFromData } from '../testing.js';

const fx = loadFixture('frame_verbs');
const sales = frameFromData(fx.inputs.sales);

test('sort matches pandas: stable, missing last, multi-key with mixed directions, unicode', () => {
  assertFrameEqual(sales.sort('price'), fx.sort.price);
  assertFrameEqual(sales.sort('price', { ascending: false }), fx.sort.price_desc);
  assertFrameEqual(sales.sort(['city', 'price'], { ascending: [true, false] }), fx.sort.city_price);
  assertFrameEqual(sales.sort(['product', 'when'], { ascending: false }), fx.sort.product_when_desc);
  assert.throws(() => sales.sort(['city', 'price'], { ascending: [true] }), FrameError);
});

test('concat by rows unions columns and widens types like pandas', () => {
  const a = sales.select('id', 'city', 'price').head(3);
  const b = DataFrame.fromColumns({ id: [11, 12], price: [1.5, null], extra: ['x', 'y'] });
  assertFrameEqual(concat([a, b]), fx.concat);
  assert.equal(concat([a, b]).column('id').dtype, 'int32');
  const side = a.concat(DataFrame.fromColumns({ z: [1, 2, 3] }), { axis: 'columns' });
  assert.deepEqual(side.columnNames, ['id', 'city', 'price', 'z']);
  assert.throws(
    () => concat([a, DataFrame.fromColumns({ city: [1, 2] })]),
    (e: unknown) => e instanceof ColumnTypeError && /column 'city' is string in one frame but int32/.test(e.message),
  );
});

test('pivotTable, pivot and melt match pandas', () => {
  assertFrameEqual(sales.pivotTable({ index: 'city', columns: 'product', values: 'qty', aggfunc: 'mean' }), fx.pivot_table.mean);
  assertFrameEqual(sales.pivotTable({ index: 'city', columns: 'product', values: 'qty', aggfunc: 'sum', fillValue: 0 }), fx.pivot_table.sum_fill);
  const small = frameFromData(fx.pivot.input);
  assertFrameEqual(small.pivot({ index: 'd', columns: 'c', values: 'v' }), fx.pivot.result);
  const dup = small.concat(small.head(1));
  assert.throws(() => dup.pivot({ index: 'd', columns: 'c', values: 'v' }), /rows 0 and 5 both hold d="x", c="p"; use pivotTable/);
  const wide = frameFromData(fx.melt.input);
  assertFrameEqual(wide.melt({ idVars: ['name'], valueVars: ['x', 'y'] }), fx.melt.result);
});

test('dropNull, fillNull, dedupe and valueCounts match pandas', () => {
  assertFrameEqual(sales.dropNull(), fx.dropna.any);
  assertFrameEqual(sales.dropNull({ subset: ['price'] }), fx.dropna.subset);
  assertFrameEqual(sales.select('city', 'price').dropNull({ how: 'all' }), fx.dropna.all);
  assertFrameEqual(sales.fillNull({ price: 0, city: '?' }), fx.fillna.per_column);
  const dups = frameFromData(fx.dedupe.input);
  assertFrameEqual(dups.dedupe({ subset: ['a', 'b'] }), fx.dedupe.all_first);
  assertFrameEqual(dups.dropDuplicates({ subset: ['a', 'b'], keep: 'last' }), fx.dedupe.last);
  assertFrameEqual(dups.dedupe({ subset: ['a', 'b'], keep: false }), fx.dedupe.none);
  for (const [col, key, normalize] of [['city', 'city', false], ['city', 'city_norm', true], ['qty', 'qty', false]] as const) {
    const vc = sales.valueCounts(col, { normalize });
    const want = fx.value_counts[key];
    // Same counts in the same (descending) order; values compared as sets within tied counts.
    assert.deepEqual(vc.column(normalize ? 'proportion' : 'count').toArray(), want.counts);
    const byCount = (vals: unknown[], counts: unknown[]): string[] => vals.map((v, i) => `${counts[i]}:${v}`).sort();
    assert.deepEqual(byCount(vc.column(col).toArray(), want.counts), byCount(want.values, want.counts));
  }
});

test('fillNull type conflicts name the column and the value', () => {
  assert.throws(
    () => sales.fillNull({ price: 'none' }),
    (e: unknown) => e instanceof ColumnTypeError && /float64 column 'price' with 'none' \(string\)/.test(e.message),
  );
  // A bare value fills only the columns of its type.
  assert.equal(sales.fillNull(0).column('city').nullCount, 1);
  assert.equal(sales.fillNull(0).column('price').nullCount, 0);
});
