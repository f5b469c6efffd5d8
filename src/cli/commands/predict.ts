/** `strata predict MODEL DATA [--out FILE]`: predictions of a saved pipeline on raw rows. */
import type { Command } from 'commander';
import { DataFrame } from '../../frame/index.js';
import { writeFile } from '../../frame/io/index.js';
import type { Label, Pipeline } from '../../learn/index.js';
import type { NdArray } from '../../tensor/index.js';
import { loadModel, type ModelFile } from '../../track/index.js';
import { readFrame } from './train.js';

export interface Predictions {
  predictions: (Label | number)[];
  /** Column j is the probability of classes[j] (classifiers that give probabilities). */
  probabilities?: number[][];
  classes?: Label[];
}

export function predictFrame(file: ModelFile, pipeline: Pipeline, df: DataFrame): Predictions {
  const missing = file.features.filter((c) => !df.columnNames.includes(c));
  if (missing.length) {
    throw new Error(`The data lacks column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')} that the model was trained on; pass the same raw columns as in training.`);
  }
  const raw = pipeline.predict(df);
  const predictions = Array.isArray(raw) ? raw : Array.from((raw as NdArray).toFloat64Array());
  if (file.task !== 'classification') return { predictions };
  const final = pipeline.finalEstimator as { predictProba?: unknown } | null;
  if (!final || typeof final.predictProba !== 'function') return { predictions };
  const proba = pipeline.predictProba(df);
  const k = proba.shape[1]!;
  const flat = proba.toFloat64Array();
  const probabilities = Array.from({ length: proba.shape[0]! }, (_, i) => Array.from(flat.subarray(i * k, (i + 1) * k)));
  return { predictions, probabilities, classes: pipeline.classes };
}

/** A frame with `prediction` and one `proba_<class>` column per class. */
export function predictionsFrame(p: Predictions): DataFrame {
  const columns: Record<string, (Label | number)[] | number[]> = { prediction: p.predictions };
  p.classes?.forEach((c, j) => (columns[`proba_${String(c)}`] = p.probabilities!.map((row) => row[j]!)));
  return DataFrame.fromColumns(columns as Record<string, number[]>);
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('predict with a saved model on a data file')
    .argument('<MODEL>', 'a model file saved by strata train, or a registered NAME, NAME:VERSION or NAME@ALIAS')
    .argument('<DATA>', 'CSV, Parquet, JSON/NDJSON or Arrow file with the training columns')
    .option('--out <FILE>', 'write predictions to a file (format by extension) instead of stdout')
    .option('--store <URI>', 'tracking store holding registered models (default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--format <F>', 'read DATA as csv, parquet, json, ndjson or arrow regardless of extension')
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata predict .strata/models/ridge-20261125-101500.json new.csv --out predictions.csv\n')
    .action(async (modelPath: string, data: string, opts: { out?: string; store?: string; format?: string; json?: boolean }) => {
      const { file, pipeline } = await loadModel(modelPath, opts.store);
      const df = await readFrame(data, opts.format);
      const p = predictFrame(file, pipeline, df);
      if (opts.out) {
        await writeFile(predictionsFrame(p), opts.out);
        if (opts.json) process.stdout.write(JSON.stringify({ out: opts.out, rows: p.predictions.length }) + '\n');
        else process.stdout.write(`wrote ${p.predictions.length} predictions to ${opts.out}\n`);
        return;
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify({ predictions: p.predictions, ...(p.classes ? { classes: p.classes, probabilities: p.probabilities } : {}) }) + '\n');
        return;
      }
      process.stdout.write(predictionsFrame(p).toString() + '\n');
    });
}
