import { test } from 'node:test';
import assert from 'node:assert/strict';
import { array } from '../../tensor/index.js';
import { confusionMatrix, precisionRecallCurve, rocCurve, rocAucScore, averagePrecisionScore } from '../../learn/index.js';
import {
  PlotError, calibrationPlot, clusterScatter, confusionMatrixPlot, featureImportancePlot, learningCurvePlot, pca2, prCurvePlot,
  residualPlot, rocCurvePlot, trainingCurves, validationCurvePlot,
} from '../index.js';
import { toVega } from '../render/render.js';
import { lcg } from '../../../test/helpers/plot/gallery.js';

type Obj = Record<string, any>;
const spec = (s: unknown): Obj => s as Obj;

const u = lcg(3);
const yTrue = Array.from({ length: 120 }, (_, i) => i % 2);
const score = yTrue.map((t) => 0.3 * t + 0.7 * u());

test('confusionMatrixPlot takes learn\'s confusionMatrix result, counts or normalized', () => {
  const cm = confusionMatrix(['a', 'b', 'a', 'c', 'b', 'a'], ['a', 'b', 'b', 'c', 'b', 'a']);
  const s = spec(confusionMatrixPlot(cm));
  const cells = s.data.values as { column: string; row: string; value: number }[];
  assert.equal(cells.length, 9);
  assert.deepEqual(cells.find((c) => c.row === 'a' && c.column === 'b'), { column: 'b', row: 'a', value: 1 });
  assert.equal(s.layer[0].encoding.x.title, 'Predicted label');
  assert.equal(s.layer[0].encoding.y.title, 'True label');
  assert.equal(s.layer[1].encoding.text.format, ',d');
  const n = spec(confusionMatrixPlot(array([[3, 1], [0, 4]]), { normalize: 'true', labels: ['neg', 'pos'] }));
  const nv = n.data.values as { column: string; row: string; value: number }[];
  assert.equal(nv.find((c) => c.row === 'neg' && c.column === 'neg')!.value, 0.75);
  assert.equal(nv.find((c) => c.row === 'pos' && c.column === 'pos')!.value, 1);
  const p = spec(confusionMatrixPlot([[3, 1], [1, 4]], { normalize: 'pred' })).data.values as { column: string; row: string; value: number }[];
  assert.equal(p.find((c) => c.row === '0' && c.column === '0')!.value, 0.75);
  const all = spec(confusionMatrixPlot([[3, 1], [0, 4]], { normalize: 'all' })).data.values as { value: number }[];
  assert.equal(all.reduce((a, c) => a + c.value, 0), 1);
  assert.throws(() => confusionMatrixPlot([[1, 2, 3], [4, 5, 6]]), /must be square/);
  assert.throws(() => confusionMatrixPlot([[1, 2], [3, 4]], { labels: ['a'] }), /1 labels for a 2×2 matrix/);
});

