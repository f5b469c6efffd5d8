import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadLearnLinear } from '../../../test/helpers/learn-linear-data.js';
import { DataError, ParamError, SVC, SVR } from '../index.js';

const { ref, Xi, yi, Xb, yb, Xw, yw, Xd, yd: yd0 } = loadLearnLinear();
const svm = ref.svm;

const split = <T>(xs: T[], train: (i: number) => boolean): [T[], T[]] => [xs.filter((_, i) => train(i)), xs.filter((_, i) => !train(i))];

const ym = yd0.reduce((a, b) => a + b) / yd0.length;
const ysd = Math.sqrt(yd0.reduce((a, b) => a + (b - ym) ** 2, 0) / yd0.length);
const yd = yd0.map((v) => (v - ym) / ysd);

checkEstimator(() => new SVC(), { X: Xi, y: yi.map((c) => ['a', 'b', 'c'][c]!) });
checkEstimator(() => new SVC({ kernel: 'poly', C: 2 }), { X: Xb.slice(0, 80), y: yb.slice(0, 80) });
checkEstimator(() => new SVR(), { X: Xd.slice(0, 80), y: yd.slice(0, 80) });

function compareSVC(model: SVC, c: any, X: number[][], y: number[], train: (i: number) => boolean, rtol: number, label: string, rtolDual = 100 * rtol): void {
  const [Xtr, Xte] = split(X, train);
  const [ytr] = split(y, train);
  model.fit(Xtr, ytr);
  assert.deepEqual(model.predict(Xte), c.pred, `${label}: predictions`);
  assert.deepEqual([...model.nSupport], c.n_support, `${label}: support vectors per class`);
  assert.deepEqual([...model.support], c.support, `${label}: support indices`);
  assertClose(model.decisionFunction(Xte), c.decision, { rtol, atol: rtol }, `${label}: decision`);
  assertClose(model.intercept, c.intercept, { rtol: rtolDual, atol: rtolDual }, `${label}: intercept`);
  // The dual is ill-conditioned (small kernel eigenvalues): coefficients agree less tightly than decisions.
  assertClose(model.dualCoef, c.dual_coef, { rtol: rtolDual, atol: rtolDual }, `${label}: dual coef`);
  if (c.decision_ovo) {
    const ovo = model.clone().setParams({ decisionFunctionShape: 'ovo' }).fit(Xtr, ytr);
    assertClose(ovo.decisionFunction(Xte), c.decision_ovo, { rtol, atol: rtol }, `${label}: ovo decision`);
  }
}

test('SVC matches libsvm on iris (rbf, poly, linear) one-vs-one', () => {
  const tr = (i: number) => i % 4 !== 0;
  compareSVC(new SVC(), svm.iris_rbf, Xi, yi, tr, 2e-3, 'iris rbf default tol');
  compareSVC(new SVC({ tol: 1e-8, C: 10 }), svm.iris_rbf_tight, Xi, yi, tr, 1e-6, 'iris rbf');
  compareSVC(new SVC({ kernel: 'poly', degree: 3, gamma: 'auto', coef0: 1, tol: 1e-8 }), svm.iris_poly_auto, Xi, yi, tr, 1e-3, 'iris poly (unscaled, kernel values ~1e3)', 1e-2);
  compareSVC(new SVC({ kernel: 'linear', C: 0.5, tol: 1e-8 }), svm.iris_linear, Xi, yi, tr, 1e-4, 'iris linear (rank-4 kernel, dual not unique)', 1e-2);
});

test('SVC matches libsvm on breast cancer (binary rbf, sigmoid) and wine (balanced)', () => {
  compareSVC(new SVC({ C: 2, tol: 1e-8 }), svm.bc_rbf, Xb, yb, (i) => i % 4 !== 0, 1e-6, 'bc rbf');
  compareSVC(new SVC({ kernel: 'sigmoid', gamma: 0.01, coef0: 0.5, tol: 1e-8 }), svm.bc_sigmoid, Xb, yb, (i) => i % 4 !== 0, 1e-6, 'bc sigmoid');
  compareSVC(new SVC({ classWeight: 'balanced', tol: 1e-8 }), svm.wine_balanced, Xw, yw, (i) => i % 3 !== 0, 1e-6, 'wine balanced');
});

test('SVR matches libsvm epsilon-SVR on diabetes', () => {
  const tr = (i: number) => i % 4 !== 0;
  const [Xtr, Xte] = split(Xd, tr);
  const [ytr] = split(yd, tr);
  const m = new SVR({ C: 3, epsilon: 0.2, tol: 1e-8 }).fit(Xtr, ytr);
  assertClose(m.predict(Xte), svm.svr_rbf.pred, { rtol: 1e-6, atol: 1e-6 });
  assertClose([m.intercept], svm.svr_rbf.intercept, { rtol: 1e-6 });
  assert.deepEqual([...m.support], svm.svr_rbf.support);
  assertClose(m.dualCoef, svm.svr_rbf.dual_coef, { rtol: 1e-4, atol: 1e-4 });
  const d = new SVR().fit(Xtr, ytr);
  assertClose(d.predict(Xte), svm.svr_default.pred, { rtol: 2e-3, atol: 2e-3 });
  const poly = new SVR({ kernel: 'poly', degree: 2, C: 0.5, epsilon: 0.1, tol: 1e-8 }).fit(Xtr, ytr);
  assertClose(poly.predict(Xte), svm.svr_poly.pred, { rtol: 1e-6, atol: 1e-6 });
});

test('a tiny kernel cache still gives the same model', () => {
  const tr = (i: number) => i % 4 !== 0;
  const [Xtr, Xte] = split(Xb, tr);
  const [ytr] = split(yb, tr);
  const m = new SVC({ C: 2, tol: 1e-8, cacheSize: 0.01 }).fit(Xtr, ytr);
  assertClose(m.decisionFunction(Xte), svm.bc_rbf.decision, { rtol: 1e-6, atol: 1e-6 });
});

test('SVMs log params and solver progress to a run', () => {
  const keys = new Set<string>();
  new SVC().fit(Xi, yi, { run: { logParams: (p) => keys.add(`params:${p.model}`), logMetric: (k) => keys.add(k) } });
  assert.ok(keys.has('params:svc') && keys.has('kkt_violation_0_1') && keys.has('dual_objective_1_2'));
});

test('bad input: one class, negative C, bad gamma, string targets for SVR', () => {
  assert.throws(() => new SVC().fit([[0], [1]], ['a', 'a']), (e: Error) => e instanceof DataError && /single class 'a'/.test(e.message));
  assert.throws(() => new SVC({ C: -1 }).fit(Xi, yi), (e: Error) => e instanceof ParamError && /C must be a finite number > 0/.test(e.message));
  assert.throws(() => new SVC({ gamma: 'wide' as never }).fit(Xi, yi), /gamma must be 'scale', 'auto' or a number > 0/);
  assert.throws(() => new SVC({ gamma: -2 }).fit(Xi, yi), /gamma must be/);
  assert.throws(() => new SVR({ epsilon: -0.1 }).fit(Xd, yd), /epsilon must be/);
  assert.throws(() => new SVR().fit(Xi, yi.map((c) => `c${c}`)), /a regressor needs numeric targets/);
});
