/**
 * The dashboard in a real browser (Debian's chromium through playwright-core) against a real
 * server on a store seeded by real training: what a user sees on each page. Screenshots go to
 * test-output/web/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LogisticRegression } from '../../src/learn/index.js';
import { startRun } from '../../src/track/index.js';
import { buildDashboard, dashboardBuilt, startTrackServer, type StartedServer } from '../../src/track/server/index.js';
import { curveData, seedStore, type SeededStore } from '../helpers/track/seed.js';

const SHOTS = 'test-output/web';
let seeded: SeededStore;
let server: StartedServer;
let browser: Browser;
let page: Page;
let otherCurveRunId: string;

before(async () => {
  if (!dashboardBuilt()) await buildDashboard();
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedStore();
  const run = await startRun(seeded.store, { experiment: 'curves', name: 'logreg-strong', tags: { team: 'b' } });
  const { X, y } = curveData();
  run.logParams({ model: 'logistic-regression', C: 0.1 });
  new LogisticRegression({ C: 0.1, solver: 'fista', maxIter: 60, tol: 1e-12 }).fit(X, y, { run });
  await run.end();
  otherCurveRunId = run.id;
  server = await startTrackServer(seeded.store, { port: 0, pollMs: 100 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.store.close();
});

/** Vertices of an SVG path `d` ("M x,y L x,y …"). */
const vertices = (d: string | null): number => (d ?? '').split(/[ML]/).filter((s) => s.trim() !== '').length;

/** Vertices of each drawn line of a chart (one SVG path per run in Vega's line marks). */
async function lineVertices(testId: string): Promise<number[]> {
  const paths = await page.locator(`[data-testid="${testId}"] g.mark-line path`).all();
  return Promise.all(paths.map(async (p) => vertices(await p.getAttribute('d'))));
}

// Browser-side conditions are written as text: this file is compiled without DOM types.
const until = (expr: string): Promise<unknown> => page.waitForFunction(expr, undefined, { timeout: 10_000 });
const textOf = (sel: string): string => `document.querySelector(${JSON.stringify(sel)})?.textContent`;
const countOf = (sel: string): string => `document.querySelectorAll(${JSON.stringify(sel)}).length`;

test('the runs table lists the runs, filters with the filter language (errors pointed at) and sorts', async () => {
  await page.goto(server.url);
  await page.locator('[data-testid="runs-table"] tbody tr').first().waitFor();
  assert.equal(await page.locator('[data-testid="runs-table"] tbody tr').count(), 3);
  assert.equal(await page.getByTestId('run-count').textContent(), '3 runs');

  await page.getByLabel('filter').fill("params.C = 0.1 OR metrics.accuracy_mean > 0.5");
  await page.getByRole('button', { name: 'Apply' }).click();
  await until(`${textOf('[data-testid="run-count"]')} === '2 runs'`);
  const names = await page.locator('[data-testid="runs-table"] tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(names, ['logreg-strong', 'logistic-regression']);

  await page.getByLabel('filter').fill('metrics.loss >');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent() ?? '', /position 15: expected a value/);
  assert.ok(await page.getByRole('button', { name: 'Apply' }).isDisabled());
  await page.screenshot({ path: `${SHOTS}/runs-filter-error.png` });

  await page.goto(`${server.url}#/?experiment=curves`);
  await until(`${textOf('[data-testid="run-count"]')} === '2 runs'`);
  await page.locator('th', { hasText: 'loss' }).click(); // ascending latest loss: the weakly regularized fit reaches the lower loss
  await until(`location.hash.includes('sort=')`);
  await until(`${textOf('[data-testid="runs-table"] tbody tr td:nth-child(2)')} === 'logreg-curve'`);
  await page.locator('th', { hasText: 'loss' }).click();
  await until(`${textOf('[data-testid="runs-table"] tbody tr td:nth-child(2)')} === 'logreg-strong'`);
  await page.screenshot({ path: `${SHOTS}/runs.png` });
});

