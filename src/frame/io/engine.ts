/**
 * The embedded DuckDB engine behind frame IO and SQL: one in-memory database per process,
 * opened on first use, and a fresh connection per operation (temporary tables registered for a
 * query live on that connection only, so concurrent queries never see each other's frames).
 *
 * Node-only: this module loads the native `@duckdb/node-api` package.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let instance: Promise<DuckDBInstance> | undefined;

/**
 * The process-wide DuckDB instance (in memory; spills to a folder under the OS temp dir when a
 * query outgrows memory).
 *
 * Allocator settings: a query's result is freed as soon as it is copied into a frame, but
 * DuckDB's allocator (jemalloc) would keep those pages resident for reuse; flushing after any
 * bulk free over 32 MB and purging from background threads hands them back to the OS within
 * about a second, so a frame's memory is not counted twice for long (measured on the 1M-row
 * bench: resident memory after a read falls from ~750 MB to ~190 MB once the frame is dropped).
 */
export function engine(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(':memory:', {
    temp_directory: join(tmpdir(), `strata-duckdb-${process.pid}`),
    allocator_bulk_deallocation_flush_threshold: '32MB',
    allocator_background_threads: 'true',
  });
  return instance;
}

/**
 * Runs `fn` on a fresh connection and closes it afterwards (also on error).
 *
 * @example
 * const n = await withConnection(async (con) => (await con.runAndReadAll('select 42')).getRows()[0]![0]);
 */
export async function withConnection<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const con = await (await engine()).connect();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
  }
}

let fullGc: (() => void) | undefined;
let gcPending = false;

/**
 * Runs a full garbage collection once the current call stack has unwound (on the next turn of
 * the event loop). DuckDB result chunks are native memory behind small JS wrappers that only a
 * collection frees, and copying a result into a frame allocates almost nothing on the JS heap, so
 * without this a large read would keep its chunks (about the frame's size again) until some later
 * collection. Deferred because the frames that fetched the chunks may still hold them in
 * temporaries. (V8's `gc` is reached without the --expose-gc flag by enabling it for a fresh
 * context.)
 */
export function collectGarbageSoon(): void {
  if (gcPending) return;
  gcPending = true;
  setImmediate(() => {
    gcPending = false;
    if (!fullGc) {
      setFlagsFromString('--expose-gc');
      fullGc = runInNewContext('gc') as () => void;
    }
    fullGc();
  });
}

/** A SQL identifier, double-quoted: `quoteIdent('my "col"')` is `"my ""col"""`. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal, single-quoted: `quoteLiteral("it's")` is `'it''s'`. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The message of a thrown value. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
