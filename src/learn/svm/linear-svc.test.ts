import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadLearnLinear } from '../../../test/helpers/learn-linear-data.js';
import { DataError, LinearSVC, ParamError } from '../index.js';

const { ref, Xb, yb, Xi, yi, Xs, ys } = loadLearnLinear();
const ls = ref.linear_svc;

checkEstimator(() => new LinearSVC(), { X: Xi, y: yi.map((c) => `class ${c}`) });
checkEstimator(() => new LinearSVC({ C: 0.1 }), { X: Xs, y: ys });

test('LinearSVC reaches liblinear\'s optimum (binary, one-vs-rest, no intercept)', () => {
  const b = new LinearSVC({ C: 1, tol: 1e-10, maxIter: 100000 }).fit(Xb, yb);
  assertClose(b.coef, ls.binary.coef, { rtol: 1e-6, atol: 1e-7 });
  assertClose(b.intercept, ls.binary.intercept, { rtol: 1e-6, atol: 1e-7 });
  assertClose(b.decisionFunction(Xb.slice(0, 10)), ls.binary.decision, { rtol: 1e-6, atol: 1e-7 });
  const o = new LinearSVC({ C: 0.5, tol: 1e-10, maxIter: 100000 }).fit(Xi, yi);
  assertClose(o.coef, ls.ovr.coef, { rtol: 1e-5, atol: 1e-6 });
  assertClose(o.intercept, ls.ovr.intercept, { rtol: 1e-5, atol: 1e-6 });
  assertClose(o.decisionFunction(Xi.slice(0, 10)), ls.ovr.decision, { rtol: 1e-5, atol: 1e-6 });
  const n = new LinearSVC({ C: 0.1, fitIntercept: false, tol: 1e-10, maxIter: 100000 }).fit(Xs, ys);
  assertClose(n.coef, ls.no_intercept.coef, { rtol: 1e-6, atol: 1e-8 });
  assert.deepEqual([...n.intercept.toFloat64Array()], [0]);
});

test('LinearSVC with default tolerance predicts like liblinear', () => {
  const m = new LinearSVC().fit(Xb, yb);
  assertClose(m.coef, ls.binary.coef, { rtol: 1e-2, atol: 1e-2 });
  assert.ok(m.score(Xb, yb) > 0.98);
});

test('LinearSVC logs the projected-gradient spread per pass', () => {
  const seen: string[] = [];
  new LinearSVC().fit(Xi, yi, { run: { logParams: (p) => seen.push(String(p.model)), logMetric: (k) => seen.push(k) } });
  assert.ok(seen.includes('linear-svc') && seen.includes('pg_spread_0') && seen.includes('pg_spread_2'));
});

test('bad input: one class, negative C, NaN', () => {
  assert.throws(() => new LinearSVC().fit([[0], [1]], ['a', 'a']), (e: Error) => e instanceof DataError && /single class 'a'/.test(e.message));
  assert.throws(() => new LinearSVC({ C: -2 }).fit(Xs, ys), (e: Error) => e instanceof ParamError && /C must be a finite number > 0, got -2/.test(e.message));
  assert.throws(() => new LinearSVC().fit([[NaN], [1]], [0, 1]), /NaN at row 0, column 'x0'/);
});
