/**
 * What hosting keeps between restarts, in a small SQLite database beside the tracking store
 * (`serve.db`): API keys (hashed), uploaded endpoints, and usage per key, model and day. Uploaded
 * model bytes live content-addressed in `endpoints/` next to it. WAL mode lets every worker
 * process of one server share the file.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ArtifactStore } from '../track/index.js';
import { generateKey, hashSecret, parseToken, secretMatches, type Scope } from './api-keys.js';

export interface ApiKey {
  id: string;
  /** Who the key belongs to; private endpoints are visible to keys of the same owner. */
  owner: string;
  scopes: Scope[];
  /** Requests per minute, or null for no limit. */
  rateLimit: number | null;
  description: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export type Visibility = 'public' | 'private';

export interface Endpoint {
  name: string;
  version: number;
  platform: 'strata' | 'onnxruntime';
  /** sha256 of the uploaded model bytes. */
  digest: string;
  visibility: Visibility;
  owner: string;
  description: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface UsageRow {
  keyId: string | null;
  owner: string | null;
  model: string;
  day: string;
  calls: number;
  rows: number;
  errors: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, salt BLOB NOT NULL, hash BLOB NOT NULL, scopes TEXT NOT NULL,
  rate_limit INTEGER, description TEXT, created_at INTEGER NOT NULL, revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS endpoints (
  name TEXT PRIMARY KEY, version INTEGER NOT NULL, platform TEXT NOT NULL, digest TEXT NOT NULL,
  visibility TEXT NOT NULL, owner TEXT NOT NULL, description TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS usage (
  key_id TEXT NOT NULL, model TEXT NOT NULL, day TEXT NOT NULL,
  calls INTEGER NOT NULL DEFAULT 0, rows INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (key_id, model, day)
);`;

type Row = Record<string, unknown>;

const keyOfRow = (r: Row): ApiKey => ({
  id: r.id as string,
  owner: r.owner as string,
  scopes: (r.scopes as string).split(',') as Scope[],
  rateLimit: (r.rate_limit as number | null) ?? null,
  description: (r.description as string | null) ?? null,
  createdAt: r.created_at as number,
  revokedAt: (r.revoked_at as number | null) ?? null,
});

const endpointOfRow = (r: Row): Endpoint => ({
  name: r.name as string,
  version: r.version as number,
  platform: r.platform as Endpoint['platform'],
  digest: r.digest as string,
  visibility: r.visibility as Visibility,
  owner: r.owner as string,
  description: (r.description as string | null) ?? null,
  createdAt: r.created_at as number,
  updatedAt: r.updated_at as number,
});

/** Verified keys are remembered briefly so scrypt runs once per key, not once per request. */
const VERIFIED_TTL_MS = 10_000;

export class HostingStore {
  readonly models: ArtifactStore;
  readonly #db: Database.Database;
  readonly #verified = new Map<string, { key: ApiKey; until: number }>();
  #usage = new Map<string, { keyId: string; model: string; day: string; calls: number; rows: number; errors: number }>();

  private constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    // Usage counters are flushed every second; losing the last one on power failure is fine,
    // an fsync per flush stalling the event loop is not.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(SCHEMA);
    this.models = new ArtifactStore(join(dirname(path), 'endpoints'));
  }

  /** Opens (creating) the database at `path`. */
  static open(path: string): HostingStore {
    return new HostingStore(path);
  }

  // ------------------------------------------------------------------ keys

  createKey(input: { owner: string; scopes: Scope[]; rateLimit?: number | null; description?: string | null }): { token: string; key: ApiKey } {
    const { id, secret, token } = generateKey();
    const salt = randomBytes(16);
    const key: ApiKey = {
      id, owner: input.owner, scopes: input.scopes, rateLimit: input.rateLimit ?? null, description: input.description ?? null, createdAt: Date.now(), revokedAt: null,
    };
    this.#db
      .prepare('INSERT INTO api_keys (id, owner, salt, hash, scopes, rate_limit, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, key.owner, salt, hashSecret(secret, salt), key.scopes.join(','), key.rateLimit, key.description, key.createdAt);
    return { token, key };
  }

  /** The key a token belongs to, or null when it is malformed, unknown, wrong or revoked. */
  verifyKey(token: string): ApiKey | null {
    const cacheKey = createHash('sha256').update(token).digest('hex');
    const now = Date.now();
    const hit = this.#verified.get(cacheKey);
    if (hit && hit.until > now) return hit.key;
    this.#verified.delete(cacheKey);
    const parsed = parseToken(token);
    if (!parsed) return null;
    const row = this.#db.prepare('SELECT * FROM api_keys WHERE id = ?').get(parsed.id) as Row | undefined;
    if (!row || row.revoked_at !== null) return null;
    if (!secretMatches(parsed.secret, row.salt as Buffer, row.hash as Buffer)) return null;
    const key = keyOfRow(row);
    if (this.#verified.size > 10_000) this.#verified.clear();
    this.#verified.set(cacheKey, { key, until: now + VERIFIED_TTL_MS });
    return key;
  }

  getKey(id: string): ApiKey | null {
    const row = this.#db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as Row | undefined;
    return row ? keyOfRow(row) : null;
  }

  listKeys(): ApiKey[] {
    return (this.#db.prepare('SELECT * FROM api_keys ORDER BY created_at').all() as Row[]).map(keyOfRow);
  }

  /** Revokes a key; returns false when there is no such key. Other processes notice within seconds. */
  revokeKey(id: string): boolean {
    const changed = this.#db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id).changes > 0;
    for (const [k, v] of this.#verified) if (v.key.id === id) this.#verified.delete(k);
    return changed;
  }

  // ------------------------------------------------------------ endpoints

  /** Stores model bytes and creates the endpoint, or adds a version to it. */
  putEndpoint(input: { name: string; platform: Endpoint['platform']; bytes: Uint8Array; visibility: Visibility; owner: string; description?: string | null }): Endpoint {
    const { digest } = this.models.put(input.bytes);
    const now = Date.now();
    return this.#db.transaction(() => {
      const prev = this.getEndpoint(input.name);
      const version = prev ? prev.version + 1 : 1;
      this.#db
        .prepare(
          `INSERT INTO endpoints (name, version, platform, digest, visibility, owner, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET version = excluded.version, platform = excluded.platform, digest = excluded.digest,
             visibility = excluded.visibility, description = excluded.description, updated_at = excluded.updated_at`,
        )
        .run(input.name, version, input.platform, digest, input.visibility, input.owner, input.description ?? null, prev?.createdAt ?? now, now);
      return this.getEndpoint(input.name)!;
    })();
  }

  getEndpoint(name: string): Endpoint | null {
    const row = this.#db.prepare('SELECT * FROM endpoints WHERE name = ?').get(name) as Row | undefined;
    return row ? endpointOfRow(row) : null;
  }

  listEndpoints(): Endpoint[] {
    return (this.#db.prepare('SELECT * FROM endpoints ORDER BY name').all() as Row[]).map(endpointOfRow);
  }

  setVisibility(name: string, visibility: Visibility): Endpoint | null {
    this.#db.prepare('UPDATE endpoints SET visibility = ?, updated_at = ? WHERE name = ?').run(visibility, Date.now(), name);
    return this.getEndpoint(name);
  }

  deleteEndpoint(name: string): boolean {
    return this.#db.prepare('DELETE FROM endpoints WHERE name = ?').run(name).changes > 0;
  }

  // ---------------------------------------------------------------- usage

  /** Counts a call in memory; `flushUsage` adds the counts to the database. */
  recordUsage(keyId: string | null, model: string, rows: number, error: boolean): void {
    const day = this.#today();
    const id = keyId ?? '';
    const k = `${id}\u0000${model}\u0000${day}`;
    let u = this.#usage.get(k);
    if (!u) this.#usage.set(k, (u = { keyId: id, model, day, calls: 0, rows: 0, errors: 0 }));
    u.calls++;
    u.rows += rows;
    if (error) u.errors++;
  }

  #day = '';
  #dayEnds = 0;

  /** Today's UTC date, recomputed once a day rather than once a request. */
  #today(now = Date.now()): string {
    if (now >= this.#dayEnds) {
      this.#day = new Date(now).toISOString().slice(0, 10);
      this.#dayEnds = (Math.floor(now / 86_400_000) + 1) * 86_400_000;
    }
    return this.#day;
  }

  flushUsage(): void {
    if (this.#usage.size === 0) return;
    const pending = [...this.#usage.values()];
    this.#usage = new Map();
    const upsert = this.#db.prepare(
      `INSERT INTO usage (key_id, model, day, calls, rows, errors) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key_id, model, day) DO UPDATE SET calls = calls + excluded.calls, rows = rows + excluded.rows, errors = errors + excluded.errors`,
    );
    this.#db.transaction(() => {
      for (const u of pending) upsert.run(u.keyId, u.model, u.day, u.calls, u.rows, u.errors);
    })();
  }

  /** Usage summed per key and model (and day with `byDay`), filtered by key, owner or model. */
  usage(filter: { keyId?: string; owner?: string; model?: string; byDay?: boolean } = {}): UsageRow[] {
    this.flushUsage();
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.keyId !== undefined) (where.push('u.key_id = ?'), params.push(filter.keyId));
    if (filter.owner !== undefined) (where.push('k.owner = ?'), params.push(filter.owner));
    if (filter.model !== undefined) (where.push('u.model = ?'), params.push(filter.model));
    const day = filter.byDay ? 'u.day' : "''";
    const rows = this.#db
      .prepare(
        `SELECT u.key_id AS key_id, k.owner AS owner, u.model AS model, ${day} AS day, SUM(u.calls) AS calls, SUM(u.rows) AS rows, SUM(u.errors) AS errors
         FROM usage u LEFT JOIN api_keys k ON k.id = u.key_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         GROUP BY u.key_id, u.model, ${day} ORDER BY u.key_id, u.model, ${day}`,
      )
      .all(...params) as Row[];
    return rows.map((r) => ({
      keyId: (r.key_id as string) === '' ? null : (r.key_id as string),
      owner: (r.owner as string | null) ?? null,
      model: r.model as string,
      day: r.day as string,
      calls: r.calls as number,
      rows: r.rows as number,
      errors: r.errors as number,
    }));
  }

  close(): void {
    this.flushUsage();
    this.#db.close();
  }
}
