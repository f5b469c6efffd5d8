import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { array } from '../../tensor/index.js';
import { DataFrame } from '../../frame/dataframe.js';
import { GradientBoostingClassifier, GradientBoostingRegressor } from '../../learn/index.js';
import { PlotError, shapSummaryPlot } from '../index.js';
import { markCounts, renderImage } from '../render/index.js';
import { toVega } from '../render/render.js';
import { lcg } from '../../../test/helpers/plot/gallery.js';
import { loadVegaLiteSchema, validateJsonSchema } from '../../../test/helpers/plot/json-schema.js';

type Obj = Record<string, any>;
type Point = { feature: string; shap: number; row: number; colour: number | null; value: unknown };
const spec = (s: unknown): Obj => s as Obj;
const points = (s: Obj): Point[] => s.data.values as Point[];

const u = lcg(11);
const X = Array.from({ length: 200 }, () => [u() * 4, u(), u() < 0.5 ? 0 : 1, u()]);
const y = X.map((r) => 3 * r[0]! + 2 * r[2]! + 0.5 * r[1]!);
const names = ['strong', 'weak', 'flag', 'noise'];
const model = new GradientBoostingRegressor({ nEstimators: 30, maxDepth: 3 }).fit(X, y);
const shap = model.shapValues(X);

test('takes TreeSHAP output as is: rows ordered by mean |SHAP|, one point per row and feature, zero rule', () => {
  assert.deepEqual(shap.shape, [200, 5]);
  const s = spec(shapSummaryPlot(shap, X, names));
  assert.equal(validateJsonSchema(s, loadVegaLiteSchema()), null);
  assert.deepEqual(toVega(s as never, { strict: true }).warnings, []);
  const flat = shap.toFloat64Array();
  const meanAbs = names.map((_, j) => X.reduce((a, _r, i) => a + Math.abs(flat[i * 5 + j]!), 0) / X.length);
  const order = names.map((_, j) => j).sort((a, b) => meanAbs[b]! - meanAbs[a]!).map((j) => names[j]);
  assert.deepEqual(order.slice(0, 2), ['strong', 'flag']);
  const pts = points(s);
  assert.equal(pts.length, 200 * 4);
  // The most important feature is the top row (highest y), each dot within ±0.4 of its row.
  order.forEach((name, rank) => {
    const mine = pts.filter((p) => p.feature === name);
    assert.equal(mine.length, 200);
    assert.ok(mine.every((p) => Math.abs(p.row - (3 - rank)) <= 0.4 + 1e-12), name);
  });
  // SHAP x values are the model's, the expected-value column is dropped.
  const first = pts.filter((p) => p.feature === 'strong');
  first.forEach((p, i) => assert.equal(p.shap, flat[i * 5]));
  const [rule, grey, coloured] = s.layer;
  assert.equal(rule.mark.type, 'rule');
  assert.deepEqual(rule.data.values, [{ zero: 0 }]);
  assert.equal(grey.mark.color, '#9a9a9a');
  assert.equal(coloured.encoding.x.field, 'shap');
  assert.equal(coloured.encoding.y.field, 'row');
  assert.equal(coloured.encoding.y.axis.labelExpr, `${JSON.stringify([...order].reverse())}[datum.value]`);
  assert.equal(coloured.encoding.color.field, 'colour');
  assert.deepEqual(coloured.encoding.color.scale, { scheme: 'viridis', domain: [0, 1] });
  // Swarm: dots of a crowded x neighbourhood spread vertically (the binary feature piles up at two x values).
  const flag = pts.filter((p) => p.feature === 'flag');
  assert.ok(new Set(flag.map((p) => p.row.toFixed(6))).size > 20);
});

test('colour is the feature value scaled between its 5th and 95th percentiles; text and missing values are grey', () => {
  const feats = Array.from({ length: 21 }, (_, i) => [i * 10, i % 3 === 0 ? NaN : i, ['a', 'b'][i % 2]]);
  const sv = feats.map((_, i) => [i - 10, 0.5, 0.1]);
  const pts = points(spec(shapSummaryPlot(sv, feats, ['ramp', 'gappy', 'text'])));
  const ramp = pts.filter((p) => p.feature === 'ramp');
  // numpy: percentile(0..200 step 10, [5, 95]) = [10, 190]
  assert.deepEqual(ramp.map((p) => p.colour).slice(0, 3), [0, 0, 10 / 180]);
  assert.equal(ramp[20]!.colour, 1);
  assert.equal(ramp[10]!.colour, 0.5);
  const gappy = pts.filter((p) => p.feature === 'gappy');
  assert.equal(gappy.filter((p) => p.colour === null).length, 7);
  assert.ok(pts.filter((p) => p.feature === 'text').every((p) => p.colour === null && typeof p.value === 'string'));
});

