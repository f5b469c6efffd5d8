/** Tables of the tracking store; the same DDL runs on SQLite and PostgreSQL. */
export const SCHEMA_VERSION = 1;

export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS experiments (
     id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS runs (
     id TEXT PRIMARY KEY, experiment_id TEXT NOT NULL REFERENCES experiments(id), name TEXT NOT NULL,
     status TEXT NOT NULL, start_time BIGINT NOT NULL, end_time BIGINT, parent_run_id TEXT,
     source TEXT, seed BIGINT, pid BIGINT, host TEXT)`,
  `CREATE INDEX IF NOT EXISTS runs_experiment ON runs(experiment_id, start_time)`,
  `CREATE INDEX IF NOT EXISTS runs_status ON runs(status)`,
  `CREATE TABLE IF NOT EXISTS params (
     run_id TEXT NOT NULL REFERENCES runs(id), key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))`,
  `CREATE TABLE IF NOT EXISTS tags (
     run_id TEXT NOT NULL REFERENCES runs(id), key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))`,
  // value NULL means NaN (SQLite cannot hold NaN; PostgreSQL uses the same convention).
  `CREATE TABLE IF NOT EXISTS metrics (
     run_id TEXT NOT NULL REFERENCES runs(id), key TEXT NOT NULL, step BIGINT NOT NULL, time BIGINT NOT NULL,
     value DOUBLE PRECISION)`,
  `CREATE INDEX IF NOT EXISTS metrics_series ON metrics(run_id, key, step)`,
  `CREATE TABLE IF NOT EXISTS artifacts (
     run_id TEXT NOT NULL REFERENCES runs(id), name TEXT NOT NULL, digest TEXT NOT NULL, size BIGINT NOT NULL,
     media_type TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (run_id, name))`,
  `CREATE TABLE IF NOT EXISTS datasets (
     run_id TEXT NOT NULL REFERENCES runs(id), name TEXT NOT NULL, digest TEXT NOT NULL, kind TEXT NOT NULL,
     size BIGINT NOT NULL, source TEXT, rows BIGINT, schema TEXT, PRIMARY KEY (run_id, name))`,
  `CREATE TABLE IF NOT EXISTS registered_models (
     name TEXT PRIMARY KEY, description TEXT, created_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS model_versions (
     name TEXT NOT NULL REFERENCES registered_models(name), version BIGINT NOT NULL, run_id TEXT,
     artifact_digest TEXT, dataset_digest TEXT, signature TEXT, description TEXT, created_at BIGINT NOT NULL,
     PRIMARY KEY (name, version))`,
  `CREATE TABLE IF NOT EXISTS model_aliases (
     name TEXT NOT NULL REFERENCES registered_models(name), alias TEXT NOT NULL, version BIGINT NOT NULL,
     PRIMARY KEY (name, alias))`,
];
