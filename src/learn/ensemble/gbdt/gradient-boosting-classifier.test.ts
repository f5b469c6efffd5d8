import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEstimator } from '../../../../test/helpers/check-estimator.js';
import { assertClose } from '../../../../test/helpers/assert.js';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import { DataError, ParamError } from '../../base/errors.js';
import { GradientBoostingClassifier } from './gradient-boosting-classifier.js';
import { auc } from './metrics.js';
import { fromTyped } from '../../../tensor/index.js';

const fx = loadFixture('learn_gbdt');
const ints = fx.data.ints;

checkEstimator(() => new GradientBoostingClassifier({ nEstimators: 5, maxDepth: 2, minChildWeight: 0 }), {
  X: [[1, 2], [2, NaN], [3, 1], [4, 5], [5, 3], [6, NaN], [7, 2], [8, 8], [9, 1], [10, 4], [11, 6], [12, 2]],
  y: ['no', 'no', 'no', 'yes', 'no', 'yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes'],
  allowsNaN: true,
});
checkEstimator(() => new GradientBoostingClassifier({ nEstimators: 3, maxDepth: 2, minChildWeight: 0 }), {
  X: [[1, 2], [2, NaN], [3, 1], [4, 5], [5, 3], [6, NaN], [7, 2], [8, 8], [9, 1]],
  y: [0, 0, 0, 1, 1, 1, 2, 2, 2],
  allowsNaN: true,
});

function cv(name: string): { accuracy: number; auc: number } {
  const d = fx.data[name];
  const hp = fx.cv_params;
  let acc = 0;
  let area = 0;
  for (let k = 0; k < 5; k++) {
    const tr = d.X.map((_: unknown, i: number) => i).filter((i: number) => i % 5 !== k);
    const te = d.X.map((_: unknown, i: number) => i).filter((i: number) => i % 5 === k);
    const m = new GradientBoostingClassifier({
      nEstimators: hp.rounds, learningRate: hp.eta, maxDepth: hp.max_depth, regLambda: hp.lambda, regAlpha: hp.alpha,
      minSplitGain: hp.gamma, minChildWeight: hp.min_child_weight, maxBins: hp.max_bin, baseScore: fx.cv[name].base_score,
    }).fit(tr.map((i: number) => d.X[i]), tr.map((i: number) => d.y[i]));
    const Xte = te.map((i: number) => d.X[i]);
    const yte = te.map((i: number) => d.y[i]);
    acc += m.score(Xte, yte);
    if (d.kind === 'binary') {
      const p = (m.predictProba(Xte).toArray() as number[][]).map((r) => r[1]!);
      area += auc(Float64Array.from(yte), Float64Array.from(p), null);
    }
  }
  return { accuracy: acc / 5, auc: area / 5 };
}

for (const name of ['breast_cancer', 'synthetic_binary', 'iris']) {
  test(`5-fold CV accuracy${name === 'iris' ? '' : '/AUC'} on ${name} is within 0.5 points of XGBoost 1.7 hist`, () => {
    const ours = cv(name);
    const xgb = fx.cv[name].xgboost;
    assert.ok(Math.abs(ours.accuracy - xgb.accuracy) * 100 <= 0.5, `accuracy ${ours.accuracy} vs XGBoost ${xgb.accuracy}`);
    if (xgb.auc !== undefined) assert.ok(Math.abs(ours.auc - xgb.auc) * 100 <= 0.5, `AUC ${ours.auc} vs XGBoost ${xgb.auc}`);
    const sk = fx.cv[name].sklearn;
    assert.ok(Math.abs(ours.accuracy - sk.accuracy) * 100 <= 1.5, `accuracy ${ours.accuracy} vs scikit-learn ${sk.accuracy}`);
  });
}

for (const name of ['bin_depth2', 'bin_small', 'nan_bin']) {
  test(`${name}: the same margins, SHAP values and importances as XGBoost (identical binning)`, () => {
    const c = fx.exact[name];
    const nan = name.startsWith('nan');
    const { rounds, objective: _o, ...rest } = c.params;
    const m = new GradientBoostingClassifier({ ...rest, nEstimators: rounds }).fit(nan ? ints.Xnan : ints.X, ints.ybin);
    const Xt = nan ? ints.Xtestnan : ints.Xtest;
    assertClose(m.decisionFunction(nan ? ints.Xnan : ints.X), c.margin_train, { rtol: 1e-6, atol: 1e-6 });
    assertClose(m.decisionFunction(Xt), c.margin_test, { rtol: 1e-6, atol: 1e-6 });
    assertClose(m.shapValues(Xt), c.contribs_test, { rtol: 1e-5, atol: 1e-6 });
    assertClose(m.featureImportances('gain', false), c.total_gain, { rtol: 1e-5 });
    assert.deepEqual([...m.featureImportances('split', false)], c.weight);
    const p = m.predictProba(Xt).toArray() as number[][];
    const margins = m.decisionFunction(Xt).toArray() as number[];
    p.forEach((row, i) => assertClose(row, [1 / (1 + Math.exp(margins[i]!)), 1 / (1 + Math.exp(-margins[i]!))], { rtol: 1e-12 }));
  });
}

