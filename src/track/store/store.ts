/**
 * The one interface every tracking store implements (SQLite, PostgreSQL; a remote HTTP store
 * later). A few batch primitives do the writing; `logMetric`/`logParam`/`setTag` are thin
 * conveniences over `logBatch`.
 */
import type { ArtifactStore } from '../artifacts.js';
import type {
  ArtifactRecord, DatasetFingerprint, DatasetRecord, Experiment, LogBatch, MetricPoint, ModelVersion, NewModelVersion, NewRun,
  MetricSummary, RegisteredModel, RunColumns, RunInfo, RunQuery, RunRecord, RunStatus, RunTablePage, RunTableQuery,
} from '../types.js';

export interface TrackingStore {
  /** `sqlite:PATH` or `postgres://…`. */
  readonly uri: string;
  /** Where artifact bytes live (content-addressed on disk). */
  readonly artifacts: ArtifactStore;

  // experiments
  getOrCreateExperiment(name: string): Promise<Experiment>;
  listExperiments(): Promise<Experiment[]>;

  // runs — primitives
  createRun(input: NewRun): Promise<RunInfo>;
  /** Sets the status; a terminal status also sets the end time (default now). */
  setRunStatus(runId: string, status: RunStatus, endTime?: number): Promise<void>;
  /** Writes params, tags and metric points in one transaction. */
  logBatch(runId: string, batch: LogBatch): Promise<void>;
  getRun(runId: string): Promise<RunRecord>;
  searchRuns(query?: RunQuery): Promise<RunInfo[]>;
  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]>;
  /** The runs table: filter language, sort by any column, paging, and the values of the chosen columns. */
  queryRuns(query?: RunTableQuery): Promise<RunTablePage>;
  /** The param, metric and tag keys used by runs of these experiments (default all). */
  listRunColumns(experiments?: readonly string[]): Promise<RunColumns>;
  /** Each metric series of a run: key, number of points, step range, newest time. */
  listMetricSummaries(runId: string): Promise<MetricSummary[]>;
  /** Records an artifact already stored in `artifacts` under a name in the run. */
  recordArtifact(runId: string, name: string, digest: string, size: number, mediaType: string): Promise<ArtifactRecord>;
  listArtifacts(runId: string): Promise<ArtifactRecord[]>;
  recordDataset(runId: string, name: string, fingerprint: DatasetFingerprint): Promise<DatasetRecord>;
  listDatasets(runId: string): Promise<DatasetRecord[]>;
  /** Every dataset record of every run, newest run first. */
  listAllDatasets(): Promise<DatasetRecord[]>;
  /** Marks runs left 'running' by processes that no longer exist on this host as failed; returns their ids. */
  reapStaleRuns(): Promise<string[]>;

  // runs — conveniences over logBatch
  logMetric(runId: string, key: string, value: number, step?: number): Promise<void>;
  logParam(runId: string, key: string, value: unknown): Promise<void>;
  setTag(runId: string, key: string, value: string): Promise<void>;

  // registry
  createRegisteredModel(name: string, description?: string): Promise<RegisteredModel>;
  /** Adds the next version (1, 2, …) of a model, creating the model if needed. */
  createModelVersion(name: string, input: NewModelVersion): Promise<ModelVersion>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  listRegisteredModels(): Promise<RegisteredModel[]>;
  listModelVersions(name: string): Promise<ModelVersion[]>;
  getModelVersion(name: string, version: number): Promise<ModelVersion>;
  /** Points an alias at a version (atomic: moves it if it pointed elsewhere). */
  setAlias(name: string, alias: string, version: number): Promise<void>;
  deleteAlias(name: string, alias: string): Promise<void>;
  /** `NAME` (latest version), `NAME:VERSION` or `NAME@ALIAS`. */
  resolveModel(ref: string): Promise<ModelVersion>;

  close(): Promise<void>;
}

/** Stores that can also write synchronously (SQLite): a run flushes from inside a synchronous `fit`. */
export interface SyncLogging {
  logBatchSync(runId: string, batch: LogBatch): void;
}

export function hasSyncLogging(store: TrackingStore): store is TrackingStore & SyncLogging {
  return typeof (store as Partial<SyncLogging>).logBatchSync === 'function';
}