test('maxDisplay keeps the top features; a frame supplies values and names; the bar variant is mean |SHAP|', () => {
  const df = DataFrame.fromColumns({ strong: X.map((r) => r[0]!), weak: X.map((r) => r[1]!), flag: X.map((r) => r[2]!), noise: X.map((r) => r[3]!) });
  const s = spec(shapSummaryPlot(shap, df, undefined, { maxDisplay: 2 }));
  assert.deepEqual([...new Set(points(s).map((p) => p.feature))], ['strong', 'flag']);
  assert.equal(s.title.subtitle, 'top 2 of 4 features by mean |SHAP|');
  const bar = spec(shapSummaryPlot(shap, X, names, { kind: 'bar', maxDisplay: 3 }));
  assert.equal(validateJsonSchema(bar, loadVegaLiteSchema()), null);
  const flat = shap.toFloat64Array();
  const strong = bar.data.values.find((r: { feature: string }) => r.feature === 'strong').importance;
  assert.ok(Math.abs(strong - X.reduce((a, _r, i) => a + Math.abs(flat[i * 5]!), 0) / 200) < 1e-12);
  assert.equal(bar.data.values.length, 3);
  assert.equal(bar.layer[0].encoding.x.title, 'mean(|SHAP value|)');
});

test('multi-class SHAP (rows × classes × features+1): pick a class, or sum over classes in the bar variant', () => {
  const yc = X.map((r) => (r[0]! < 1.3 ? 'lo' : r[0]! < 2.6 ? 'mid' : 'hi'));
  const clf = new GradientBoostingClassifier({ nEstimators: 10, maxDepth: 2 }).fit(X, yc);
  const sv = clf.shapValues(X);
  assert.deepEqual(sv.shape, [200, 3, 5]);
  assert.throws(() => shapSummaryPlot(sv, X, names), /3 classes .*pass \{ classIndex \}/);
  assert.throws(() => shapSummaryPlot(sv, X, names, { classIndex: 3 }), /classIndex 3 is out of range/);
  const one = points(spec(shapSummaryPlot(sv, X, names, { classIndex: 1 })));
  assert.equal(one.length, 800);
  assert.equal(one.find((p) => p.feature === 'strong')!.shap, sv.toFloat64Array()[1 * 5]);
  const bar = spec(shapSummaryPlot(sv, X, names, { kind: 'bar' }));
  assert.equal(bar.data.values[0].feature, 'strong');
});

test('bad input says what to fix', () => {
  assert.throws(() => shapSummaryPlot(shap, X.slice(1), names), /200 rows but the feature values have 199/);
  assert.throws(() => shapSummaryPlot(shap, X, ['a', 'b']), /2 feature names for 4 features/);
  assert.throws(() => shapSummaryPlot([[1, 2, 3]], [[1]], ['a']), /3 columns but there are 1 features/);
  assert.throws(() => shapSummaryPlot([[1, 2], [3]], [[1, 2], [3, 4]], ['a', 'b']), /row 1 has 1 values but row 0 has 2/);
  assert.throws(() => shapSummaryPlot([[NaN]], [[1]], ['a']), /row 0, feature 'a' is not a finite number/);
  assert.throws(() => shapSummaryPlot([[1, 2]], [[1, 2]], ['a', 'a']), /'a' appears twice/);
  assert.throws(() => shapSummaryPlot(array([1, 2]), [[1]], ['a']), /rows × features/);
  assert.throws(() => shapSummaryPlot(shap, X, names, { maxDisplay: 0 }), /maxDisplay must be a positive integer/);
  assert.throws(() => shapSummaryPlot([], [], []), PlotError);
  assert.throws(() => shapSummaryPlot(shap, DataFrame.fromColumns({ a: [1] }), ['zzz']), /zzz/);
});

test('renders a beeswarm PNG: one dot per row and feature, ink in the plot area', async () => {
  const s = shapSummaryPlot(shap, X, names);
  const img = await renderImage(s, { scale: 1 });
  mkdirSync('test-output/plot', { recursive: true });
  writeFileSync(join('test-output/plot', 'shap-summary-gbdt.png'), img.png);
  assert.ok(img.width > 500 && img.width < 900 && img.height > 150 && img.height < 400, `${img.width}×${img.height}`);
  assert.equal((await markCounts(s)).symbol, 800);
  let ink = 0;
  for (let y = Math.floor(img.height * 0.2); y < img.height * 0.8; y++) {
    for (let x = Math.floor(img.width * 0.2); x < img.width * 0.8; x++) {
      const i = (y * img.width + x) * 4;
      if (img.pixels[i]! < 200 || img.pixels[i + 2]! < 200) ink++;
    }
  }
  assert.ok(ink > 500, `ink ${ink}`);
});
