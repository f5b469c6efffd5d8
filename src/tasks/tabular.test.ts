import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataFrame, readCsv } from '../frame/index.js';
import { OnnxModel } from '../export/onnx/runtime.node.js';
import { DataError, ParamError } from '../learn/index.js';
import { assertClose } from '../../test/helpers/assert.js';
import { random } from '../tensor/index.js';
import type { ModelFile } from '../track/model-file.js';
import { TabularClassifier, TabularModel, TabularRegressor } from './index.js';

const PENGUINS = fileURLToPath(new URL('../../data/penguins.csv', import.meta.url));

/** A seeded 75/25 split of a frame's rows. */
function split(df: DataFrame, seed: number): [DataFrame, DataFrame] {
  const perm = Array.from(random.defaultRng(seed).permutation(df.numRows).toTypedArray());
  const cut = Math.round(df.numRows * 0.75);
  return [df.take(perm.slice(0, cut).sort((a, b) => a - b)), df.take(perm.slice(cut).sort((a, b) => a - b))];
}

const penguins = await readCsv(PENGUINS, { nullValues: ['NA', ''] });

test('TabularClassifier on penguins: accurate, explained, and identical after a JSON round trip', async () => {
  const [train, test] = split(penguins, 1);
  const model = await TabularClassifier.create(train, { target: 'species', timeBudgetSeconds: 20, maxTrials: 8, seed: 0 });
  assert.deepEqual(model.classes, ['Adelie', 'Chinstrap', 'Gentoo']);
  const m = model.evaluate(test);
  assert.equal(m.rows, test.numRows);
  assert.ok(m.accuracy > 0.95, `accuracy ${m.accuracy}`);
  assert.ok(m.balancedAccuracy > 0.93, `balanced accuracy ${m.balancedAccuracy}`);
  assert.ok(m.f1Macro > 0.93, `f1 ${m.f1Macro}`);
  assert.ok(m.logLoss < 0.3, `log loss ${m.logLoss}`);
  assert.equal(m.auc, undefined, 'AUC is reported for binary targets only');
  assert.equal(m.confusionMatrix.matrix.flat().reduce((a, b) => a + b, 0), test.numRows);
  const proba = model.predictProba(test).toArray() as number[][];
  proba.forEach((row) => assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9));
  const predicted = model.predict(test);
  assert.deepEqual(predicted, proba.map((row) => model.classes[row.indexOf(Math.max(...row))]));

  // Bill length separates Chinstrap from Adelie; the model must lean on the measurements, not on sex.
  const imp = model.explain();
  assert.equal(imp.source, 'training');
  assert.equal(imp.importance.length, 6);
  assert.ok(['bill_length_mm', 'flipper_length_mm', 'bill_depth_mm', 'island'].includes(imp.importance[0]!.feature), JSON.stringify(imp.importance));
  assert.ok(imp.importance.find((f) => f.feature === 'bill_length_mm')!.importance > 0.05, JSON.stringify(imp.importance));
  assert.ok(imp.importance.find((f) => f.feature === 'sex')!.importance < 0.02);

  const s = model.summary();
  assert.equal(s.model, s.leaderboard[0]!.model);
  assert.equal(s.metric, 'accuracy');
  assert.ok(s.score > 0.95 && s.trials >= 1);
  assert.ok(s.preprocessing.some((line) => line.startsWith("numeric 'bill_length_mm'")));

  const back = TabularModel.fromJSON(JSON.stringify(model.toJSON())) as TabularClassifier;
  assert.ok(back instanceof TabularClassifier);
  assert.deepEqual(back.predict(test), predicted);
  assert.deepEqual(back.predictProba(test).toArray(), proba);
  assert.deepEqual(back.explain(), imp);
  // a new frame with the columns in another order, and without the target, predicts the same
  const reordered = test.select('sex', 'body_mass_g', 'flipper_length_mm', 'bill_depth_mm', 'bill_length_mm', 'island');
  assert.deepEqual(back.predict(reordered), predicted);
});

