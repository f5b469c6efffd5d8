/** `strata evaluate MODEL DATA --target COL`: metrics of a saved model on labelled data. */
import type { Command } from 'commander';
import type { DataFrame } from '../../frame/index.js';
import {
  accuracyScore, balancedAccuracyScore, f1Score, logLoss, meanAbsoluteError, r2Score, rocAucScore, rootMeanSquaredError,
  type Label, type Pipeline,
} from '../../learn/index.js';
import { fromTyped } from '../../tensor/index.js';
import { loadModel, type ModelFile } from '../../track/index.js';
import { formatTable } from '../table.js';
import { predictFrame } from './predict.js';
import { readFrame } from './train.js';

export interface Evaluation {
  metric: string;
  score: number;
  metrics: Record<string, number>;
}

export function evaluateFrame(file: ModelFile, pipeline: Pipeline, df: DataFrame, target: string): Evaluation {
  const truth = df.column(target).toArray() as Label[];
  const p = predictFrame(file, pipeline, df);
  if (file.task === 'regression') {
    const yTrue = truth as number[];
    const yPred = p.predictions as number[];
    const metrics = { r2: r2Score(yTrue, yPred), rmse: rootMeanSquaredError(yTrue, yPred), mae: meanAbsoluteError(yTrue, yPred) };
    return { metric: 'r2', score: metrics.r2, metrics };
  }
  const metrics: Record<string, number> = {
    accuracy: accuracyScore(truth, p.predictions as Label[]),
    balanced_accuracy: balancedAccuracyScore(truth, p.predictions as Label[]),
    f1_macro: f1Score(truth, p.predictions as Label[], { average: 'macro' }) as number,
  };
  if (p.probabilities && p.classes) {
    const k = p.classes.length;
    const proba = fromTyped(Float64Array.from(p.probabilities.flat()), [p.probabilities.length, k]);
    const known = truth.every((t) => p.classes!.includes(t));
    if (known) {
      metrics.log_loss = logLoss(truth, proba, { labels: p.classes });
      if (new Set(truth).size === k) {
        metrics.roc_auc = k === 2
          ? rocAucScore(truth, Array.from(proba.toFloat64Array().filter((_, i) => i % 2 === 1)), { labels: p.classes })
          : rocAucScore(truth, proba, { multiClass: 'ovr', labels: p.classes });
      }
    }
  }
  return { metric: 'accuracy', score: metrics.accuracy!, metrics };
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('score a saved model on labelled data')
    .argument('<MODEL>', 'a model file saved by strata train, or a registered NAME, NAME:VERSION or NAME@ALIAS')
    .argument('<DATA>', 'CSV, Parquet, JSON/NDJSON or Arrow file with the training columns and the target')
    .requiredOption('--target <COL>', 'the column with the true values')
    .option('--store <URI>', 'tracking store holding registered models (default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--format <F>', 'read DATA as csv, parquet, json, ndjson or arrow regardless of extension')
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata evaluate .strata/models/logistic-regression-20261125-101500.json test.csv --target species\n')
    .action(async (modelPath: string, data: string, opts: { target: string; store?: string; format?: string; json?: boolean }) => {
      const { file, pipeline } = await loadModel(modelPath, opts.store);
      const df = await readFrame(data, opts.format);
      const e = evaluateFrame(file, pipeline, df, opts.target);
      if (opts.json) {
        process.stdout.write(JSON.stringify(e) + '\n');
        return;
      }
      process.stdout.write(formatTable(['metric', 'value'], Object.entries(e.metrics)) + '\n');
    });
}
