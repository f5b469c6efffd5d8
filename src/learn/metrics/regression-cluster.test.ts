import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DataError, adjustedRandScore, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, r2Score, rootMeanSquaredError,
  silhouetteSamples, silhouetteScore,
} from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');
const R = F.reg;
const TOL = { rtol: 1e-12, atol: 1e-15 };

test('regression metrics match scikit-learn, with weights and several outputs', () => {
  assertClose([r2Score(R.y, R.p), meanSquaredError(R.y, R.p), rootMeanSquaredError(R.y, R.p), meanAbsoluteError(R.y, R.p), meanAbsolutePercentageError(R.y, R.p)],
    [R.r2, R.mse, R.rmse, R.mae, R.mape], TOL);
  const w = { sampleWeight: R.w };
  assertClose([r2Score(R.y, R.p, w), meanSquaredError(R.y, R.p, w), meanAbsoluteError(R.y, R.p, w), meanAbsolutePercentageError(R.y, R.p, w)],
    [R.r2_w, R.mse_w, R.mae_w, R.mape_w], TOL);
  assertClose(r2Score(R.Y, R.P, { multioutput: 'raw_values' }), R.r2_multi_raw, TOL);
  assertClose([r2Score(R.Y, R.P, { multioutput: 'variance_weighted' }), r2Score(R.Y, R.P)], [R.r2_multi_var, R.r2_multi], TOL);
  assertClose(meanSquaredError(R.Y, R.P, { multioutput: 'raw_values' }), R.mse_multi_raw, TOL);
  assertClose([rootMeanSquaredError(R.Y, R.P), meanAbsoluteError(R.Y, R.P)], [R.rmse_multi, R.mae_multi], TOL);
  assert.equal(r2Score([2, 2, 2], [2, 2, 2]), R.r2_const_perfect);
  assert.equal(r2Score([2, 2, 2], [2, 2, 3]), R.r2_const_wrong);
  assertClose([meanAbsolutePercentageError([0, 1], [0.5, 1])], [R.mape_zero], TOL);
  assert.throws(() => r2Score([1, 2, 3], [1, 2]), (e: Error) => e instanceof DataError && /yTrue has 3 samples but yPred has 2/.test(e.message));
  assert.throws(() => meanSquaredError([1, NaN], [1, 2]), /non-finite value \(NaN\) at row 1/);
});

test('silhouette and adjusted Rand index match scikit-learn', () => {
  const c = F.clu;
  assertClose([silhouetteScore(c.X, c.labels)], [c.silhouette], { rtol: 1e-10 });
  assertClose(silhouetteSamples(c.X, c.labels), c.samples, { rtol: 1e-10, atol: 1e-12 });
  assertClose([adjustedRandScore(c.truth, c.labels), adjustedRandScore([0, 0, 1, 1], [1, 1, 0, 0])], [c.ari, c.ari_perm], TOL);
  assertClose([adjustedRandScore(['a', 'a', 'b', 'c', 'c', 'c'], [1, 1, 1, 2, 2, 3]), adjustedRandScore([0, 0, 0], [1, 2, 3])], [c.ari_str, c.ari_single], TOL);
  assert.throws(() => silhouetteScore([[0], [1], [2]], [0, 0, 0]), /number of clusters is 1/);
  const sub = silhouetteScore(c.X, c.labels, { sampleSize: 12, seed: 3 });
  assert.equal(sub, silhouetteScore(c.X, c.labels, { sampleSize: 12, seed: 3 }));
  assert.ok(sub > 0 && sub < 1);
});
