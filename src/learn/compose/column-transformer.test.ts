import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ColumnTransformer, DataError, Estimator, MinMaxScaler, OneHotEncoder, ParamError, Pipeline, SimpleImputer, StandardScaler,
  Table, columnTransformerFromSchema, toTable,
} from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');
const rows: Record<string, unknown>[] = F.frame.rows;
const rowsNew: Record<string, unknown>[] = F.frame.rows_new;

/** A minimal DataFrame-like over row objects, as strata/frame hands to learn. */
function frameOf(data: Record<string, unknown>[]) {
  const names = Object.keys(data[0]!);
  return {
    columnNames: names,
    numRows: data.length,
    column: (n: string) => ({ toArray: () => data.map((r) => r[n] ?? null) }),
    toMatrix: () => {
      throw new Error('not used');
    },
  };
}

const schema = [
  { name: 'id', kind: 'id' as const },
  { name: 'age', kind: 'numeric' as const },
  { name: 'fare', kind: 'numeric' as const },
  { name: 'port', kind: 'categorical' as const },
  { name: 'sex', kind: 'categorical' as const },
];

test('columnTransformerFromSchema matches the equivalent scikit-learn ColumnTransformer on a frame', () => {
  const { transformer, notes } = columnTransformerFromSchema(schema, { scale: true });
  const out = transformer.fitTransform(frameOf(rows));
  assertClose(out, F.frame.train, { rtol: 1e-12, atol: 1e-14 });
  assertClose(transformer.transform(frameOf(rowsNew)), F.frame.test, { rtol: 1e-12, atol: 1e-14 });
  assert.deepEqual(transformer.featureNamesOut(), F.frame.names);
  assert.deepEqual(notes, [
    "numeric 'age', 'fare': median imputation + standard scaling",
    "categorical 'port', 'sex': most-frequent imputation + one-hot encoding (unseen categories ignored)",
    "dropped 'id' (ID-like)",
  ]);
  // rows of objects work the same, and the fitted transformer round-trips exactly
  const t2 = columnTransformerFromSchema(schema, { scale: true }).transformer.fit(rows);
  assertClose(t2.transform(rowsNew), F.frame.test, { rtol: 1e-12, atol: 1e-14 });
  const json = JSON.stringify(t2.toJSON());
  const back = Estimator.fromJSON<ColumnTransformer>(JSON.parse(json));
  assert.equal(JSON.stringify(back.toJSON()), json);
  assert.deepEqual(back.transform(rowsNew).toArray(), t2.transform(rowsNew).toArray());
});

test('columnTransformerFromSchema: kinds, exclusions and notes', () => {
  const { transformer, notes } = columnTransformerFromSchema(
    [
      { name: 'y', kind: 'numeric' }, { name: 'x', kind: 'numeric' }, { name: 'flag', kind: 'boolean' },
      { name: 'when', kind: 'datetime' }, { name: 'note', kind: 'text' }, { name: 'k', kind: 'constant' },
    ],
    { exclude: ['y'] },
  );
  assert.deepEqual(notes, [
    "numeric 'x': median imputation",
    "categorical 'flag': most-frequent imputation + one-hot encoding (unseen categories ignored)",
    "datetime 'when': year, month, day, day of week, day of year, hour, minute, second and Unix time (parts constant in training left out) + median imputation",
    "text 'note': TF-IDF of words (at most 200 most frequent terms, missing text as empty)",
    "dropped 'k' (constant)",
  ]);
  const data = [
    { y: 1, x: 2, flag: true, when: '2024-01-01', note: 'hi there', k: 1 },
    { y: 0, x: null, flag: false, when: '2024-01-03', note: null, k: 1 },
    { y: 1, x: 4, flag: null, when: null, note: 'there', k: 1 },
  ];
  const out = transformer.fitTransform(data).toArray() as number[][];
  assert.deepEqual(transformer.featureNamesOut(), [
    'numeric__x', 'categorical__flag_False', 'categorical__flag_True',
    'datetime__when_day', 'datetime__when_dayofweek', 'datetime__when_dayofyear', 'datetime__when_epoch',
    'text_note__hi', 'text_note__there',
  ]);
  assert.deepEqual(out.map((r) => r.slice(0, 7)), [
    [2, 0, 1, 1, 0, 1, 1704067200],
    [3, 1, 0, 3, 2, 3, 1704240000],
    [4, 1, 0, 2, 1, 2, 1704153600],
  ]);
  assert.deepEqual(out.map((r) => r.slice(7).map((v) => Math.round(v * 1e6) / 1e6)), [[0.795961, 0.605349], [0, 0], [0, 1]]);
});

test('ColumnTransformer by index with remainder passthrough matches scikit-learn', () => {
  const ct = new ColumnTransformer({ transformers: [['scale', new MinMaxScaler(), [0, 1]]], remainder: 'passthrough' });
  assertClose(ct.fitTransform(F.X), F.ct_passthrough.train, { rtol: 1e-13 });
  assert.deepEqual(ct.featureNamesOut(), F.ct_passthrough.names);
  const nv = new ColumnTransformer({ transformers: [['s', new StandardScaler(), ['x0']], ['d', 'drop', [1]]], remainder: 'passthrough', verboseFeatureNamesOut: false });
  nv.fit(F.X);
  assert.deepEqual(nv.featureNamesOut(), ['x0', 'x2', 'x3']);
  assert.deepEqual(Object.keys(nv.namedTransformers), ['s', 'remainder']);
});

