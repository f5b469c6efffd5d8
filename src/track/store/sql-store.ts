/**
 * The tracking store over any SQL driver: SQLite and PostgreSQL share every query; only the
 * driver (placeholders, transactions, bulk insert) differs.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ArtifactStore } from '../artifacts.js';
import { InvalidInputError, ModelNotFoundError, RunNotFoundError } from '../errors.js';
import type {
  ArtifactRecord, DatasetFingerprint, DatasetRecord, Experiment, LogBatch, MetricPoint, ModelVersion, NewModelVersion, NewRun,
  MetricSummary, RegisteredModel, RunColumns, RunInfo, RunQuery, RunRecord, RunStatus, RunTablePage, RunTableQuery, RunTableRow,
} from '../types.js';
import { columnName, parseFilter, type ColumnRef } from '../query/filter.js';
import { filterSql, orderSql } from '../query/filter-sql.js';
import { RUN_STATUSES } from '../types.js';
import { checkArtifactName, checkKey, checkMetricValue, checkModelName, checkStep, paramText } from '../validate.js';
import type { Row, SqlDriver } from './driver.js';
import { parseModelRef } from './model-ref.js';
import { SCHEMA } from './schema.js';
import type { TrackingStore } from './store.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

let lastStart = 0;
/** Now in ms, strictly increasing within this process, so runs started in one millisecond still list in order. */
function monotonicNow(): number {
  lastStart = Math.max(Date.now(), lastStart + 1);
  return lastStart;
}

/** Whether a process with this id exists on this host. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rows for the metrics table: [run_id, key, step, time, value-or-null-for-NaN]. */
export function metricRows(runId: string, points: readonly MetricPoint[]): unknown[][] {
  const now = Date.now();
  return points.map((p) => {
    const key = checkKey(p.key, 'Metric');
    const value = checkMetricValue(key, p.value);
    return [runId, key, checkStep(key, p.step), p.time ?? now, Number.isNaN(value) ? null : value];
  });
}

export abstract class SqlTrackingStore implements TrackingStore {
  abstract readonly uri: string;
  protected abstract readonly db: SqlDriver;

  constructor(readonly artifacts: ArtifactStore) {}

  /** Creates the tables (idempotent). */
  protected async createSchema(): Promise<void> {
    await this.db.tx(async (d) => {
      for (const ddl of SCHEMA) await d.run(ddl);
    });
  }

  // ---- experiments

