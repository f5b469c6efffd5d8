/**
 * AutoML quality against the best default scikit-learn / XGBoost model on real tabular data that
 * is available offline (bench/data/README.md says where each file comes from and its licence):
 *
 *   penguins        344 rows   classification  categorical and missing values
 *   diabetes_messy  442 rows   regression      text, missing values, a date and a signal-free column
 *   digits         1797 rows   classification  64 pixel counts, 10 classes, non-linear
 *   concrete       1030 rows   regression      strongly non-linear in age and mix ratios
 *   credit         4454 rows   classification  credit scoring: categorical and missing values
 *   hpc            4331 rows   classification  4 job-duration classes: categorical, skewed counts
 *   chicago        5698 rows   regression      daily train ridership: a date column (weekday) and 49 numbers
 *
 * Protocol (the same outer folds on both sides, written to a temp file for the Python side):
 * 5-fold cross-validation, stratified for classification, shuffled with seed 0. On each fold
 * Strata runs `autoML` on the training rows only, with a budget of TIME / 5 seconds (so TIME
 * seconds of search per dataset; default 60), and its refitted winner predicts the held-out
 * rows. The Python side fits LogisticRegression/Ridge, RandomForest, HistGradientBoosting and
 * XGBoost with their defaults behind a standard preprocessing on the same training rows. Scores:
 * accuracy (classification), R² (regression), mean over the 5 folds; the "best default" is the
 * best of those models' means, chosen after the fact (which favours the defaults slightly).
 *
 * The machine is shared: a busy machine gives the search fewer trials in the same wall-clock
 * budget, so the bench prints the load average and the share of CPU time others used. "strata s"
 * is the wall time of the 5 outer folds, refits included: a fold cannot stop a model mid-fit, so a
 * slow trial started near the end of the budget runs over it.
 *
 * usage: node --import tsx bench/automl.ts [--time SECONDS_PER_DATASET] [--only penguins,digits,…]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoML } from '../src/automl/index.js';
import { makeFolds } from '../src/automl/folds.js';
import { resolveMetric } from '../src/automl/metrics.js';
import { readCsv } from '../src/frame/index.js';
import type { Label } from '../src/learn/index.js';
import type { NdArray } from '../src/tensor/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';

const ANCHOR = fileURLToPath(new URL('./anchors/automl_anchor.py', import.meta.url));
const DATA = (file: string): string => fileURLToPath(new URL(`./data/${file}`, import.meta.url));
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const FOLDS = 5;

interface Dataset { name: string; path: string; target: string; task: 'classification' | 'regression' }

const DATASETS: Dataset[] = [
  { name: 'penguins', path: fileURLToPath(new URL('../data/penguins.csv', import.meta.url)), target: 'species', task: 'classification' },
  { name: 'diabetes_messy', path: DATA('diabetes_messy.csv'), target: 'target', task: 'regression' },
  { name: 'digits', path: DATA('digits.csv'), target: 'target', task: 'classification' },
  { name: 'concrete', path: DATA('concrete.csv'), target: 'compressive_strength', task: 'regression' },
  { name: 'credit', path: DATA('credit.csv'), target: 'Status', task: 'classification' },
  { name: 'hpc', path: DATA('hpc.csv'), target: 'class', task: 'classification' },
  { name: 'chicago', path: DATA('chicago.csv'), target: 'ridership', task: 'regression' },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: readonly number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** Jiffies [busy, total] of the whole machine so far, from /proc/stat (undefined off Linux). */
function cpuTimes(): [number, number] | undefined {
  try {
    const v = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    return [total - v[3]! - (v[4] ?? 0), total];
  } catch {
    return undefined;
  }
}

