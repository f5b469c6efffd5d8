import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { DataError, ParamError } from '../index.js';
import { ElasticNet, Lasso, LinearRegression, Ridge, enetPath, lassoPath } from '../index.js';

const ref = loadFixture('learn_linear');
const { X: Xd, y: yd } = ref.data.diabetes as { X: number[][]; y: number[] };
const { X: Xw, y: yw } = ref.data.wide as { X: number[][]; y: number[] };
const sw = Xd.map((_, i) => 0.5 + (i % 5) / 4);
const small = { X: Xd.slice(0, 40), y: yd.slice(0, 40) };

checkEstimator(() => new LinearRegression(), small);
checkEstimator(() => new Ridge({ alpha: 0.5 }), small);
checkEstimator(() => new Lasso({ alpha: 0.1 }), small);
checkEstimator(() => new ElasticNet({ alpha: 0.01, l1Ratio: 0.3 }), small);

test('LinearRegression matches scikit-learn on diabetes (plain, no intercept, weighted)', () => {
  const m = new LinearRegression().fit(Xd, yd);
  assertClose(m.coef, ref.linear_regression.default.coef, { rtol: 1e-10 });
  assertClose([m.intercept], [ref.linear_regression.default.intercept], { rtol: 1e-10 });
  assertClose(m.predict(Xd.slice(0, 5)), ref.linear_regression.default.pred, { rtol: 1e-10 });
  const n = new LinearRegression({ fitIntercept: false }).fit(Xd, yd);
  assertClose(n.coef, ref.linear_regression.no_intercept.coef, { rtol: 1e-10 });
  assert.equal(n.intercept, 0);
  const w = new LinearRegression().fit(Xd, yd, { sampleWeight: sw });
  assertClose(w.coef, ref.linear_regression.weighted.coef, { rtol: 1e-10 });
  assertClose([w.intercept], [ref.linear_regression.weighted.intercept], { rtol: 1e-10 });
});

test('Ridge matches scikit-learn: cholesky, svd, weights, no intercept, p > n (dual)', () => {
  for (const solver of ['cholesky', 'svd'] as const) {
    const m = new Ridge({ alpha: 1, solver }).fit(Xd, yd);
    assertClose(m.coef, ref.ridge[solver].coef, { rtol: 1e-10 }, solver);
    assertClose([m.intercept], [ref.ridge[solver].intercept], { rtol: 1e-10 });
    assertClose(m.predict(Xd.slice(0, 5)), ref.ridge[solver].pred, { rtol: 1e-10 });
  }
  const w = new Ridge({ alpha: 0.1 }).fit(Xd, yd, { sampleWeight: sw });
  assertClose(w.coef, ref.ridge.weighted.coef, { rtol: 1e-10 });
  assertClose([w.intercept], [ref.ridge.weighted.intercept], { rtol: 1e-10 });
  const n = new Ridge({ alpha: 2, fitIntercept: false }).fit(Xd, yd);
  assertClose(n.coef, ref.ridge.no_intercept.coef, { rtol: 1e-10 });
  for (const solver of ['auto', 'svd'] as const) {
    const wide = new Ridge({ alpha: 1, solver }).fit(Xw, yw);
    assertClose(wide.coef, ref.ridge.wide.coef, { rtol: 1e-9, atol: 1e-12 }, `wide ${solver}`);
    assertClose([wide.intercept], [ref.ridge.wide.intercept], { rtol: 1e-9, atol: 1e-12 });
  }
});

test('Lasso and ElasticNet match scikit-learn coordinate descent', () => {
  const cd = ref.coordinate_descent;
  const l = new Lasso({ alpha: 0.1 }).fit(Xd, yd);
  assertClose(l.coef, cd.lasso.coef, { rtol: 1e-6, atol: 1e-8 });
  assertClose([l.intercept], [cd.lasso.intercept], { rtol: 1e-8 });
  assert.equal(l.nIter, cd.lasso.n_iter);
  assertClose([l.dualGap], [cd.lasso.gap], { rtol: 1e-4 });
  const ln = new Lasso({ alpha: 0.05, fitIntercept: false }).fit(Xd, yd);
  assertClose(ln.coef, cd.lasso_no_intercept.coef, { rtol: 1e-6, atol: 1e-8 });
  const e = new ElasticNet({ alpha: 0.01, l1Ratio: 0.5 }).fit(Xd, yd);
  assertClose(e.coef, cd.enet.coef, { rtol: 1e-6, atol: 1e-8 });
  assertClose([e.intercept], [cd.enet.intercept], { rtol: 1e-8 });
  assert.equal(e.nIter, cd.enet.n_iter);
  const ew = new ElasticNet({ alpha: 0.01, l1Ratio: 0.3 }).fit(Xd, yd, { sampleWeight: sw });
  assertClose(ew.coef, cd.enet_weighted.coef, { rtol: 1e-6, atol: 1e-8 });
  assertClose([ew.intercept], [cd.enet_weighted.intercept], { rtol: 1e-8 });
  const lw = new Lasso({ alpha: 0.05 }).fit(Xw, yw);
  assertClose(lw.coef, cd.lasso_wide.coef, { rtol: 1e-6, atol: 1e-8 });
  assert.ok(l.coef.toFloat64Array().some((v) => v === 0), 'the lasso zeroes some coefficients');
});

