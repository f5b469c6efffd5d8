/**
 * AutoML quality against the best default scikit-learn / XGBoost model, on real tabular data
 * available offline: the Palmer penguins (data/, categorical and missing values), scikit-learn's
 * bundled breast_cancer, wine and diabetes, and diabetes_messy — the raw diabetes data with sex
 * as text, 10% of bmi/bp/s3 missing at random and two signal-free columns a clinic export would
 * have (clinic name, ISO visit date); see bench/anchors/automl_anchor.py for the derivation.
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
 * usage: node --import tsx bench/automl.ts [--time SECONDS_PER_DATASET] [--only penguins,wine,…]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const PENGUINS = fileURLToPath(new URL('../data/penguins.csv', import.meta.url));
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const FOLDS = 5;

interface Dataset { name: string; path: string; target: string; task: 'classification' | 'regression' }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: readonly number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

async function main(): Promise<void> {
  const time = Number(arg('--time') ?? 60);
  const only = arg('--only')?.split(',');
  const skip = missingAnchor('scikit-learn/XGBoost', ['numpy', 'pandas', 'sklearn']);
  const tmp = mkdtempSync(join(tmpdir(), 'strata-bench-automl-'));
  try {
    let datasets: Dataset[] = [{ name: 'penguins', path: PENGUINS, target: 'species', task: 'classification' }];
    if (!skip) {
      const exported = spawnSync(PYTHON, [ANCHOR, 'export', tmp], { encoding: 'utf8' });
      if (exported.status !== 0) throw new Error(`dataset export failed: ${exported.stderr}`);
      datasets.push(...(JSON.parse(exported.stdout) as Dataset[]));
    } else console.log(skip);
    if (only) datasets = datasets.filter((d) => only.includes(d.name));

    const job: { datasets: (Dataset & { folds: number[][] })[] } = { datasets: [] };
    const strata: Record<string, { scores: number[]; winners: string[]; rows: number; seconds: number }> = {};
    for (const ds of datasets) {
      const df = await readCsv(ds.path);
      const y = df.column(ds.target).toArray() as Label[];
      const folds = makeFolds(ds.task, y, FOLDS, 0);
      job.datasets.push({ ...ds, folds: folds.map((f) => Array.from(f.test)) });
      const metric = resolveMetric(ds.task === 'classification' ? 'accuracy' : 'r2', ds.task);
      const scores: number[] = [];
      const winners: string[] = [];
      const t0 = performance.now();
      for (const fold of folds) {
        const r = await autoML(df.take(fold.train), { target: ds.target, task: ds.task, timeBudgetSeconds: time / FOLDS, seed: 0, metric: metric.name });
        const test = df.take(fold.test);
        const truth = test.column(ds.target).toArray() as Label[];
        const raw = r.pipeline.predict(test);
        const pred = ds.task === 'classification' ? { labels: raw as Label[] } : { values: (raw as NdArray).toFloat64Array() };
        scores.push(metric.compute(truth, pred, r.classes ?? []));
        winners.push(r.best.model);
      }
      strata[ds.name] = { scores, winners, rows: df.numRows, seconds: (performance.now() - t0) / 1000 };
      console.log(`${ds.name}: strata automl ${metric.name} ${mean(scores).toFixed(4)} ± ${std(scores).toFixed(4)} (${strata[ds.name]!.seconds.toFixed(0)} s; winners ${winners.join(', ')})`);
    }

    let anchor: Record<string, Record<string, number[]>> = {};
    if (!skip) {
      const jobFile = join(tmp, 'job.json');
      writeFileSync(jobFile, JSON.stringify(job));
      const scored = spawnSync(PYTHON, [ANCHOR, 'score', jobFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (scored.status !== 0) throw new Error(`scikit-learn scoring failed: ${scored.stderr}`);
      anchor = JSON.parse(scored.stdout);
    }

    const rows = datasets.map((ds) => {
      const s = strata[ds.name]!;
      const defaults = Object.entries(anchor[ds.name] ?? {}).map(([model, sc]) => ({ model, mean: mean(sc) })).sort((a, b) => b.mean - a.mean);
      const best = defaults[0];
      return {
        dataset: ds.name, rows: s.rows, metric: ds.task === 'classification' ? 'accuracy' : 'r2',
        strata: mean(s.scores), strataStd: std(s.scores), bestDefault: best?.mean ?? NaN, which: best?.model ?? '-',
        delta: best ? mean(s.scores) - best.mean : NaN, defaults, winners: s.winners,
      };
    });
    const header = ['dataset', 'rows', 'metric', 'strata automl', 'best default', 'which', 'delta'];
    const cells = rows.map((r) => [r.dataset, String(r.rows), r.metric, `${r.strata.toFixed(4)} ± ${r.strataStd.toFixed(4)}`, r.bestDefault.toFixed(4), r.which, `${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(4)}`]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
    const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
    console.log(`\nAutoML (${time} s of search per dataset, ${time / FOLDS} s per outer fold) vs the best default model, ${FOLDS}-fold CV on the same folds\n`);
    console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
    const wins = rows.filter((r) => r.delta >= 0).length;
    console.log(`\nstrata automl ≥ best default on ${wins} of ${rows.length} datasets`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'automl.json'), JSON.stringify({ time, folds: FOLDS, rows }, null, 2));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
