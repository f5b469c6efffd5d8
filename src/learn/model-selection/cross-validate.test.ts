import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type NdArray, distributions, fromTyped } from '../../tensor/index.js';
import {
  Classifier, ColumnTransformer, GridSearchCV, KFold, type Label, type LabelInput, type MatrixInput, OneHotEncoder, ParamError,
  RandomizedSearchCV, Regressor, StandardScaler, StratifiedKFold, checkFeatureCount, crossValScore, crossValidate, encodeLabels,
  learningCurve, makePipeline, permutationImportance, r2Score, registerEstimator, toLabels, toMatrix, toTargets, validationCurve,
} from '../index.js';

/** Test-only ridge regression by normal equations (small p). */
class ToyRidge extends Regressor<{ alpha: number }, { w: Float64Array; b: number; p: number }> {
  protected defaults() {
    return { alpha: 1 };
  }
  fit(X: MatrixInput, y: LabelInput): this {
    const m = toMatrix(X);
    const t = toTargets(y, m.rows);
    const p = m.cols;
    const mx = new Float64Array(p);
    let my = 0;
    for (let i = 0; i < m.rows; i++) {
      my += t[i]! / m.rows;
      for (let j = 0; j < p; j++) mx[j]! += m.data[i * p + j]! / m.rows;
    }
    const A = Array.from({ length: p }, (_, j) => Array.from({ length: p + 1 }, (_, k) => (k === j ? this.params.alpha : 0)));
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < p; j++) {
        const xj = m.data[i * p + j]! - mx[j]!;
        for (let k = 0; k < p; k++) A[j]![k]! += xj * (m.data[i * p + k]! - mx[k]!);
        A[j]![p]! += xj * (t[i]! - my);
      }
    }
    for (let c = 0; c < p; c++) {
      for (let r = c + 1; r < p; r++) {
        const f = A[r]![c]! / A[c]![c]!;
        for (let k = c; k <= p; k++) A[r]![k]! -= f * A[c]![k]!;
      }
    }
    const w = new Float64Array(p);
    for (let r = p - 1; r >= 0; r--) {
      let s = A[r]![p]!;
      for (let k = r + 1; k < p; k++) s -= A[r]![k]! * w[k]!;
      w[r] = s / A[r]![r]!;
    }
    let b = my;
    for (let j = 0; j < p; j++) b -= w[j]! * mx[j]!;
    this.setFitted({ w, b, p });
    return this;
  }
  predict(X: MatrixInput): NdArray {
    const s = this.fitted('predict');
    const m = toMatrix(X);
    checkFeatureCount(m, s.p, 'ToyRidge');
    const out = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) {
      let v = s.b;
      for (let j = 0; j < s.p; j++) v += s.w[j]! * m.data[i * s.p + j]!;
      out[i] = v;
    }
    return fromTyped(out, [m.rows]);
  }
}
registerEstimator(ToyRidge);

/** Test-only nearest-centroid classifier. */
class ToyCentroid extends Classifier<{ shrink: number }, { classes: Label[]; c: number[][] }> {
  protected defaults() {
    return { shrink: 0 };
  }
  fit(X: MatrixInput, y: LabelInput): this {
    const m = toMatrix(X);
    const { classes, codes } = encodeLabels(toLabels(y, m.rows));
    const c = classes.map(() => new Array<number>(m.cols).fill(0));
    const n = classes.map(() => 0);
    codes.forEach((k, i) => {
      n[k]!++;
      for (let j = 0; j < m.cols; j++) c[k]![j]! += m.data[i * m.cols + j]!;
    });
    this.setFitted({ classes, c: c.map((r, k) => r.map((v) => (v / n[k]!) * (1 - this.params.shrink))) });
    return this;
  }
  predictProba(X: MatrixInput): NdArray {
    const s = this.fitted('predictProba');
    const m = toMatrix(X);
    const k = s.classes.length;
    const out = new Float64Array(m.rows * k);
    for (let i = 0; i < m.rows; i++) {
      const e = s.c.map((cen) => Math.exp(-Math.sqrt(cen.reduce((a, v, j) => a + (m.data[i * m.cols + j]! - v) ** 2, 0))));
      const z = e.reduce((a, b) => a + b, 0);
      e.forEach((v, c) => (out[i * k + c] = v / z));
    }
    return fromTyped(out, [m.rows, k]);
  }
  predict(X: MatrixInput): Label[] {
    const P = this.predictProba(X).toArray() as number[][];
    return P.map((r) => this.fitted().classes[r.indexOf(Math.max(...r))]!);
  }
}
registerEstimator(ToyCentroid);