/** CPU seconds this process has used so far. */
const ownCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  const time = Number(arg('--time') ?? 60);
  const only = arg('--only')?.split(',');
  const skip = missingAnchor('scikit-learn/XGBoost', ['numpy', 'pandas', 'sklearn']);
  if (skip) console.log(skip);
  const datasets = only ? DATASETS.filter((d) => only.includes(d.name)) : DATASETS;
  const tmp = mkdtempSync(join(tmpdir(), 'strata-bench-automl-'));
  const cpu0 = cpuTimes();
  const own0 = ownCpuSeconds();
  const wall0 = performance.now();
  const loads: number[] = [];
  try {
    const job: { datasets: (Dataset & { folds: number[][] })[] } = { datasets: [] };
    const strata: Record<string, { scores: number[]; winners: string[]; trials: number[]; rows: number; cols: number; seconds: number }> = {};
    for (const ds of datasets) {
      const df = await readCsv(ds.path);
      const y = df.column(ds.target).toArray() as Label[];
      const folds = makeFolds(ds.task, y, FOLDS, 0);
      job.datasets.push({ ...ds, folds: folds.map((f) => Array.from(f.test)) });
      const metric = resolveMetric(ds.task === 'classification' ? 'accuracy' : 'r2', ds.task);
      const scores: number[] = [];
      const winners: string[] = [];
      const trials: number[] = [];
      const t0 = performance.now();
      for (const fold of folds) {
        loads.push(loadavg()[0]!);
        const r = await autoML(df.take(fold.train), { target: ds.target, task: ds.task, timeBudgetSeconds: time / FOLDS, seed: 0, metric: metric.name });
        const test = df.take(fold.test);
        const truth = test.column(ds.target).toArray() as Label[];
        const raw = r.pipeline.predict(test);
        const pred = ds.task === 'classification' ? { labels: raw as Label[] } : { values: (raw as NdArray).toFloat64Array() };
        scores.push(metric.compute(truth, pred, r.classes ?? []));
        winners.push(r.best.model);
        trials.push(r.trials);
      }
      strata[ds.name] = { scores, winners, trials, rows: df.numRows, cols: df.numCols - 1, seconds: (performance.now() - t0) / 1000 };
      console.log(
        `${ds.name}: strata automl ${metric.name} ${mean(scores).toFixed(4)} ± ${std(scores).toFixed(4)} ` +
          `(${strata[ds.name]!.seconds.toFixed(0)} s; trials ${trials.join(', ')}; winners ${winners.join(', ')})`,
      );
    }

    let anchor: Record<string, Record<string, number[]>> = {};
    let anchorSeconds = 0;
    if (!skip) {
      const jobFile = join(tmp, 'job.json');
      writeFileSync(jobFile, JSON.stringify(job));
      const t0 = performance.now();
      // One thread, like Strata's search: OpenMP's spinning threads (HistGradientBoosting) crawl on a busy machine.
      const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' };
      // Its progress (seconds per dataset) goes straight to our stderr.
      const scored = spawnSync(PYTHON, [ANCHOR, jobFile], { encoding: 'utf8', maxBuffer: 1 << 26, env, stdio: ['ignore', 'pipe', 'inherit'] });
      anchorSeconds = (performance.now() - t0) / 1000;
      if (scored.status !== 0) throw new Error(`scikit-learn scoring failed (exit ${scored.status}); its error is printed above.`);
      anchor = JSON.parse(scored.stdout);
    }

    const rows = datasets.map((ds) => {
      const s = strata[ds.name]!;
      const defaults = Object.entries(anchor[ds.name] ?? {}).map(([model, sc]) => ({ model, mean: mean(sc), std: std(sc) })).sort((a, b) => b.mean - a.mean);
      const best = defaults[0];
      return {
        dataset: ds.name, rows: s.rows, cols: s.cols, metric: ds.task === 'classification' ? 'accuracy' : 'r2',
        strata: mean(s.scores), strataStd: std(s.scores), bestDefault: best?.mean ?? NaN, bestDefaultStd: best?.std ?? NaN, which: best?.model ?? '-',
        delta: best ? mean(s.scores) - best.mean : NaN, meanTrials: mean(s.trials), seconds: s.seconds, defaults, winners: s.winners, folds: s.scores,
      };
    });
    const header = ['dataset', 'rows×cols', 'metric', 'strata automl', 'best default', 'which', 'delta', 'trials/fold', 'strata s'];
    const cells = rows.map((r) => [
      r.dataset, `${r.rows}×${r.cols}`, r.metric, `${r.strata.toFixed(4)} ± ${r.strataStd.toFixed(4)}`, `${r.bestDefault.toFixed(4)} ± ${r.bestDefaultStd.toFixed(4)}`,
      r.which, `${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(4)}`, r.meanTrials.toFixed(0), r.seconds.toFixed(0),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
    const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
    console.log(`\nAutoML (${time} s of search per dataset, ${time / FOLDS} s per outer fold) vs the best default model, ${FOLDS}-fold CV on the same folds\n`);
    console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
    const wins = rows.filter((r) => r.delta >= 0).length;
    console.log(`\nstrata automl ≥ best default on ${wins} of ${rows.length} datasets`);

    const cpu1 = cpuTimes();
    const wallSeconds = (performance.now() - wall0) / 1000;
    const ownShare = (ownCpuSeconds() - own0) / wallSeconds;
    let machine = '';
    if (cpu0 && cpu1) {
      const busy = (cpu1[0] - cpu0[0]) / (cpu1[1] - cpu0[1]);
      // On N cores, this process alone makes the machine ownShare / N busy; the rest is other work (and the anchor).
      machine = `machine busy fraction ${busy.toFixed(2)} over the run (this process ${(ownShare / availableParallelism()).toFixed(2)} of it), `;
    }
    console.log(`${machine}load average ${mean(loads).toFixed(1)} (min ${Math.min(...loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)}) on ${availableParallelism()} cores; anchor ${anchorSeconds.toFixed(0)} s; total ${wallSeconds.toFixed(0)} s`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'automl.json'), JSON.stringify({ time, folds: FOLDS, loadAverage: mean(loads), rows }, null, 2));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