test("a run's page draws its curve with every logged point, smooths it and shows its artifacts", async () => {
  const history = await seeded.store.getMetricHistory(seeded.curveRunId, 'loss');
  await page.goto(`${server.url}#/runs/${seeded.curveRunId}`);
  await page.locator('[data-testid="chart-loss"] g.mark-line path').first().waitFor();
  assert.deepEqual(await lineVertices('chart-loss'), [history.length]);
  assert.match(await page.locator('[data-metric="loss"] header').textContent() ?? '', new RegExp(`${history.length} points`));
  assert.equal(await page.locator('[data-testid="params"] tr', { hasText: 'solver' }).locator('td').textContent(), 'fista');
  await page.getByLabel('smoothing').fill('0.8');
  await until(`${countOf('[data-testid="chart-loss"] g.mark-line path')} === 2`);
  assert.deepEqual(await lineVertices('chart-loss'), [history.length, history.length], 'raw (faint) and smoothed lines');
  await page.getByLabel('log scale').check();
  // JSON artifacts drawn with plot's builders: the ROC curve through every stored point, a 2×2 confusion matrix
  await page.locator('[data-testid="artifact-chart-eval/roc.json"] g.mark-line path').first().waitFor();
  const artifact = async (name: string): Promise<any> =>
    JSON.parse(seeded.store.artifacts.read((await seeded.store.listArtifacts(seeded.curveRunId)).find((a) => a.name === name)!.digest).toString());
  const roc = (await artifact('eval/roc.json')) as { fpr: number[] };
  assert.ok((await lineVertices('artifact-chart-eval/roc.json')).includes(roc.fpr.length), `a ROC line with ${roc.fpr.length} points`);
  const cm = (await artifact('eval/confusion.json')) as { matrix: number[][] };
  const cells = page.locator('[data-testid="artifact-chart-eval/confusion.json"] g.mark-text.role-mark text');
  await cells.first().waitFor();
  assert.equal(await page.locator('[data-testid="artifact-chart-eval/confusion.json"] g.mark-rect.role-mark path').count(), 4);
  assert.deepEqual((await cells.allTextContents()).map(Number).sort((p, q) => p - q), cm.matrix.flat().sort((p, q) => p - q), 'each cell shows its count');
  await page.screenshot({ path: `${SHOTS}/run-curve.png`, fullPage: true });

  await page.goto(`${server.url}#/runs/${seeded.trainRunId}`);
  const img = page.locator('figure[data-artifact="plots/confusion-matrix.png"] img');
  await img.waitFor();
  await until(`document.querySelector('figure[data-artifact="plots/confusion-matrix.png"] img')?.naturalWidth > 0`);
  assert.deepEqual(await lineVertices('chart-fold_accuracy'), [3], 'one point per CV fold');
  await page.screenshot({ path: `${SHOTS}/run-artifacts.png`, fullPage: true });
});

test('compare overlays the curves of two runs and shows params, metrics and parallel coordinates', async () => {
  const a = await seeded.store.getMetricHistory(seeded.curveRunId, 'loss');
  const b = await seeded.store.getMetricHistory(otherCurveRunId, 'loss');
  await page.goto(`${server.url}#/compare?ids=${seeded.curveRunId},${otherCurveRunId}`);
  await until(`${countOf('[data-testid="chart-loss"] g.mark-line path')} === 2`);
  assert.deepEqual((await lineVertices('chart-loss')).sort((x, y) => x - y), [a.length, b.length].sort((x, y) => x - y));
  const row = page.locator('[data-testid="compare-table"] tr').filter({ has: page.locator('th', { hasText: /^params\.C$/ }) });
  assert.deepEqual(await row.locator('td').allTextContents(), ['1', '0.1']);
  await page.getByTestId('parallel-coordinates').locator('svg').waitFor();
  await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
});

