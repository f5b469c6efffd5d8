/** `strata predict MODEL DATA [--out FILE]`: predictions of a saved pipeline on raw rows. */
import type { Command } from 'commander';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { DataFrame, scanFile } from '../../frame/index.js';
import { writeFile } from '../../frame/io/index.js';
import { UsageError } from '../errors.js';
import { checkFormat } from './data.js';
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
  if (file.task !== 'classification') {
    const raw = pipeline.predict(df);
    return { predictions: Array.isArray(raw) ? raw : Array.from((raw as NdArray).toFloat64Array()) };
  }
  // One pass through the preprocessing for both labels and probabilities.
  const { labels, proba } = pipeline.predictWithProba(df);
  const predictions = Array.isArray(labels) ? labels : Array.from(labels.toFloat64Array());
  if (proba === null) return { predictions };
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

/** Outputs written chunk by chunk: plain-text formats whose pieces concatenate (after the first header). */
const STREAMED_OUTPUTS: Readonly<Record<string, 'csv' | 'tsv' | 'ndjson'>> = { '.csv': 'csv', '.tsv': 'tsv', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

/**
 * Predicts DATA in chunks of `chunkRows` rows, read lazily by DuckDB, appending each chunk's
 * predictions to OUT (a temp file renamed at the end), so files larger than memory can be
 * scored. Returns the number of rows, or null when DATA or OUT is a format that is not streamed
 * (Arrow input; Parquet, JSON or compressed output) and the caller should predict in one go.
 */
export async function predictFileInChunks(file: ModelFile, pipeline: Pipeline, data: string, out: string, options: { format?: string; chunkRows: number }): Promise<number | null> {
  const outFormat = STREAMED_OUTPUTS[extname(out).toLowerCase()];
  const inFormat = checkFormat(options.format);
  if (!outFormat || inFormat === 'arrow' || (inFormat === undefined && ['.arrow', '.arrows', '.feather', '.ipc'].includes(extname(data).toLowerCase()))) return null;
  const tmp = `${out}.${process.pid}.tmp`;
  const part = `${out}.${process.pid}.part${extname(out)}`;
  const fd = openSync(tmp, 'w');
  let rows = 0;
  try {
    for await (const chunk of scanFile(data, inFormat === undefined ? {} : { format: inFormat as never }).batches(options.chunkRows)) {
      if (chunk.numRows === 0) continue;
      await writeFile(predictionsFrame(predictFrame(file, pipeline, chunk)), part, { format: outFormat });
      let text = readFileSync(part, 'utf8');
      if (rows > 0 && outFormat !== 'ndjson') text = text.slice(text.indexOf('\n') + 1);
      writeSync(fd, text);
      rows += chunk.numRows;
    }
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    rmSync(part, { force: true });
  }
  closeSync(fd);
  if (rows === 0) {
    rmSync(tmp, { force: true });
    return null;
  }
  renameSync(tmp, out);
  return rows;
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
    .option('--chunk-rows <N>', 'with --out FILE.csv/.tsv/.ndjson: predict this many rows at a time, so DATA may be larger than memory', '100000')
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata predict .strata/models/ridge-20261125-101500.json new.csv --out predictions.csv\n')
    .action(async (modelPath: string, data: string, opts: { out?: string; store?: string; format?: string; chunkRows: string; json?: boolean }) => {
      const chunkRows = Number(opts.chunkRows);
      if (!Number.isSafeInteger(chunkRows) || chunkRows < 1) throw new UsageError(`--chunk-rows must be a positive integer, got '${opts.chunkRows}'.`);
      const { file, pipeline } = await loadModel(modelPath, opts.store);
      const report = (rows: number): void => {
        if (opts.json) process.stdout.write(JSON.stringify({ out: opts.out, rows }) + '\n');
        else process.stdout.write(`wrote ${rows} predictions to ${opts.out}\n`);
      };
      if (opts.out) {
        const streamed = await predictFileInChunks(file, pipeline, data, opts.out, { ...(opts.format ? { format: opts.format } : {}), chunkRows });
        if (streamed !== null) return report(streamed);
      }
      const df = await readFrame(data, opts.format);
      const p = predictFrame(file, pipeline, df);
      if (opts.out) {
        await writeFile(predictionsFrame(p), opts.out);
        return report(p.predictions.length);
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify({ predictions: p.predictions, ...(p.classes ? { classes: p.classes, probabilities: p.probabilities } : {}) }) + '\n');
        return;
      }
      process.stdout.write(predictionsFrame(p).toString() + '\n');
    });
}
