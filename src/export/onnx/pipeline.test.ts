/**
 * Whole pipelines in ONNX: raw named, typed inputs (text categories as strings), the
 * preprocessing `strata train` builds, each transformer converter, tree thresholds on the
 * float32 boundary, and float32 inputs. Checked against the native pipeline and, where the
 * fixture has them, against scikit-learn (bench/reference/export_onnx.py).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import * as learn from '../../learn/index.js';
import type { NdArray } from '../../tensor/index.js';
import { readOnnx, toOnnx } from '../index.js';
import { OnnxModel } from './runtime.node.js';

const fx = loadFixture('export_onnx');
const TOL = { atol: 1e-9, rtol: 0 };
type Row = Record<string, unknown>;

const schema: learn.SchemaColumn[] = [
  { name: 'age', kind: 'numeric' },
  { name: 'fare', kind: 'numeric' },
  { name: 'port', kind: 'categorical' },
];

async function withModel<T>(bytes: Uint8Array, f: (m: OnnxModel) => Promise<T>): Promise<T> {
  const m = await OnnxModel.load(bytes);
  try {
    return await f(m);
  } finally {
    await m.close();
  }
}

test('the pipeline strata train builds takes raw typed columns and matches native and scikit-learn', async () => {
  const { train, trainLabels, test: held, proba, predictions, classes } = fx.mixed as {
    train: Row[]; trainLabels: string[]; test: Row[]; proba: number[][]; predictions: string[]; classes: string[];
  };
  const { transformer } = learn.columnTransformerFromSchema(schema, { scale: true });
  const pipe = learn.makePipeline(transformer, new learn.LogisticRegression({ tol: 1e-10, maxIter: 10000 })).fit(train, trainLabels);
  const bytes = toOnnx(pipe);
  const info = readOnnx(bytes);
  assert.deepEqual(info.inputs, [
    { name: 'age', type: 'float64', shape: ['N', 1] },
    { name: 'fare', type: 'float64', shape: ['N', 1] },
    { name: 'port', type: 'string', shape: ['N', 1] },
  ]);
  assert.deepEqual(info.outputs, [
    { name: 'label', type: 'string', shape: ['N'] },
    { name: 'probabilities', type: 'float64', shape: ['N', 2] },
  ]);
  assert.deepEqual(JSON.parse(info.metadata['strata.classes']!), classes);
  await withModel(bytes, async (m) => {
    // The held rows hold missing ages, a missing port and an unseen port 'Z'.
    assert.deepEqual(await m.predict(held), pipe.predict(held));
    assertClose(await m.predictProba(held), pipe.predictProba(held), TOL);
    assert.deepEqual(await m.predict(held), predictions);
    assertClose(await m.predictProba(held), proba, { atol: 1e-6 });
  });
});

test('tree pipelines with text columns: forest and gradient boosting over one-hot and ordinal codes', async () => {
  const { train, trainLabels, test: held } = fx.mixed as { train: Row[]; trainLabels: string[]; test: Row[] };
  const { transformer } = learn.columnTransformerFromSchema(schema);
  const forest = learn.makePipeline(transformer, new learn.RandomForestClassifier({ nEstimators: 12, randomState: 1 })).fit(train, trainLabels);
  const ordinal = new learn.ColumnTransformer({
    transformers: [
      ['port', new learn.Pipeline({ steps: [
        ['impute', new learn.SimpleImputer({ strategy: 'constant', fillValue: 'none' })],
        ['codes', new learn.OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 })],
      ] }), ['port']],
    ],
    remainder: 'passthrough',
  });
  const boosted = new learn.Pipeline({ steps: [['prep', ordinal], ['gbdt', new learn.GradientBoostingClassifier({ nEstimators: 15, maxDepth: 3 })]] }).fit(train, trainLabels);
  for (const pipe of [forest, boosted]) {
    const bytes = toOnnx(pipe);
    assert.deepEqual(readOnnx(bytes).opsets, [{ domain: '', version: 21 }, { domain: 'ai.onnx.ml', version: 5 }]);
    await withModel(bytes, async (m) => {
      assert.deepEqual(await m.predict(held), pipe.predict(held));
      assertClose(await m.predictProba(held), pipe.predictProba(held), TOL);
    });
  }
});

test('tree thresholds: values on a threshold and on either side of its float32 rounding go where scikit-learn sends them', async () => {
  const t = fx.threshold as { X: number[][]; y: number[]; thresholds: number[]; probes: number[][]; predictions: number[]; proba: number[][] };
  const tree = new learn.DecisionTreeClassifier({ randomState: 0 }).fit(t.X, t.y);
  const forest = new learn.RandomForestClassifier({ nEstimators: 1, bootstrap: false, maxFeatures: null, randomState: 0 }).fit(t.X, t.y);
  for (const model of [tree, forest]) {
    await withModel(toOnnx(model), async (m) => {
      assert.deepEqual(await m.predict(t.probes), t.predictions);
      assertClose(await m.predictProba(t.probes), t.proba, { atol: 0 });
    });
  }
  // A float32 input feeds fround(x): the same decisions.
  await withModel(toOnnx(tree, { inputs: [{ name: 'x', type: 'float32' }] }), async (m) => {
    assert.deepEqual(m.inputs, [{ name: 'x', type: 'float32', shape: ['N', 1] }]);
    assert.deepEqual(await m.predict({ x: t.probes.map((r) => r[0]!) }), t.predictions);
  });
});

test('scalers, PCA and MinMaxScaler clipping: a pipeline ending in a transformer outputs `transformed`', async () => {
  const iris = loadFixture('learn_trees').data.iris.X as number[][];
  const fitRows = iris.filter((_, i) => i % 2 === 0);
  const held = iris.filter((_, i) => i % 2 === 1).map((r, i) => (i === 0 ? r.map((v) => v * 3) : r));
  const pipes = [
    new learn.Pipeline({ steps: [['minmax', new learn.MinMaxScaler({ featureRange: [-1, 1], clip: true })], ['robust', new learn.RobustScaler()]] }),
    new learn.Pipeline({ steps: [['maxabs', new learn.MaxAbsScaler()], ['pca', new learn.PCA({ nComponents: 3, whiten: true })]] }),
    new learn.Pipeline({ steps: [['standard', new learn.StandardScaler({ withMean: false })], ['pca', new learn.PCA({ nComponents: 2 })]] }),
  ];
  for (const pipe of pipes) {
    pipe.fit(fitRows);
    await withModel(toOnnx(pipe), async (m) => {
      assert.deepEqual(m.outputs.map((o) => o.name), ['transformed']);
      assertClose((await m.run(held)).transformed as NdArray, pipe.transform(held), { atol: 1e-12 });
    });
  }
});

test('encoders: one-hot with drop and infrequent categories, ordinal with unknown and missing codes, numeric categories', async () => {
  const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({
    color: i % 9 === 0 ? null : ['red', 'green', 'blue', 'teal'][i % 4 === 3 && i > 20 ? 3 : i % 3],
    size: [1, 2, 3][i % 3],
    x: i / 7,
  }));
  const y = rows.map((r, i) => ((r.size as number) + (r.color === 'red' ? 2 : 0) + (i % 2) > 3 ? 1 : 0));
  const held: Row[] = [{ color: 'purple', size: 2, x: 1 }, { color: null, size: 7, x: 0.5 }, { color: 'teal', size: 3, x: 2 }, { color: 'red', size: 1, x: 0 }];
  const ct = new learn.ColumnTransformer({
    transformers: [
      ['onehot', new learn.OneHotEncoder({ drop: 'first', handleUnknown: 'ignore' }), ['color']],
      ['rare', new learn.OneHotEncoder({ minFrequency: 6, handleUnknown: 'infrequent_if_exist' }), ['color']],
      ['codes', new learn.OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1, encodedMissingValue: -2 }), ['color', 'size']],
    ],
    remainder: 'passthrough',
  });
  const pipe = new learn.Pipeline({ steps: [['prep', ct], ['model', new learn.LogisticRegression()]] }).fit(rows, y);
  const bytes = toOnnx(pipe);
  assert.deepEqual(readOnnx(bytes).inputs.map((i) => [i.name, i.type]), [['color', 'string'], ['size', 'float64'], ['x', 'float64']]);
  await withModel(bytes, async (m) => {
    assert.deepEqual(await m.predict(held), pipe.predict(held));
    assertClose(await m.predictProba(held), pipe.predictProba(held), TOL);
  });
  const features = new learn.Pipeline({ steps: [['prep', ct.clone()]] }).fit(rows);
  await withModel(toOnnx(features), async (m) => {
    assertClose((await m.run(held)).transformed as NdArray, features.transform(held), { atol: 0 });
  });
});

test('gradient boosting with categorical features uses set-membership splits, unseen categories to the default side', async () => {
  const X = Array.from({ length: 120 }, (_, i) => [i % 5, ((i * 7) % 13) / 2]);
  const y = X.map(([c, v]) => (c === 1 || c === 3 ? 2 : 0) + (v! > 3 ? 1 : 0));
  const model = new learn.GradientBoostingClassifier({ nEstimators: 10, maxDepth: 3, categoricalFeatures: [0] }).fit(X, y);
  const held = [[0, 1], [1, 4], [3, 0.5], [4, 5], [9, 2], [NaN, 4], [2, NaN]];
  await withModel(toOnnx(model), async (m) => {
    assert.deepEqual(await m.predict(held), model.predict(held));
    assertClose(await m.predictProba(held), model.predictProba(held), TOL);
  });
});

test('float32 numeric inputs stay within 1e-4 of the float64 model', async () => {
  const { train, trainLabels, test: held } = fx.mixed as { train: Row[]; trainLabels: string[]; test: Row[] };
  const { transformer } = learn.columnTransformerFromSchema(schema, { scale: true });
  const pipe = learn.makePipeline(transformer, new learn.GaussianNB()).fit(train, trainLabels);
  const bytes = toOnnx(pipe, { inputs: [{ name: 'age', type: 'float32' }, { name: 'fare', type: 'float32' }] });
  assert.deepEqual(readOnnx(bytes).inputs.map((i) => i.type), ['float32', 'float32', 'string']);
  await withModel(bytes, async (m) => {
    assertClose(await m.predictProba(held), pipe.predictProba(held), { atol: 1e-4 });
  });
});

test('date/time columns: DatetimeFeatures parts computed in the graph from epoch milliseconds', async () => {
  // Dates around leap days, year ends, before 1970 and at midnight, plus a missing one.
  const stamps = [
    '1969-12-31T23:59:59Z', '1970-01-01', '1900-03-01T12:00:00Z', '2000-02-29T06:30:15Z', '2000-12-31T23:00:00Z', '2023-03-01',
    '2024-02-29T00:00:01Z', '2024-12-31T12:34:56Z', '1600-01-01T00:00:00Z', '2100-03-01T08:08:08Z', null, '2038-01-19T03:14:07Z',
  ];
  const rows: Row[] = stamps.map((when, i) => ({ when, amount: i * 1.5 }));
  const y = rows.map((_, i) => i % 3);
  const dt = new learn.DatetimeFeatures({ parts: [...learn.DATETIME_PARTS], dropConstant: false });
  const features = new learn.Pipeline({ steps: [['parts', dt], ['impute', new learn.SimpleImputer({ strategy: 'median' })]] });
  const ct = new learn.ColumnTransformer({ transformers: [['dates', features, ['when']]], remainder: 'passthrough' });
  const pipe = new learn.Pipeline({ steps: [['prep', ct], ['model', new learn.Ridge()]] }).fit(rows, y);
  const bytes = toOnnx(pipe);
  const info = readOnnx(bytes);
  assert.deepEqual(info.inputs[0], { name: 'when', type: 'float64', shape: ['N', 1] });
  assert.deepEqual(JSON.parse(info.metadata['strata.datetime_inputs']!), ['when']);
  const only = new learn.Pipeline({ steps: [['prep', ct.clone()]] }).fit(rows);
  await withModel(toOnnx(only), async (m) => {
    // ISO strings and Dates both work; the graph sees epoch ms.
    const asDates = rows.map((r) => ({ ...r, when: r.when === null ? null : new Date(Date.parse(r.when as string)) }));
    assertClose((await m.run(rows)).transformed as NdArray, only.transform(rows), { atol: 0 });
    assertClose((await m.run(asDates)).transformed as NdArray, only.transform(rows), { atol: 0 });
  });
  await withModel(bytes, async (m) => assertClose((await m.predict(rows)) as NdArray, pipe.predict(rows) as NdArray, { atol: 1e-9 }));
});

test('text columns: TF-IDF and count vectorizers tokenize, count n-grams and weight in the graph', async () => {
  const docs = [
    'The quick brown fox jumps over the lazy dog.', 'Été à Paris: café, crème brûlée, 2024!', 'the the THE dog-dog x y',
    'Données_brutes et résumé', '', 'quick quick quick brown', 'Lazy dogs and quick foxes; the end.', 'a b c', 'Café CAFÉ café 42 42',
  ];
  const held = ['THE DOG jumps quickly over café', 'unseen words only', '', 'brown fox, brown fox!', 'Été été ÉTÉ'];
  const models = [
    new learn.TfidfVectorizer(),
    new learn.TfidfVectorizer({ ngramRange: [1, 2], sublinearTf: true, norm: 'l1', smoothIdf: false }),
    new learn.CountVectorizer({ ngramRange: [2, 3], binary: true }),
    new learn.CountVectorizer({ lowercase: false, stopWords: ['and', 'et'] }),
  ];
  for (const model of models) {
    const pipe = new learn.Pipeline({ steps: [['text', model]] }).fit(docs.map((d) => ({ doc: d })));
    const rows = held.map((d) => ({ doc: d }));
    assert.deepEqual(readOnnx(toOnnx(pipe)).inputs, [{ name: 'text', type: 'string', shape: ['N', 1] }]);
    await withModel(toOnnx(pipe, { inputs: [{ name: 'doc', type: 'string' }] }), async (m) => {
      assertClose((await m.run(rows)).transformed as NdArray, pipe.transform(rows), { atol: 1e-12 });
    });
  }
});

test('the text pipeline strata train builds exports with its string input', async () => {
  const rows: Row[] = Array.from({ length: 30 }, (_, i) => ({
    review: i % 7 === 0 ? null : ['great product, works well', 'terrible; broke after a day', 'works as described', 'great value and great support'][i % 4]! + (i % 3 ? ' indeed' : ''),
    stars: (i * 7) % 5,
  }));
  const y = rows.map((r) => (typeof r.review === 'string' && r.review.includes('great') ? 'good' : 'bad'));
  const { transformer } = learn.columnTransformerFromSchema([{ name: 'review', kind: 'text' }, { name: 'stars', kind: 'numeric' }], { scale: true });
  const pipe = learn.makePipeline(transformer, new learn.LogisticRegression()).fit(rows, y);
  const bytes = toOnnx(pipe);
  const info = readOnnx(bytes);
  assert.deepEqual(info.inputs.map((i) => [i.name, i.type]), [['review', 'string'], ['stars', 'float64']]);
  assert.equal(info.operators['com.microsoft:Tokenizer'], 1);
  assert.deepEqual(info.opsets.find((o) => o.domain === 'com.microsoft'), { domain: 'com.microsoft', version: 1 });
  const held: Row[] = [{ review: 'Great support, GREAT!', stars: 4 }, { review: null, stars: 1 }, { review: 'broke', stars: null }];
  await withModel(bytes, async (m) => {
    assert.deepEqual(await m.predict(held), pipe.predict(held));
    assertClose(await m.predictProba(held), pipe.predictProba(held), TOL);
  });
});

test('a matrix reaching a per-column step is split into columns (scaled codes through OrdinalEncoder)', async () => {
  const X = Array.from({ length: 20 }, (_, i) => [i % 3, (i * 7) % 4, 5]);
  const pipe = new learn.Pipeline({ steps: [
    ['scale', new learn.StandardScaler()],
    ['codes', new learn.OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 })],
  ] }).fit(X);
  const held = [[0, 3, 5], [2, 1, 5], [9, 0, 5]];
  await withModel(toOnnx(pipe, { opset: 26 }), async (m) => {
    assert.deepEqual(m.info.opsets, [{ domain: '', version: 26 }]);
    assertClose((await m.run(held)).transformed as NdArray, pipe.transform(held), { atol: 0 });
  });
});