test("a live run's chart grows while it logs", async () => {
  const run = await startRun(seeded.store, { experiment: 'live', name: 'training-now', flushIntervalMs: 20 });
  for (let i = 0; i < 5; i++) run.logMetric('loss', 1 / (i + 1), i);
  await run.flush();
  await page.goto(`${server.url}#/runs/${run.id}`);
  await page.locator('[data-testid="chart-loss"] g.mark-line path').first().waitFor();
  assert.deepEqual(await lineVertices('chart-loss'), [5]);
  const seen = [5];
  for (const upTo of [15, 40]) {
    for (let i = seen.at(-1)!; i < upTo; i++) run.logMetric('loss', 1 / (i + 1), i);
    await run.flush();
    await until(`(document.querySelector('[data-testid="chart-loss"] g.mark-line path')?.getAttribute('d') ?? '').split(/[ML]/).filter((s) => s.trim() !== '').length === ${upTo}`);
    seen.push(upTo);
  }
  assert.deepEqual(seen, [5, 15, 40]);
  assert.equal(await page.getByTestId('run-status').textContent(), 'running');
  await run.end();
  await until(`${textOf('[data-testid="run-status"]')} === 'finished'`);
  await page.screenshot({ path: `${SHOTS}/live.png` });
});

test('the model registry page predicts a row typed into "try it"', async () => {
  await page.goto(`${server.url}#/models`);
  await page.locator('[data-testid="models-table"] a', { hasText: 'penguins' }).click();
  await page.getByTestId('try-it').waitFor();
  const row = { island: 'Biscoe', bill_length_mm: '48.6', bill_depth_mm: '16', flipper_length_mm: '230', body_mass_g: '5800', sex: 'male' };
  for (const [k, v] of Object.entries(row)) await page.getByLabel(k, { exact: true }).fill(v);
  await page.getByRole('button', { name: 'Predict' }).click();
  const cell = page.locator('[data-testid="predictions"] td.prediction');
  await cell.waitFor();
  const res = await fetch(`${server.url}/api/models/penguins/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [row] }) });
  const expected = (await res.json()) as { predictions: string[]; classes: string[] };
  assert.equal(await cell.textContent(), expected.predictions[0]);
  assert.equal(expected.predictions[0], 'Gentoo', 'a long-flippered heavy Biscoe penguin is a Gentoo');
  assert.equal(await page.locator('[data-testid="predictions"] td.proba').count(), expected.classes.length);
  await page.screenshot({ path: `${SHOTS}/model-try-it.png`, fullPage: true });

  await page.getByLabel('alias').fill('production');
  await page.getByRole('button', { name: 'Set alias' }).click();
  await page.locator('[data-testid="versions-table"] .alias', { hasText: 'production' }).waitFor();
  assert.deepEqual((await seeded.store.getRegisteredModel('penguins')).aliases, { production: 1 });
});

test('the dataset explorer shows the schema and a summary of the training file', async () => {
  await page.goto(`${server.url}#/datasets`);
  await page.locator('[data-testid="datasets-table"] tbody tr').first().waitFor();
  await page.locator('[data-testid="datasets-table"] tbody tr', { hasText: 'training' }).first().locator('a').click();
  await page.getByTestId('schema').waitFor();
  assert.ok((await page.getByTestId('schema').textContent())?.includes('flipper_length_mm'));
  await page.getByTestId('describe').waitFor();
  await page.locator('[data-testid="histogram-flipper_length_mm"] g.mark-rect path').first().waitFor();
  assert.ok(await page.locator('[data-testid="histogram-flipper_length_mm"] g.mark-rect path').count() >= 10, 'a histogram of flipper lengths with its bins');
  await page.locator('[data-testid="histogram-species"] g.mark-rect path').first().waitFor();
  assert.equal(await page.locator('[data-testid="histogram-species"] g.mark-rect path').count(), 3, 'one bar per species');
  await page.screenshot({ path: `${SHOTS}/dataset.png`, fullPage: true });
});
