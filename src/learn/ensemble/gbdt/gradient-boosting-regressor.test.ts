import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEstimator } from '../../../../test/helpers/check-estimator.js';
import { assertClose } from '../../../../test/helpers/assert.js';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import { random } from '../../../tensor/index.js';
import { DataError, ParamError } from '../../base/errors.js';
import { GradientBoostingRegressor } from './gradient-boosting-regressor.js';
import type { Forest } from './predictor.js';

const fx = loadFixture('learn_gbdt');
const ints = fx.data.ints;

const small = {
  X: [[1, 2], [2, NaN], [3, 1], [4, 5], [5, 3], [6, NaN], [7, 2], [8, 8], [9, 1], [10, 4], [11, 6], [12, 2]],
  y: [1.5, 2.1, 2.9, 4.2, 5.1, 5.8, 7.3, 8.1, 8.8, 10.2, 11.1, 11.9],
  allowsNaN: true,
};
checkEstimator(() => new GradientBoostingRegressor({ nEstimators: 5, maxDepth: 2, minChildWeight: 0 }), small);
checkEstimator(() => new GradientBoostingRegressor({ nEstimators: 4, growPolicy: 'lossguide', maxLeaves: 3, subsample: 0.8, colsampleByTree: 0.5 }), small);

function cvR2(name: string): number {
  const d = fx.data[name];
  const hp = fx.cv_params;
  let total = 0;
  for (let k = 0; k < 5; k++) {
    const tr = d.X.map((_: unknown, i: number) => i).filter((i: number) => i % 5 !== k);
    const te = d.X.map((_: unknown, i: number) => i).filter((i: number) => i % 5 === k);
    const m = new GradientBoostingRegressor({
      nEstimators: hp.rounds, learningRate: hp.eta, maxDepth: hp.max_depth, regLambda: hp.lambda, regAlpha: hp.alpha,
      minSplitGain: hp.gamma, minChildWeight: hp.min_child_weight, maxBins: hp.max_bin, baseScore: fx.cv[name].base_score,
    }).fit(tr.map((i: number) => d.X[i]), tr.map((i: number) => d.y[i]));
    total += m.score(te.map((i: number) => d.X[i]), te.map((i: number) => d.y[i]));
  }
  return total / 5;
}

for (const name of ['diabetes', 'synthetic_regression']) {
  test(`5-fold CV R² on ${name} is within 0.5 points of XGBoost 1.7 hist (same hyper-parameters)`, () => {
    const ours = cvR2(name);
    const xgb = fx.cv[name].xgboost.r2;
    assert.ok(Math.abs(ours - xgb) * 100 <= 0.5, `R² ${ours} vs XGBoost ${xgb}`);
    assert.ok(Math.abs(ours - fx.cv[name].sklearn.r2) * 100 <= 1.5, `R² ${ours} vs scikit-learn ${fx.cv[name].sklearn.r2}`);
  });
}

type DumpNode = { split?: string; split_condition?: number; yes?: number; no?: number; missing?: number; leaf?: number; children?: DumpNode[]; nodeid: number };

/** Checks that tree t of our forest has XGBoost's structure: features, thresholds, default directions, leaves. */
function assertSameTree(f: Forest, root: number, node: DumpNode): void {
  if (node.leaf !== undefined) {
    assert.equal(f.feature[root], -1, 'XGBoost has a leaf here');
    assertClose([f.value[root]!], [node.leaf], { rtol: 1e-5, atol: 1e-6 });
    return;
  }
  assert.equal(`f${f.feature[root]}`, node.split);
  assert.equal(f.threshold[root], node.split_condition);
  const [yes, no] = node.children!.sort((a, b) => (a.nodeid === node.yes ? -1 : b.nodeid === node.yes ? 1 : 0));
  assert.equal(f.defaultLeft[root] === 1, node.missing === node.yes, 'default direction');
  assertSameTree(f, f.left[root]!, yes!);
  assertSameTree(f, f.right[root]!, no!);
}

function exactModel(name: string): { model: GradientBoostingRegressor; c: any; Xt: number[][] } {
  const c = fx.exact[name];
  const nan = name.startsWith('nan');
  const { rounds, objective: _o, ...rest } = c.params;
  const model = new GradientBoostingRegressor({ ...rest, nEstimators: rounds }).fit(nan ? ints.Xnan : ints.X, ints.yreg);
  return { model, c, Xt: nan ? ints.Xtestnan : ints.Xtest };
}

