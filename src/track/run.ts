/**
 * A live run: buffers what a training loop logs and writes it to the store in batches. It
 * implements learn's `TrainingRun`, so `model.fit(X, y, { run })` logs training curves.
 */
import { hostname } from 'node:os';
import type { TrainingRun } from '../learn/base/run.js';
import { InvalidInputError, TrackingError } from './errors.js';
import { SystemSampler } from './system-metrics.js';
import { hasSyncLogging, type TrackingStore } from './store/store.js';
import type { ArtifactRecord, DatasetFingerprint, DatasetRecord, MetricPoint, RunInfo, RunStatus } from './types.js';
import { checkArtifactName, checkKey, checkMetricValue, checkStep, paramText } from './validate.js';

export interface StartRunOptions {
  /** Experiment name (created if missing); default 'Default'. */
  experiment?: string;
  name?: string;
  parent?: Run | string;
  tags?: Record<string, string>;
  source?: string;
  seed?: number;
  /** Sample CPU and memory every `intervalMs` (default off; `true` = every 10 s). */
  systemMetrics?: boolean | { intervalMs: number };
  /** Flush when this many points are buffered (default 1000). */
  flushEvery?: number;
  /** Flush buffered points at least this often, in ms (default 250). */
  flushIntervalMs?: number;
}

/**
 * @example
 * const run = await startRun(store, { experiment: 'iris', seed: 0 });
 * new LogisticRegression().fit(X, y, { run });
 * run.logMetric('accuracy', 0.96);
 * await run.end();
 */
export class Run implements TrainingRun {
  private metrics: MetricPoint[] = [];
  private params: Record<string, unknown> = {};
  private tags: Record<string, string> = {};
  private timer: NodeJS.Timeout | null = null;
  private sampler: { s: SystemSampler; timer: NodeJS.Timeout } | null = null;
  private pending: Promise<void> = Promise.resolve();
  private error: unknown = null;
  private ended = false;
  private readonly flushEvery: number;
  private readonly flushIntervalMs: number;

  constructor(readonly store: TrackingStore, readonly info: RunInfo, options: Pick<StartRunOptions, 'flushEvery' | 'flushIntervalMs' | 'systemMetrics'> = {}) {
    this.flushEvery = options.flushEvery ?? 1000;
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    const sys = options.systemMetrics;
    if (sys) {
      const intervalMs = sys === true ? 10_000 : sys.intervalMs;
      const s = new SystemSampler();
      this.metrics.push(...s.sample());
      const timer = setInterval(() => this.pushMetrics(s.sample()), intervalMs);
      timer.unref();
      this.sampler = { s, timer };
    }
  }

  get id(): string {
    return this.info.id;
  }

  /** Params are stored as text (strings as is, other values as JSON). */
  logParams(params: Record<string, unknown>): void {
    this.assertOpen();
    for (const [k, v] of Object.entries(params)) {
      checkKey(k, 'Param');
      paramText(k, v); // rejects what cannot be stored now, not at the next flush
      this.params[k] = v;
    }
    this.schedule();
  }

  logParam(key: string, value: unknown): void {
    this.logParams({ [key]: value });
  }

  setTag(key: string, value: string): void {
    this.assertOpen();
    this.tags[checkKey(key, 'Tag')] = String(value);
    this.schedule();
  }

  /** One point of a series; `step` defaults to 0. NaN is stored; a non-number throws. */
  logMetric(key: string, value: number, step?: number): void {
    this.assertOpen();
    checkKey(key, 'Metric');
    this.pushMetrics([{ key, value: checkMetricValue(key, value), step: checkStep(key, step), time: Date.now() }]);
  }

  /**
   * Many points at once: `{ loss: 0.3, acc: 0.9 }` at one step, or a list of
   * `{ key, value, step?, time? }`.
   */
  logMetrics(batch: Record<string, number> | readonly { key: string; value: number; step?: number; time?: number }[], step?: number): void {
    this.assertOpen();
    const now = Date.now();
    const points: MetricPoint[] = Array.isArray(batch)
      ? (batch as { key: string; value: number; step?: number; time?: number }[]).map((p) => {
        const key = checkKey(p.key, 'Metric');
        return { key, value: checkMetricValue(key, p.value), step: checkStep(key, p.step ?? step), time: p.time ?? now };
      })
      : Object.entries(batch).map(([k, v]) => {
        const key = checkKey(k, 'Metric');
        return { key, value: checkMetricValue(key, v), step: checkStep(key, step), time: now };
      });
    this.pushMetrics(points);
  }

