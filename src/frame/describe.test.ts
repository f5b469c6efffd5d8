import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { Column, DataFrame, describe, inferSchema, formatFrame, type ColumnKind } from './index.js';
import { assertFrameEqual, frameFromData } from './testing.js';
import { quantilesBySelection } from './describe.js';

const fx = loadFixture('frame_verbs');
const sales = frameFromData(fx.inputs.sales);

test('describe matches pandas for numeric and object columns', () => {
  const num = sales.describe();
  assert.deepEqual(num.column('stat').toArray(), fx.describe.numeric.index);
  assertFrameEqual(num.drop('stat'), fx.describe.numeric);
  const obj = describe(sales.select('city', 'product'));
  assert.deepEqual(obj.column('stat').toArray(), fx.describe.object.index);
  assertFrameEqual(obj.drop('stat'), fx.describe.object);
  const all = sales.select('city', 'qty').describe({ include: 'all' });
  assert.deepEqual(all.column('stat').toArray(), ['count', 'unique', 'top', 'freq', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']);
  assert.deepEqual(all.column('city').toArray().slice(0, 5), ['9', '4', 'Oslo', '3', null]);
  assert.throws(() => sales.select('city').describe({ include: 'numeric' }), /no numeric columns/);
});

test('inferSchema tells numeric, categorical, boolean, datetime, text, id and constant apart', () => {
  const n = 40;
  const words = ['the quick brown fox', 'jumps over the lazy dog', 'a stitch in time', 'saves nine more'];
  const df = DataFrame.fromColumns({
    user_id: Array.from({ length: n }, (_, i) => 1000 + ((i * 17) % n)),
    row: Int32Array.from({ length: n }, (_, i) => i),
    uuid: Array.from({ length: n }, (_, i) => `a${(i * 7919).toString(16)}f`),
    price: Array.from({ length: n }, (_, i) => (i % 7) * 1.25 + 0.1),
    count: Array.from({ length: n }, (_, i) => (i * 37) % 101),
    color: Array.from({ length: n }, (_, i) => ['red', 'green', 'blue'][i % 3]!),
    level: Array.from({ length: n }, (_, i) => i % 4),
    churned: Array.from({ length: n }, (_, i) => i % 2 === 0),
    yes_no: Array.from({ length: n }, (_, i) => (i % 3 ? 'yes' : 'no')),
    binary: Array.from({ length: n }, (_, i) => i % 2),
    signup: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i))),
    day: Array.from({ length: n }, (_, i) => `2021-01-${String(1 + (i % 28)).padStart(2, '0')}`),
    review: Array.from({ length: n }, (_, i) => `${words[i % 4]} number ${i}`),
    country: Array.from({ length: n }, () => 'NO'),
    empty: Array.from({ length: n }, () => null),
  });
  const kinds = Object.fromEntries(inferSchema(df).map((c) => [c.name, c.kind]));
  const expected: Record<string, ColumnKind> = {
    user_id: 'id', row: 'id', uuid: 'id', price: 'numeric', count: 'numeric', color: 'categorical', level: 'categorical',
    churned: 'boolean', yes_no: 'boolean', binary: 'boolean', signup: 'datetime', day: 'datetime', review: 'text',
    country: 'constant', empty: 'constant',
  };
  assert.deepEqual(kinds, expected);
  const price = inferSchema(df).find((c) => c.name === 'price')!;
  assert.deepEqual(price, { name: 'price', dtype: 'float64', nulls: 0, unique: 7, kind: 'numeric' });
  assert.equal(sales.inferSchema().find((c) => c.name === 'city')!.nulls, 1);
});

test('toString prints an aligned table like pandas, truncating long and wide frames', () => {
  const df = DataFrame.fromColumns({
    city: ['Oslo', 'Zürich', null],
    temp: [3.5, 19.25, null],
    n: [1, 20, 300],
    ok: [true, false, null],
    when: [new Date(Date.UTC(2021, 0, 1)), new Date(Date.UTC(2021, 0, 2)), null],
  });
  assert.equal(
    df.toString(),
    [
      '     city   temp    n     ok        when',
      '0    Oslo   3.50    1   True  2021-01-01',
      '1  Zürich  19.25   20  False  2021-01-02',
      '2    None    NaN  300   <NA>         NaT',
    ].join('\n'),
  );
  assert.match(df.toString({ dtypes: true }).split('\n')[1]!, /^\s+string\s+float64\s+int32\s+bool\s+datetime$/);
  const long = DataFrame.fromColumns({ x: Float64Array.from({ length: 100 }, (_, i) => i / 4) });
  const lines = long.toString().split('\n');
  assert.equal(lines.length, 1 + 5 + 1 + 5 + 2);
  assert.equal(lines[6], '...    ...');
  assert.equal(lines.at(-1), '[100 rows x 1 columns]');
  assert.equal(lines[7], '95   23.75');
  const wide = DataFrame.fromColumns(Object.fromEntries(Array.from({ length: 30 }, (_, j) => [`c${j}`, [j]])));
  assert.match(wide.toString(), /c9  \.\.\.  c20/);
  assert.match(wide.toString(), /\[1 rows x 30 columns\]/);
  assert.equal(formatFrame(DataFrame.fromColumns({ a: [] as number[] })), 'Empty DataFrame\nColumns: [a]\nIndex: []');
  assert.equal(Column.from('x', [1e-8, 1]).toString(), "Column 'x' (float64, 2 rows): [1e-8, 1]");
  assert.match(DataFrame.fromColumns({ x: [1e-8, 1] }).toString(), /1\.000000e-08/);
});

test('assertFrameEqual reports the first difference', () => {
  const a = DataFrame.fromColumns({ x: [1, 2] });
  assert.throws(() => assertFrameEqual(a, { columns: ['x'], data: { x: [1, 3] } }), /Column 'x', row 1: got 2, expected 3/);
  assert.throws(() => assertFrameEqual(a, { columns: ['y'], data: { y: [1, 2] } }), /Columns differ/);
  assert.throws(() => assertFrameEqual(a, { columns: ['x'], data: { x: [1] } }), /Row counts differ/);
});

test('quantiles by selection equal those of a full sort', () => {
  for (const n of [1, 2, 7, 1000, 1001]) {
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 10 + (i % 5 === 0 ? 3 : 0));
    const sorted = a.slice().sort();
    const probs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
    const want = probs.map((p) => {
      const pos = (n - 1) * p;
      const f = Math.floor(pos);
      const c = Math.min(n - 1, f + 1);
      return sorted[f]! + (sorted[c]! - sorted[f]!) * (pos - f);
    });
    assert.deepEqual(quantilesBySelection(a, probs), want);
  }
});