for (const name of ['reg_depth1', 'reg_depth2', 'reg_small', 'reg_l1_gamma', 'nan_reg']) {
  test(`${name}: same trees and margins as XGBoost (identical binning), SHAP as pred_contribs, importances`, () => {
    const { model, c, Xt } = exactModel(name);
    const dumps = JSON.parse(c.trees) as DumpNode[];
    assert.equal(model.forest.roots.length, dumps.length);
    dumps.forEach((d, t) => assertSameTree(model.forest, model.forest.roots[t]!, d));
    assertClose(model.predict(name.startsWith('nan') ? ints.Xnan : ints.X), c.margin_train, { rtol: 1e-6, atol: 1e-5 });
    assertClose(model.predict(Xt), c.margin_test, { rtol: 1e-6, atol: 1e-5 });
    assertClose(model.shapValues(Xt), c.contribs_test, { rtol: 1e-5, atol: 1e-5 });
    assertClose(model.featureImportances('gain', false), c.total_gain, { rtol: 1e-5 });
    assert.deepEqual([...model.featureImportances('split', false)], c.weight);
  });
}

test('a model trained with NaNs sends missing values the learned default way (XGBoost rule)', () => {
  const { model, c } = exactModel('nan_reg');
  const f = model.forest;
  // Some split learned to send missing values left, and predictions on all-NaN rows follow defaults.
  assert.ok(f.defaultLeft.some((v, n) => v === 1 && f.feature[n]! >= 0));
  const allNaN = [[NaN, NaN, NaN, NaN, NaN]];
  let expected = 5; // base score
  for (const root of f.roots) {
    let n = root;
    while (f.feature[n]! >= 0) n = f.defaultLeft[n] ? f.left[n]! : f.right[n]!;
    expected += f.value[n]!;
  }
  assertClose(model.predict(allNaN), [expected], { rtol: 1e-12 });
  assert.ok(c.margin_test.length > 0);
});

test('SHAP rows sum to the prediction to 1e-9 on NaN data', () => {
  const { model, Xt } = exactModel('nan_reg');
  const phi = model.shapValues(Xt).toArray() as number[][];
  const pred = model.predictRaw(Xt).toArray() as number[];
  phi.forEach((row, i) => assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - pred[i]!) < 1e-9));
});

// ---------------------------------------------------------------- losses, weights, constraints
const rng = random.defaultRng(11);
const n = 400;
const Xr: number[][] = [];
const yr: number[] = [];
for (let i = 0; i < n; i++) {
  const a = rng.uniform(-2, 2) as number;
  const b = rng.uniform(-2, 2) as number;
  Xr.push([a, b]);
  yr.push(3 * a + Math.sin(3 * b) + 0.3 * (rng.standardNormal() as number));
}