  private pushMetrics(points: MetricPoint[]): void {
    for (const p of points) this.metrics.push(p);
    if (this.metrics.length >= this.flushEvery) {
      if (hasSyncLogging(this.store)) this.flushSync();
      else this.enqueue();
    } else this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.enqueue();
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  private take(): { params: Record<string, unknown>; tags: Record<string, string>; metrics: MetricPoint[] } | null {
    if (this.metrics.length === 0 && Object.keys(this.params).length === 0 && Object.keys(this.tags).length === 0) return null;
    const batch = { params: this.params, tags: this.tags, metrics: this.metrics };
    this.params = {};
    this.tags = {};
    this.metrics = [];
    return batch;
  }

  /** Writes what is buffered now (SQLite only: synchronous, so it works inside a synchronous fit). */
  flushSync(): void {
    if (!hasSyncLogging(this.store)) throw new TrackingError(`flushSync needs a store with synchronous writes (SQLite); ${this.store.uri} writes asynchronously — await run.flush().`);
    const batch = this.take();
    if (batch) this.store.logBatchSync(this.id, batch);
  }

  /** Queues what is buffered for writing; a failure is kept and thrown by the next flush() or end(). */
  private enqueue(): void {
    const batch = this.take();
    if (!batch) return;
    this.pending = this.pending.then(() => this.store.logBatch(this.id, batch)).catch((err: unknown) => {
      this.error ??= err;
    });
  }

  /** Writes everything buffered; resolves when it is in the store. */
  flush(): Promise<void> {
    this.enqueue();
    return this.pending.then(() => {
      if (this.error) {
        const err = this.error;
        this.error = null;
        throw err;
      }
    });
  }

  /** Stores bytes or text as an artifact of this run under `name` (e.g. `plots/roc.json`). */
  async logArtifact(name: string, content: Uint8Array | string, mediaType?: string): Promise<ArtifactRecord> {
    checkArtifactName(name);
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const { digest, size } = this.store.artifacts.put(bytes);
    return this.store.recordArtifact(this.id, name, digest, size, mediaType ?? (typeof content === 'string' ? 'text/plain' : 'application/octet-stream'));
  }

  /** Stores a value as pretty JSON. */
  async logJSON(name: string, value: unknown): Promise<ArtifactRecord> {
    return this.logArtifact(name, JSON.stringify(value, null, 2), 'application/json');
  }

  async logText(name: string, text: string): Promise<ArtifactRecord> {
    return this.logArtifact(name, text, 'text/plain');
  }

  /** Copies a file into the artifact store. */
  async logArtifactFile(name: string, path: string, mediaType = 'application/octet-stream'): Promise<ArtifactRecord> {
    checkArtifactName(name);
    const { digest, size } = this.store.artifacts.putFile(path);
    return this.store.recordArtifact(this.id, name, digest, size, mediaType);
  }

  /** Records what the run trained or evaluated on (see fingerprintFile / fingerprintFrame). */
  async logDataset(name: string, fingerprint: DatasetFingerprint): Promise<DatasetRecord> {
    return this.store.recordDataset(this.id, name, fingerprint);
  }

  /** Flushes, stops sampling and sets the final status (default 'finished'). */
  async end(status: Exclude<RunStatus, 'running'> = 'finished'): Promise<void> {
    if (this.ended) return;
    if (this.sampler) {
      clearInterval(this.sampler.timer);
      this.metrics.push(...this.sampler.s.sample());
      this.sampler = null;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      await this.flush();
    } finally {
      this.ended = true;
      await this.store.setRunStatus(this.id, status);
    }
  }

  private assertOpen(): void {
    if (this.ended) throw new InvalidInputError(`Run '${this.id}' has ended; start a new run to log more.`);
  }
}

/** Starts a run in `options.experiment` (default 'Default'), owned by this process. */
export async function startRun(store: TrackingStore, options: StartRunOptions = {}): Promise<Run> {
  const exp = await store.getOrCreateExperiment(options.experiment ?? 'Default');
  const parent = options.parent === undefined ? undefined : typeof options.parent === 'string' ? options.parent : options.parent.id;
  const info = await store.createRun({
    experimentId: exp.id,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(parent !== undefined ? { parentRunId: parent } : {}),
    ...(options.tags !== undefined ? { tags: options.tags } : {}),
    source: options.source ?? process.argv.slice(1).join(' '),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    pid: process.pid,
    host: hostname(),
  });
  return new Run(store, info, options);
}

/**
 * Runs `fn` inside a run: ends it 'finished' when `fn` resolves, 'failed' when it throws.
 *
 * @example
 * await withRun(store, { experiment: 'iris' }, (run) => model.fit(X, y, { run }));
 */
export async function withRun<T>(store: TrackingStore, options: StartRunOptions, fn: (run: Run) => T | Promise<T>): Promise<T> {
  const run = await startRun(store, options);
  try {
    const out = await fn(run);
    await run.end('finished');
    return out;
  } catch (err) {
    await run.end('failed').catch(() => undefined);
    throw err;
  }
}