test('multiclass softmax: probabilities sum to 1, SHAP per class sums to the class margin', () => {
  const d = fx.data.iris;
  const labels = d.y.map((v: number) => ['setosa', 'versicolor', 'virginica'][v]);
  const m = new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 3 }).fit(d.X, labels);
  assert.deepEqual(m.classes, ['setosa', 'versicolor', 'virginica']);
  assert.equal(m.forest.roots.length, 60);
  const p = m.predictProba(d.X).toArray() as number[][];
  p.forEach((row) => assert.ok(Math.abs(row.reduce((a, b) => a + b) - 1) < 1e-12));
  assert.ok(m.score(d.X, labels) > 0.97);
  const margins = m.decisionFunction(d.X).toArray() as number[][];
  const phi = m.shapValues(d.X).toArray() as number[][][];
  assert.deepEqual(m.shapValues(d.X).shape, [150, 3, 5]);
  phi.forEach((perClass, i) => perClass.forEach((row, k) => assert.ok(Math.abs(row.reduce((a, b) => a + b) - margins[i]![k]!) < 1e-9)));
  const importances = m.featureImportances();
  assert.ok(Math.abs(importances.reduce((a, b) => a + b) - 1) < 1e-12);
  assert.ok(importances[2]! + importances[3]! > 0.5, 'petal measurements dominate');
});

test('early stopping with a stratified validation split and the logloss/auc metrics', () => {
  const d = fx.data.breast_cancer;
  const m = new GradientBoostingClassifier({ nEstimators: 500, learningRate: 0.3, earlyStoppingRounds: 5, randomState: 1, evalMetric: 'auc' }).fit(d.X, d.y);
  assert.ok(m.nRounds < 500);
  const { valid, metric } = m.evalHistory;
  assert.equal(metric, 'auc');
  assert.equal(Math.max(...valid), valid[m.nRounds - 1]);
  assert.throws(() => new GradientBoostingClassifier({ evalMetric: 'rmse' }).fit(d.X, d.y), /does not fit the logistic loss/);
});

test('bad input: one class, NaN labels, logistic for three classes', () => {
  assert.throws(
    () => new GradientBoostingClassifier().fit([[1], [2], [3]], ['a', 'a', 'a']),
    (e: Error) => e instanceof DataError && /single class \("a"\)/.test(e.message),
  );
  assert.throws(() => new GradientBoostingClassifier().fit([[1], [2], [3]], [0, NaN, 1]), (e: Error) => e instanceof DataError && /row 1/.test(e.message));
  assert.throws(() => new GradientBoostingClassifier({ loss: 'logistic' }).fit([[1], [2], [3]], [0, 1, 2]), ParamError);
  // All-constant features (documented): the model predicts the class prior everywhere.
  const m = new GradientBoostingClassifier({ nEstimators: 50 }).fit([[0], [0], [0], [0]], [0, 1, 1, 1]);
  const p = m.predictProba([[0], [7]]).toArray() as number[][];
  assertClose(p[0]!, [0.25, 0.75], { rtol: 1e-9 });
  assert.deepEqual(p[0], p[1]);
});

test('float32 X is read in place and gives the model of the same values as float64; its ±Infinity is still an error', () => {
  const rows = 300;
  const x32 = new Float32Array(rows * 3);
  const labels: number[] = [];
  for (let i = 0; i < rows; i++) {
    x32[3 * i] = Math.sin(i * 0.37) * 3.1;
    x32[3 * i + 1] = i % 11 === 0 ? NaN : Math.cos(i * 0.91);
    x32[3 * i + 2] = (i * 7919) % 13;
    labels.push(x32[3 * i]! + (x32[3 * i + 2]! > 6 ? 1 : 0) > 0.5 ? 1 : 0);
  }
  const p = { nEstimators: 8, maxDepth: 3 };
  const a = new GradientBoostingClassifier(p).fit(fromTyped(x32, [rows, 3]), labels);
  const b = new GradientBoostingClassifier(p).fit(fromTyped(Float64Array.from(x32), [rows, 3]), labels);
  assert.deepEqual(a.toJSON().state, b.toJSON().state);
  assert.deepEqual(a.predictProba(fromTyped(x32, [rows, 3])).toFloat64Array(), b.predictProba(fromTyped(Float64Array.from(x32), [rows, 3])).toFloat64Array());
  const bad = x32.slice();
  bad[3 * 5 + 1] = Infinity;
  assert.throws(() => new GradientBoostingClassifier(p).fit(fromTyped(bad, [rows, 3]), labels), (e: unknown) => e instanceof DataError && /Infinity at row 5, column 'x1'/.test(e.message));
  assert.throws(() => a.predict(fromTyped(bad, [rows, 3])), /Infinity at row 5/);
});
