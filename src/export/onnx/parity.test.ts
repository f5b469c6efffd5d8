/**
 * Every model converter: the ONNX bytes run in onnxruntime-node give the native model's labels
 * and probabilities (or predictions) on held-out rows. All these graphs compute in float64, so
 * the tolerance is far below the 1e-5.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import * as learn from '../../learn/index.js';
import type { NdArray } from '../../tensor/index.js';
import { readOnnx, toOnnx } from '../index.js';
import { OnnxModel } from './runtime.node.js';

const data = loadFixture('learn_trees').data;
const NAMES = ['setosa', 'versicolor', 'virginica'];
const half = <T>(rows: readonly T[], odd: boolean): T[] => rows.filter((_, i) => i % 2 === (odd ? 1 : 0));

const iris = { X: data.iris.X as number[][], y: (data.iris.y as number[]).map((c) => NAMES[c]!) };
const cancer = { X: (data.cancer.X as number[][]).map((r) => r.slice(0, 6)), y: data.cancer.y as number[] };
const diabetes = { X: (data.diabetes.X as number[][]).slice(0, 200), y: (data.diabetes.y as number[]).slice(0, 200) };
/** Standardized iris, for the SGD models (which need scaled features to converge). */
const scaled = { X: new learn.StandardScaler().fitTransform(iris.X).toArray() as number[][], y: iris.y };
/** Non-negative counts for MultinomialNB: iris measurements ×10, rounded. */
const counts = { X: iris.X.map((r) => r.map((v) => Math.round(v * 10))), y: iris.y };

const TOL = { atol: 1e-9, rtol: 0 };

type Fitted = learn.Estimator<any, any> & {
  fit(X: number[][], y: learn.Label[]): unknown;
  predict(X: number[][]): learn.Label[] | NdArray | Int32Array;
  predictProba?(X: number[][]): NdArray;
};

const flat = (v: learn.Label[] | NdArray | Int32Array): (learn.Label)[] =>
  Array.isArray(v) ? v : v instanceof Int32Array ? Array.from(v) : Array.from((v as NdArray).toFloat64Array());

async function checkParity(model: Fitted, set: { X: number[][]; y: learn.Label[] }, classifier: boolean): Promise<void> {
  const train = half(set.X, false);
  model.fit(train, half(set.y, false));
  const held = half(set.X, true);
  const bytes = toOnnx(model);
  const onnx = await OnnxModel.load(bytes);
  try {
    const got = await onnx.predict(held);
    const want = flat(model.predict(held));
    if (classifier) assert.deepEqual(flat(got), want, `${model.constructor.name}: labels differ`);
    else assertClose(flat(got) as number[], want as number[], TOL, `${model.constructor.name}: predictions differ`);
    if (classifier && typeof model.predictProba === 'function') {
      assertClose(await onnx.predictProba(held), model.predictProba(held), TOL, `${model.constructor.name}: probabilities differ`);
      assert.deepEqual(onnx.classes, (model as unknown as { classes: learn.Label[] }).classes);
    }
    if (onnx.outputs.some((o) => o.name === 'scores')) {
      const scores = (await onnx.run(held)).scores as NdArray;
      const native = (model as unknown as { decisionFunction(X: number[][]): NdArray }).decisionFunction(held);
      assertClose(scores.toFloat64Array(), native.toFloat64Array(), { atol: 1e-9, rtol: 1e-9 }, `${model.constructor.name}: decision scores differ`);
    }
    const info = readOnnx(bytes);
    assert.deepEqual(info.undefinedInputs, [], 'every node input is defined before it is read');
    assert.equal(info.inputs.length, set.X[0]!.length, 'one input per feature');
  } finally {
    await onnx.close();
  }
}

const classifiers: [string, () => Fitted, { X: number[][]; y: learn.Label[] }][] = [
  ['LogisticRegression multinomial, string labels', () => new learn.LogisticRegression({ C: 0.5 }), iris],
  ['LogisticRegression one-vs-rest', () => new learn.LogisticRegression({ multiClass: 'ovr' }), iris],
  ['LogisticRegression binary, numeric labels', () => new learn.LogisticRegression({ maxIter: 500 }), cancer],
  ['LinearSVC', () => new learn.LinearSVC({ maxIter: 5000 }), iris],
  ['SGDClassifier log loss', () => new learn.SGDClassifier({ loss: 'log_loss', randomState: 0 }), scaled],
  ['SGDClassifier modified Huber, binary', () => new learn.SGDClassifier({ loss: 'modified_huber', randomState: 0 }), cancer],
  ['SGDClassifier modified Huber, multiclass', () => new learn.SGDClassifier({ loss: 'modified_huber', randomState: 0 }), scaled],
  ['SGDClassifier hinge (scores only)', () => new learn.SGDClassifier({ randomState: 0 }), scaled],
  ['SVC rbf', () => new learn.SVC(), iris],
  ['SVC poly, ovo scores', () => new learn.SVC({ kernel: 'poly', degree: 2, decisionFunctionShape: 'ovo' }), iris],
  ['SVC linear binary', () => new learn.SVC({ kernel: 'linear' }), cancer],
  ['SVC sigmoid', () => new learn.SVC({ kernel: 'sigmoid', gamma: 0.01 }), iris],
  ['KNeighborsClassifier uniform', () => new learn.KNeighborsClassifier({ nNeighbors: 5 }), iris],
  ['KNeighborsClassifier distance, manhattan', () => new learn.KNeighborsClassifier({ nNeighbors: 4, weights: 'distance', metric: 'manhattan' }), iris],
  ['GaussianNB', () => new learn.GaussianNB(), iris],
  ['MultinomialNB', () => new learn.MultinomialNB({ alpha: 0.5 }), counts],
  ['BernoulliNB', () => new learn.BernoulliNB({ binarize: 3 }), iris],
  ['DecisionTreeClassifier', () => new learn.DecisionTreeClassifier({ randomState: 0 }), iris],
  ['DecisionTreeClassifier binary', () => new learn.DecisionTreeClassifier({ maxDepth: 4, randomState: 0 }), cancer],
  ['RandomForestClassifier', () => new learn.RandomForestClassifier({ nEstimators: 10, randomState: 0 }), iris],
  ['ExtraTreesClassifier binary', () => new learn.ExtraTreesClassifier({ nEstimators: 10, randomState: 0 }), cancer],
  ['GradientBoostingClassifier multiclass', () => new learn.GradientBoostingClassifier({ nEstimators: 15, maxDepth: 3 }), iris],
  ['GradientBoostingClassifier binary', () => new learn.GradientBoostingClassifier({ nEstimators: 15, maxDepth: 3 }), cancer],
];

