import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BernoulliNB, ColumnTransformer, DecisionTreeClassifier, DecisionTreeRegressor, ElasticNet, ExtraTreesClassifier, ExtraTreesRegressor,
  GaussianNB, GradientBoostingClassifier, GradientBoostingRegressor, KMeans, KNeighborsClassifier, KNeighborsRegressor, Lasso,
  LinearRegression, LinearSVC, LogisticRegression, MaxAbsScaler, MinMaxScaler, MiniBatchKMeans, MultinomialNB, Normalizer, OneHotEncoder,
  OrdinalEncoder, PCA, Pipeline, RandomForestClassifier, RandomForestRegressor, Ridge, RobustScaler, SGDClassifier, SGDRegressor,
  SimpleImputer, StandardScaler, SVC, SVR, TruncatedSVD, DBSCAN, VotingClassifier, VotingRegressor, CountVectorizer, TfidfTransformer, TfidfVectorizer, columnTransformerFromSchema, type Estimator, type Label, type StepEstimator, NotFittedError,
} from '../../learn/index.js';
import { array, type NdArray } from '../../tensor/index.js';
import { UnsupportedModelError, jsModuleSignature, toJsModule } from '../index.js';
import { lcg } from '../../../test/helpers/lcg.js';

type Row = Record<string, unknown>;
interface GeneratedModule {
  predict(rows: unknown[]): unknown[];
  predictProba?(rows: unknown[]): number[][];
  transform?(rows: unknown[]): number[][];
  classes?: readonly Label[];
  inputs: readonly { name: string; type: string }[];
  outputs: readonly { name: string; type: string }[];
}

async function load(source: string): Promise<GeneratedModule> {
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as GeneratedModule;
}

const CITIES = ['Paris', 'Lyon', 'Nice', 'Lille'];

/** Raw rows: numbers with missing values, a text category with missing values, a boolean, an ID. */
function rows(n: number, seed: number, unseen = false): { X: Row[]; cls: string[]; num: number[]; y: number[] } {
  const r = lcg(seed);
  const X: Row[] = [];
  const cls: string[] = [];
  const num: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = r() * 4 - 2;
    const b = r() * 3;
    const city = unseen && i % 7 === 3 ? 'Rome' : CITIES[Math.floor(r() * 4)]!;
    const flag = r() < 0.5;
    const score = a * 1.5 - b + (city === 'Paris' ? 1.2 : city === 'Nice' ? -0.8 : 0) + (flag ? 0.4 : 0) + (r() - 0.5) * 0.6;
    X.push({ id: 1000 + i, a: i % 11 === 4 ? null : a, b: i % 13 === 6 ? NaN : b, city: i % 9 === 2 ? null : city, flag });
    cls.push(score > 0.6 ? 'high' : score < -0.6 ? 'low' : 'mid');
    num.push(score > 0 ? 1 : 0);
    y.push(score * 10 + 3);
  }
  return { X, cls, num, y };
}

const train = rows(300, 1);
const held = rows(120, 2, true);

/** ColumnTransformer as `strata train` builds it: median-impute (+ scale) numbers, one-hot categories. */
function preprocessing(scale: boolean): ColumnTransformer {
  const numeric = scale ? new Pipeline({ steps: [['impute', new SimpleImputer({ strategy: 'median' })], ['scale', new StandardScaler()]] }) : new SimpleImputer({ strategy: 'median' });
  return new ColumnTransformer({
    transformers: [
      ['numeric', numeric, ['a', 'b']],
      ['categorical', new Pipeline({ steps: [['impute', new SimpleImputer({ strategy: 'most_frequent' })], ['onehot', new OneHotEncoder({ handleUnknown: 'ignore' })]] }), ['city', 'flag']],
    ],
    remainder: 'drop',
  });
}

const asList = (v: Label[] | NdArray | Int32Array): unknown[] => (Array.isArray(v) ? v : v instanceof Int32Array ? Array.from(v) : Array.from(v.toFloat64Array()));