// y = 2 x0 − x1 + noise; x2 irrelevant
const X = Array.from({ length: 30 }, (_, i) => [Math.sin(i), Math.cos(3 * i), ((i * 7) % 5) / 5]);
const y = X.map((r, i) => 2 * r[0]! - r[1]! + 0.1 * Math.sin(11 * i));
const Xc = Array.from({ length: 24 }, (_, i) => [(i % 3) * 2 + Math.sin(i) * 0.8, Math.cos(i)]);
const yc = Xc.map((_, i) => ['a', 'b', 'c'][i % 3]!);

test('crossValidate scores each fold like a manual fit, with timings, train scores and run logging', () => {
  const logged: [string, number, number | undefined][] = [];
  const run = { logParams: () => {}, logMetric: (k: string, v: number, s?: number) => void logged.push([k, v, s]) };
  const r = crossValidate(new ToyRidge({ alpha: 0.5 }), X, y, { cv: new KFold({ nSplits: 3 }), scoring: ['r2', 'neg_mean_squared_error'], returnTrainScore: true, returnEstimator: true, run });
  const folds = new KFold({ nSplits: 3 }).split(30);
  folds.forEach((f, k) => {
    const m = new ToyRidge({ alpha: 0.5 }).fit([...f.train].map((i) => X[i]!), [...f.train].map((i) => y[i]!));
    const pred = m.predict([...f.test].map((i) => X[i]!)).toFloat64Array();
    assert.equal(r.test.r2![k], r2Score([...f.test].map((i) => y[i]!), pred));
    assert.ok(r.test.neg_mean_squared_error![k]! < 0);
  });
  assert.deepEqual(r.testScore, r.test.r2);
  assert.equal(r.fitTime.length, 3);
  assert.ok(r.fitTime.every((t) => t >= 0) && r.scoreTime.every((t) => t >= 0));
  assert.ok(r.trainScore!.every((s) => s > 0.9));
  assert.equal(r.estimators!.length, 3);
  assert.deepEqual(logged.filter(([k]) => k === 'cv_test_r2').map(([, v, s]) => [v, s]), r.test.r2!.map((v, k) => [v, k]));
  assert.ok(logged.some(([k]) => k === 'cv_mean_test_r2'));
});

test('classifiers get stratified folds by default; pipelines over row objects cross-validate', () => {
  const r = crossValidate(new ToyCentroid(), Xc, yc, { cv: 4, scoring: 'accuracy' });
  assert.deepEqual(r.folds.map((f) => [...f.test]), new StratifiedKFold({ nSplits: 4 }).split(24, yc).map((f) => [...f.test]));
  const rows = Xc.map((r2, i) => ({ a: r2[0], b: r2[1], tag: i % 2 ? 'odd' : 'even' }));
  const pipe = makePipeline(
    new ColumnTransformer({ transformers: [['num', new StandardScaler(), ['a', 'b']], ['cat', new OneHotEncoder(), ['tag']]] }),
    new ToyCentroid(),
  );
  const scores = crossValScore(pipe, rows, yc, { cv: 3, scoring: 'roc_auc_ovr' });
  assert.equal(scores.length, 3);
  assert.ok(scores.every((s) => s > 0.5 && s <= 1));
  assert.throws(() => crossValScore(new ToyRidge(), X, y, { scoring: 'nope' }), (e: Error) => e instanceof ParamError && /Known scorers/.test(e.message));
});

test('GridSearchCV ranks the grid by mean CV score and refits the best (nested step params)', () => {
  const pipe = makePipeline(new StandardScaler(), new ToyRidge());
  const grid = { toyridge__alpha: [100, 0.01, 5], standardscaler__withMean: [true, false] };
  const search = new GridSearchCV(pipe, grid, { cv: new KFold({ nSplits: 3 }), scoring: 'r2' }).fit(X, y);
  const res = search.cvResults;
  assert.deepEqual(res.params.map((p) => [p.standardscaler__withMean, p.toyridge__alpha]), [
    [true, 100], [true, 0.01], [true, 5], [false, 100], [false, 0.01], [false, 5],
  ]);
  res.params.forEach((p, c) => {
    const manual = crossValScore(pipe.clone().setParams(p), X, y, { cv: new KFold({ nSplits: 3 }), scoring: 'r2' });
    assert.deepEqual(res.splitTestScores[c], manual);
  });
  const best = res.meanTestScore.indexOf(Math.max(...res.meanTestScore));
  assert.equal(search.bestIndex, best);
  assert.equal(res.rankTestScore[best], 1);
  assert.equal(search.bestParams.toyridge__alpha, 0.01);
  assert.equal(search.bestScore, res.meanTestScore[best]);
  assert.ok(search.bestEstimator.isFitted);
  assert.deepEqual(search.predict(X), search.bestEstimator.predict(X));
  assert.throws(() => new GridSearchCV(pipe, { toyridge__alpha: [] }), /non-empty array/);
  assert.throws(() => new GridSearchCV(pipe, { bogus: [1] }).fit(X, y), /no parameter 'bogus'/);
});

