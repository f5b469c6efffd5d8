/**
 * `strata automl DATA --target COL`: the main job. Searches the AutoML portfolio within a time
 * budget, prints a leaderboard, saves the winning pipeline (raw columns in), logs a parent run
 * with every trial as a nested run, and registers the model when asked.
 */
import type { Command } from 'commander';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { autoML, type AutoMLResult, type TrialRecord } from '../../automl/index.js';
import type { DataFrame } from '../../frame/index.js';
import { ParamError } from '../../learn/index.js';
import { type Run, type TrackingStore, defaultModelPath, openStore, recordTraining, saveModelFile, startRun } from '../../track/index.js';
import { UsageError } from '../errors.js';
import { formatTable } from '../table.js';
import { diagnosticPlots, readFrame } from './train.js';

/** What `--json` prints (CLI.md: keys are added, never renamed). */
export interface AutoMLCommandResult {
  task: 'classification' | 'regression';
  target: string;
  metric: string;
  leaderboard: { model: string; score: number; std: number; fit_seconds: number; predict_seconds: number; params: Record<string, unknown>; folds: number[]; notes?: string }[];
  best: { model: string; score: number };
  saved: string;
  run_id: string;
  trials: number;
  features: string[];
  preprocessing: string[];
  notes: string[];
  elapsed_seconds: number;
  /** Set when the model was registered: the new version of NAME. */
  registered?: { name: string; version: number };
}

export interface AutoMLCommandOptions {
  target: string;
  /** Flags as typed (checked here, so errors quote them). */
  time: string;
  metric?: string;
  seed: string;
  /** Folds; when absent, AutoML picks (5, or 3 for data large for the budget). */
  cv?: string;
  register?: string;
  store?: string;
  save?: string;
  json?: boolean;
}

interface ProgressBar {
  start(total: number, value: number, payload?: object): void;
  update(value: number, payload?: object): void;
  stop(): void;
}
interface CliProgress {
  SingleBar: new (options: object, preset?: object) => ProgressBar;
  Presets: { shades_classic: object };
}