test('binary gradient boosting: AUC, and TreeSHAP per raw column adds up to the margin', async () => {
  const known = penguins.dropNull({ subset: ['sex'] });
  const [train, test] = split(known, 2);
  const model = await TabularClassifier.create(train, { target: 'sex', models: ['gradient-boosting'], ensemble: false, maxTrials: 2, timeBudgetSeconds: 20 });
  const m = model.evaluate(test);
  assert.ok(m.auc! > 0.9, `AUC ${m.auc}`);
  assert.ok(m.accuracy > 0.8, `accuracy ${m.accuracy}`);
  const ex = model.explain(test, { nRepeats: 3 });
  assert.equal(ex.source, 'given');
  assert.equal(ex.rows, test.numRows);
  const shap = ex.shap!;
  assert.deepEqual(shap.outputs, ['male']);
  assert.deepEqual(shap.features, model.features);
  const margin = model.fittedPipeline.decisionFunction(test.select(...model.features)).toFloat64Array();
  shap.values!.forEach((row, i) => {
    const total = row[0]!.reduce((a, b) => a + b, shap.expectedValue[0]!);
    assert.ok(Math.abs(total - margin[i]!) < 1e-9, `row ${i}: ${total} vs ${margin[i]}`);
  });
  // body mass and bill depth tell the sexes apart within a species
  assert.ok(['body_mass_g', 'bill_depth_mm', 'bill_length_mm'].includes(shap.meanAbs[0]!.feature), JSON.stringify(shap.meanAbs));
});

/** Sales with a trend over time, a weekend bump, a premium keyword in free text, and a numeric driver. */
function salesFrame(n: number, seed: number): DataFrame {
  const rng = random.defaultRng(seed);
  const u = rng.random([n, 7]).toFloat64Array();
  const start = Date.UTC(2022, 0, 1);
  const words = ['sturdy', 'light', 'compact', 'classic', 'modern', 'bright', 'quiet', 'large', 'small', 'smart', 'rugged', 'sleek'];
  const word = (r: number): string => words[Math.floor(r * words.length)]!;
  const when: Date[] = [], note: string[] = [], size: number[] = [], region: string[] = [], sales: number[] = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor(u[7 * i]! * 700);
    const t = new Date(start + day * 86_400_000);
    const premium = u[7 * i + 1]! < 0.4;
    const x = u[7 * i + 2]! * 10;
    const weekend = t.getUTCDay() === 0 || t.getUTCDay() === 6;
    when.push(t);
    note.push(`${word(u[7 * i + 4]!)} and ${word(u[7 * i + 5]!)} ${premium ? 'premium' : 'basic'} model in a ${word(u[7 * i + 6]!)} finish`);
    size.push(x);
    region.push(['north', 'south', 'east'][i % 3]!);
    sales.push(3 * x + (premium ? 20 : 0) + day * 0.05 + (weekend ? 8 : 0) + (i % 3 === 1 ? 5 : 0) + (u[7 * i + 3]! - 0.5) * 2);
  }
  return DataFrame.fromColumns({ when, note, size, region, sales });
}