function assertNear(actual: number[], expected: number[], tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  assert.ok(worst <= tol, `${what}: max |difference| ${worst} > ${tol}`);
}

/** The generated module against the native model on the held-out rows. */
async function checkParity(model: Estimator<any, any> & StepEstimator, X: unknown[], tol = 0): Promise<GeneratedModule> {
  const mod = await load(toJsModule(model));
  const native = asList(model.predict!(X as never));
  const generated = mod.predict(X);
  if (typeof native[0] === 'number' && !Number.isInteger(native[0])) assertNear(generated as number[], native as number[], tol, 'predict');
  else assert.deepEqual(generated, native);
  if (mod.predictProba) {
    const proba = model.predictProba!(X as never);
    assertNear(mod.predictProba(X).flat(), Array.from(proba.toFloat64Array()), tol, 'predictProba');
    assert.deepEqual([...mod.classes!], (model as unknown as { classes: Label[] }).classes);
  }
  return mod;
}

const classifiers: [string, () => StepEstimator, boolean][] = [
  ['logistic-regression (multinomial)', () => new LogisticRegression({ C: 2 }), true],
  ['logistic-regression (ovr)', () => new LogisticRegression({ multiClass: 'ovr' }), true],
  ['sgd-classifier (log loss)', () => new SGDClassifier({ loss: 'log_loss', randomState: 0 }), true],
  ['sgd-classifier (modified huber)', () => new SGDClassifier({ loss: 'modified_huber', randomState: 0 }), true],
  ['linear-svc', () => new LinearSVC(), true],
  ['decision-tree-classifier', () => new DecisionTreeClassifier({ maxDepth: 6, randomState: 0 }), false],
  ['random-forest-classifier', () => new RandomForestClassifier({ nEstimators: 12, maxDepth: 6, randomState: 0 }), false],
  ['extra-trees-classifier', () => new ExtraTreesClassifier({ nEstimators: 8, randomState: 0 }), false],
  ['gradient-boosting-classifier', () => new GradientBoostingClassifier({ nEstimators: 25, randomState: 0 }), false],
  ['k-neighbors-classifier (uniform)', () => new KNeighborsClassifier({ nNeighbors: 7 }), true],
  ['k-neighbors-classifier (distance, manhattan)', () => new KNeighborsClassifier({ nNeighbors: 4, weights: 'distance', metric: 'manhattan' }), true],
  ['gaussian-nb', () => new GaussianNB(), true],
  ['bernoulli-nb', () => new BernoulliNB({ binarize: 0 }), true],
  ['svc (rbf)', () => new SVC({ C: 3 }), true],
  ['svc (poly)', () => new SVC({ kernel: 'poly', degree: 2, coef0: 1 }), true],
];

for (const [name, make, scale] of classifiers) {
  test(`parity with the native pipeline, string labels: ${name}`, async () => {
    const pipe = new Pipeline({ steps: [['pre', preprocessing(scale)], ['model', make()]] }).fit(train.X, train.cls);
    const mod = await checkParity(pipe, held.X, 1e-12);
    assert.deepEqual(mod.outputs[0], { name: 'label', type: 'string' });
  });
}

test('parity with numeric 0/1 labels: binary models give labels of the same type', async () => {
  for (const make of [() => new LogisticRegression(), () => new GradientBoostingClassifier({ nEstimators: 20 }), () => new RandomForestClassifier({ nEstimators: 5, randomState: 1 }), () => new SVC()]) {
    const pipe = new Pipeline({ steps: [['pre', preprocessing(true)], ['model', make()]] }).fit(train.X, train.num);
    const mod = await checkParity(pipe, held.X, 1e-12);
    assert.equal(typeof mod.predict(held.X)[0], 'number');
  }
});

