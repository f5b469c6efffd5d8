/** The records a tracking store holds: experiments, runs, metrics, artifacts, datasets, models. */
import type { ColumnRef, FilterNode, SortKey } from './query/filter.js';

export type RunStatus = 'running' | 'finished' | 'failed' | 'killed';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'finished', 'failed', 'killed'];

export interface Experiment {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** One point of a metric series. `value` may be NaN (stored and returned as NaN). */
export interface MetricPoint {
  key: string;
  value: number;
  /** Iteration or epoch; 0 when not given. */
  step: number;
  /** Milliseconds since the epoch. */
  time: number;
}

/** What `createRun` needs. */
export interface NewRun {
  experimentId: string;
  name?: string;
  parentRunId?: string;
  /** Where the run came from: a command line, a script path. */
  source?: string;
  seed?: number;
  tags?: Record<string, string>;
  /** Defaults to now. */
  startTime?: number;
  /** Process id and host that own the run (defaults: this process), used to reap runs of dead processes. */
  pid?: number;
  host?: string;
}

/** A run's header (no params or metrics). */
export interface RunInfo {
  id: string;
  experimentId: string;
  experimentName: string;
  name: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  parentRunId: string | null;
  source: string | null;
  seed: number | null;
  pid: number | null;
  host: string | null;
}

/** A run with its params, tags and the latest value of each metric. */
export interface RunRecord extends RunInfo {
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Latest point (highest step, then latest time) of each metric. */
  metrics: Record<string, MetricPoint>;
}

/** Everything a run logs in one call; the store writes it in one transaction. */
export interface LogBatch {
  params?: Record<string, unknown>;
  tags?: Record<string, string>;
  metrics?: MetricPoint[];
}

export interface ArtifactRecord {
  runId: string;
  /** Relative, slash-separated name (`plots/roc.json`). */
  name: string;
  /** sha256 of the content, hex. */
  digest: string;
  size: number;
  mediaType: string;
  createdAt: number;
}

/** Column name and type of a dataset or a model input/output. */
export interface FieldSchema {
  name: string;
  type: string;
}

/** What a model was trained on: a content hash plus the schema. */
export interface DatasetFingerprint {
  /** sha256, hex: of the file bytes, or of the frame's Arrow IPC stream. */
  digest: string;
  /** `file` or `arrow-ipc`. */
  kind: 'file' | 'arrow-ipc';
  size: number;
  source: string | null;
  rows: number | null;
  schema: FieldSchema[] | null;
}

export interface DatasetRecord extends DatasetFingerprint {
  runId: string;
  name: string;
}

/** Input and output columns of a model. */
export interface ModelSignature {
  inputs: FieldSchema[];
  outputs: FieldSchema[];
}

export interface ModelVersion {
  name: string;
  version: number;
  runId: string | null;
  /** sha256 of the model file in the artifact store, when one was stored. */
  artifactDigest: string | null;
  /** Fingerprint digest of the training data (lineage run → model version → dataset). */
  datasetDigest: string | null;
  signature: ModelSignature | null;
  description: string | null;
  createdAt: number;
  /** Aliases currently pointing at this version. */
  aliases: string[];
}

export interface RegisteredModel {
  name: string;
  description: string | null;
  createdAt: number;
  latestVersion: number | null;
  /** alias → version */
  aliases: Record<string, number>;
}

export interface NewModelVersion {
  runId?: string;
  /** Model file content (stored content-addressed) or an already stored digest. */
  modelBytes?: Uint8Array;
  artifactDigest?: string;
  datasetDigest?: string;
  signature?: ModelSignature;
  description?: string;
}

export interface RunQuery {
  experiment?: string;
  status?: RunStatus;
  parentRunId?: string;
  /** Newest first; default 1000. */
  limit?: number;
}

/** A page of the runs table: filtered, sorted, with the values of the chosen columns only. */
export interface RunTableQuery {
  /** Experiment names (default all). */
  experiments?: readonly string[];
  /** Filter language text (see parseFilter) or its parsed AST. */
  filter?: string | FilterNode | null;
  /** Sort keys, first one first; ties go newest first. */
  orderBy?: readonly SortKey[];
  /** Page size (default 100, at most 5000) and offset. */
  limit?: number;
  offset?: number;
  /** Params, metrics and tags whose values each row carries (the table's visible columns). */
  columns?: readonly ColumnRef[];
}

export interface RunTableRow extends RunInfo {
  /** Column name (`params.alpha`, `metrics.acc`, `tags.team`) → value; params and tags as text, metrics as numbers (NaN kept). */
  values: Record<string, string | number>;
}

export interface RunTablePage {
  /** Runs matching the filter, over all pages. */
  total: number;
  runs: RunTableRow[];
}

/** The param, metric and tag keys that runs use (the columns a table may show). */
export interface RunColumns {
  params: string[];
  metrics: string[];
  tags: string[];
}

/** One metric series of a run in brief. */
export interface MetricSummary {
  key: string;
  count: number;
  minStep: number;
  maxStep: number;
  /** Time of the newest point (ms since the epoch). */
  lastTime: number;
}
