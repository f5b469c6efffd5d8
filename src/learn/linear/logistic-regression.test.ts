import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadLearnLinear, standardize } from '../../../test/helpers/learn-linear-data.js';
import { DataError, LogisticRegression, ParamError } from '../index.js';

const { ref, Xb, yb, Xi, yi, Xw, yw, Xs, ys } = loadLearnLinear();
const lg = ref.logistic;

const names = ['setosa', 'versicolor', 'virginica'];

checkEstimator(() => new LogisticRegression(), { X: Xi.slice(40, 110), y: yi.slice(40, 110).map((c) => names[c]!) });
checkEstimator(() => new LogisticRegression({ C: 0.3 }), { X: Xi, y: yi });
checkEstimator(() => new LogisticRegression({ penalty: 'l1', C: 0.5 }), { X: Xs.slice(0, 60), y: ys.slice(0, 60) });

function compare(m: LogisticRegression, c: any, tol: { coef: number; proba: number }, X: number[][], label: string): void {
  const exact = c.exact ?? c;
  assertClose(m.coef, exact.coef, { rtol: tol.coef, atol: tol.coef }, `${label} coef`);
  assertClose(m.intercept, exact.intercept, { rtol: tol.coef, atol: tol.coef }, `${label} intercept`);
  assertClose(m.predictProba(X.slice(0, 10)), exact.proba, { rtol: tol.proba, atol: tol.proba }, `${label} proba`);
  assert.deepEqual(m.predict(X.slice(0, 10)), c.pred, `${label} predictions`);
}

test('binary L2 logistic regression reaches the optimum of scikit-learn\'s objective', () => {
  compare(new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(Xb, yb), lg.binary, { coef: 1e-6, proba: 1e-7 }, Xb, 'binary');
  compare(new LogisticRegression({ C: 0.05, tol: 1e-10, maxIter: 10000 }).fit(Xb, yb), lg.binary_C, { coef: 1e-6, proba: 1e-7 }, Xb, 'C=0.05');
  const m = new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(Xb, yb);
  assertClose(m.decisionFunction(Xb.slice(0, 10)), lg.binary.exact.coef[0].map(() => 0).slice(0, 0).concat(
    Xb.slice(0, 10).map((r) => r.reduce((s, v, j) => s + v * lg.binary.exact.coef[0][j], lg.binary.exact.intercept[0]))), { rtol: 1e-6, atol: 1e-6 });
});

test('default tolerance stops close to scikit-learn\'s own (early-stopped) lbfgs answer', () => {
  const m = new LogisticRegression().fit(Xb, yb);
  assertClose(m.coef, lg.binary_default.coef, { rtol: 2e-3, atol: 2e-3 });
  assertClose(m.predictProba(Xb.slice(0, 10)), lg.binary_default.proba, { atol: 1e-4 });
});

test('multinomial, balanced class weights, sample weights, no penalty, no intercept', () => {
  compare(new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(Xi, yi), lg.multinomial, { coef: 1e-5, proba: 1e-6 }, Xi, 'multinomial');
  compare(new LogisticRegression({ classWeight: 'balanced', C: 0.5, tol: 1e-10, maxIter: 10000 }).fit(Xw, yw), lg.balanced, { coef: 1e-5, proba: 1e-6 }, Xw, 'balanced');
  const sw = Xi.map((_, i) => 0.5 + (i % 3));
  compare(new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(Xi, yi, { sampleWeight: sw }), lg.weighted, { coef: 1e-5, proba: 1e-6 }, Xi, 'weighted');
  compare(new LogisticRegression({ penalty: 'none', tol: 1e-10, maxIter: 10000 }).fit(Xs, ys), lg.none, { coef: 1e-6, proba: 1e-7 }, Xs, 'none');
  compare(new LogisticRegression({ fitIntercept: false, tol: 1e-10, maxIter: 10000 }).fit(Xs, ys), lg.no_intercept, { coef: 1e-6, proba: 1e-7 }, Xs, 'no intercept');
});

