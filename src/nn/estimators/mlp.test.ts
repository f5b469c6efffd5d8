import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { Estimator, ParamError, estimatorClass } from '../../learn/index.js';
import { MLPClassifier, MLPRegressor } from '../index.js';

interface Split { xTrain: number[]; yTrain: number[]; xTest: number[]; yTest: number[]; features: number }
const fx = loadFixture<{
  digits: Split; regression: Split;
  classifier: { params: Record<string, unknown>; scores: number[] };
  regressor: { params: Record<string, unknown>; scores: number[] };
}>('nn_mlp');

function rows(flat: number[], p: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += p) out.push(flat.slice(i, i + p));
  return out;
}
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

const small = rows(fx.digits.xTrain.slice(0, 60 * 64), 64).map((r) => r.slice(0, 6));
checkEstimator(() => new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 20, randomState: 1 }), { X: small, y: fx.digits.yTrain.slice(0, 60).map((c) => (c % 3 === 0 ? 'a' : c % 3 === 1 ? 'b' : 'c')) });
checkEstimator(() => new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 10, activation: 'tanh', solver: 'sgd' }), { X: small, y: fx.digits.yTrain.slice(0, 60).map((c) => c > 4) });
checkEstimator(() => new MLPRegressor({ hiddenLayerSizes: [8, 4], maxIter: 20, randomState: 2 }), { X: small, y: fx.digits.yTrain.slice(0, 60) });

test('MLPClassifier on digits scores within a few points of scikit-learn with the same options', () => {
  const { params, scores } = fx.classifier;
  const X = rows(fx.digits.xTrain, 64);
  const Xt = rows(fx.digits.xTest, 64);
  const ours = [0, 1].map((seed) => new MLPClassifier({
    hiddenLayerSizes: params.hidden_layer_sizes as number[], alpha: params.alpha as number, batchSize: params.batch_size as number,
    learningRateInit: params.learning_rate_init as number, maxIter: params.max_iter as number, randomState: seed,
  }).fit(X, fx.digits.yTrain).score(Xt, fx.digits.yTest));
  assert.ok(mean(ours) >= mean(scores) - 0.03, `ours ${ours} vs scikit-learn ${scores}`);
  assert.ok(Math.min(...ours) >= 0.94, `ours ${ours}`);
});

test('MLPRegressor on Friedman #1 reaches an R² comparable to scikit-learn', () => {
  const { params, scores } = fx.regressor;
  const X = rows(fx.regression.xTrain, 10);
  const Xt = rows(fx.regression.xTest, 10);
  const r2 = new MLPRegressor({
    hiddenLayerSizes: params.hidden_layer_sizes as number[], alpha: params.alpha as number, batchSize: params.batch_size as number,
    learningRateInit: params.learning_rate_init as number, maxIter: params.max_iter as number, randomState: 0,
  }).fit(X, fx.regression.yTrain).score(Xt, fx.regression.yTest);
  assert.ok(r2 >= Math.min(...scores) - 0.05, `R² ${r2} vs scikit-learn ${scores}`);
});

test('early stopping holds out a validation set, stops on its score and keeps the best weights', () => {
  const X = rows(fx.digits.xTrain, 64);
  const clf = new MLPClassifier({ hiddenLayerSizes: [32], earlyStopping: true, nIterNoChange: 3, maxIter: 200, learningRateInit: 0.01, randomState: 0 }).fit(X, fx.digits.yTrain);
  const scores = clf.validationScores!;
  assert.equal(scores.length, clf.nIter);
  assert.ok(clf.nIter < 200, `ran ${clf.nIter} epochs`);
  // Stopped because the last nIterNoChange + 1 scores did not beat the best before them by tol.
  const best = Math.max(...scores.slice(0, -4));
  assert.ok(scores.slice(-4).every((s) => s < best + 1e-4));
  assert.ok(clf.score(rows(fx.digits.xTest, 64), fx.digits.yTest) > 0.9);
});

test('tol and nIterNoChange stop training on the loss curve as scikit-learn does', () => {
  const X = rows(fx.digits.xTrain, 64);
  const clf = new MLPClassifier({ hiddenLayerSizes: [16], tol: 0.05, nIterNoChange: 2, maxIter: 100, randomState: 0 }).fit(X, fx.digits.yTrain);
  const curve = clf.lossCurve;
  assert.equal(curve.length, clf.nIter);
  assert.ok(clf.nIter < 100);
  let bestLoss = Infinity;
  let count = 0;
  for (const l of curve) {
    count = l > bestLoss - 0.05 ? count + 1 : 0;
    bestLoss = Math.min(bestLoss, l);
  }
  assert.equal(count, 3);
});

test('the estimators are registered, log curves to a run, and reject bad params', () => {
  assert.equal(estimatorClass('mlp-classifier'), MLPClassifier);
  assert.equal(estimatorClass('mlp-regressor'), MLPRegressor);
  const logged: string[] = [];
  const run = { logParams: () => { logged.push('params'); }, logMetric: (k: string) => { logged.push(k); } };
  const reg = new MLPRegressor({ hiddenLayerSizes: [4], maxIter: 3, randomState: 0 }).fit(small, fx.digits.yTrain.slice(0, 60), { run });
  assert.deepEqual(logged, ['params', 'loss', 'loss', 'loss']);
  const back = Estimator.fromJSON<MLPRegressor>(JSON.parse(JSON.stringify(reg.toJSON())));
  assert.deepEqual(back.lossCurve, reg.lossCurve);
  assert.throws(() => new MLPClassifier({ solver: 'lbfgs' as never }).fit(small, fx.digits.yTrain.slice(0, 60)), (e: Error) => e instanceof ParamError && /solver must be 'adam' or 'sgd'/.test(e.message));
  assert.throws(() => new MLPClassifier({ hiddenLayerSizes: [0] }).fit(small, fx.digits.yTrain.slice(0, 60)), /hiddenLayerSizes must be an array of positive integers/);
  assert.throws(() => new MLPClassifier().fit(small, new Array(60).fill(1)), /single class/);
  const clf = new MLPClassifier({ hiddenLayerSizes: [5], maxIter: 5 }).fit(small, fx.digits.yTrain.slice(0, 60));
  assert.deepEqual(clf.coefs.map((c) => c.shape), [[6, 5], [5, 10]]);
  const proba = clf.predictProba(small.slice(0, 2)).toArray() as number[][];
  for (const row of proba) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});