test('warm start resumes from the previous coefficients', () => {
  const m = new ElasticNet({ alpha: 0.01, l1Ratio: 0.5, warmStart: true }).fit(Xd, yd);
  const first = m.nIter;
  m.fit(Xd, yd);
  assert.ok(m.nIter < first, `warm refit took ${m.nIter} sweeps, cold ${first}`);
  assertClose(m.coef, ref.coordinate_descent.enet.coef, { rtol: 1e-4, atol: 1e-6 });
});

test('lassoPath and enetPath match scikit-learn alphas and coefficients', () => {
  const cd = ref.coordinate_descent;
  const lp = lassoPath(Xd, yd);
  assertClose(lp.alphas, cd.lasso_path.alphas, { rtol: 1e-12 });
  assertClose(lp.coefs, cd.lasso_path.coefs, { rtol: 1e-5, atol: 1e-6 });
  const ep = enetPath(Xd, yd, { l1Ratio: 0.7, nAlphas: 30, eps: 1e-2 });
  assertClose(ep.alphas, cd.enet_path.alphas, { rtol: 1e-12 });
  assertClose(ep.coefs, cd.enet_path.coefs, { rtol: 1e-5, atol: 1e-6 });
  assert.deepEqual(ep.coefs.shape, [10, 30]);
});

test('regressors log params and training curves to a run', () => {
  const logged: string[] = [];
  const run = { logParams: (p: Record<string, unknown>) => logged.push(`params:${p.model}`), logMetric: (k: string) => logged.push(k) };
  new Lasso({ alpha: 0.1 }).fit(Xd, yd, { run });
  assert.ok(logged.includes('params:lasso') && logged.includes('max_coef_change') && logged.includes('dual_gap'));
});

test('bad input: negative alpha, string targets, wrong weights', () => {
  assert.throws(() => new Ridge({ alpha: -1 }).fit(Xd, yd), (e: Error) => e instanceof ParamError && /alpha must be .*>= 0, got -1/.test(e.message));
  assert.throws(() => new Lasso({ alpha: -0.5 }).fit(Xd, yd), ParamError);
  assert.throws(() => new ElasticNet({ l1Ratio: 1.5 }).fit(Xd, yd), /l1Ratio must be in \[0, 1\]/);
  assert.throws(() => new Ridge({ solver: 'qr' as never }).fit(Xd, yd), /solver must be one of/);
  const labels = yd.map((v) => (v > 150 ? 'high' : 'low'));
  for (const M of [LinearRegression, Ridge, Lasso, ElasticNet]) {
    assert.throws(() => new M().fit(Xd, labels), (e: Error) => e instanceof DataError && /y\[0\] is "high"; a regressor needs numeric targets/.test(e.message));
  }
  assert.throws(() => new Ridge().fit(Xd, yd, { sampleWeight: [1, 2] }), /sampleWeight has 2 values but X has 442 samples/);
  assert.throws(() => new Ridge().fit(Xd, yd, { sampleWeight: sw.map((v, i) => (i === 3 ? -1 : v)) }), /sampleWeight\[3\] is -1/);
});

test('predict finds NaN and ±Infinity in X even though it checks after the product', async () => {
  const { LogisticRegression } = await import('../index.js');
  const { fromTyped } = await import('../../tensor/index.js');
  const ridge = new Ridge().fit(small.X, small.y);
  const logistic = new LogisticRegression().fit(small.X, small.y.map((v) => (v > 150 ? 'hi' : 'lo')));
  for (const [bad, word] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
    const rows = small.X.slice(0, 4).map((r) => [...r]);
    rows[2]![3] = bad;
    const flat = fromTyped(Float64Array.from(rows.flat()), [4, rows[0]!.length]);
    for (const predict of [() => ridge.predict(flat), () => logistic.predict(flat), () => logistic.predictProba(rows)]) {
      assert.throws(predict, (e: Error) => e instanceof DataError && e.message.includes(`contains ${word} at row 2, column 'x3'`));
    }
  }
  // A borrowed input is only read: the caller's array is unchanged after fit and predict.
  const X = fromTyped(Float64Array.from(small.X.flat()), [small.X.length, small.X[0]!.length]);
  const before = X.toFloat64Array();
  new Ridge({ alpha: 0.5 }).fit(X, small.y).predict(X);
  new LogisticRegression().fit(X, small.y.map((v) => (v > 150 ? 1 : 0))).predict(X);
  assert.deepEqual(X.toFloat64Array(), before);
});
