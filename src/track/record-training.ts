/** One call that logs a finished training job (what `strata train` does after fitting). */
import { basename } from 'node:path';
import type { DataFrame } from '../frame/index.js';
import { InvalidInputError } from './errors.js';
import { fingerprintFile, fingerprintFrame } from './fingerprint.js';
import { type Run, startRun } from './run.js';
import type { TrackingStore } from './store/store.js';
import type { DatasetFingerprint, ModelSignature } from './types.js';

export interface TrainingRecord {
  /** Experiment name; default 'Default'. */
  experiment?: string;
  /** Estimator name (`ridge`); becomes the run name and the `model` param. */
  model: string;
  params?: Record<string, unknown>;
  /** Final metrics, e.g. `{ accuracy_mean: 0.95, accuracy_std: 0.01 }`. */
  metrics?: Record<string, number>;
  /** Cross-validation scores, logged as the series `fold_<metric>` (step = fold index). */
  folds?: number[];
  /** Name of the fold metric (default 'score'). */
  metric?: string;
  /** Training data: a file path (hashed by bytes) and/or a frame (hashed by Arrow IPC, with schema). */
  datasetPath?: string;
  dataset?: DataFrame;
  /** The saved model file: stored as the artifact `model/<file name>`. */
  modelFile?: string;
  /** Further files to store with the run (plots, reports), under the given artifact names. */
  artifacts?: readonly { name: string; path: string; mediaType?: string }[];
  /** Register the model file under this name (needs modelFile). */
  register?: string;
  signature?: ModelSignature;
  seed?: number;
  source?: string;
  tags?: Record<string, string>;
  /** Log into this open run (e.g. a parent whose child runs were logged while it ran) instead of starting one; it is ended here. */
  run?: Run;
}

/**
 * Logs params, metrics, CV folds, the dataset fingerprint and the model file as one finished
 * run, and registers a new model version when asked.
 *
 * @example
 * const { runId, version } = await recordTraining(store, {
 *   model: 'ridge', params: { alpha: 1 }, metric: 'r2', folds: [0.91, 0.93],
 *   metrics: { r2_mean: 0.92 }, datasetPath: 'train.csv', modelFile: 'ridge.json', register: 'house-prices',
 * });
 */
export async function recordTraining(store: TrackingStore, rec: TrainingRecord): Promise<{ runId: string; version?: number }> {
  if (rec.register !== undefined && rec.modelFile === undefined) throw new InvalidInputError(`recordTraining: register '${rec.register}' needs modelFile (the saved model to store).`);
  const run = rec.run ?? await startRun(store, {
    experiment: rec.experiment ?? 'Default',
    name: rec.model,
    ...(rec.seed !== undefined ? { seed: rec.seed } : {}),
    ...(rec.source !== undefined ? { source: rec.source } : {}),
    ...(rec.tags !== undefined ? { tags: rec.tags } : {}),
  });
  try {
    run.logParams({ model: rec.model, ...(rec.params ?? {}) });
    const metric = rec.metric ?? 'score';
    (rec.folds ?? []).forEach((v, i) => run.logMetric(`fold_${metric}`, v, i));
    if (rec.metrics) run.logMetrics(rec.metrics);
    await run.flush();
    let fp: DatasetFingerprint | undefined;
    if (rec.dataset) fp = fingerprintFrame(rec.dataset, rec.datasetPath ?? null);
    if (rec.datasetPath) {
      const file = fingerprintFile(rec.datasetPath, fp?.schema ?? null);
      await run.logDataset('training', fp ? { ...file, rows: fp.rows } : file);
      if (fp) await run.logDataset('training-frame', fp);
      fp = file;
    } else if (fp) await run.logDataset('training', fp);
    let version: number | undefined;
    if (rec.modelFile !== undefined) {
      const art = await run.logArtifactFile(`model/${basename(rec.modelFile).replace(/[^A-Za-z0-9_\-.]/g, '_')}`, rec.modelFile, 'application/json');
      if (rec.register !== undefined) {
        const mv = await store.createModelVersion(rec.register, {
          runId: run.id, artifactDigest: art.digest,
          ...(fp ? { datasetDigest: fp.digest } : {}),
          ...(rec.signature ? { signature: rec.signature } : {}),
        });
        version = mv.version;
        run.setTag('registered_model', `${rec.register}:${version}`);
      }
    }
    for (const a of rec.artifacts ?? []) await run.logArtifactFile(a.name, a.path, a.mediaType);
    await run.end('finished');
    return version === undefined ? { runId: run.id } : { runId: run.id, version };
  } catch (err) {
    await run.end('failed').catch(() => undefined);
    throw err;
  }
}

/** The model file bytes of a registered version (`NAME`, `NAME:VERSION`, `NAME@ALIAS`). */
export async function readModelVersionFile(store: TrackingStore, ref: string): Promise<Buffer> {
  const mv = await store.resolveModel(ref);
  if (mv.artifactDigest === null) throw new InvalidInputError(`Model version ${mv.name}:${mv.version} has no stored model file.`);
  return store.artifacts.read(mv.artifactDigest);
}