const regressors: [string, () => StepEstimator, boolean][] = [
  ['linear-regression', () => new LinearRegression(), true],
  ['ridge', () => new Ridge({ alpha: 0.5 }), true],
  ['lasso', () => new Lasso({ alpha: 0.05 }), true],
  ['elastic-net', () => new ElasticNet({ alpha: 0.05, l1Ratio: 0.3 }), true],
  ['sgd-regressor', () => new SGDRegressor({ randomState: 0 }), true],
  ['decision-tree-regressor', () => new DecisionTreeRegressor({ maxDepth: 7 }), false],
  ['random-forest-regressor', () => new RandomForestRegressor({ nEstimators: 10, randomState: 0 }), false],
  ['extra-trees-regressor', () => new ExtraTreesRegressor({ nEstimators: 6, randomState: 0 }), false],
  ['gradient-boosting-regressor', () => new GradientBoostingRegressor({ nEstimators: 30 }), false],
  ['k-neighbors-regressor', () => new KNeighborsRegressor({ nNeighbors: 5, weights: 'distance' }), true],
  ['svr', () => new SVR({ C: 5 }), true],
];

for (const [name, make, scale] of regressors) {
  test(`parity with the native pipeline, regression: ${name}`, async () => {
    const pipe = new Pipeline({ steps: [['pre', preprocessing(scale)], ['model', make()]] }).fit(train.X, train.y);
    const mod = await checkParity(pipe, held.X, 1e-9);
    assert.deepEqual(mod.outputs, [{ name: 'prediction', type: 'number' }]);
  });
}

test('voting ensembles (as AutoML saves them): soft and hard votes, members with their own preprocessing', async () => {
  const members = (): [string, StepEstimator][] => [
    ['lr', new Pipeline({ steps: [['scale', new StandardScaler()], ['lr', new LogisticRegression()]] })],
    ['rf', new RandomForestClassifier({ nEstimators: 6, randomState: 0 })],
    ['gb', new GradientBoostingClassifier({ nEstimators: 10 })],
  ];
  for (const voting of ['soft', 'hard'] as const) {
    const vote = new VotingClassifier({ estimators: members(), weights: [2, 1, 1], voting });
    const pipe = new Pipeline({ steps: [['pre', preprocessing(false)], ['vote', vote]] }).fit(train.X, train.cls);
    await checkParity(pipe, held.X, 1e-12);
  }
  const reg = new VotingRegressor({ estimators: [['ridge', new Ridge()], ['tree', new DecisionTreeRegressor({ maxDepth: 5 })], ['knn', new KNeighborsRegressor()]] });
  await checkParity(new Pipeline({ steps: [['pre', preprocessing(true)], ['vote', reg]] }).fit(train.X, train.y), held.X, 1e-9);
  const bare = new VotingClassifier({ estimators: [['nb', new GaussianNB()], ['svc', new SVC()]], voting: 'hard' }).fit([[0, 1], [1, 0], [2, 2], [3, 1], [0, 0], [2, 3]], [0, 1, 1, 1, 0, 1]);
  const mod = await checkParity(bare, [[0, 1], [1, 1], [2.5, 0], [9, 9]], 0);
  assert.deepEqual(mod.inputs.map((c) => c.name), ['x0', 'x1']);
  const soft = new VotingClassifier({ estimators: [['svc', new SVC()], ['nb', new GaussianNB()]] }).fit([[0, 1], [1, 0], [2, 2], [3, 1]], [0, 1, 1, 0]);
  assert.throws(() => toJsModule(soft), /member 'svc' has no predictProba/);
});

test('inputs name the raw columns the pipeline reads, with their types; the ID column is not one', async () => {
  const pipe = new Pipeline({ steps: [['pre', preprocessing(true)], ['model', new LogisticRegression()]] }).fit(train.X, train.cls);
  const mod = await load(toJsModule(pipe));
  assert.deepEqual(mod.inputs, [
    { name: 'a', type: 'number' }, { name: 'b', type: 'number' }, { name: 'city', type: 'string' }, { name: 'flag', type: 'boolean' },
  ]);
  assert.deepEqual(jsModuleSignature(pipe).inputs, mod.inputs);
  assert.deepEqual(mod.outputs[1], { name: 'probabilities', type: 'number[]', classes: ['high', 'low', 'mid'] });
});

