/** Chooses a store by URI: `sqlite:PATH` (default `sqlite:./.strata/strata.db`) or `postgres://…`. */
import { join } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { TrackingStore } from './store.js';

export interface OpenStoreOptions {
  artifactRoot?: string;
  maxArtifactBytes?: number;
  /** Mark runs of dead processes failed on open (default true). */
  reap?: boolean;
}

/** `sqlite:$STRATA_HOME/strata.db`, or `sqlite:.strata/strata.db` when STRATA_HOME is unset. */
export function defaultStoreUri(env: NodeJS.ProcessEnv = process.env): string {
  return `sqlite:${join(env.STRATA_HOME ?? '.strata', 'strata.db')}`;
}

/**
 * @example
 * const store = await openStore('sqlite:./.strata/strata.db');
 * const pgStore = await openStore('postgres://strata@127.0.0.1:5432/strata');
 */
export async function openStore(uri: string = defaultStoreUri(), options: OpenStoreOptions = {}): Promise<TrackingStore> {
  if (uri.startsWith('sqlite:')) {
    const path = uri.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new InvalidInputError(`Store URI '${uri}' has no path; use e.g. sqlite:./.strata/strata.db.`);
    return SqliteStore.open(path, options);
  }
  if (uri.startsWith('postgres://') || uri.startsWith('postgresql://')) return PostgresStore.open(uri, options);
  throw new InvalidInputError(`Store URI '${uri}' is not supported; use sqlite:PATH or postgres://USER@HOST:PORT/DB.`);
}