for (const [name, make, set] of classifiers) {
  test(`ONNX parity: ${name}`, async () => checkParity(make(), set, true));
}

const regressors: [string, () => Fitted][] = [
  ['LinearRegression', () => new learn.LinearRegression()],
  ['Ridge', () => new learn.Ridge({ alpha: 0.3 })],
  ['Lasso', () => new learn.Lasso({ alpha: 0.1 })],
  ['SGDRegressor', () => new learn.SGDRegressor({ randomState: 0 } as any)],
  ['ElasticNet', () => new learn.ElasticNet({ alpha: 0.01, l1Ratio: 0.3 })],
  ['SVR rbf', () => new learn.SVR({ C: 50 })],
  ['KNeighborsRegressor distance', () => new learn.KNeighborsRegressor({ nNeighbors: 3, weights: 'distance' })],
  ['DecisionTreeRegressor', () => new learn.DecisionTreeRegressor({ maxDepth: 6, randomState: 0 })],
  ['RandomForestRegressor', () => new learn.RandomForestRegressor({ nEstimators: 8, randomState: 0 })],
  ['ExtraTreesRegressor', () => new learn.ExtraTreesRegressor({ nEstimators: 8, randomState: 0 })],
  ['GradientBoostingRegressor', () => new learn.GradientBoostingRegressor({ nEstimators: 20 })],
  ['GradientBoostingRegressor poisson', () => new learn.GradientBoostingRegressor({ nEstimators: 20, loss: 'poisson' })],
];

for (const [name, make] of regressors) {
  test(`ONNX parity: ${name}`, async () => checkParity(make(), diabetes, false));
}

test('ONNX parity: KMeans and MiniBatchKMeans labels and distances', async () => {
  for (const km of [new learn.KMeans({ nClusters: 3, randomState: 0 }), new learn.MiniBatchKMeans({ nClusters: 4, randomState: 0 })]) {
    km.fit(half(iris.X, false));
    const held = half(iris.X, true);
    const onnx = await OnnxModel.load(toOnnx(km));
    const out = await onnx.run(held);
    await onnx.close();
    assert.deepEqual(Array.from((out.label as NdArray).toFloat64Array()), Array.from(km.predict(held) as ArrayLike<number>));
    if (km instanceof learn.KMeans) assertClose(out.distances as NdArray, km.transform(held), TOL);
  }
});

test('ONNX parity: gradient boosting with missing values follows the learned default side', async () => {
  const X = iris.X.map((r, i) => r.map((v, j) => ((i + j) % 7 === 0 ? NaN : v)));
  const model = new learn.GradientBoostingClassifier({ nEstimators: 10, maxDepth: 3 }).fit(half(X, false), half(iris.y, false));
  const held = half(X, true);
  const onnx = await OnnxModel.load(toOnnx(model));
  assert.deepEqual(await onnx.predict(held), model.predict(held));
  assertClose(await onnx.predictProba(held), model.predictProba(held), TOL);
  await onnx.close();
});

test('ONNX parity: AutoML-style voting ensembles (soft, hard, regression) with weights', async () => {
  const soft = new learn.VotingClassifier({
    estimators: [
      ['lr', new learn.LogisticRegression()],
      ['forest', new learn.RandomForestClassifier({ nEstimators: 5, randomState: 0 })],
      ['gbdt', new learn.GradientBoostingClassifier({ nEstimators: 5 })],
      ['unused', new learn.GaussianNB()],
    ],
    weights: [0.5, 0.3, 0.2, 0],
    voting: 'soft',
  });
  await checkParity(soft, iris, true);
  const hard = new learn.VotingClassifier({
    estimators: [['svc', new learn.LinearSVC({ maxIter: 5000 })], ['tree', new learn.DecisionTreeClassifier({ maxDepth: 2, randomState: 0 })], ['nb', new learn.GaussianNB()]],
    voting: 'hard',
  });
  await checkParity(hard, iris, true);
  const reg = new learn.VotingRegressor({
    estimators: [['ridge', new learn.Ridge()], ['gbdt', new learn.GradientBoostingRegressor({ nEstimators: 10 })]],
    weights: [1, 3],
  });
  await checkParity(reg, diabetes, false);
});