test('trees and gradient boosting agree exactly on values that sit on thresholds and on missing values', async () => {
  const r = lcg(5);
  const X = Array.from({ length: 400 }, () => [Math.round(r() * 20) / 10, Math.round(r() * 10) / 4, r() < 0.1 ? NaN : r()]);
  const y = X.map(([a, b, c]) => (a! + b! > 2.2 ? 'yes' : Number.isNaN(c!) || c! > 0.7 ? 'maybe' : 'no'));
  const gb = new GradientBoostingClassifier({ nEstimators: 40, maxDepth: 4 }).fit(X, y);
  // Exactly the split values, plus their float32 neighbours.
  const probe = X.flatMap(([a, b, c]) => [[a, b, c], [Math.fround(a!), b, c], [a, b, NaN]]);
  const mod = await checkParity(gb as never, probe, 0);
  assert.deepEqual(mod.inputs.map((c) => c.name), ['x0', 'x1', 'x2']);
  const Xc = X.map(([a, b, c]) => [a!, b!, Number.isNaN(c!) ? 0.5 : c!]);
  const forest = new RandomForestClassifier({ nEstimators: 10, randomState: 3 }).fit(Xc, y);
  await checkParity(forest as never, Xc.flatMap((row) => [row, row.map((v) => Math.fround(v)), row.map((v) => v + 1e-9)]), 0);
});

test('text (TF-IDF) and date columns, as strata train preprocesses them', async () => {
  const r = lcg(11);
  const words = ['great', 'bad', 'service', 'slow', 'fast', 'friendly', 'rude', 'food', 'cold', 'hot', 'the', 'was'];
  const make = (n: number, offset: number): Row[] => Array.from({ length: n }, (_, i) => ({
    review: (i + offset) % 17 === 3 ? null : Array.from({ length: 2 + Math.floor(r() * 6) }, () => words[Math.floor(r() * words.length)]).join(' ') + (i % 5 === 0 ? ' Great! ÉTÉ' : ''),
    when: (i + offset) % 13 === 4 ? null : (i + offset) % 3 === 0
      ? new Date(Date.UTC(2023, Math.floor(r() * 12), 1 + Math.floor(r() * 28), Math.floor(r() * 24)))
      : `2023-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}${i % 2 ? ' 0' + Math.floor(r() * 10) + ':30' : ''}`,
    amount: r() * 10,
  }));
  const X = make(160, 0);
  const y = X.map((row) => (/great|fast/.test(String(row.review)) ? 'good' : 'poor'));
  const schema = [{ name: 'review', kind: 'text' }, { name: 'when', kind: 'datetime' }, { name: 'amount', kind: 'numeric' }] as const;
  const { transformer } = columnTransformerFromSchema(schema, { scale: true });
  const pipe = new Pipeline({ steps: [['pre', transformer], ['lr', new LogisticRegression()]] }).fit(X, y);
  const held = [...make(60, 1000), { review: 'unheard-of words only', when: '2024-02-29T23:59:59+02:00', amount: 3 }];
  const mod = await checkParity(pipe, held, 1e-12);
  assert.deepEqual(mod.inputs, [{ name: 'review', type: 'string' }, { name: 'when', type: 'datetime' }, { name: 'amount', type: 'number' }]);

  const counts = new Pipeline({
    steps: [
      ['ct', new ColumnTransformer({ transformers: [['words', new Pipeline({ steps: [['fill', new SimpleImputer({ strategy: 'constant', fillValue: '' })], ['count', new CountVectorizer({ ngramRange: [1, 2], stopWords: ['the', 'was'], binary: true })]] }), ['review']]] })],
      ['tfidf', new TfidfTransformer({ sublinearTf: true, norm: 'l1' })],
      ['nb', new GaussianNB()],
    ],
  }).fit(X, y);
  await checkParity(counts, held, 1e-12);
  const tf = new TfidfVectorizer({ tokenPattern: '(?u)\\b\\w+\\b', lowercase: false, maxFeatures: 8, useIdf: false }).fit(X.map((row) => String(row.review)));
  const t = await load(toJsModule(new Pipeline({ steps: [['tf', tf]] }).fit(X.map((row) => [String(row.review)]))));
  const docs = held.map((row) => [String(row.review)]);
  assertNear(t.transform!(docs).flat(), Array.from(tf.transform(docs.map((d) => d[0]!)).toFloat64Array()), 1e-15, 'tfidf');
});