  async getOrCreateExperiment(name: string): Promise<Experiment> {
    checkKey(name, 'Experiment');
    await this.db.run('INSERT INTO experiments (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [randomUUID().replace(/-/g, ''), name, Date.now()]);
    const [row] = await this.db.all('SELECT * FROM experiments WHERE name = ?', [name]);
    return { id: String(row!.id), name: String(row!.name), createdAt: num(row!.created_at) };
  }

  async listExperiments(): Promise<Experiment[]> {
    const rows = await this.db.all('SELECT * FROM experiments ORDER BY created_at, name');
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), createdAt: num(r.created_at) }));
  }

  // ---- runs

  async createRun(input: NewRun): Promise<RunInfo> {
    const id = randomUUID().replace(/-/g, '');
    const exp = await this.db.all('SELECT id FROM experiments WHERE id = ?', [input.experimentId]);
    if (exp.length === 0) throw new InvalidInputError(`Experiment '${input.experimentId}' does not exist; create it with getOrCreateExperiment(name) first.`);
    if (input.parentRunId !== undefined) await this.runRow(input.parentRunId);
    if (input.seed !== undefined && !Number.isSafeInteger(input.seed)) throw new InvalidInputError(`Run seed must be an integer, got ${input.seed}.`);
    const tags = Object.entries(input.tags ?? {}).map(([k, v]) => [id, checkKey(k, 'Tag'), String(v)]);
    await this.db.tx(async (d) => {
      await d.run(
        'INSERT INTO runs (id, experiment_id, name, status, start_time, end_time, parent_run_id, source, seed, pid, host) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)',
        [id, input.experimentId, input.name ?? id.slice(0, 8), 'running', input.startTime ?? monotonicNow(), input.parentRunId ?? null, input.source ?? null,
          input.seed ?? null, input.pid ?? process.pid, input.host ?? hostname()],
      );
      if (tags.length) await d.insertMany('tags', ['run_id', 'key', 'value'], tags);
    });
    return this.runInfo(await this.runRow(id));
  }

  async setRunStatus(runId: string, status: RunStatus, endTime?: number): Promise<void> {
    if (!RUN_STATUSES.includes(status)) throw new InvalidInputError(`Run status '${status}' is not one of ${RUN_STATUSES.join(', ')}.`);
    await this.runRow(runId);
    const end = status === 'running' ? null : endTime ?? Date.now();
    await this.db.run('UPDATE runs SET status = ?, end_time = ? WHERE id = ?', [status, end, runId]);
  }

  /** Validates a batch and turns it into table rows (shared with the synchronous SQLite path). */
  protected batchRows(runId: string, batch: LogBatch): { params: unknown[][]; tags: unknown[][]; metrics: unknown[][] } {
    return {
      params: Object.entries(batch.params ?? {}).map(([k, v]) => [runId, checkKey(k, 'Param'), paramText(k, v)]),
      tags: Object.entries(batch.tags ?? {}).map(([k, v]) => [runId, checkKey(k, 'Tag'), String(v)]),
      metrics: metricRows(runId, batch.metrics ?? []),
    };
  }

  async logBatch(runId: string, batch: LogBatch): Promise<void> {
    const rows = this.batchRows(runId, batch);
    await this.runRow(runId);
    await this.db.tx(async (d) => {
      const upsert = 'ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value';
      if (rows.params.length) await d.insertMany('params', ['run_id', 'key', 'value'], rows.params, upsert);
      if (rows.tags.length) await d.insertMany('tags', ['run_id', 'key', 'value'], rows.tags, upsert);
      if (rows.metrics.length) await d.insertMany('metrics', ['run_id', 'key', 'step', 'time', 'value'], rows.metrics);
    });
  }

  async logMetric(runId: string, key: string, value: number, step?: number): Promise<void> {
    await this.logBatch(runId, { metrics: [{ key, value, step: step ?? 0, time: Date.now() }] });
  }

  async logParam(runId: string, key: string, value: unknown): Promise<void> {
    await this.logBatch(runId, { params: { [key]: value } });
  }

  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.logBatch(runId, { tags: { [key]: value } });
  }

  protected async runRow(runId: string): Promise<Row> {
    if (typeof runId !== 'string' || runId.length === 0) throw new InvalidInputError(`Run id must be a non-empty string, got ${JSON.stringify(runId)}.`);
    const [row] = await this.db.all('SELECT r.*, e.name AS experiment_name FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = ?', [runId]);
    if (!row) throw new RunNotFoundError(runId, this.uri);
    return row;
  }

  protected runInfo(r: Row): RunInfo {
    return {
      id: String(r.id), experimentId: String(r.experiment_id), experimentName: String(r.experiment_name), name: String(r.name),
      status: String(r.status) as RunStatus, startTime: num(r.start_time), endTime: numOrNull(r.end_time),
      parentRunId: strOrNull(r.parent_run_id), source: strOrNull(r.source), seed: numOrNull(r.seed), pid: numOrNull(r.pid), host: strOrNull(r.host),
    };
  }

  async getRun(runId: string): Promise<RunRecord> {
    const info = this.runInfo(await this.runRow(runId));
    const params = Object.fromEntries((await this.db.all('SELECT key, value FROM params WHERE run_id = ? ORDER BY key', [runId])).map((r) => [String(r.key), String(r.value)]));
    const tags = Object.fromEntries((await this.db.all('SELECT key, value FROM tags WHERE run_id = ? ORDER BY key', [runId])).map((r) => [String(r.key), String(r.value)]));
    const latest = await this.db.all(
      `SELECT m.key, m.step, m.time, m.value FROM metrics m
         JOIN (SELECT key, MAX(step) AS s FROM metrics WHERE run_id = ? GROUP BY key) l ON l.key = m.key AND l.s = m.step
       WHERE m.run_id = ? ORDER BY m.key, m.time`,
      [runId, runId],
    );
    const metrics: Record<string, MetricPoint> = {};
    for (const r of latest) metrics[String(r.key)] = this.point(r); // ordered by time: the latest wins
    return { ...info, params, tags, metrics };
  }

  protected point(r: Row): MetricPoint {
    return { key: String(r.key), step: num(r.step), time: num(r.time), value: r.value === null ? NaN : num(r.value) };
  }

  async searchRuns(query: RunQuery = {}): Promise<RunInfo[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.experiment !== undefined) { where.push('e.name = ?'); args.push(query.experiment); }
    if (query.status !== undefined) { where.push('r.status = ?'); args.push(query.status); }
    if (query.parentRunId !== undefined) { where.push('r.parent_run_id = ?'); args.push(query.parentRunId); }
    const limit = query.limit ?? 1000;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new InvalidInputError(`Run query limit must be a positive integer, got ${limit}.`);
    const rows = await this.db.all(
      `SELECT r.*, e.name AS experiment_name FROM runs r JOIN experiments e ON e.id = r.experiment_id
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.start_time DESC, r.id LIMIT ${limit}`,
      args,
    );
    return rows.map((r) => this.runInfo(r));
  }

  async getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    await this.runRow(runId);
    const rows = await this.db.all('SELECT key, step, time, value FROM metrics WHERE run_id = ? AND key = ? ORDER BY step, time', [runId, key]);
    return rows.map((r) => this.point(r));
  }

  async queryRuns(query: RunTableQuery = {}): Promise<RunTablePage> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > 5000) throw new InvalidInputError(`Runs table limit must be an integer in 1..5000, got ${limit}.`);
    if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidInputError(`Runs table offset must be a non-negative integer, got ${offset}.`);
    const filter = typeof query.filter === 'string' ? parseFilter(query.filter) : query.filter ?? null;
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.experiments?.length) {
      where.push(`e.name IN (${query.experiments.map(() => '?').join(', ')})`);
      args.push(...query.experiments);
    }
    if (filter) {
      const f = filterSql(filter);
      where.push(f.sql);
      args.push(...f.args);
    }
    const from = `FROM runs r JOIN experiments e ON e.id = r.experiment_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
    const [count] = await this.db.all(`SELECT COUNT(*) AS n ${from}`, args);
    const order = orderSql(query.orderBy ?? []);
    const rows = await this.db.all(`SELECT r.*, e.name AS experiment_name ${from} ORDER BY ${order.sql} LIMIT ${limit} OFFSET ${offset}`, [...args, ...order.args]);
    const runs: RunTableRow[] = rows.map((r) => ({ ...this.runInfo(r), values: {} }));
    await this.fillColumnValues(runs, query.columns ?? []);
    return { total: num(count!.n), runs };
  }

  /** Fetches the chosen params, tags and latest metric values of a page of runs in one query per kind. */
  private async fillColumnValues(runs: RunTableRow[], columns: readonly ColumnRef[]): Promise<void> {
    if (runs.length === 0) return;
    const byId = new Map(runs.map((r) => [r.id, r]));
    const ids = runs.map((r) => r.id);
    const marks = (xs: readonly unknown[]): string => xs.map(() => '?').join(', ');
    for (const [kind, table] of [['param', 'params'], ['tag', 'tags']] as const) {
      const keys = [...new Set(columns.filter((c) => c.kind === kind).map((c) => c.key))];
      if (keys.length === 0) continue;
      const rows = await this.db.all(`SELECT run_id, key, value FROM ${table} WHERE run_id IN (${marks(ids)}) AND key IN (${marks(keys)})`, [...ids, ...keys]);
      for (const r of rows) byId.get(String(r.run_id))!.values[columnName({ kind, key: String(r.key) })] = String(r.value);
    }
    // One index seek per run and key for its latest point. A stored NaN (NULL) comes back as 'NaN'
    // (text in SQLite, the float NaN in PostgreSQL), so NULL means the run lacks the metric.
    for (const key of new Set(columns.filter((c) => c.kind === 'metric').map((c) => c.key))) {
      const rows = await this.db.all(
        `SELECT r.id AS run_id, (SELECT CASE WHEN m.value IS NULL THEN 'NaN' ELSE m.value END FROM metrics m
           WHERE m.run_id = r.id AND m.key = ? ORDER BY m.step DESC, m.time DESC LIMIT 1) AS value
         FROM runs r WHERE r.id IN (${marks(ids)})`,
        [key, ...ids],
      );
      const name = columnName({ kind: 'metric', key });
      for (const r of rows) if (r.value !== null) byId.get(String(r.run_id))!.values[name] = num(r.value);
    }
  }

  async listRunColumns(experiments: readonly string[] = []): Promise<RunColumns> {
    const keys = async (table: string): Promise<string[]> => {
      const scoped = experiments.length
        ? `WHERE x.run_id IN (SELECT r.id FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE e.name IN (${experiments.map(() => '?').join(', ')}))`
        : '';
      const rows = await this.db.all(`SELECT DISTINCT x.key FROM ${table} x ${scoped} ORDER BY x.key LIMIT 2000`, experiments);
      return rows.map((r) => String(r.key));
    };
    return { params: await keys('params'), metrics: await keys('metrics'), tags: await keys('tags') };
  }

  async listMetricSummaries(runId: string): Promise<MetricSummary[]> {
    await this.runRow(runId);
    const rows = await this.db.all(
      'SELECT key, COUNT(*) AS n, MIN(step) AS min_step, MAX(step) AS max_step, MAX(time) AS last_time FROM metrics WHERE run_id = ? GROUP BY key ORDER BY key', [runId]);
    return rows.map((r) => ({ key: String(r.key), count: num(r.n), minStep: num(r.min_step), maxStep: num(r.max_step), lastTime: num(r.last_time) }));
  }

  async recordArtifact(runId: string, name: string, digest: string, size: number, mediaType: string): Promise<ArtifactRecord> {
    checkArtifactName(name);
    await this.runRow(runId);
    if (!this.artifacts.has(digest)) throw new InvalidInputError(`Artifact content ${digest} is not in ${this.artifacts.root}; store it with artifacts.put(bytes) first.`);
    const createdAt = Date.now();
    await this.db.run(
      `INSERT INTO artifacts (run_id, name, digest, size, media_type, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, name) DO UPDATE SET digest = excluded.digest, size = excluded.size, media_type = excluded.media_type, created_at = excluded.created_at`,
      [runId, name, digest, size, mediaType, createdAt],
    );
    return { runId, name, digest, size, mediaType, createdAt };
  }

  async listArtifacts(runId: string): Promise<ArtifactRecord[]> {
    await this.runRow(runId);
    const rows = await this.db.all('SELECT * FROM artifacts WHERE run_id = ? ORDER BY name', [runId]);
    return rows.map((r) => ({ runId, name: String(r.name), digest: String(r.digest), size: num(r.size), mediaType: String(r.media_type), createdAt: num(r.created_at) }));
  }

  async recordDataset(runId: string, name: string, fp: DatasetFingerprint): Promise<DatasetRecord> {
    checkKey(name, 'Dataset');
    await this.runRow(runId);
    if (!/^[0-9a-f]{64}$/.test(fp.digest)) throw new InvalidInputError(`Dataset '${name}' digest must be a sha256 hex string; build it with fingerprintFile or fingerprintFrame.`);
    await this.db.run(
      `INSERT INTO datasets (run_id, name, digest, kind, size, source, rows, schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, name) DO UPDATE SET digest = excluded.digest, kind = excluded.kind, size = excluded.size,
         source = excluded.source, rows = excluded.rows, schema = excluded.schema`,
      [runId, name, fp.digest, fp.kind, fp.size, fp.source, fp.rows, fp.schema === null ? null : JSON.stringify(fp.schema)],
    );
    return { ...fp, runId, name };
  }

  async listDatasets(runId: string): Promise<DatasetRecord[]> {
    await this.runRow(runId);
    const rows = await this.db.all('SELECT * FROM datasets WHERE run_id = ? ORDER BY name', [runId]);
    return rows.map((r) => this.datasetOf(r));
  }

  private datasetOf(r: Row): DatasetRecord {
    return {
      runId: String(r.run_id), name: String(r.name), digest: String(r.digest), kind: String(r.kind) as DatasetFingerprint['kind'], size: num(r.size),
      source: strOrNull(r.source), rows: numOrNull(r.rows), schema: r.schema === null ? null : JSON.parse(String(r.schema)),
    };
  }

  async listAllDatasets(): Promise<DatasetRecord[]> {
    const rows = await this.db.all('SELECT d.* FROM datasets d JOIN runs r ON r.id = d.run_id ORDER BY r.start_time DESC, d.name LIMIT 10000');
    return rows.map((r) => this.datasetOf(r));
  }

  async reapStaleRuns(): Promise<string[]> {
    const host = hostname();
    const rows = await this.db.all("SELECT id, pid FROM runs WHERE status = 'running' AND host = ?", [host]);
    const dead = rows.filter((r) => r.pid !== null && !processAlive(num(r.pid))).map((r) => String(r.id));
    const now = Date.now();
    for (const id of dead) {
      await this.db.run("UPDATE runs SET status = 'failed', end_time = ? WHERE id = ? AND status = 'running'", [now, id]);
      await this.db.run("INSERT INTO tags (run_id, key, value) VALUES (?, 'strata.failure', ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value",
        [id, 'the process that ran it ended without ending the run']);
    }
    return dead;
  }

  // ---- registry

  async createRegisteredModel(name: string, description?: string): Promise<RegisteredModel> {
    checkModelName(name);
    await this.db.run('INSERT INTO registered_models (name, description, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [name, description ?? null, Date.now()]);
    return this.getRegisteredModel(name);
  }

  async createModelVersion(name: string, input: NewModelVersion): Promise<ModelVersion> {
    checkModelName(name);
    if (input.runId !== undefined) await this.runRow(input.runId);
    let digest = input.artifactDigest ?? null;
    if (input.modelBytes) digest = this.artifacts.put(input.modelBytes).digest;
    else if (digest !== null && !this.artifacts.has(digest)) throw new InvalidInputError(`Model artifact ${digest} is not in ${this.artifacts.root}; pass modelBytes instead.`);
    await this.createRegisteredModel(name);
    const createdAt = Date.now();
    const version = await this.db.tx(async (d) => {
      await this.lockModel(d, name);
      const [row] = await d.all('SELECT COALESCE(MAX(version), 0) AS v FROM model_versions WHERE name = ?', [name]);
      const v = num(row!.v) + 1;
      await d.run(
        'INSERT INTO model_versions (name, version, run_id, artifact_digest, dataset_digest, signature, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [name, v, input.runId ?? null, digest, input.datasetDigest ?? null, input.signature ? JSON.stringify(input.signature) : null, input.description ?? null, createdAt],
      );
      return v;
    });
    return this.getModelVersion(name, version);
  }

  /** Serializes version creation for one model (PostgreSQL locks the row; SQLite's write lock already does). */
  protected async lockModel(_d: SqlDriver, _name: string): Promise<void> {}

  async getRegisteredModel(name: string): Promise<RegisteredModel> {
    const [row] = await this.db.all(
      'SELECT m.*, (SELECT MAX(version) FROM model_versions v WHERE v.name = m.name) AS latest FROM registered_models m WHERE m.name = ?', [name]);
    if (!row) throw await this.modelNotFound(name);
    const aliases = await this.db.all('SELECT alias, version FROM model_aliases WHERE name = ? ORDER BY alias', [name]);
    return {
      name: String(row.name), description: strOrNull(row.description), createdAt: num(row.created_at), latestVersion: numOrNull(row.latest),
      aliases: Object.fromEntries(aliases.map((a) => [String(a.alias), num(a.version)])),
    };
  }

  private async modelNotFound(name: string): Promise<ModelNotFoundError> {
    const names = (await this.db.all('SELECT name FROM registered_models ORDER BY name')).map((r) => String(r.name));
    return new ModelNotFoundError(`Registered model '${name}' not found in ${this.uri}; ${names.length ? `registered models: ${names.join(', ')}` : 'the registry is empty (register one with strata train --register NAME)'}.`);
  }

  async listRegisteredModels(): Promise<RegisteredModel[]> {
    const names = (await this.db.all('SELECT name FROM registered_models ORDER BY name')).map((r) => String(r.name));
    const out: RegisteredModel[] = [];
    for (const n of names) out.push(await this.getRegisteredModel(n));
    return out;
  }

  private versionOf(r: Row, aliases: string[]): ModelVersion {
    return {
      name: String(r.name), version: num(r.version), runId: strOrNull(r.run_id), artifactDigest: strOrNull(r.artifact_digest),
      datasetDigest: strOrNull(r.dataset_digest), signature: r.signature === null ? null : JSON.parse(String(r.signature)),
      description: strOrNull(r.description), createdAt: num(r.created_at), aliases,
    };
  }

  async listModelVersions(name: string): Promise<ModelVersion[]> {
    const model = await this.getRegisteredModel(name);
    const rows = await this.db.all('SELECT * FROM model_versions WHERE name = ? ORDER BY version', [name]);
    return rows.map((r) => this.versionOf(r, Object.keys(model.aliases).filter((a) => model.aliases[a] === num(r.version))));
  }

  async getModelVersion(name: string, version: number): Promise<ModelVersion> {
    const model = await this.getRegisteredModel(name);
    const [row] = await this.db.all('SELECT * FROM model_versions WHERE name = ? AND version = ?', [name, version]);
    if (!row) {
      throw new ModelNotFoundError(`Model '${name}' has no version ${version}; ${model.latestVersion === null ? 'it has no versions yet' : `its versions are 1..${model.latestVersion}`}.`);
    }
    return this.versionOf(row, Object.keys(model.aliases).filter((a) => model.aliases[a] === version));
  }

  async setAlias(name: string, alias: string, version: number): Promise<void> {
    checkModelName(alias, 'Alias');
    if (/^\d+$/.test(alias)) throw new InvalidInputError(`Alias '${alias}' is all digits and would read as a version; pick a word such as 'production'.`);
    await this.getModelVersion(name, version);
    await this.db.run('INSERT INTO model_aliases (name, alias, version) VALUES (?, ?, ?) ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version', [name, alias, version]);
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    const model = await this.getRegisteredModel(name);
    if (!(alias in model.aliases)) throw new ModelNotFoundError(`Model '${name}' has no alias '${alias}'; its aliases: ${Object.keys(model.aliases).join(', ') || 'none'}.`);
    await this.db.run('DELETE FROM model_aliases WHERE name = ? AND alias = ?', [name, alias]);
  }

  async resolveModel(ref: string): Promise<ModelVersion> {
    const r = parseModelRef(ref);
    if (r.alias !== undefined) {
      const model = await this.getRegisteredModel(r.name);
      const v = model.aliases[r.alias];
      if (v === undefined) throw new ModelNotFoundError(`Model '${r.name}' has no alias '${r.alias}'; its aliases: ${Object.keys(model.aliases).join(', ') || 'none'} (set one with strata models alias).`);
      return this.getModelVersion(r.name, v);
    }
    if (r.version !== undefined) return this.getModelVersion(r.name, r.version);
    const model = await this.getRegisteredModel(r.name);
    if (model.latestVersion === null) throw new ModelNotFoundError(`Model '${r.name}' has no versions yet.`);
    return this.getModelVersion(r.name, model.latestVersion);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