test('rocCurvePlot: legend AUC equals learn\'s rocAucScore, one curve per model, chance diagonal', () => {
  const a = rocCurve(yTrue, score);
  const b = rocCurve(yTrue, yTrue.map(() => u()));
  const s = spec(rocCurvePlot({ good: a, random: b }));
  const labels = [...new Set((s.layer[1].data.values as { curve: string }[]).map((r) => r.curve))];
  assert.equal(labels.length, 2);
  assert.equal(labels[0], `good (AUC = ${rocAucScore(yTrue, score).toFixed(3)})`);
  assert.deepEqual(s.layer[0].data.values, [{ x: 0, y: 0 }, { x: 1, y: 1 }]);
  assert.deepEqual(s.layer[1].encoding.x.scale.domain, [0, 1]);
  const single = spec(rocCurvePlot(a));
  assert.match(single.layer[1].data.values[0].curve, /^model \(AUC/);
  assert.throws(() => rocCurvePlot({ fpr: [0, 1], tpr: [0] }), /2 fpr values but 1 tpr/);
  assert.throws(() => rocCurvePlot({}), PlotError);
});

test('prCurvePlot: legend AP equals learn\'s averagePrecisionScore; step interpolation', () => {
  const pr = precisionRecallCurve(yTrue, score);
  const s = spec(prCurvePlot({ model: pr }));
  assert.equal(s.layer[0].data.values[0].curve, `model (AP = ${(averagePrecisionScore(yTrue, score) as number).toFixed(3)})`);
  assert.equal(s.layer[0].mark.interpolate, 'step-after');
  assert.equal(s.layer[0].encoding.x.title, 'Recall');
});

test('calibration, learning and validation curves', () => {
  const c = spec(calibrationPlot({ probPred: [0.1, 0.5, 0.9], probTrue: [0.2, 0.5, 0.8] }));
  assert.equal(c.layer[1].data.values.length, 3);
  assert.equal(c.layer[1].mark.point.size, 40);
  const l = spec(learningCurvePlot({ trainSizes: [10, 20], trainScores: [[1, 0.8], [0.9, 0.9]], testScores: array([[0.5, 0.7], [0.8, 0.8]]) }));
  const rows = l.data.values as { x: number; mean: number; lo: number; hi: number; series: string }[];
  assert.equal(rows.length, 4);
  const first = rows[0]!;
  assert.ok(Math.abs(first.mean - 0.9) < 1e-12 && Math.abs(first.hi - 1) < 1e-12 && Math.abs(first.lo - 0.8) < 1e-12);
  assert.equal(rows[2]!.series, 'Validation score');
  assert.throws(() => learningCurvePlot({ trainSizes: [10], trainScores: [[1], [2]], testScores: [[1]] }), /2 rows but there are 1 x values/);
  const v = spec(validationCurvePlot({ paramName: 'C', paramRange: [0.1, 1], trainScores: [[1], [1]], testScores: [[0.5], [0.6]] }, { logX: true }));
  assert.equal(v.layer[1].encoding.x.scale.type, 'log');
  assert.equal(v.layer[1].encoding.x.title, 'C');
  assert.throws(() => validationCurvePlot({ paramName: 'C', paramRange: [0, 1], trainScores: [[1], [1]], testScores: [[0.5], [0.6]] }, { logX: true }), /logX needs positive/);
});

test('featureImportancePlot sorts by magnitude and keeps the top k', () => {
  const s = spec(featureImportancePlot(new Float64Array([0.1, -0.5, 0.3]), ['a', 'b', 'c'], { top: 2 }));
  assert.deepEqual(s.data.values.map((r: { feature: string }) => r.feature), ['b', 'c']);
  assert.deepEqual(s.layer[0].encoding.y.sort, ['b', 'c']);
  assert.throws(() => featureImportancePlot([1, 2], ['a']), /1 feature names for 2 importances/);
});

test('residualPlot computes y − ŷ and rejects mismatched lengths', () => {
  const s = spec(residualPlot([3, 5, 7], array([2, 5, 9])));
  assert.deepEqual(s.data.values, [{ fitted: 2, residual: 1 }, { fitted: 5, residual: 0 }, { fitted: 9, residual: -2 }]);
  assert.throws(() => residualPlot([1, 2], [1]), /yTrue has 2 values but yPred has 1/);
  assert.throws(() => residualPlot([1, 'x' as never], [1, 2]), /not a number at index 1/);
});

test('pca2 matches a known projection; clusterScatter projects data and centers', () => {
  // Points on the line y = 2x: all variance on PC1 = (1, 2)/√5.
  const X = [[0, 0, 1], [1, 2, 1], [2, 4, 1], [3, 6, 1]];
  const p = pca2(X);
  assert.ok(Math.abs(p.ratio[0] - 1) < 1e-9);
  assert.ok(Math.abs(p.components[0][0]! - 1 / Math.sqrt(5)) < 1e-9 && Math.abs(p.components[0][1]! - 2 / Math.sqrt(5)) < 1e-9);
  assert.ok(Math.abs(p.coords[3]![0] - p.coords[0]![0] - Math.sqrt(45)) < 1e-9);
  const s = spec(clusterScatter(X, [0, 0, 1, 1], { centers: [[0.5, 1, 1], [2.5, 5, 1]] }));
  assert.match(s.layer[0].encoding.x.title, /^PC1 \(100\.0% of variance\)$/);
  assert.ok(Math.abs(s.layer[1].data.values[0].x - (p.coords[0]![0] + p.coords[1]![0]) / 2) < 1e-9);
  const noise = spec(clusterScatter([[0, 0], [1, 1], [2, 2]], [-1, 0, 1]));
  assert.equal(noise.layer[0].encoding.color.scale.range[0], '#BBBBBB');
  assert.throws(() => clusterScatter([[0, NaN], [1, 1]], [0, 1]), /X\[0\]\[1\] is NaN/);
  assert.throws(() => clusterScatter([[0, 1]], [0, 1]), /2 labels for 1 rows/);
});

test('trainingCurves: panels for losses and scores, smoothing, unknown metric', () => {
  const pts = [0, 1, 2].flatMap((step) => [{ step, value: 1 / (step + 1), key: 'loss' }, { step, value: step / 2, key: 'accuracy' }]);
  const s = spec(trainingCurves(pts));
  assert.equal(s.facet.column.field, 'group');
  assert.equal(s.resolve.scale.y, 'independent');
  const one = spec(trainingCurves(pts, { keys: ['loss'], smoothing: 0.5 }));
  const rows = one.data.values as { smooth: number }[];
  assert.deepEqual(rows.map((r) => r.smooth), [1, 0.75, 0.75 * 0.5 + (1 / 3) * 0.5]);
  assert.equal(one.layer.length, 2);
  assert.throws(() => trainingCurves(pts, { keys: ['los'] }), /no metric 'los'\. Metrics: loss, accuracy/);
  assert.throws(() => trainingCurves([]), /no metric points/);
  assert.deepEqual(toVega(s, { strict: true }).warnings, []);
});