test('absolute loss: each leaf is the median of its residuals (one stump, learning rate 1)', () => {
  const m = new GradientBoostingRegressor({ loss: 'absolute', nEstimators: 1, maxDepth: 1, learningRate: 1 }).fit(Xr, yr);
  const f = m.forest;
  const median = (v: number[]): number => {
    const s = [...v].sort((p, q) => p - q);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const base = median(yr);
  const root = f.roots[0]!;
  const goLeft = (x: number[]) => x[f.feature[root]!]! < f.threshold[root]!;
  const left = yr.filter((_, i) => goLeft(Xr[i]!)).map((v) => v - base);
  const right = yr.filter((_, i) => !goLeft(Xr[i]!)).map((v) => v - base);
  assertClose([f.value[f.left[root]!]!, f.value[f.right[root]!]!], [median(left), median(right)], { rtol: 1e-12 });
});

test('robust losses resist outliers that pull the squared loss', () => {
  const yo = yr.map((v, i) => (i % 20 === 0 ? v + 200 : v));
  const clean = (m: GradientBoostingRegressor) => m.score(Xr.filter((_, i) => i % 20 !== 0), yr.filter((_, i) => i % 20 !== 0));
  const sq = clean(new GradientBoostingRegressor({ nEstimators: 60, maxDepth: 3 }).fit(Xr, yo));
  const abs = clean(new GradientBoostingRegressor({ loss: 'absolute', nEstimators: 60, maxDepth: 3 }).fit(Xr, yo));
  const hub = clean(new GradientBoostingRegressor({ loss: 'huber', huberDelta: 1, nEstimators: 60, maxDepth: 3 }).fit(Xr, yo));
  assert.ok(abs > sq + 0.05 && hub > sq + 0.05, `R² clean rows: squared ${sq}, absolute ${abs}, huber ${hub}`);
});

test('poisson loss: positive predictions of a log-linear mean, better deviance than the constant', () => {
  const counts = Xr.map(([a]) => Math.round(Math.exp(0.5 * a! + 0.5) + 0.49 * Math.sin(13 * a!)));
  const m = new GradientBoostingRegressor({ loss: 'poisson', nEstimators: 80, maxDepth: 2 }).fit(Xr, counts);
  const p = m.predict(Xr).toArray() as number[];
  assert.ok(p.every((v) => v > 0));
  const meanY = counts.reduce((s, v) => s + v, 0) / counts.length;
  const dev = (mu: (i: number) => number) => counts.reduce((s, y, i) => s + (mu(i) - y * Math.log(mu(i))), 0);
  assert.ok(dev((i) => p[i]!) < dev(() => meanY) - 50);
  assertClose(m.predictRaw(Xr).toArray() as number[], p.map(Math.log), { rtol: 1e-12 });
  assert.throws(() => new GradientBoostingRegressor({ loss: 'poisson' }).fit(Xr, counts.map((v, i) => (i === 3 ? -1 : v))), /y\[3\] = -1/);
});

test('integer sample weights equal repeated rows', () => {
  const X = ints.X.slice(0, 120) as number[][];
  const y = ints.yreg.slice(0, 120) as number[];
  const w = y.map((_, i) => 1 + (i % 3));
  const Xrep: number[][] = [];
  const yrep: number[] = [];
  X.forEach((row, i) => {
    for (let k = 0; k < w[i]!; k++) {
      Xrep.push(row);
      yrep.push(y[i]!);
    }
  });
  const p = { nEstimators: 10, maxDepth: 3 };
  const a = new GradientBoostingRegressor(p).fit(X, y, { sampleWeight: w });
  const b = new GradientBoostingRegressor(p).fit(Xrep, yrep);
  assertClose(a.predict(X), b.predict(X), { rtol: 1e-9, atol: 1e-9 });
  const c = new GradientBoostingRegressor(p).fit(X, y);
  assert.notDeepEqual(c.predict(X).toArray(), a.predict(X).toArray());
  assert.throws(() => new GradientBoostingRegressor(p).fit(X, y, { sampleWeight: [1, 2] }), /sampleWeight has 2 entries/);
  assert.throws(() => new GradientBoostingRegressor(p).fit(X, y, { sampleWeight: w.map((v, i) => (i === 5 ? -1 : v)) }), /sampleWeight\[5\]/);
});

test('monotone constraints: predictions never decrease (increase) along a constrained feature', () => {
  // y rises with a overall but wiggles; b decreases.
  const y = Xr.map(([a, b]) => a! + 0.8 * Math.sin(4 * a!) - b! + 0.1 * Math.cos(5 * b!));
  const m = new GradientBoostingRegressor({ nEstimators: 50, maxDepth: 4, monotoneConstraints: [1, -1] }).fit(Xr, y);
  const free = new GradientBoostingRegressor({ nEstimators: 50, maxDepth: 4 }).fit(Xr, y);
  let freeViolations = 0;
  for (const fixed of [-1.5, 0, 0.7]) {
    const grid = Array.from({ length: 200 }, (_, i) => -2 + (4 * i) / 199);
    const pa = m.predict(grid.map((a) => [a, fixed])).toArray() as number[];
    const pb = m.predict(grid.map((b) => [fixed, b])).toArray() as number[];
    const fa = free.predict(grid.map((a) => [a, fixed])).toArray() as number[];
    for (let i = 1; i < grid.length; i++) {
      assert.ok(pa[i]! >= pa[i - 1]! - 1e-12, 'increasing in a');
      assert.ok(pb[i]! <= pb[i - 1]! + 1e-12, 'decreasing in b');
      if (fa[i]! < fa[i - 1]! - 1e-9) freeViolations++;
    }
  }
  assert.ok(freeViolations > 0, 'without constraints the wiggle shows (the test has power)');
  const named = new GradientBoostingRegressor({ nEstimators: 50, maxDepth: 4, monotoneConstraints: { x0: 1, x1: -1 } }).fit(Xr, y);
  assert.deepEqual(named.predict(Xr).toArray(), m.predict(Xr).toArray());
  assert.throws(() => new GradientBoostingRegressor({ monotoneConstraints: [1] }).fit(Xr, y), /monotoneConstraints has 1 entries/);
  assert.throws(() => new GradientBoostingRegressor({ monotoneConstraints: [2, 0] }).fit(Xr, y), /must be -1, 0 or 1/);
});

test('lossguide growth respects maxLeaves and fits as well as depth-wise', () => {
  const m = new GradientBoostingRegressor({ growPolicy: 'lossguide', maxLeaves: 5, maxDepth: 0, nEstimators: 60 }).fit(Xr, yr);
  const f = m.forest;
  for (let t = 0; t < f.roots.length; t++) {
    const end = t + 1 < f.roots.length ? f.roots[t + 1]! : f.feature.length;
    let leaves = 0;
    for (let i = f.roots[t]!; i < end; i++) if (f.feature[i]! < 0) leaves++;
    assert.ok(leaves <= 5);
  }
  assert.ok(m.score(Xr, yr) > 0.95);
  assert.throws(() => new GradientBoostingRegressor({ maxDepth: 0 }).fit(Xr, yr), /maxLeaves must be > 0 when maxDepth is 0/);
});

test('native categorical splits separate non-ordinal categories in one split', () => {
  const Xc: number[][] = [];
  const yc: number[] = [];
  for (let i = 0; i < 300; i++) {
    const cat = i % 6;
    Xc.push([cat * 10]);
    yc.push([0, 2, 4].includes(cat) ? 5 : -5);
  }
  const p = { nEstimators: 1, maxDepth: 1, learningRate: 1, regLambda: 0 };
  const cat = new GradientBoostingRegressor({ ...p, categoricalFeatures: [0] }).fit(Xc, yc);
  const num = new GradientBoostingRegressor(p).fit(Xc, yc);
  assertClose(cat.predict(Xc), yc, { atol: 1e-9 });
  assert.ok(num.score(Xc, yc) < 0.5);
  // An unseen category follows the default direction, like a missing value.
  assertClose(cat.predict([[999]]), cat.predict([[NaN]]), { rtol: 0 });
  const named = new GradientBoostingRegressor({ ...p, categoricalFeatures: ['x0'] }).fit(Xc, yc);
  assert.deepEqual(named.predict(Xc).toArray(), cat.predict(Xc).toArray());
  assert.ok(Math.abs((cat.shapValues(Xc).toArray() as number[][])[0]!.reduce((a, b) => a + b) - 5) < 1e-9);
});

test('early stopping on a seeded validation split keeps the best round and logs curves', () => {
  const noisy = yr.map((v, i) => v + 3 * Math.sin(i * 1.7));
  const logged: [string, number, number | undefined][] = [];
  const run = { logParams() {}, logMetric: (k: string, v: number, s?: number) => void logged.push([k, v, s]) };
  const m = new GradientBoostingRegressor({ nEstimators: 400, maxDepth: 5, learningRate: 0.3, earlyStoppingRounds: 10, randomState: 3 }).fit(Xr, noisy, { run });
  assert.ok(m.nRounds < 100, `stopped at ${m.nRounds}`);
  const { valid, train, metric } = m.evalHistory;
  assert.equal(metric, 'rmse');
  assert.equal(valid.length, m.nRounds + 10);
  assert.equal(Math.min(...valid), valid[m.nRounds - 1]);
  assert.equal(train.length, valid.length);
  assert.ok(logged.some(([k, , s]) => k === 'valid-rmse' && s === 0));
  assert.ok(logged.some(([k]) => k === 'train-rmse'));
  const again = new GradientBoostingRegressor({ nEstimators: 400, maxDepth: 5, learningRate: 0.3, earlyStoppingRounds: 10, randomState: 3 }).fit(Xr, noisy);
  assert.deepEqual(again.predict(Xr).toArray(), m.predict(Xr).toArray());
});

test('bad input: constant features, NaN targets, bad parameters', () => {
  // All-constant features (documented): no split is possible, the model predicts the fitted mean.
  const constant = new GradientBoostingRegressor({ nEstimators: 10 }).fit([[1, 2], [1, 2], [1, 2], [1, 2]], [1, 2, 3, 6]);
  assertClose(constant.predict([[1, 2], [5, 5]]), [3, 3], { rtol: 1e-12 });
  assert.equal(constant.forest.feature.every((v) => v === -1), true);
  assert.throws(() => new GradientBoostingRegressor().fit(Xr, yr.map((v, i) => (i === 7 ? NaN : v))), (e: Error) => e instanceof DataError && /row 7/.test(e.message));
  assert.throws(() => new GradientBoostingRegressor({ growPolicy: 'best' as never }).fit(Xr, yr), (e: Error) => e instanceof ParamError && /growPolicy/.test(e.message));
  assert.throws(() => new GradientBoostingRegressor({ learningRate: 0 }).fit(Xr, yr), /learningRate must be > 0/);
  assert.throws(() => new GradientBoostingRegressor({ subsample: 1.5 }).fit(Xr, yr), /subsample must be in \(0, 1\]/);
  assert.throws(() => new GradientBoostingRegressor({ loss: 'hinge' as never }).fit(Xr, yr), ParamError);
  assert.throws(() => new GradientBoostingRegressor({ categoricalFeatures: [5] }).fit(Xr, yr), /feature index 5/);
  assert.throws(() => new GradientBoostingRegressor({ categoricalFeatures: ['nope'] }).fit(Xr, yr), /'nope'/);
  assert.throws(() => new GradientBoostingRegressor({ evalMetric: 'auc' }).fit(Xr, yr), /does not fit the squared loss/);
  const huge = Xr.map(([a], i) => [a!, i]);
  assert.throws(() => new GradientBoostingRegressor({ categoricalFeatures: [1] }).fit(huge, yr), /'x1' has 400 distinct values/);
});