test('TabularRegressor on a frame with a date and a text column: accurate, SHAP-exact, identical from JSON', async () => {
  const [train, test] = split(salesFrame(400, 3), 4);
  const model = await TabularRegressor.create(train, { target: 'sales', models: ['gradient-boosting'], ensemble: false, maxTrials: 2, cv: 3, timeBudgetSeconds: 30 });
  const s = model.summary();
  assert.ok(s.preprocessing.some((l) => l.startsWith("datetime 'when'")) && s.preprocessing.some((l) => l.startsWith("text 'note'")), s.preprocessing.join('\n'));
  const m = model.evaluate(test);
  assert.ok(m.r2 > 0.9, `r2 ${m.r2}, rmse ${m.rmse}`);
  assert.ok(m.rmse < 5 && m.mae < 4, `rmse ${m.rmse}, mae ${m.mae}`);
  const imp = model.explain();
  const rank = imp.importance.map((f) => f.feature);
  assert.deepEqual(new Set(rank.slice(0, 3)), new Set(['size', 'note', 'when']), JSON.stringify(imp.importance));
  const ex = model.explain(test, { nRepeats: 2 });
  const predicted = model.predict(test);
  ex.shap!.values!.forEach((row, i) => {
    const total = row[0]!.reduce((a, b) => a + b, ex.shap!.expectedValue[0]!);
    assert.ok(Math.abs(total - predicted[i]!) < 1e-8, `row ${i}: ${total} vs ${predicted[i]}`);
  });
  // the JSON is also a `strata-model` file, so `strata predict` and the registry can load it
  const asModelFile: ModelFile = model.toJSON();
  assert.equal(asModelFile.model, 'gradient-boosting-regressor');
  const back = TabularModel.fromJSON(model.toJSON()) as TabularRegressor;
  assert.ok(back instanceof TabularRegressor);
  assert.deepEqual(back.predict(test), predicted);
  assert.deepEqual(back.evaluate(test), m);

  // export('js'): a dependency-free module that computes the same predictions from raw rows
  const dir = mkdtempSync(join(tmpdir(), 'strata-tabular-'));
  try {
    const file = join(dir, 'model.mjs');
    writeFileSync(file, model.export('js'));
    const mod = (await import(pathToFileURL(file).href)) as { predict(rows: object[]): number[] };
    assertClose(mod.predict(test.toRecords()), predicted, { rtol: 1e-9, atol: 1e-9 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tabular models explain bad input: missing columns, missing targets, unseen classes, wrong JSON', async () => {
  const small = penguins.dropNull();
  await assert.rejects(TabularClassifier.create(small, {} as never), (e: Error) => e instanceof ParamError && /target: 'column'/.test(e.message));
  await assert.rejects(TabularRegressor.create(small, { target: 'species' }), (e: Error) => e instanceof DataError && /"Adelie" at row 0, not a number; to predict categories use TabularClassifier/.test(e.message));
  const model = await TabularClassifier.create(small, { target: 'species', models: ['linear'], ensemble: false, maxTrials: 1, cv: 3 });
  assert.throws(() => model.predict(small.drop('island')), (e: Error) => e instanceof DataError && /column 'island' missing/.test(e.message));
  assert.throws(() => model.evaluate(small.drop('species')), (e: Error) => e instanceof DataError && /target column 'species'/.test(e.message));
  const rows = [{ ...small.row(0), species: 'Emperor' }];
  assert.throws(() => model.evaluate(rows), (e: Error) => e instanceof DataError && /"Emperor"/.test(e.message) && /never saw/.test(e.message));
  assert.throws(() => TabularModel.fromJSON({ format: 'strata-model' } as never), (e: Error) => e instanceof ParamError && /tabular/.test(e.message));
  assert.throws(() => (model.export as (f: string) => unknown)('coreml'), /unknown format 'coreml'; use 'onnx' or 'js'/);
});

test('export: the ONNX file of a tabular model gives its probabilities in ONNX Runtime', async () => {
  const known = penguins.dropNull();
  const model = await TabularClassifier.create(known, { target: 'species', models: ['linear'], ensemble: false, maxTrials: 1, cv: 3 });
  const onnx = await OnnxModel.load(model.export('onnx'));
  try {
    const rows = Array.from({ length: 40 }, (_, i) => known.row(i * 8));
    assert.deepEqual(onnx.info.inputs.map((x) => x.name), model.features);
    assertClose(await onnx.predictProba(rows), model.predictProba(rows), { rtol: 1e-6, atol: 1e-9 });
    assert.deepEqual(await onnx.predict(rows), model.predict(rows));
  } finally {
    await onnx.close();
  }
});
