import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { parseParam } from './train.js';
import { openStore } from '../../track/index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-train-'));
process.env.STRATA_HOME = join(dir, 'home');

/** Deterministic rows: the class is 'hi' when 2·x1 − x2 (+1 for shade 'dark') is positive. */
function writeData(path: string, n: number, offset: number): void {
  const lines = ['id,x1,x2,shade,cls,amount'];
  for (let i = 0; i < n; i++) {
    const t = i + offset;
    const x1 = Math.sin(t * 1.7) * 2;
    const x2 = Math.cos(t * 0.9) * 2;
    const shade = ['dark', 'light', 'mid'][t % 3]!;
    const score = 2 * x1 - x2 + (shade === 'dark' ? 1 : 0);
    const amount = 3 * x1 - 2 * x2 + (shade === 'dark' ? 5 : 0) + Math.sin(t * 7.3) * 0.1;
    lines.push(`${1000 + t},${i % 23 === 5 ? '' : x1.toFixed(6)},${x2.toFixed(6)},${shade},${score > 0 ? 'hi' : 'lo'},${amount.toFixed(6)}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const train = join(dir, 'train.csv');
const fresh = join(dir, 'fresh.csv');
writeData(train, 240, 0);
writeData(fresh, 60, 10_000);

test('train → predict → evaluate for a classifier, from a raw CSV with a missing value, a category and an ID', async () => {
  const saved = join(dir, 'logreg.json');
  const t = await runCli(['train', train, '--target', 'cls', '--model', 'logistic-regression', '--param', 'C=10', '--cv', '4', '--save', saved, '--json']);
  assert.equal(t.code, 0, t.stderr);
  const r = JSON.parse(t.stdout);
  assert.equal(r.model, 'logistic-regression');
  assert.equal(r.metric, 'accuracy');
  assert.equal(r.folds.length, 4);
  assert.ok(r.mean > 0.9, `cv accuracy ${r.mean}`);
  assert.equal(r.saved, saved);
  assert.ok(existsSync(saved));
  assert.ok(r.preprocessing.some((n: string) => /dropped 'id' \(ID-like\)/.test(n)));

  const p = await runCli(['predict', saved, fresh, '--json']);
  assert.equal(p.code, 0, p.stderr);
  const out = JSON.parse(p.stdout);
  assert.equal(out.predictions.length, 60);
  assert.deepEqual(out.classes, ['hi', 'lo']);
  out.probabilities.forEach((row: number[], i: number) => {
    assert.ok(Math.abs(row[0]! + row[1]! - 1) < 1e-12);
    assert.equal(out.predictions[i], row[0]! > row[1]! ? 'hi' : 'lo');
  });

  const e = await runCli(['evaluate', saved, fresh, '--target', 'cls', '--json']);
  assert.equal(e.code, 0, e.stderr);
  const ev = JSON.parse(e.stdout);
  assert.equal(ev.metric, 'accuracy');
  const truth = readFileSync(fresh, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[4]);
  const hits = truth.filter((c, i) => c === out.predictions[i]).length;
  assert.equal(ev.score, hits / 60);
  assert.ok(ev.metrics.roc_auc > 0.9);
});

test('predict --out writes prediction and proba_<class> columns', async () => {
  const saved = join(dir, 'forest.json');
  const t = await runCli(['train', train, '--target', 'cls', '--model', 'random-forest-classifier', '--param', 'nEstimators=15', '--seed', '3', '--save', saved, '--json']);
  assert.equal(t.code, 0, t.stderr);
  assert.ok(!JSON.parse(t.stdout).preprocessing.some((n: string) => /scaling/.test(n)), 'trees are not scaled');
  const outFile = join(dir, 'pred.csv');
  const p = await runCli(['predict', saved, fresh, '--out', outFile]);
  assert.equal(p.code, 0, p.stderr);
  const lines = readFileSync(outFile, 'utf8').trim().split('\n');
  assert.equal(lines[0], 'prediction,proba_hi,proba_lo');
  assert.equal(lines.length, 61);
});

test('a regressor is scored by R² and evaluates with r2, rmse and mae', async () => {
  const saved = join(dir, 'ridge.json');
  const t = await runCli(['train', train, '--target', 'amount', '--model', 'ridge', '--save', saved, '--json']);
  assert.equal(t.code, 0, t.stderr);
  const r = JSON.parse(t.stdout);
  assert.equal(r.metric, 'r2');
  assert.ok(r.mean > 0.95, `cv r2 ${r.mean}`);
  const artifacts = JSON.parse((await runCli(['runs', 'show', r.run_id, '--json'])).stdout).run.artifacts;
  assert.ok(artifacts.some((a: { name: string }) => a.name === 'plots/residuals.png'), 'a regressor logs its residual plot');
  const e = JSON.parse((await runCli(['evaluate', saved, fresh, '--target', 'amount', '--json'])).stdout);
  assert.deepEqual(Object.keys(e.metrics), ['r2', 'rmse', 'mae']);
  assert.ok(e.score > 0.95);
});

test('train logs a run and --register adds a version that predict resolves through an alias', async () => {
  const t = await runCli(['train', train, '--target', 'cls', '--model', 'gaussian-nb', '--register', 'shade-model', '--json']);
  assert.equal(t.code, 0, t.stderr);
  const r = JSON.parse(t.stdout);
  assert.match(r.run_id, /^[0-9a-f-]{8,}/);
  assert.deepEqual(r.registered, { name: 'shade-model', version: 1 });
  assert.ok(r.saved.startsWith(join(dir, 'home', 'models')), 'default save path is under STRATA_HOME');
  const shown = await runCli(['runs', 'show', r.run_id, '--json']);
  assert.equal(shown.code, 0, shown.stderr);
  const run = JSON.parse(shown.stdout).run;
  assert.equal(run.params.model, 'gaussian-nb');
  const plots = run.artifacts.filter((a: { name: string }) => a.name.startsWith('plots/'));
  assert.deepEqual(plots.map((a: { name: string }) => a.name).sort(), ['plots/confusion-matrix.png', 'plots/roc-curve.png']);
  plots.forEach((a: { size: number; media_type: string }) => {
    assert.equal(a.media_type, 'image/png');
    assert.ok(a.size > 5000, 'a rendered chart, not an empty image');
  });
  const alias = await runCli(['models', 'alias', 'shade-model', '1', 'production']);
  assert.equal(alias.code, 0, alias.stderr);
  const byAlias = await runCli(['predict', 'shade-model@production', fresh, '--json']);
  assert.equal(byAlias.code, 0, byAlias.stderr);
  const byFile = await runCli(['predict', r.saved, fresh, '--json']);
  assert.deepEqual(JSON.parse(byAlias.stdout), JSON.parse(byFile.stdout));
});

test('a gradient-boosting model logs a SHAP summary PNG next to its diagnostic plots', async () => {
  const t = await runCli(['train', train, '--target', 'cls', '--model', 'gradient-boosting-classifier', '--param', 'nEstimators=20', '--cv', '3', '--save', join(dir, 'gb.json'), '--json']);
  assert.equal(t.code, 0, t.stderr);
  const run = JSON.parse((await runCli(['runs', 'show', JSON.parse(t.stdout).run_id, '--json'])).stdout).run;
  const names = run.artifacts.map((a: { name: string }) => a.name).sort();
  assert.deepEqual(names.filter((n: string) => n.startsWith('plots/')), ['plots/confusion-matrix.png', 'plots/roc-curve.png', 'plots/shap-summary.png']);
  const shap = run.artifacts.find((a: { name: string }) => a.name === 'plots/shap-summary.png');
  assert.equal(shap.media_type, 'image/png');
  const store = await openStore();
  try {
    const png = store.artifacts.read(shap.digest);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(w > 400 && h > 150, `shap summary ${w}×${h}`);
    assert.ok(png.length > 10_000, 'a rendered beeswarm, not an empty image');
  } finally {
    await store.close();
  }
});

test('bad calls say what to fix', async () => {
  const unknownModel = await runCli(['train', train, '--target', 'cls', '--model', 'no-such-model']);
  assert.equal(unknownModel.code, 2);
  assert.match(unknownModel.stderr, /Unknown model 'no-such-model'. Known models: .*logistic-regression/);
  const badParam = await runCli(['train', train, '--target', 'cls', '--model', 'ridge', '--param', 'alpah=1']);
  assert.equal(badParam.code, 2);
  assert.match(badParam.stderr, /ridge has no parameter 'alpah'. Valid parameters: .*alpha/);
  const badTarget = await runCli(['train', train, '--target', 'clss', '--model', 'ridge']);
  assert.equal(badTarget.code, 1);
  assert.match(badTarget.stderr, /Column 'clss' not found; did you mean 'cls'\?/);
  const noModel = await runCli(['predict', join(dir, 'missing.json'), fresh]);
  assert.equal(noModel.code, 1);
  assert.match(noModel.stderr, /cannot be read/);
  assert.deepEqual(parseParam('hiddenLayerSizes=[64,32]'), ['hiddenLayerSizes', [64, 32]]);
  assert.deepEqual(parseParam('fitIntercept=false'), ['fitIntercept', false]);
  assert.deepEqual(parseParam('solver=cholesky'), ['solver', 'cholesky']);
});