test('gradient boosting with categorical features and Poisson loss', async () => {
  const r = lcg(9);
  const X = Array.from({ length: 300 }, () => [Math.floor(r() * 6), r() * 3]);
  const y = X.map(([c, v]) => Math.round(Math.exp(0.3 * c! + 0.4 * v!) + r()));
  const gb = new GradientBoostingRegressor({ nEstimators: 30, loss: 'poisson', categoricalFeatures: [0] }).fit(X, y);
  await checkParity(gb as never, [...X, [7, 1], [NaN, 2]], 1e-12);
});

test('multinomial naive Bayes on counts, and a bare model reads arrays by position', async () => {
  const r = lcg(3);
  const X = Array.from({ length: 200 }, () => Array.from({ length: 5 }, () => Math.floor(r() * 4)));
  const y = X.map((row) => (row[0]! + row[1]! > row[2]! + row[3]! ? 2 : 7));
  const nb = new MultinomialNB().fit(X, y);
  await checkParity(nb as never, X, 1e-12);
  const mod = await load(toJsModule(nb));
  assert.throws(() => mod.predict([[1, -1, 0, 0, 0]]), /non-negative/);
});

test('k-means and mini-batch k-means assign the same clusters, after scaling and PCA', async () => {
  const r = lcg(4);
  const X = Array.from({ length: 240 }, (_, i) => [r() + (i % 3) * 2, r() * 2 - (i % 3), r()]);
  for (const km of [new KMeans({ nClusters: 3, randomState: 0 }), new MiniBatchKMeans({ nClusters: 4, randomState: 0 })]) {
    const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['pca', new PCA({ nComponents: 2 })], ['km', km as unknown as StepEstimator]] }).fit(X);
    const mod = await checkParity(pipe, X);
    assert.deepEqual(mod.outputs, [{ name: 'cluster', type: 'number' }]);
  }
});

test('scalers, normalizer, ordinal encoding and projections inline as a transform module', async () => {
  const r = lcg(8);
  const X = Array.from({ length: 80 }, () => [r() * 10 - 5, r() * 100, r() - 0.5, Math.floor(r() * 3)]);
  const steps: [string, StepEstimator][] = [
    ['minmax', new MinMaxScaler({ featureRange: [-1, 2], clip: true })],
    ['maxabs', new MaxAbsScaler()],
    ['robust', new RobustScaler()],
    ['norm', new Normalizer({ norm: 'l1' })],
    ['svd', new TruncatedSVD({ nComponents: 3, randomState: 0 })],
  ];
  const pipe = new Pipeline({ steps }).fit(X);
  const probe = [...X, [20, -3, 4, 1]];
  const mod = await load(toJsModule(pipe));
  assertNear(mod.transform!(probe).flat(), Array.from(pipe.transform(probe).toFloat64Array()), 1e-12, 'transform');

  const enc = new ColumnTransformer({
    transformers: [['ord', new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }), ['city']], ['rest', 'passthrough', ['a']]],
  }).fit([{ city: 'b', a: 1 }, { city: 'a', a: 2 }, { city: null, a: 3 }]);
  const t = await load(toJsModule(enc));
  const sample = [{ city: 'a', a: 5 }, { city: 'z', a: 6 }, { city: null, a: 7 }];
  assert.deepEqual(t.transform!(sample), enc.transform(sample).toArray());
});

