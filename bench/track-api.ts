/**
 * Tracking server benchmark: the time for the REST API to serve a 1,000-run table and a
 * 100,000-point curve (downsampled server-side to 1,000 points), the time for the dashboard to
 * fetch and draw that curve in Debian's chromium, and logging throughput over HTTP (one point per
 * request vs 10,000 per request). Store-level logging throughput is bench/track.ts.
 * Targets (issue #7): runs table < 200 ms; curve downsampled and rendered < 1 s.
 * No anchor runs here (MLflow's server is not a Debian package), so each number is printed with
 * its ratio to the target instead. Medians of --reps (default 5); never asserts a time.
 * Run: `node --import tsx bench/track-api.ts [--reps N]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openStore, type MetricPoint } from '../src/track/index.js';
import { buildDashboard, dashboardBuilt, startTrackServer } from '../src/track/server/index.js';
import { benchArgs, busyFraction, median } from './harness.js';

const reps = benchArgs().reps ?? 5;
const RUNS = 1000;
const CURVE = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'strata-bench-api-'));
const store = await openStore(`sqlite:${join(dir, 'strata.db')}`);

// ---- seed: 1,000 runs (8 params, 2 tags, 5 metrics × 50 steps each) and one 100,000-point curve
let t = performance.now();
const exps = [await store.getOrCreateExperiment('sweep-a'), await store.getOrCreateExperiment('sweep-b')];
const models = ['ridge', 'lasso', 'elastic-net', 'random-forest-regressor'];
for (let i = 0; i < RUNS; i++) {
  const run = await store.createRun({ experimentId: exps[i % 2]!.id, name: `trial-${i}`, seed: i, tags: { team: ['a', 'b', 'c'][i % 3]!, sweep: 'bench' } });
  const metrics: MetricPoint[] = [];
  for (const key of ['rmse', 'r2', 'mae', 'train_loss', 'val_loss']) {
    for (let s = 0; s < 50; s++) metrics.push({ key, step: s, time: 1_700_000_000_000 + s, value: Math.abs(Math.sin(i * 7 + s + key.length)) / (1 + s / 10) });
  }
  await store.logBatch(run.id, {
    params: { model: models[i % 4], alpha: 10 ** ((i % 7) - 3), l1Ratio: (i % 5) / 4, maxIter: 100 + (i % 3) * 100, tol: 1e-4, fitIntercept: i % 2 === 0, solver: 'auto', cv: 5 },
    metrics,
  });
  await store.setRunStatus(run.id, 'finished');
}
const big = await store.createRun({ experimentId: exps[0]!.id, name: 'long-curve' });
const pts: MetricPoint[] = Array.from({ length: CURVE }, (_, s) => ({ key: 'loss', step: s, time: 1_700_000_000_000 + s * 10, value: 1 / Math.sqrt(1 + s) + 0.02 * Math.sin(s / 50) + (s % 997 === 0 ? 0.1 : 0) }));
await store.logBatch(big.id, { metrics: pts });
console.log(`seeded ${RUNS} runs (${RUNS * 250} metric points) and a ${CURVE.toLocaleString('en-US')}-point curve in ${((performance.now() - t) / 1000).toFixed(1)} s`);

if (!dashboardBuilt()) await buildDashboard();
const server = await startTrackServer(store, { port: 0 });
const busy = await busyFraction();

async function timeGet(path: string): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  await (await fetch(server.url + path)).arrayBuffer(); // warm-up
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const res = await fetch(server.url + path);
    bytes = (await res.arrayBuffer()).byteLength;
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), bytes };
}

const cols = 'metrics.rmse,metrics.r2,metrics.mae,metrics.val_loss,params.model,params.alpha,params.l1Ratio,params.maxIter';
const table = await timeGet(`/api/runs?limit=1000&columns=${cols}`);
const sorted = await timeGet(`/api/runs?limit=1000&columns=${cols}&sort=${encodeURIComponent('metrics.rmse ASC')}`);
const filtered = await timeGet(`/api/runs?limit=50&columns=${cols}&sort=${encodeURIComponent('metrics.r2 DESC')}&filter=${encodeURIComponent("metrics.rmse < 0.05 AND (params.model = 'ridge' OR tags.team IN ('a', 'b'))")}`);
const curve = await timeGet(`/api/runs/${big.id}/metrics/loss?points=1000`);
const curveFull = await timeGet(`/api/runs/${big.id}/metrics/loss?points=100000`);

// ---- the browser: navigation to the run page until the downsampled curve is drawn
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const renders: number[] = [];
const tableRenders: number[] = [];
let drawn: string | null = null;
for (let r = 0; r <= reps; r++) {
  await page.goto('about:blank');
  const t0 = performance.now();
  await page.goto(`${server.url}/#/runs/${big.id}`);
  await page.locator('[data-testid="chart-loss"] g.mark-line path').first().waitFor({ timeout: 30_000 });
  if (r > 0) renders.push(performance.now() - t0);
  drawn = await page.locator('[data-testid="chart-loss"] g.mark-line path').first().getAttribute('d');
  await page.goto('about:blank');
  const t1 = performance.now();
  await page.goto(`${server.url}/#/?sort=${encodeURIComponent('metrics.rmse ASC')}`);
  await page.waitForFunction(`document.querySelectorAll('[data-testid="runs-table"] tbody tr').length === 50`, undefined, { timeout: 30_000 });
  if (r > 0) tableRenders.push(performance.now() - t1);
}
await browser.close();

// ---- logging over HTTP
const post = (id: string, body: unknown): Promise<Response> => fetch(`${server.url}/api/runs/${id}/log-batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const newRun = async (): Promise<string> => ((await (await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"experiment":"http"}' })).json()) as { run: { id: string } }).run.id;
const unbatched: number[] = [];
const batched: number[] = [];
for (let r = 0; r < Math.min(reps, 3); r++) {
  const a = await newRun();
  const N = 2000;
  t = performance.now();
  for (let i = 0; i < N; i++) await post(a, { metrics: [{ key: 'loss', value: 1 / (i + 1), step: i }] });
  unbatched.push(N / ((performance.now() - t) / 1000));
  const b = await newRun();
  const M = 200_000;
  const B = 10_000;
  t = performance.now();
  for (let s = 0; s < M; s += B) await post(b, { metrics: Array.from({ length: B }, (_, i) => ({ key: 'loss', value: 1 / (s + i + 1), step: s + i })) });
  batched.push(M / ((performance.now() - t) / 1000));
}

await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const ms = (x: number): string => `${x.toFixed(1).padStart(8)} ms`;
const ratio = (x: number, target: number): string => `${(x / target).toFixed(2)}× the target`;
console.log(`\nTracking API on SQLite, median of ${reps} (machine busy ${busy === undefined ? '?' : `${Math.round(busy * 100)}%`} before timing)`);
console.log(`  GET /api/runs, 1,000 runs × 8 columns (${(table.bytes / 1024).toFixed(0)} KiB)          ${ms(table.ms)}   target < 200 ms: ${ratio(table.ms, 200)}`);
console.log(`  … sorted by metrics.rmse                                  ${ms(sorted.ms)}   ${ratio(sorted.ms, 200)}`);
console.log(`  … filtered (AND/OR/IN) + sorted, page of 50               ${ms(filtered.ms)}`);
console.log(`  GET metrics/loss, 100,000 points → 1,000 (LTTB)           ${ms(curve.ms)}`);
console.log(`  GET metrics/loss, all 100,000 points (${(curveFull.bytes / 1024 / 1024).toFixed(1)} MiB)             ${ms(curveFull.ms)}   (downsampling saves ${(curveFull.ms / curve.ms).toFixed(1)}×)`);
console.log(`  browser: run page → 100k-point curve drawn (chromium)     ${ms(median(renders))}   target < 1000 ms: ${ratio(median(renders), 1000)}  [${(drawn ?? '').split(/[ML]/).filter((s) => s.trim()).length} vertices drawn]`);
console.log(`  browser: runs table page (50 of ${RUNS + 1}, sorted) drawn       ${ms(median(tableRenders))}`);
console.log(`  HTTP logging, 1 point per POST                            ${Math.round(median(unbatched)).toLocaleString('en-US').padStart(9)} points/s`);
console.log(`  HTTP logging, 10,000 points per POST                      ${Math.round(median(batched)).toLocaleString('en-US').padStart(9)} points/s`);
