import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DataError, ParamError, accuracyScore, balancedAccuracyScore, classificationReport, confusionMatrix, f1Score, fbetaScore,
  precisionRecallFscoreSupport, precisionScore, recallScore,
} from '../index.js';
import { formatFixed } from './classification-report.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');
const TOL = { rtol: 1e-12, atol: 1e-15 };

for (const [name, d] of Object.entries<any>(F.cls)) {
  test(`classification metrics match scikit-learn on ${name}`, () => {
    const { y_true: yt, y_pred: yp } = d;
    assertClose([accuracyScore(yt, yp)], [d.accuracy], TOL);
    assertClose([balancedAccuracyScore(yt, yp)], [d.balanced], TOL);
    assertClose([balancedAccuracyScore(yt, yp, { adjusted: true })], [d.balanced_adj], TOL);
    for (const avg of ['micro', 'macro', 'weighted', null] as const) {
      for (const zd of [0, 1] as const) {
        const ref = d[`prf_${avg ?? "None"}_${zd}`];
        const r = avg === null
          ? precisionRecallFscoreSupport(yt, yp, { average: null, zeroDivision: zd })
          : precisionRecallFscoreSupport(yt, yp, { average: avg, zeroDivision: zd });
        assertClose(r.precision as number[] | number as never, ref.p, TOL, `${avg} ${zd} precision`);
        assertClose(r.recall as never, ref.r, TOL, `${avg} ${zd} recall`);
        assertClose(r.fscore as never, ref.f, TOL, `${avg} ${zd} f`);
        if (avg === null) assert.deepEqual(r.support, ref.s);
      }
      const f2 = avg === null ? fbetaScore(yt, yp, 2, { average: null }) : fbetaScore(yt, yp, 2, { average: avg });
      assertClose(f2 as never, d[`f2_${avg ?? "None"}`], TOL, `f2 ${avg}`);
    }
    if (d.binary) {
      const posLabel = name === 'binary_int' ? 1 : 'yes';
      assertClose([precisionScore(yt, yp, { posLabel }), recallScore(yt, yp, { posLabel }), f1Score(yt, yp, { posLabel })], [d.binary.p, d.binary.r, d.binary.f], TOL);
    } else {
      assert.throws(() => f1Score(yt, yp), (e: Error) => e instanceof DataError && /multiclass but average is 'binary'/.test(e.message));
    }
    const cm = confusionMatrix(yt, yp);
    assert.deepEqual(cm.labels, d.labels);
    assert.deepEqual(cm.matrix, d.cm);
    for (const norm of ['true', 'pred', 'all'] as const) assertClose(confusionMatrix(yt, yp, { normalize: norm }).matrix, d[`cm_${norm}`], TOL, norm);
    assert.deepEqual(confusionMatrix(yt, yp, { labels: d.cm_labels_order }).matrix, d.cm_labels);
    assert.equal(classificationReport(yt, yp), d.report);
    assert.equal(classificationReport(yt, yp, { digits: 3 }), d.report3);
    const dict = classificationReport(yt, yp, { outputDict: true });
    assert.deepEqual(Object.keys(dict), Object.keys(d.report_dict));
    for (const [k, v] of Object.entries<any>(d.report_dict)) {
      if (typeof v === 'number') assertClose([dict[k] as number], [v], TOL, k);
      else assertClose(Object.values(dict[k] as object) as number[], [v.precision, v.recall, v['f1-score'], v.support], TOL, k);
    }
    const sub = precisionRecallFscoreSupport(yt, yp, { labels: d.labels.slice(0, 2) });
    assertClose([sub.precision, sub.recall, sub.fscore, sub.support!] as never, d.prf_subset, TOL, 'subset');
    const subMicro = precisionRecallFscoreSupport(yt, yp, { labels: d.labels.slice(0, 2), average: 'micro' });
    assertClose([subMicro.precision, subMicro.recall, subMicro.fscore], d.prf_subset_micro, TOL, 'subset micro');
    assert.equal(classificationReport(yt, yp, { labels: d.labels.slice(0, 2) }), d.report_subset);
  });
}

test('formatFixed rounds exact ties to even like Python', () => {
  assert.equal(formatFixed(0.125, 2), '0.12');
  assert.equal(formatFixed(0.375, 2), '0.38');
  assert.equal(formatFixed(0.5, 0), '0');
  assert.equal(formatFixed(2 / 3, 2), '0.67');
  assert.equal(formatFixed(0.1 + 0.2, 1), '0.3');
});

test('classification metrics reject bad input with clear errors', () => {
  assert.throws(() => accuracyScore([0, 1, 1], [0, 1]), (e: Error) => e instanceof DataError && /yTrue has 3 samples but yPred has 2/.test(e.message));
  assert.throws(() => accuracyScore(['a', 'b'], ['a', 1]), /labels mix (string and number|number and string)/);
  assert.throws(() => accuracyScore([0.5, 1], [1, 1]), /continuous/);
  assert.throws(() => f1Score(['no', 'yes'], ['yes', 'no']), (e: Error) => /posLabel=1 is not a valid label/.test(e.message));
  assert.throws(() => f1Score([0, 1], [1, 0], { average: 'bogus' as never }), ParamError);
  assert.throws(() => confusionMatrix([0, 1], [1, 0], { labels: [5] }), /none of the given labels/);
  assert.throws(() => accuracyScore([0, null as never], [0, 1]), /missing or non-finite value \(null\) at row 1/);
});