/** A progress bar on stdout while the search runs, only when stdout is a terminal. */
function progressBar(budget: number): { update(elapsed: number, trials: number, best: string): void; stop(): void } | null {
  if (!process.stdout.isTTY) return null;
  const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as CliProgress;
  const bar = new SingleBar(
    { format: 'searching |{bar}| {value}/{total} s | {trials} trials | best {best}', stream: process.stdout, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(Math.ceil(budget), 0, { trials: 0, best: '-' });
  return {
    update: (elapsed, trials, best) => bar.update(Math.min(Math.ceil(budget), Math.round(elapsed)), { trials, best }),
    stop: () => bar.stop(),
  };
}

/** One trial as a child run of the AutoML run: its params, per-fold scores, timings and status. */
async function logTrial(store: TrackingStore, parent: Run, t: TrialRecord, seed: number): Promise<void> {
  const metric = t.metric;
  const child = await startRun(store, { experiment: 'Default', name: `trial ${t.id}: ${t.estimator}`, parent, seed, tags: { automl_trial: String(t.id), status: t.status } });
  child.logParams({ model: t.estimator, ...t.params });
  t.folds.forEach((v, i) => child.logMetric(`fold_${metric}`, v, i));
  child.logMetrics({ [`${metric}_mean`]: t.score, [`${metric}_std`]: t.std, fit_seconds: t.fitSeconds, predict_seconds: t.predictSeconds });
  if (t.error !== undefined) child.setTag('reason', t.error.slice(0, 500));
  await child.end(t.status === 'failed' ? 'failed' : 'finished');
}

function signatureOf(df: DataFrame, r: AutoMLResult): { inputs: { name: string; type: string }[]; outputs: { name: string; type: string }[] } {
  return {
    inputs: r.features.map((name) => ({ name, type: String(df.column(name).dtype) })),
    outputs: [
      { name: 'prediction', type: r.task === 'classification' ? 'label' : 'float64' },
      ...(r.classes ?? []).map((c) => ({ name: `proba_${String(c)}`, type: 'float64' })),
    ],
  };
}

/**
 * Runs AutoML on a file and tracks it: the shared body of `strata automl` and `strata quickstart`.
 *
 * @example
 * const r = await runAutoMLCommand('data/penguins.csv', { target: 'species', time: '20', seed: '0', cv: '5', register: 'penguins' });
 */
export async function runAutoMLCommand(dataPath: string, opts: AutoMLCommandOptions, format?: string): Promise<AutoMLCommandResult> {
  const time = Number(opts.time);
  const seed = Number(opts.seed);
  const cv = opts.cv === undefined ? undefined : Number(opts.cv);
  if (!(time > 0) || !Number.isFinite(time)) throw new UsageError(`--time must be a positive number of seconds, got '${opts.time}'.`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, got '${opts.seed}'.`);
  if (cv !== undefined && (!Number.isInteger(cv) || cv < 2)) throw new UsageError(`--cv must be an integer of at least 2, got '${opts.cv}'.`);
  const df = await readFrame(dataPath, format);
  const store = await openStore(opts.store);
  try {
    const parent = await startRun(store, { experiment: 'Default', name: `automl ${basename(dataPath)}`, seed, tags: { kind: 'automl' } });
    let trialLog: Promise<void> = Promise.resolve();
    const bar = opts.json ? null : progressBar(time);
    let result: AutoMLResult;
    try {
      result = await autoML(df, {
        target: opts.target, timeBudgetSeconds: time, seed,
        ...(cv !== undefined ? { cv } : {}),
        ...(opts.metric !== undefined ? { metric: opts.metric } : {}),
        onTrial: (t) => {
          trialLog = trialLog.then(() => logTrial(store, parent, t, seed));
        },
        onProgress: (p) => bar?.update(p.elapsedSeconds, p.trials, p.bestScore === null ? '-' : `${p.bestScore.toFixed(4)} (${p.bestModel})`),
      });
    } catch (err) {
      bar?.stop();
      await trialLog.catch(() => undefined);
      await parent.end('failed').catch(() => undefined);
      if (err instanceof ParamError) throw new UsageError(err.message);
      throw err;
    }
    bar?.stop();
    await trialLog;

    const saved = opts.save ?? defaultModelPath(`automl-${result.best.model}`);
    saveModelFile(saved, {
      format: 'strata-model', version: 1, model: result.best.model, task: result.task, target: opts.target,
      features: result.features, preprocessing: result.preprocessing, createdAt: new Date().toISOString(), pipeline: result.pipeline.toJSON(),
    });
    const best = result.leaderboard[0]!;
    const plotDir = mkdtempSync(join(tmpdir(), 'strata-automl-'));
    let tracked: { runId: string; version?: number };
    try {
      const artifacts = await diagnosticPlots(result.outOfFold as never, result.task === 'classification', plotDir);
      await parent.logJSON('leaderboard.json', { metric: result.metric, leaderboard: result.leaderboard, notes: result.notes });
      tracked = await recordTraining(store, {
        run: parent, model: result.best.model,
        params: { task: result.task, target: opts.target, metric: result.metric, time_budget_seconds: time, cv: best.folds.length, trials: result.trials, ...best.params },
        metric: result.metric, folds: best.folds,
        metrics: { [`${result.metric}_mean`]: best.score, [`${result.metric}_std`]: best.std, trials: result.trials, search_seconds: result.elapsedSeconds },
        datasetPath: dataPath, dataset: df, modelFile: saved, artifacts, seed,
        signature: signatureOf(df, result),
        ...(opts.register !== undefined ? { register: opts.register } : {}),
      });
    } finally {
      rmSync(plotDir, { recursive: true, force: true });
    }
    return {
      task: result.task, target: opts.target, metric: result.metric,
      leaderboard: result.leaderboard.map((e) => ({
        model: e.model, score: e.score, std: e.std, fit_seconds: e.fitSeconds, predict_seconds: e.predictSeconds, params: e.params, folds: e.folds,
        ...(e.notes !== undefined ? { notes: e.notes } : {}),
      })),
      best: result.best, saved, run_id: tracked.runId, trials: result.trials, features: result.features,
      preprocessing: result.preprocessing, notes: result.notes, elapsed_seconds: result.elapsedSeconds,
      ...(opts.register !== undefined && tracked.version !== undefined ? { registered: { name: opts.register, version: tracked.version } } : {}),
    };
  } finally {
    await store.close();
  }
}

function next(lines: [command: string, what: string][]): string {
  const width = Math.max(...lines.map(([c]) => c.length));
  return lines.map(([c, w]) => `  ${c.padEnd(width)}   ${w}\n`).join('');
}

/** The human report: leaderboard table, notes, where the model went and where to look next. */
export function formatAutoMLReport(r: AutoMLCommandResult, title: string): string {
  const sign = ['log_loss', 'rmse', 'mae'].includes(r.metric) ? '(lower is better)' : '(higher is better)';
  const rows = r.leaderboard.map((e, i) => [
    String(i + 1), e.notes?.startsWith('selected') ? `${e.model} *` : e.model, `${e.score.toFixed(4)} ± ${e.std.toFixed(4)}`, `${e.fit_seconds.toFixed(3)} s`, `${e.predict_seconds.toFixed(4)} s`,
  ]);
  return (
    `${title}\n${r.task} of '${r.target}', ${r.trials} trials in ${r.elapsed_seconds.toFixed(1)} s, ${r.leaderboard[0]!.folds.length}-fold cross-validated ${r.metric} ${sign}\n\n` +
    formatTable(['#', 'model', `${r.metric} (CV)`, 'fit time', 'predict time'], rows) +
    '\n\n' +
    `* selected and refitted on all rows: ${r.best.model} — ${r.metric} ${r.best.score.toFixed(4)}\n` +
    (r.preprocessing.length ? `preprocessing: ${r.preprocessing.join('; ')}\n` : '') +
    (r.notes.length ? `notes:\n${r.notes.map((n) => `  - ${n}`).join('\n')}\n` : '') +
    `saved: ${r.saved}\n` +
    `run: ${r.run_id}${r.registered ? ` — registered as ${r.registered.name}:${r.registered.version}` : ''}\n\n` +
    'next:\n' +
    next([
      [`strata runs show ${r.run_id}`, 'the run, its trials (nested runs) and plots'],
      [`strata predict ${r.registered ? `${r.registered.name}:${r.registered.version}` : r.saved} DATA`, 'predictions on new rows'],
      ['strata ui', 'the dashboard'],
    ])
  );
}

export function registerAutoML(program: Command): void {
  program
    .command('automl')
    .description('search models within a time budget: leaderboard, ensemble, saved and tracked winner')
    .argument('<DATA>', 'CSV, Parquet, JSON/NDJSON or Arrow file')
    .requiredOption('--target <COL>', 'column to predict')
    .option('--time <S>', 'search budget in seconds', '60')
    .option('--metric <M>', 'accuracy, balanced_accuracy, f1_macro, roc_auc, log_loss (classification); r2, rmse, mae (regression)')
    .option('--cv <K>', 'number of cross-validation folds (default 5, or 3 when the data is large for the time budget)')
    .option('--seed <N>', 'seed for folds and every model', '0')
    .option('--save <PATH>', 'where to save the winning pipeline (default .strata/models/automl-NAME-TIME.json)')
    .option('--register <NAME>', 'add the winner to the model registry as a new version of NAME')
    .option('--store <URI>', 'tracking store (sqlite:PATH or postgres://…; default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--format <F>', 'read DATA as csv, parquet, json, ndjson or arrow regardless of extension')
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', '\nExample:\n  $ strata automl data/penguins.csv --target species --time 30 --register penguins\n')
    .action(async (data: string, opts: { target: string; time: string; metric?: string; cv?: string; seed: string; save?: string; register?: string; store?: string; format?: string; json?: boolean }) => {
      const r = await runAutoMLCommand(data, {
        target: opts.target, time: opts.time, seed: opts.seed, ...(opts.cv !== undefined ? { cv: opts.cv } : {}),
        ...(opts.metric !== undefined ? { metric: opts.metric } : {}),
        ...(opts.save !== undefined ? { save: opts.save } : {}),
        ...(opts.register !== undefined ? { register: opts.register } : {}),
        ...(opts.store !== undefined ? { store: opts.store } : {}),
        ...(opts.json ? { json: true } : {}),
      }, opts.format);
      process.stdout.write(opts.json ? JSON.stringify(r) + '\n' : formatAutoMLReport(r, `strata automl ${data}`));
    });
}
