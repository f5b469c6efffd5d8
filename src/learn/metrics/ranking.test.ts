import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DataError, ParamError, auc, averagePrecisionScore, brierScoreLoss, logLoss, precisionRecallCurve, rocAucScore, rocCurve,
} from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const C = loadFixture('learn_core').curves;
const TOL = { rtol: 1e-12, atol: 1e-15 };

test('rocCurve matches scikit-learn 1.2 with tied scores, weights and string labels', () => {
  for (const di of [true, false]) {
    const r = rocCurve(C.y, C.s, { dropIntermediate: di });
    const ref = C[`roc_${di ? 'True' : 'False'}`];
    assertClose(r.fpr, ref.fpr, TOL);
    assertClose(r.tpr, ref.tpr, TOL);
    assertClose(r.thresholds, ref.thr, TOL);
  }
  const w = rocCurve(C.y, C.s, { sampleWeight: C.w });
  assertClose(w.fpr, C.roc_w.fpr, TOL);
  assertClose(w.tpr, C.roc_w.tpr, TOL);
  assertClose(w.thresholds, C.roc_w.thr, TOL);
  const s = rocCurve(C.ys, C.s, { posLabel: 'neg' });
  assertClose(s.fpr, C.roc_str_neg.fpr, TOL);
  assertClose(s.tpr, C.roc_str_neg.tpr, TOL);
  assert.throws(() => rocCurve(C.ys, C.s), (e: Error) => e instanceof DataError && /posLabel/.test(e.message));
});

test('rocAucScore matches scikit-learn: binary, weighted, partial, string labels, multiclass ovr/ovo', () => {
  assertClose([rocAucScore(C.y, C.s)], [C.auc], TOL);
  assertClose([rocAucScore(C.y, C.s, { sampleWeight: C.w })], [C.auc_w], TOL);
  assertClose([rocAucScore(C.y, C.s, { maxFpr: 0.3 })], [C.auc_max_fpr], TOL);
  assertClose([rocAucScore(C.ys, C.s)], [C.auc_str], TOL);
  assertClose([rocAucScore(C.ym, C.Pm, { multiClass: 'ovr' })], [C.auc_ovr_macro], TOL);
  assertClose([rocAucScore(C.ym, C.Pm, { multiClass: 'ovr', average: 'weighted' })], [C.auc_ovr_weighted], TOL);
  assertClose(rocAucScore(C.ym, C.Pm, { multiClass: 'ovr', average: null }), C.auc_ovr_none, TOL);
  assertClose([rocAucScore(C.ym, C.Pm, { multiClass: 'ovo' })], [C.auc_ovo_macro], TOL);
  assertClose([rocAucScore(C.ym, C.Pm, { multiClass: 'ovo', average: 'weighted' })], [C.auc_ovo_weighted], TOL);
  assert.equal(auc([0, 0.5, 1], [0, 0.75, 1]), 0.625);
  assert.equal(auc([1, 0.5, 0], [1, 0.75, 0]), 0.625);
});

test('rocAucScore errors: one class, multiclass without strategy, non-probabilities, column mismatch', () => {
  assert.throws(() => rocAucScore([1, 1, 1], [0.2, 0.5, 0.9]), (e: Error) => e instanceof DataError && /only one class/.test(e.message));
  assert.throws(() => rocAucScore(C.ym, C.Pm), (e: Error) => e instanceof ParamError && /multiClass/.test(e.message));
  const bad = (C.Pm as number[][]).map((r) => r.map((v) => v * 2));
  assert.throws(() => rocAucScore(C.ym, bad, { multiClass: 'ovr' }), /sum to 1/);
  assert.throws(() => rocAucScore(C.ym, (C.Pm as number[][]).map(() => [0.5, 0.5]), { multiClass: 'ovr' }), /3 classes but yScore has 2 columns/);
  assert.throws(() => rocAucScore([0, 1], [[0.5, 0.5], [0.2, 0.8]]), /1-d yScore/);
  assert.throws(() => rocAucScore([0, 1, 0], [0.1, 0.2]), /yTrue has 3 samples but yScore has 2/);
  assert.throws(() => rocAucScore([0, 1], [0.1, NaN]), /finite/);
});

test('precisionRecallCurve and averagePrecisionScore match scikit-learn 1.2', () => {
  const pr = precisionRecallCurve(C.y, C.s);
  assertClose(pr.precision, C.pr.p, TOL);
  assertClose(pr.recall, C.pr.r, TOL);
  assertClose(pr.thresholds, C.pr.thr, TOL);
  assertClose([averagePrecisionScore(C.y, C.s)], [C.ap], TOL);
  assertClose([averagePrecisionScore(C.y, C.s, { sampleWeight: C.w })], [C.ap_w], TOL);
  assertClose([averagePrecisionScore(C.ys, C.s, { posLabel: 'neg' })], [C.ap_str_neg], TOL);
  // one-vs-rest for multiclass (scikit-learn ≥ 1.3 semantics; compared against binarized 1.2)
  assertClose([averagePrecisionScore(C.ym, C.Pm)], [C.ap_multi_macro], TOL);
  assertClose([averagePrecisionScore(C.ym, C.Pm, { average: 'micro' })], [C.ap_multi_micro], TOL);
  assertClose([averagePrecisionScore(C.ym, C.Pm, { average: 'weighted' })], [C.ap_multi_weighted], TOL);
  assert.throws(() => averagePrecisionScore(C.ys, C.s), /posLabel=1 is not a valid label/);
});

test('logLoss and brierScoreLoss match scikit-learn 1.2 (eps clipping, renormalization, labels)', () => {
  assertClose([logLoss(C.y, C.s)], [C.logloss_1d], TOL);
  assertClose([logLoss(C.y, C.s, { sampleWeight: C.w })], [C.logloss_w], TOL);
  assertClose([logLoss([0, 1, 1], [0, 1, 0])], [C.logloss_extreme], TOL);
  assertClose([logLoss(C.ym, C.Pm)], [C.logloss_multi], TOL);
  assertClose([logLoss(C.ym, C.Pm, { normalize: false })], [C.logloss_multi_sum], TOL);
  assertClose([logLoss(['a', 'a', 'b'], (C.Pm as number[][]).slice(0, 3), { labels: ['a', 'b', 'c'] })], [C.logloss_labels], TOL);
  assert.throws(() => logLoss(['a', 'a'], [[0.5, 0.5], [0.2, 0.8]]), /only one label/);
  assert.throws(() => logLoss(['a', 'a', 'b'], (C.Pm as number[][]).slice(0, 3)), /2 classes but yPred has 3 columns/);
  assertClose([brierScoreLoss(C.y, C.s)], [C.brier], TOL);
  assertClose([brierScoreLoss(C.ys, C.s, { posLabel: 'pos' })], [C.brier_str], TOL);
  assertClose([brierScoreLoss(C.y, C.s, { sampleWeight: C.w })], [C.brier_w], TOL);
  assert.throws(() => brierScoreLoss([0, 1], [0.5, 1.2]), /greater than 1/);
  assert.throws(() => brierScoreLoss(['a', 'b', 'c'], [0.5, 0.2, 0.1]), /only binary/);
  assert.throws(() => brierScoreLoss(C.ys, C.s), /posLabel/);
});