test('ColumnTransformer errors name the column and the fix', () => {
  const ct = new ColumnTransformer({ transformers: [['num', new StandardScaler(), ['age', 'prise']]] });
  assert.throws(() => ct.fit(rows), (e: Error) => e instanceof ParamError && /'prise'/.test(e.message) && /Columns: id, age/.test(e.message));
  const text = new ColumnTransformer({ transformers: [['num', new SimpleImputer(), ['port']]] });
  assert.throws(() => text.fit(rows), (e: Error) => e instanceof DataError && /column 'port'/.test(e.message) && /most_frequent/.test(e.message));
  const pass = new ColumnTransformer({ transformers: [['oh', new OneHotEncoder(), ['sex']]], remainder: 'passthrough' });
  assert.throws(() => pass.fit(rows), (e: Error) => e instanceof DataError && /column 'port' holds text/.test(e.message));
  const ok = new ColumnTransformer({ transformers: [['oh', new OneHotEncoder(), ['sex']]] }).fit(rows);
  assert.throws(() => ok.transform([{ age: 3 }]), (e: Error) => e instanceof DataError && /'sex'/.test(e.message));
  assert.throws(
    () => new ColumnTransformer({ transformers: [['a', new StandardScaler(), [0]], ['a', new StandardScaler(), [1]]] }).fit(F.X),
    /two transformers are named 'a'/,
  );
});

test('toTable reads matrices, 2-d mixed arrays, row objects and frames', () => {
  const t = toTable([{ a: 1, b: 'x' }, { b: 'y', c: true }]);
  assert.deepEqual(t.columnNames, ['a', 'b', 'c']);
  assert.deepEqual(t.values(0), [1, null]);
  assert.equal(toTable([[1, 'a']]).named, false);
  assert.throws(() => toTable([1, 2, 3] as never), /2-d array/);
  assert.throws(() => toTable([[1, 2], [3]]), /row 1 has 1 values/);
  assert.throws(() => toTable(frameOf(rows)).toMatrix(['sex']), (e: Error) => e instanceof DataError && /column 'sex' holds text \("m" at row 0\)/.test(e.message));
});

checkEstimator(
  () => new ColumnTransformer({
    transformers: [
      ['a', new Pipeline({ steps: [['i', new SimpleImputer()], ['s', new StandardScaler()]] }), [0, 1]],
      ['b', new OneHotEncoder({ handleUnknown: 'ignore' }), [2]],
    ],
    remainder: 'drop',
  }),
  { X: [[1, 2, 0], [3, 1, 1], [2, 5, 0], [0, 4, 1]], allowsNaN: true },
);

test('one row at a time gives the rows of the whole-table transform (scikit-learn), missing values and unseen categories included', () => {
  const { transformer } = columnTransformerFromSchema(schema, { scale: true });
  transformer.fit(frameOf(rows));
  const cases: [Record<string, unknown>[], number[][]][] = [[rows, F.frame.train], [rowsNew, F.frame.test]];
  for (const [data, expected] of cases) {
    const whole = transformer.transform(frameOf(data)).toArray() as number[][];
    data.forEach((row, i) => {
      const names = Object.keys(row);
      const asTable = new Table(names, names.map((n) => [row[n] ?? null]), true, 1);
      for (const one of [transformer.transform([row]), transformer.transform(asTable), transformer.transform(frameOf([row]))]) {
        assert.deepEqual(one.shape, [1, whole[0]!.length]);
        assert.deepEqual(one.toArray(), [whole[i]]);
      }
      assertClose([whole[i]!], [expected[i]!], { rtol: 1e-12, atol: 1e-14 });
    });
  }
  // rowsNew[0] has no age (imputed) and port 'Z', unseen in fit (all zeros with handleUnknown 'ignore').
  assert.equal(rowsNew[0]!.age, null);
  assert.equal(rows.some((r) => r.port === 'Z'), false);
  const strict = new ColumnTransformer({ transformers: [['oh', new OneHotEncoder(), ['port']]] }).fit(rows.filter((r) => r.port !== null));
  assert.throws(() => strict.transform([rowsNew[0]!]), (e: Error) => e instanceof DataError && /unknown category "Z"/.test(e.message));
});

test('Table finds columns by name as before on small and wide tables, and reads numbers exactly', () => {
  const dup = new Table(['a', 'b', 'a'], [[1], [2], [3]], true, 1);
  assert.equal(dup.indexOf('a'), 2, 'a repeated name resolves to its last column');
  assert.equal(dup.indexOf('z'), -1);
  const names = Array.from({ length: 12 }, (_, j) => `c${j}`);
  const wide = new Table(names, names.map((_, j) => [j, j === 3 ? null : -j, j % 2 === 0]), true, 3);
  names.forEach((n, j) => assert.equal(wide.indexOf(n), j));
  assert.equal(wide.indexOf('c12'), -1);
  assert.deepEqual(wide.toMatrix(['c3', 'c0']).toArray(), [[3, 0], [NaN, -0], [0, 1]]);
  assert.deepEqual(wide.numeric(5), Float64Array.from([5, -5, 0]));
  assert.throws(() => wide.toMatrix(['c1', 'nope']), (e: Error) => e instanceof DataError && /column 'nope' not found/.test(e.message));
  const text = new Table(['n', 's'], [[1, 2], ['x', null]], true, 2);
  assert.throws(() => text.toMatrix(['n', 'missing']), /column 'missing' not found/, 'missing columns are reported before text');
  assert.throws(() => text.toMatrix(), (e: Error) => e instanceof DataError && /column 's' holds text \("x" at row 0\)/.test(e.message));
});
