/**
 * strata/track — experiments, runs, params, metrics over steps, artifacts, dataset
 * fingerprints and the model registry, on SQLite (default) or PostgreSQL. Node only.
 *
 * @example
 * import { openStore, startRun } from 'strata/track';
 * const store = await openStore();                  // sqlite:./.strata/strata.db
 * const run = await startRun(store, { experiment: 'iris', seed: 0 });
 * model.fit(X, y, { run });                         // logs params and training curves
 * await run.end();
 */
export { TrackingError, RunNotFoundError, ModelNotFoundError, InvalidInputError } from './errors.js';
export {
  RUN_STATUSES, type RunStatus, type Experiment, type MetricPoint, type NewRun, type RunInfo, type RunRecord, type LogBatch,
  type ArtifactRecord, type FieldSchema, type DatasetFingerprint, type DatasetRecord, type ModelSignature, type ModelVersion,
  type RegisteredModel, type NewModelVersion, type RunQuery, type RunTableQuery, type RunTableRow, type RunTablePage, type RunColumns, type MetricSummary,
} from './types.js';
export { checkArtifactName, checkKey, checkMetricValue, checkModelName, MAX_ARTIFACT_NAME_LENGTH, MAX_KEY_LENGTH } from './validate.js';
export { ArtifactStore, DEFAULT_MAX_ARTIFACT_BYTES } from './artifacts.js';
export { fingerprintFile, fingerprintFrame } from './fingerprint.js';
export { type TrackingStore, type SyncLogging, hasSyncLogging } from './store/store.js';
export { SqliteStore, type SqliteStoreOptions } from './store/sqlite.js';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres.js';
export { openStore, defaultStoreUri, type OpenStoreOptions } from './store/open.js';
export { parseModelRef, type ModelRef } from './store/model-ref.js';
export { Run, startRun, withRun, type StartRunOptions } from './run.js';
export { SystemSampler } from './system-metrics.js';
export { recordTraining, readModelVersionFile, type TrainingRecord } from './record-training.js';
export { loadModel, loadModelFile, parseModelFile, saveModelFile, defaultModelPath, type ModelFile } from './model-file.js';
export {
  parseFilter, parseSort, parseColumns, parseColumn, columnName, FilterSyntaxError, RUN_ATTRIBUTES,
  type FilterNode, type ColumnRef, type ColumnKind, type CompareOp, type SortKey,
} from './query/filter.js';
export { filterSql, orderSql, type SqlFragment } from './query/filter-sql.js';
export { lttbIndices, downsampleSeries, type SeriesPoint } from './query/downsample.js';
export { debiasedSmoothing } from './query/smoothing.js';
