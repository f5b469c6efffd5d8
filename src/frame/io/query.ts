/**
 * Running SQL on the embedded engine and getting Arrow tables back: all at once (a materialized
 * result, fastest) or as a stream of bounded batches (for results larger than memory).
 */
import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import type { DataFrame } from '../dataframe.js';
import { type ChunkSpan, type FrameReadOptions, type ResultColumn, chunksToArrow, chunksToFrame } from './from-duckdb.js';
import { collectGarbageSoon, engine, withConnection } from './engine.js';

/** The names and DuckDB types of a result's columns. */
export function resultColumns(result: DuckDBResult): ResultColumn[] {
  const out: ResultColumn[] = [];
  for (let i = 0; i < result.columnCount; i++) out.push({ name: result.columnName(i), type: result.columnType(i) });
  return out;
}

/**
 * Runs `sql` (one or more statements; the last one's rows are returned) and copies the result
 * into an Arrow table. Uses `con` when given, else a fresh connection.
 *
 * The rows are fetched as a stream and copied once the row count is known: a materialized
 * DuckDB result would hold a second full copy of the data (and hand out further copies of each
 * chunk), which for a 1M × 30 CSV raised the read's peak memory by about 250 MB. The stream may
 * run up to 64 MB ahead of the reader (DuckDB's default is ~1 MB), so the scan threads do not
 * wait on each chunk's round trip to JavaScript.
 *
 * @example
 * const t = await queryArrow("select 1 as a, 'x' as b");
 * t.getChild('a')?.get(0); // 1
 */
export async function queryArrow(sql: string, con?: DuckDBConnection): Promise<Table> {
  if (!con) return withConnection((c) => queryArrow(sql, c));
  const { columns, spans, bytes } = await fetchAll(sql, con);
  if (bytes > RELEASE_BYTES) collectGarbageSoon();
  return chunksToArrow(columns, spans);
}

/**
 * Runs `sql` as `queryArrow` does and copies the result into a DataFrame, with no Arrow table
 * in between: string columns are built directly, one JS string per distinct value.
 *
 * @example
 * const df = await queryFrame("select 'a' as k, 1.5 as x");
 */
export async function queryFrame(sql: string, con?: DuckDBConnection, options: FrameReadOptions = {}): Promise<DataFrame> {
  if (!con) return withConnection((c) => queryFrame(sql, c, options));
  const { columns, spans, bytes } = await fetchAll(sql, con);
  if (bytes > RELEASE_BYTES) collectGarbageSoon();
  return chunksToFrame(columns, spans, options);
}

/** Results whose chunks hold more than this are released by a collection right after the copy. */
const RELEASE_BYTES = 64 * 1024 * 1024;

interface Fetched {
  columns: ResultColumn[];
  spans: ChunkSpan[];
  /** About how much native memory the chunks hold (8 bytes a value). */
  bytes: number;
}

async function fetchAll(sql: string, con: DuckDBConnection): Promise<Fetched> {
  await con.run("SET streaming_buffer_size = '64MB'");
  const result = await con.stream(sql);
  const spans: ChunkSpan[] = [];
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    spans.push({ chunk, start: 0, rows: chunk.rowCount });
    rows += chunk.rowCount;
  }
  const columns = resultColumns(result);
  return { columns, spans, bytes: rows * columns.length * 8 };
}

/**
 * Streams the rows of `sql` as Arrow tables of at most `batchRows` rows each (only the last may
 * be shorter), holding about one batch in memory at a time. A query with no rows yields one
 * empty table, so its columns are always known. Uses `con` when given, else a fresh connection
 * that is closed when the iteration ends (also when it is left early).
 *
 * @example
 * for await (const t of streamArrow('select * from range(10000)', 4096)) console.log(t.numRows);
 */
export async function* streamArrow(sql: string, batchRows: number, con?: DuckDBConnection): AsyncGenerator<Table> {
  if (!con) {
    const own = await (await engine()).connect();
    try {
      yield* streamArrow(sql, batchRows, own);
    } finally {
      own.closeSync();
    }
    return;
  }
  const result = await con.stream(sql);
  const columns = resultColumns(result);
  let pending: ChunkSpan[] = [];
  let pendingRows = 0;
  let yielded = false;
  for (;;) {
    const chunk = await result.fetchChunk();
    const done = !chunk || chunk.rowCount === 0;
    if (chunk && !done) {
      pending.push({ chunk, start: 0, rows: chunk.rowCount });
      pendingRows += chunk.rowCount;
    }
    while (pendingRows >= batchRows || (done && pendingRows > 0)) {
      const take = Math.min(batchRows, pendingRows);
      const cut = splitSpans(pending, take);
      yield chunksToArrow(columns, cut.head);
      yielded = true;
      pending = cut.rest;
      pendingRows -= take;
    }
    if (done) break;
  }
  if (!yielded) yield chunksToArrow(columns, []);
}

/** The first `rows` rows of `spans` and the rest; a span that straddles the cut is split in two. */
function splitSpans(spans: readonly ChunkSpan[], rows: number): { head: ChunkSpan[]; rest: ChunkSpan[] } {
  const head: ChunkSpan[] = [];
  let need = rows;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (need === 0) return { head, rest: spans.slice(i) };
    if (s.rows <= need) {
      head.push(s);
      need -= s.rows;
    } else {
      head.push({ chunk: s.chunk, start: s.start, rows: need });
      return { head, rest: [{ chunk: s.chunk, start: s.start + need, rows: s.rows - need }, ...spans.slice(i + 1)] };
    }
  }
  return { head, rest: [] };
}
