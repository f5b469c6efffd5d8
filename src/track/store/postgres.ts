/**
 * The team store: PostgreSQL through `pg`. The same tables and queries as SQLite; bulk inserts
 * go in multi-row statements, and version numbers are assigned under a row lock.
 */
import pg from 'pg';
import { join } from 'node:path';
import { ArtifactStore } from '../artifacts.js';
import type { Row, SqlDriver } from './driver.js';
import { SCHEMA } from './schema.js';
import { POSTGRES_FUNCTIONS } from './sql-functions.js';
import { SqlTrackingStore } from './sql-store.js';

/** `?` placeholders → `$1, $2, …` (the store's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

const MAX_PARAMS = 60000;

class ClientDriver implements SqlDriver {
  constructor(private readonly q: pg.Pool | pg.PoolClient, private readonly inTx: boolean) {}

  async all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.q.query(numbered(sql), params as unknown[])).rows as Row[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.q.query(numbered(sql), params as unknown[]);
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
    const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    const go = async (d: SqlDriver): Promise<void> => {
      for (let start = 0; start < rows.length; start += per) {
        const chunk = rows.slice(start, start + per);
        const values = chunk.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await (d as ClientDriver).q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${suffix}`, chunk.flat() as unknown[]);
      }
    };
    if (this.inTx || rows.length <= per) await go(this);
    else await this.tx(async (d) => go(d));
  }

  async tx<T>(fn: (d: SqlDriver) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const client = await (this.q as pg.Pool).connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new ClientDriver(client, true));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await (this.q as pg.Pool).end();
  }
}

export interface PostgresStoreOptions {
  /** Artifact folder (shared volume for teams); default `$STRATA_HOME/artifacts` or `./.strata/artifacts`. */
  artifactRoot?: string;
  maxArtifactBytes?: number;
  reap?: boolean;
}

/**
 * @example
 * const store = await PostgresStore.open('postgres://strata@127.0.0.1:5432/strata');
 */
export class PostgresStore extends SqlTrackingStore {
  protected readonly db: ClientDriver;

  private constructor(readonly uri: string, options: PostgresStoreOptions) {
    super(new ArtifactStore(options.artifactRoot ?? join(process.env.STRATA_HOME ?? '.strata', 'artifacts'), options.maxArtifactBytes));
    this.db = new ClientDriver(new pg.Pool({ connectionString: uri, max: 4 }), false);
  }

  static async open(uri: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(uri, options);
    try {
      // Concurrent first opens would race on CREATE TABLE IF NOT EXISTS; an advisory lock serializes them.
      await store.db.tx(async (d) => {
        await d.run('SELECT pg_advisory_xact_lock(727274)');
        await store.createSchemaIn(d);
      });
      if (options.reap !== false) await store.reapStaleRuns();
    } catch (err) {
      await store.close().catch(() => undefined);
      throw new Error(`Cannot open the PostgreSQL store at ${redact(uri)}: ${(err as Error).message}. Check that the server runs and the URI is right.`);
    }
    return store;
  }

  private async createSchemaIn(d: SqlDriver): Promise<void> {
    for (const ddl of [...SCHEMA, ...POSTGRES_FUNCTIONS]) await d.run(ddl);
  }

  protected override async lockModel(d: SqlDriver, name: string): Promise<void> {
    await d.run('SELECT name FROM registered_models WHERE name = ? FOR UPDATE', [name]);
  }
}

/** The URI without its password, for messages. */
export function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
