/**
 * The embedded store: SQLite through better-sqlite3 (v12), WAL mode, every write in a
 * transaction — a killed process loses at most its unflushed points, never the database.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ArtifactStore } from '../artifacts.js';
import { RunNotFoundError } from '../errors.js';
import type { LogBatch } from '../types.js';
import type { Row, SqlDriver } from './driver.js';
import { registerSqliteFunctions } from './sql-functions.js';
import { SqlTrackingStore } from './sql-store.js';
import type { SyncLogging } from './store.js';

class SqliteDriver implements SqlDriver {
  private readonly stmts = new Map<string, Database.Statement>();
  /** Transactions are chained: async work inside one never interleaves with another. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly db: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  allSync(sql: string, params: readonly unknown[] = []): Row[] {
    const s = this.prepare(sql);
    return s.reader ? (s.all(...params) as Row[]) : (s.run(...params), []);
  }

  insertManySync(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): void {
    const s = this.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${suffix}`);
    for (const r of rows) s.run(...r);
  }

  async all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    await this.chain;
    return this.allSync(sql, params);
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.chain;
    this.prepare(sql).run(...params);
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
    await this.chain;
    this.db.transaction(() => this.insertManySync(table, columns, rows, suffix))();
  }

  tx<T>(fn: (d: SqlDriver) => Promise<T>): Promise<T> {
    const inner: SqlDriver = {
      all: async (sql, params) => this.allSync(sql, params),
      run: async (sql, params) => void this.prepare(sql).run(...(params ?? [])),
      insertMany: async (table, columns, rows, suffix) => this.insertManySync(table, columns, rows, suffix),
      tx: (f) => f(inner),
      close: async () => {},
    };
    const p = this.chain.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(inner);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
    this.chain = p.catch(() => undefined);
    return p;
  }

  async close(): Promise<void> {
    await this.chain;
    if (this.db.open) this.db.close();
  }
}

export interface SqliteStoreOptions {
  /** Artifact folder; default `artifacts/` beside the database file. */
  artifactRoot?: string;
  maxArtifactBytes?: number;
  /** Mark runs of dead processes failed on open (default true). */
  reap?: boolean;
}

/**
 * @example
 * const store = await SqliteStore.open('.strata/strata.db');
 * const exp = await store.getOrCreateExperiment('Default');
 * const run = await store.createRun({ experimentId: exp.id });
 * await store.logBatch(run.id, { params: { alpha: 1 }, metrics: [{ key: 'loss', value: 0.3, step: 0, time: Date.now() }] });
 */
export class SqliteStore extends SqlTrackingStore implements SyncLogging {
  readonly uri: string;
  protected readonly db: SqliteDriver;

  private constructor(readonly path: string, options: SqliteStoreOptions) {
    super(new ArtifactStore(options.artifactRoot ?? join(dirname(resolve(path)), 'artifacts'), options.maxArtifactBytes));
    this.uri = `sqlite:${path}`;
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    registerSqliteFunctions(db);
    this.db = new SqliteDriver(db);
  }

  /** Opens (creating if needed) the database at `path` and reaps runs of dead processes. */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const store = new SqliteStore(path, options);
    await store.createSchema();
    if (options.reap !== false) await store.reapStaleRuns();
    return store;
  }

  /** Writes a batch synchronously (one transaction) — for flushing from inside a synchronous `fit`. */
  logBatchSync(runId: string, batch: LogBatch): void {
    const rows = this.batchRows(runId, batch);
    const d = this.db;
    if (d.allSync('SELECT id FROM runs WHERE id = ?', [runId]).length === 0) {
      throw new RunNotFoundError(runId, this.uri);
    }
    const upsert = 'ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value';
    d.db.transaction(() => {
      if (rows.params.length) d.insertManySync('params', ['run_id', 'key', 'value'], rows.params, upsert);
      if (rows.tags.length) d.insertManySync('tags', ['run_id', 'key', 'value'], rows.tags, upsert);
      if (rows.metrics.length) d.insertManySync('metrics', ['run_id', 'key', 'step', 'time', 'value'], rows.metrics);
    }).immediate();
  }
}
