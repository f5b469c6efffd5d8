/**
 * "Try it": predictions of a registered model on rows a user typed or a CSV they uploaded,
 * through the whole saved pipeline (the same raw columns as in training).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame } from '../../frame/index.js';
import type { Label, Pipeline } from '../../learn/index.js';
import type { NdArray } from '../../tensor/index.js';
import { parseModelFile, type ModelFile } from '../model-file.js';
import { readModelVersionFile } from '../record-training.js';
import type { TrackingStore } from '../store/store.js';
import type { ModelVersion } from '../types.js';
import { HttpError } from './errors.js';

export interface Prediction {
  model: string;
  version: number;
  features: string[];
  predictions: (Label | number)[];
  /** Row i, column j: probability of classes[j] (classifiers with probabilities). */
  probabilities?: number[][];
  classes?: Label[];
}

const NUMERIC = new Set(['float64', 'float32', 'int32', 'int64', 'double', 'integer', 'number']);
/** What `strata train` reads as missing in a CSV; a form field left empty or typed so is missing too. */
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'null', 'NULL']);

/** Loads registered versions once each (a version's file never changes). */
export class ModelCache {
  private readonly loaded = new Map<string, { file: ModelFile; pipeline: Pipeline }>();

  constructor(private readonly store: TrackingStore) {}

  async get(mv: ModelVersion): Promise<{ file: ModelFile; pipeline: Pipeline }> {
    const key = `${mv.name}:${mv.version}`;
    let m = this.loaded.get(key);
    if (!m) {
      m = parseModelFile((await readModelVersionFile(this.store, key)).toString('utf8'), key);
      if (this.loaded.size > 32) this.loaded.clear();
      this.loaded.set(key, m);
    }
    return m;
  }
}

/** Rows typed in a form arrive as text: numeric inputs (by the version's signature) become numbers. */
export function rowsFrame(rows: readonly Record<string, unknown>[], mv: ModelVersion, file: ModelFile): DataFrame {
  const types = new Map((mv.signature?.inputs ?? []).map((f) => [f.name, f.type]));
  const missing = file.features.filter((f) => rows.some((r) => !(f in r)));
  if (missing.length) throw new HttpError(400, `Rows lack ${missing.map((c) => `'${c}'`).join(', ')}; the model reads ${file.features.join(', ')}.`);
  const columns: Record<string, unknown[]> = {};
  for (const f of file.features) {
    const numeric = NUMERIC.has(types.get(f) ?? '') || rows.every((r) => typeof r[f] === 'number');
    columns[f] = rows.map((r, i) => {
      const v = r[f];
      const missing = v === null || v === undefined || (typeof v === 'string' && MISSING.has(v.trim()));
      if (!numeric) return missing ? null : String(v);
      if (missing) return NaN;
      const x = typeof v === 'number' ? v : Number(String(v).trim());
      if (Number.isNaN(x)) throw new HttpError(400, `Row ${i + 1}, column '${f}': '${String(v)}' is not a number; the model was trained on numbers there.`);
      return x;
    });
  }
  return DataFrame.fromColumns(columns as Record<string, number[]>);
}

/** The rows of a CSV upload (read by DuckDB as training read its file), typed later by the model's signature. */
export async function csvRows(text: string): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-tryit-'));
  try {
    const path = join(dir, 'rows.csv');
    writeFileSync(path, text);
    // DuckDB loads only when someone uploads a CSV, not whenever strata/track is imported.
    const { readFile } = await import('../../frame/io/index.js');
    return (await readFile(path, { format: 'csv', nullValues: [...MISSING] })).toRecords() as Record<string, unknown>[];
  } catch (err) {
    throw new HttpError(400, `The uploaded CSV cannot be read: ${(err as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function predictRows(mv: ModelVersion, file: ModelFile, pipeline: Pipeline, df: DataFrame): Prediction {
  const missing = file.features.filter((c) => !df.columnNames.includes(c));
  if (missing.length) throw new HttpError(400, `The rows lack column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')}; the model reads ${file.features.join(', ')}.`);
  const raw = pipeline.predict(df);
  const predictions = Array.isArray(raw) ? raw : Array.from((raw as NdArray).toFloat64Array());
  const out: Prediction = { model: mv.name, version: mv.version, features: file.features, predictions };
  const final = pipeline.finalEstimator as { predictProba?: unknown } | null;
  if (file.task !== 'classification' || !final || typeof final.predictProba !== 'function') return out;
  const proba = pipeline.predictProba(df);
  const k = proba.shape[1]!;
  const flat = proba.toFloat64Array();
  out.probabilities = Array.from({ length: proba.shape[0]! }, (_, i) => Array.from(flat.subarray(i * k, (i + 1) * k)));
  out.classes = pipeline.classes;
  return out;
}