test('RandomizedSearchCV is seeded: lists sample without replacement, distributions draw in range', () => {
  const a = new RandomizedSearchCV(new ToyRidge(), { alpha: [0.01, 0.1, 1, 10, 100] }, { nIter: 3, seed: 4, cv: 3 }).fit(X, y);
  const b = new RandomizedSearchCV(new ToyRidge(), { alpha: [0.01, 0.1, 1, 10, 100] }, { nIter: 3, seed: 4, cv: 3 }).fit(X, y);
  assert.deepEqual(a.cvResults.params, b.cvResults.params);
  assert.equal(new Set(a.cvResults.params.map((p) => p.alpha)).size, 3);
  const all = new RandomizedSearchCV(new ToyRidge(), { alpha: [1, 2] }, { nIter: 10, seed: 0, cv: 3 }).fit(X, y);
  assert.equal(all.cvResults.params.length, 2);
  const d = new RandomizedSearchCV(new ToyRidge(), { alpha: new distributions.Uniform(0.5, 2) }, { nIter: 6, seed: 1, cv: 3 }).fit(X, y);
  assert.ok(d.cvResults.params.every((p) => (p.alpha as number) >= 0.5 && (p.alpha as number) <= 2.5));
  assert.equal(new Set(d.cvResults.params.map((p) => p.alpha)).size, 6);
});

test('learningCurve and validationCurve agree with manual cross-validation', () => {
  const lc = learningCurve(new ToyRidge(), X, y, { cv: new KFold({ nSplits: 3 }), scoring: 'r2', trainSizes: [0.3, 0.6, 1] });
  assert.deepEqual(lc.trainSizes, [6, 12, 20]);
  assert.equal(lc.testScores.length, 3);
  assert.equal(lc.testScores[0]!.length, 3);
  const full = crossValScore(new ToyRidge(), X, y, { cv: new KFold({ nSplits: 3 }), scoring: 'r2' });
  assert.deepEqual(lc.testScores[2], full);
  assert.deepEqual(learningCurve(new ToyRidge(), X, y, { cv: 3, trainSizes: [2, 5] }).trainSizes, [2, 5]);
  assert.throws(() => learningCurve(new ToyRidge(), X, y, { cv: 3, trainSizes: [50] }), /trainSizes counts/);
  const vc = validationCurve(new ToyRidge(), X, y, { paramName: 'alpha', paramRange: [0.1, 10], cv: new KFold({ nSplits: 3 }), scoring: 'r2' });
  assert.deepEqual(vc.testScores[1], crossValScore(new ToyRidge({ alpha: 10 }), X, y, { cv: new KFold({ nSplits: 3 }), scoring: 'r2' }));
  assert.equal(vc.trainScores.length, 2);
});

test('permutationImportance finds the informative features and is seeded', () => {
  const model = new ToyRidge({ alpha: 0.01 }).fit(X, y);
  const imp = permutationImportance(model, X, y, { nRepeats: 8, seed: 0 });
  assert.ok(imp.importancesMean[0]! > imp.importancesMean[1]! && imp.importancesMean[1]! > 0.1);
  assert.ok(Math.abs(imp.importancesMean[2]!) < 0.05);
  assert.deepEqual(imp.featureNames, ['x0', 'x1', 'x2']);
  assert.deepEqual(permutationImportance(model, X, y, { nRepeats: 8, seed: 0 }).importances, imp.importances);
  const rows = X.map((r) => ({ a: r[0], b: r[1], c: r[2] }));
  const onRows = permutationImportance(makePipeline(new StandardScaler(), new ToyRidge({ alpha: 0.01 })).fit(rows, y), rows, y, { nRepeats: 3, seed: 2, scoring: 'neg_mean_squared_error' });
  assert.deepEqual(onRows.featureNames, ['a', 'b', 'c']);
  assert.ok(onRows.importancesMean[0]! > 0);
});