test('an unknown category is an error naming the column when the encoder was fitted to reject it', async () => {
  const ct = new ColumnTransformer({ transformers: [['oh', new OneHotEncoder(), ['city']]] }).fit([{ city: 'Paris' }, { city: 'Lyon' }]);
  const pipe = new Pipeline({ steps: [['ct', ct], ['lr', new LinearRegression()]] }).fit([{ city: 'Paris' }, { city: 'Lyon' }], [1, 2]);
  const mod = await load(toJsModule(pipe));
  assert.deepEqual(mod.predict([{ city: 'Lyon' }]), [2]);
  assert.throws(() => mod.predict([{ city: 'Lyon' }, { city: 'Rome' }]), /row 1: unknown category "Rome" in column 'city'/);
  assert.throws(() => mod.predict([{ city: 'Lyon' }, 'oops']), /row 1: expected an object/);
});

test('a missing value that reaches a model without NaN support is a clear error', async () => {
  const lr = new LinearRegression().fit([[1, 2], [2, 1], [3, 5]], [1, 2, 3]);
  const mod = await load(toJsModule(lr));
  assert.throws(() => mod.predict([[1, null]]), /row 0: feature 1 is missing/);
  assert.throws(() => mod.predict([[1, 'x']]), /column 'x1' needs a number/);
});

test('column names that are not identifiers (spaces, quotes, line breaks) still read the right values', async () => {
  const odd = ["unit price ($)", "it's\nodd", '*/ x'];
  const X = Array.from({ length: 30 }, (_, i) => ({ [odd[0]!]: i, [odd[1]!]: (i * 7) % 5, [odd[2]!]: i % 2 ? 'a' : 'b' }));
  const y = X.map((_, i) => i * 0.5 + ((i * 7) % 5));
  const ct = new ColumnTransformer({ transformers: [['n', new StandardScaler(), odd.slice(0, 2)], ['c', new OneHotEncoder(), [odd[2]!]]] });
  const pipe = new Pipeline({ steps: [['ct', ct], ['lr', new Ridge()]] }).fit(X, y);
  const mod = await checkParity(pipe, X, 1e-12);
  assert.deepEqual(mod.inputs.map((c) => c.name), odd);
});

test('a pipeline step that export does not know is an error naming it and listing what is supported', () => {
  class Doubler extends StandardScaler {}
  const pipe = new Pipeline({ steps: [['double', new Doubler()], ['lr', new LinearRegression()]] }).fit([[1], [2], [4]], [1, 2, 3]);
  assert.throws(() => toJsModule(pipe), (e: Error) => e instanceof UnsupportedModelError && /'doubler'/.test(e.message) && /standard-scaler/.test(e.message));
  class MyForest extends RandomForestClassifier {}
  const forest = new MyForest({ nEstimators: 2 }).fit([[0], [1], [2], [3]], ['a', 'b', 'a', 'b']);
  assert.throws(() => toJsModule(forest), /Cannot export the model 'my-forest'/);
});

test('the same model gives the same text', () => {
  const make = (): Pipeline => new Pipeline({ steps: [['pre', preprocessing(false)], ['gb', new GradientBoostingClassifier({ nEstimators: 5 })]] }).fit(train.X, train.cls);
  const a = make();
  const text = toJsModule(a);
  assert.equal(toJsModule(a), text);
  assert.equal(toJsModule(make()), text);
  assert.doesNotMatch(text, /\bimport\b|\brequire\(/);
});

test('unfitted and unsupported models are clear errors listing what is supported', () => {
  assert.throws(() => toJsModule(new LogisticRegression()), (e: Error) => e instanceof NotFittedError);
  const db = new DBSCAN().fit([[0, 0], [0, 1], [5, 5]]);
  assert.throws(() => toJsModule(db), (e: Error) => e instanceof UnsupportedModelError && /'dbscan'/.test(e.message) && /gradient-boosting-classifier/.test(e.message));
  const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['db', new DBSCAN() as unknown as StepEstimator]] });
  pipe.fit(array([[0, 0], [1, 1], [5, 5]]));
  assert.throws(() => toJsModule(pipe), /Cannot export the model 'dbscan'/);
});