test('L1 and elastic-net penalties match scikit-learn saga at convergence', () => {
  const l1 = new LogisticRegression({ penalty: 'l1', C: 0.1, tol: 1e-9, maxIter: 100000 }).fit(Xb, yb);
  compare(l1, lg.l1, { coef: 1e-5, proba: 1e-6 }, Xb, 'l1');
  const zeros = l1.coef.toFloat64Array().filter((v) => v === 0).length;
  assert.equal(zeros, (lg.l1.coef[0] as number[]).filter((v) => v === 0).length, 'same sparsity pattern');
  compare(new LogisticRegression({ penalty: 'elasticnet', l1Ratio: 0.5, C: 0.2, tol: 1e-9, maxIter: 100000 }).fit(Xw, yw), lg.elasticnet, { coef: 1e-5, proba: 1e-6 }, Xw, 'elasticnet');
  compare(new LogisticRegression({ penalty: 'l1', C: 0.5, tol: 1e-9, maxIter: 100000 }).fit(standardize(Xi), yi), lg.l1_multinomial, { coef: 1e-5, proba: 1e-6 }, standardize(Xi), 'l1 multinomial');
});

test('labels are kept as given, probabilities follow classes order, ovr normalizes', () => {
  const labels = yi.map((c) => names[c]!);
  const m = new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(Xi, labels);
  assert.deepEqual(m.classes, names);
  assert.deepEqual(m.predict(Xi.slice(0, 10)), lg.multinomial.pred.map((c: number) => names[c]));
  const o = new LogisticRegression({ multiClass: 'ovr' }).fit(Xi, labels);
  const pr = o.predictProba(Xi).toFloat64Array();
  for (let i = 0; i < 150; i++) assertClose([pr[3 * i]! + pr[3 * i + 1]! + pr[3 * i + 2]!], [1], { rtol: 1e-12 });
  assert.ok(o.score(Xi, labels) > 0.9);
});

test('logs params and the loss per iteration to a run', () => {
  const metrics: number[] = [];
  let params: Record<string, unknown> = {};
  new LogisticRegression().fit(Xb, yb, { run: { logParams: (p) => (params = p), logMetric: (k, v) => k === 'loss' && metrics.push(v) } });
  assert.equal(params.model, 'logistic-regression');
  assert.ok(metrics.length > 5 && metrics.at(-1)! < metrics[0]!);
});

test('bad input: one class, bad C, penalty/solver mismatch', () => {
  assert.throws(() => new LogisticRegression().fit([[1], [2]], ['a', 'a']), (e: Error) => e instanceof DataError && e.message === "y has a single class 'a'; a classifier needs at least two.");
  assert.throws(() => new LogisticRegression({ C: -1 }).fit(Xs, ys), (e: Error) => e instanceof ParamError && /C must be a finite number > 0, got -1/.test(e.message));
  assert.throws(() => new LogisticRegression({ C: 0 }).fit(Xs, ys), ParamError);
  assert.throws(() => new LogisticRegression({ penalty: 'l1', solver: 'lbfgs' }).fit(Xs, ys), /use solver 'fista'/);
  assert.throws(() => new LogisticRegression({ penalty: 'elasticnet' }).fit(Xs, ys), /needs l1Ratio/);
  assert.throws(() => new LogisticRegression({ classWeight: { 7: 2 } }).fit(Xs, ys), /label '7', which is not in y/);
});

test('nJobs spreads the loss over worker threads with exactly the one-thread result', () => {
  // 10 000 rows: several loss chunks, so two threads really split them.
  let seed = 11;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  const X = Array.from({ length: 10_000 }, () => Array.from({ length: 5 }, next));
  const y = X.map((r) => (r[0]! + 0.5 * r[1]! + 0.3 * next() > 0 ? (r[2]! > 0 ? 2 : 1) : 0));
  for (const [params, labels] of [[{}, y.map((c) => Math.min(c, 1))], [{}, y], [{ penalty: 'l1' as const, C: 0.1 }, y.map((c) => Math.min(c, 1))]] as const) {
    const one = new LogisticRegression(params).fit(X, labels);
    const two = new LogisticRegression({ ...params, nJobs: 2 }).fit(X, labels);
    assert.deepEqual(two.coef.toArray(), one.coef.toArray());
    assert.deepEqual(two.intercept.toArray(), one.intercept.toArray());
    assert.deepEqual(two.nIter, one.nIter);
  }
  assert.throws(() => new LogisticRegression({ nJobs: 0 }).fit(Xb, yb), /nJobs must be an integer ≥ 1, or -1/);
});
