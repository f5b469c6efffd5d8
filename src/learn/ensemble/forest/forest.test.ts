import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, Estimator, ParamError } from '../../index.js';
import { RandomForestClassifier } from './random-forest-classifier.js';
import { RandomForestRegressor } from './random-forest-regressor.js';
import { ExtraTreesClassifier } from './extra-trees-classifier.js';
import { ExtraTreesRegressor } from './extra-trees-regressor.js';
import { workerThreadsAvailable } from '../../base/threads.js';
import type { ForestClassifier } from './forest-classifier.js';
import type { ForestRegressor } from './forest-regressor.js';
import { checkEstimator } from '../../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import { assertClose } from '../../../../test/helpers/assert.js';

interface ForestCase {
  name: string; cls: string; data: string; params: Record<string, unknown>;
  cv_mean: number; cv_std: number; oob_mean?: number; oob_std?: number; importances: number[];
}
const fx = loadFixture<{ data: Record<string, { X: number[][]; y: number[] }>; forests: ForestCase[] }>('learn_trees');
type AnyForest = ForestClassifier | ForestRegressor;
const CLASSES: Record<string, new (p: object) => AnyForest> = {
  RandomForestClassifier, RandomForestRegressor, ExtraTreesClassifier, ExtraTreesRegressor,
};
const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function correlation(a: number[], b: number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((v, i) => {
    ab += (v - ma) * (b[i]! - mb);
    aa += (v - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

/** 5-fold CV score with the fixture's folds (row i is in fold i mod 5). */
function cvScore(make: () => AnyForest, X: number[][], y: number[]): number {
  let total = 0;
  for (let k = 0; k < 5; k++) {
    const tr = X.map((_, i) => i).filter((i) => i % 5 !== k);
    const te = X.map((_, i) => i).filter((i) => i % 5 === k);
    const m = make().fit(tr.map((i) => X[i]!), tr.map((i) => y[i]!));
    total += m.score(te.map((i) => X[i]!), te.map((i) => y[i]!));
  }
  return total / 5;
}

for (const c of fx.forests) {
  test(`${c.name}: cross-validated score within 1 point of scikit-learn's, OOB score and importances close`, () => {
    const { X, y } = fx.data[c.data]!;
    const params: Record<string, unknown> = { nJobs: 2 };
    for (const [k, v] of Object.entries(c.params)) params[camel(k)] = v;
    const Cls = CLASSES[c.cls]!;
    const ours = (cvScore(() => new Cls({ ...params, randomState: 0 }), X, y) + cvScore(() => new Cls({ ...params, randomState: 1 }), X, y)) / 2;
    assert.ok(Math.abs(ours - c.cv_mean) <= 0.01, `CV score ${ours} vs scikit-learn ${c.cv_mean} ± ${c.cv_std}`);
    const full = new Cls({ ...params, randomState: 0, oobScore: c.oob_mean !== undefined }).fit(X, y);
    if (c.oob_mean !== undefined) {
      assert.ok(Math.abs(full.oobScore - c.oob_mean) <= 0.02, `OOB ${full.oobScore} vs scikit-learn ${c.oob_mean} ± ${c.oob_std}`);
    }
    // Correlated features share importance differently from seed to seed: compare the profile.
    const ours_ = full.featureImportances.toArray() as number[];
    assertClose(ours_.reduce((a, b) => a + b, 0), 1, { rtol: 1e-12 });
    assert.ok(correlation(ours_, c.importances) > 0.9, `importances correlate with scikit-learn's: ${correlation(ours_, c.importances)}`);
  });
}

const small = fx.data.cancer_full!;
const sX = small.X.filter((_, i) => i % 10 === 0).map((r) => r.slice(0, 6));
const sy = small.y.filter((_, i) => i % 10 === 0);
checkEstimator(() => new RandomForestClassifier({ nEstimators: 10, randomState: 3 }), { X: sX, y: sy.map((v) => (v ? 'benign' : 'malignant')) });
checkEstimator(() => new ExtraTreesClassifier({ nEstimators: 10, randomState: 3 }), { X: sX, y: sy });
checkEstimator(() => new RandomForestRegressor({ nEstimators: 10, randomState: 3, maxDepth: 4 }), { X: sX, y: sX.map((r) => r[0]! - r[1]!) });
checkEstimator(() => new ExtraTreesRegressor({ nEstimators: 10, randomState: 3 }), { X: sX, y: sX.map((r) => r[0]! - r[1]!) });

test('worker threads grow exactly the trees the calling thread grows', () => {
  assert.equal(workerThreadsAvailable(), true, 'Node runs here, so the worker pool must load');
  const { X, y } = fx.data.friedman!;
  for (const Cls of [RandomForestRegressor, ExtraTreesRegressor]) {
    const one = new Cls({ nEstimators: 12, randomState: 5, nJobs: 1 }).fit(X, y);
    const two = new Cls({ nEstimators: 12, randomState: 5, nJobs: 2 }).fit(X, y);
    const all = new Cls({ nEstimators: 12, randomState: 5, nJobs: -1 }).fit(X, y);
    const state = (m: ForestRegressor) => JSON.stringify(m.toJSON().state);
    assert.ok(state(two) === state(one), 'nJobs 2 grows the same trees as nJobs 1');
    assert.ok(state(all) === state(one), 'nJobs -1 grows the same trees as nJobs 1');
  }
});

test('OOB decision function rows are probabilities; seeds change the forest', () => {
  const m = new RandomForestClassifier({ nEstimators: 30, randomState: 0, oobScore: true }).fit(sX, sy);
  const d = m.oobDecisionFunction;
  assert.deepEqual(d.shape, [sX.length, 2]);
  const rows = d.toArray() as number[][];
  for (const r of rows) assert.ok(Math.abs(r[0]! + r[1]! - 1) < 1e-12 || (r[0] === 0 && r[1] === 0));
  const other = new RandomForestClassifier({ nEstimators: 30, randomState: 1 }).fit(sX, sy);
  assert.notDeepEqual(other.predictProba(sX).toArray(), m.predictProba(sX).toArray());
  const reg = new RandomForestRegressor({ nEstimators: 30, randomState: 0, oobScore: true }).fit(sX, sX.map((r) => r[0]!));
  assert.equal(reg.oobPrediction.shape[0], sX.length);
  assert.ok(reg.oobScore > 0.8);
});

test("class weights: 'balanced_subsample' and 'balanced' shift predictions towards the rare class", () => {
  const X = sX;
  const y = sX.map((r) => (r[0]! > 19 ? 'rare' : 'common'));
  const count = (labels: unknown[]) => labels.filter((l) => l === 'rare').length;
  const plain = new RandomForestClassifier({ nEstimators: 30, randomState: 0, maxDepth: 2 }).fit(X, y);
  const sub = new RandomForestClassifier({ nEstimators: 30, randomState: 0, maxDepth: 2, classWeight: 'balanced_subsample' }).fit(X, y);
  const bal = new RandomForestClassifier({ nEstimators: 30, randomState: 0, maxDepth: 2, classWeight: 'balanced' }).fit(X, y);
  const rareProba = (m: RandomForestClassifier) => (m.predictProba(X).toArray() as number[][]).reduce((s, r) => s + r[1]!, 0);
  assert.ok(count(y) > 0 && count(y) < y.length / 3);
  assert.ok(rareProba(sub) > rareProba(plain));
  assert.ok(rareProba(bal) > rareProba(plain));
});

test('a saved forest predicts the same after fromJSON', () => {
  const m = new ExtraTreesClassifier({ nEstimators: 5, randomState: 2 }).fit(sX, sy);
  const back = Estimator.fromJSON<ExtraTreesClassifier>(JSON.stringify(m.toJSON()));
  assert.deepEqual(back.predictProba(sX).toArray(), m.predictProba(sX).toArray());
});

test('bad input gets errors that say what to fix', () => {
  assert.throws(() => new RandomForestClassifier({ nEstimators: 0 }).fit(sX, sy), (e: Error) => e instanceof ParamError && /nEstimators/.test(e.message));
  assert.throws(() => new ExtraTreesClassifier({ oobScore: true }).fit(sX, sy), (e: Error) => e instanceof ParamError && /bootstrap/.test(e.message));
  assert.throws(() => new RandomForestClassifier({ maxSamples: 10000 }).fit(sX, sy), (e: Error) => e instanceof ParamError && /maxSamples/.test(e.message));
  assert.throws(() => new RandomForestClassifier({ nJobs: 0 }).fit(sX, sy), (e: Error) => e instanceof ParamError && /nJobs/.test(e.message));
  assert.throws(() => new RandomForestClassifier().fit(sX, sy.map(() => 1)), (e: Error) => e instanceof DataError && /single class/.test(e.message));
  assert.throws(() => new RandomForestRegressor().fit(sX, sy.map((v, i) => (i === 3 ? NaN : v))), (e: Error) => e instanceof DataError && /row 3/.test(e.message));
  assert.throws(() => new RandomForestRegressor({ nEstimators: 3 }).fit(sX, sy).oobScore, /oobScore: true/);
  const constant = sX.map(() => [1, 2, 3]);
  const m = new RandomForestRegressor({ nEstimators: 3, randomState: 0 }).fit(constant, sy);
  assert.ok(m.estimators.every((t) => t.nodeCount === 1), 'constant features give single-leaf trees');
  assert.deepEqual(m.featureImportances.toArray(), [0, 0, 0]);
});
