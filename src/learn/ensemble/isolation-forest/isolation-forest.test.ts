import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, ParamError } from '../../index.js';
import { IsolationForest } from './isolation-forest.js';
import { averagePathLength } from './path-length.js';
import { checkEstimator } from '../../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import { assertClose } from '../../../../test/helpers/assert.js';

interface IsoCase { params: Record<string, unknown>; auc_mean: number; auc_std: number; offset_mean: number; inlier_fraction: number }
const fx = loadFixture<{ data: { outliers: { X: number[][]; y: number[] } }; isolation: IsoCase[] }>('learn_trees');
const { X, y } = fx.data.outliers;
const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** ROC AUC of scores for positives y = 1 (ties count half). */
function auc(scores: Float64Array, labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  labels.forEach((li, i) => {
    if (li !== 1) return;
    labels.forEach((lj, j) => {
      if (lj !== 0) return;
      pairs++;
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

test('averagePathLength is c(n) of Liu et al., as in scikit-learn', () => {
  assert.equal(averagePathLength(0), 0);
  assert.equal(averagePathLength(1), 0);
  assert.equal(averagePathLength(2), 1);
  assertClose([averagePathLength(256), averagePathLength(3), averagePathLength(64)], [10.244770920119917, 1.207392357589623, 7.471950782586131], { rtol: 1e-14 });
});

for (const c of fx.isolation) {
  test(`IsolationForest ${JSON.stringify(c.params)}: ROC AUC within 0.02 of scikit-learn's, same offset rule`, () => {
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.params)) params[camel(k)] = v;
    let total = 0;
    let offset = 0;
    let inliers = 0;
    const seeds = [0, 1, 2];
    for (const randomState of seeds) {
      const m = new IsolationForest({ ...params, randomState }).fit(X);
      total += auc(m.scoreSamples(X).toFloat64Array().map((v) => -v), y);
      offset += m.offset;
      inliers += (m.predict(X).toArray() as number[]).filter((v) => v === 1).length / X.length;
    }
    assert.ok(Math.abs(total / seeds.length - c.auc_mean) <= 0.02, `AUC ${total / seeds.length} vs ${c.auc_mean}`);
    if (c.params.contamination === undefined) assert.equal(offset / seeds.length, -0.5);
    else assert.ok(Math.abs(offset / seeds.length - c.offset_mean) <= 0.02, `offset ${offset / seeds.length} vs ${c.offset_mean}`);
    assert.ok(Math.abs(inliers / seeds.length - c.inlier_fraction) <= 0.05, `inlier share ${inliers / seeds.length} vs ${c.inlier_fraction}`);
  });
}

test('contamination sets the share of training rows flagged as outliers; scores order points by isolation', () => {
  const m = new IsolationForest({ randomState: 4, contamination: 0.1 }).fit(X);
  const flagged = (m.predict(X).toArray() as number[]).filter((v) => v === -1).length;
  assert.ok(Math.abs(flagged - 43) <= 1, `${flagged} flagged`);
  const d = m.decisionFunction([[0, 0, 0], [20, -20, 20]]).toArray() as number[];
  assert.ok(d[0]! > 0 && d[1]! < 0);
  assert.equal(m.maxSamples, 256);
  const s = m.scoreSamples([[20, -20, 20]]).toArray() as number[];
  assert.ok(s[0]! < -0.65 && s[0]! >= -1);
});

checkEstimator(() => new IsolationForest({ nEstimators: 20, randomState: 0 }), { X: X.slice(0, 60) });

test('bad input gets errors that say what to fix', () => {
  assert.throws(() => new IsolationForest({ contamination: 0.7 }).fit(X), (e: Error) => e instanceof ParamError && /contamination/.test(e.message));
  assert.throws(() => new IsolationForest({ maxSamples: -3 }).fit(X), (e: Error) => e instanceof ParamError && /maxSamples/.test(e.message));
  assert.throws(() => new IsolationForest({ maxFeatures: 9 }).fit(X), (e: Error) => e instanceof ParamError && /maxFeatures/.test(e.message));
  assert.throws(() => new IsolationForest({ nEstimators: 0 }).fit(X), (e: Error) => e instanceof ParamError && /nEstimators/.test(e.message));
  assert.throws(() => new IsolationForest().fit([[1, NaN]]), (e: Error) => e instanceof DataError && /NaN/.test(e.message));
  // All-constant data: every tree is a single leaf and every row gets the same score.
  const flat = new IsolationForest({ randomState: 0 }).fit(X.map(() => [1, 1, 1]));
  const scores = flat.scoreSamples([[1, 1, 1], [5, 5, 5]]).toArray() as number[];
  assert.equal(scores[0], scores[1]);
});
