/**
 * DataFrames as DuckDB relations without copying them into DuckDB storage: a table function,
 * `strata_frame('<id>')`, streams a registered frame to DuckDB chunk by chunk, copying column
 * memory straight into the chunk vectors (numbers, booleans, dates, category codes). Only the
 * columns a query uses are read (projection pushdown). A frame registered under a name is a
 * temporary view over that function, so it costs nothing until a query scans it.
 *
 * Measured on 1M rows × 30 columns (2 cores): a group-by over a registered frame runs in about
 * 40–70 ms, against ~1.3 s to append the same frame into a DuckDB table first.
 *
 * Column mapping: float64 → DOUBLE, float32 → FLOAT, int32 → INTEGER, bool → BOOLEAN,
 * category → ENUM of its categories, date → DATE, datetime → TIMESTAMP, string → VARCHAR
 * (low-cardinality string columns travel as ENUM codes and are cast back to VARCHAR in the view,
 * which is far cheaper than handing DuckDB one string at a time).
 */
import duckdb from '@duckdb/node-bindings';
import {
  type DuckDBConnection,
  type DuckDBType,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBTableFunction,
  ENUM,
  FLOAT,
  INTEGER,
  TIMESTAMP,
  VARCHAR,
} from '@duckdb/node-api';
import type { DataFrame } from '../dataframe.js';
import type { Column } from '../column.js';
import { quoteIdent, quoteLiteral, messageOf } from './engine.js';

type RawVector = ReturnType<typeof duckdb.data_chunk_get_vector>;

/** A string column dictionary-encoded for the trip into DuckDB. */
interface Encoded {
  codes: Int32Array;
  categories: string[];
}

/** How one column is handed to DuckDB. */
interface ColumnPlan {
  column: Column;
  type: DuckDBType;
  /** Set when a string column travels as ENUM codes. */
  encoded?: Encoded;
}

const frames = new Map<string, DataFrame>();
let nextId = 0;
const encodings = new WeakMap<Column, Encoded | null>();

/** Dictionary-encodes a string column when it has few distinct values (cached per column). */
function encodeStrings(col: Column): Encoded | null {
  const cached = encodings.get(col);
  if (cached !== undefined) return cached;
  const values = col.data as (string | null)[];
  const n = values.length;
  const limit = Math.min(65535, Math.max(16, n >> 1));
  const index = new Map<string, number>();
  const categories: string[] = [];
  const codes = new Int32Array(n);
  let result: Encoded | null = { codes, categories };
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    let k = index.get(v);
    if (k === undefined) {
      if (categories.length >= limit) {
        result = null;
        break;
      }
      k = categories.length;
      categories.push(v);
      index.set(v, k);
    }
    codes[i] = k;
  }
  if (result && categories.length === 0) result = null;
  encodings.set(col, result);
  return result;
}

function planColumn(column: Column): ColumnPlan {
  switch (column.dtype) {
    case 'float64':
      return { column, type: DOUBLE };
    case 'float32':
      return { column, type: FLOAT };
    case 'int32':
      return { column, type: INTEGER };
    case 'bool':
      return { column, type: BOOLEAN };
    case 'date':
      return { column, type: DATE };
    case 'datetime':
      return { column, type: TIMESTAMP };
    case 'category':
      return { column, type: column.categories!.length > 0 ? ENUM([...column.categories!]) : VARCHAR };
    case 'string': {
      const encoded = encodeStrings(column);
      return encoded ? { column, type: ENUM(encoded.categories), encoded } : { column, type: VARCHAR };
    }
  }
}

/**
 * Marks rows [start, start + n) of `vector` invalid where `isValid(row)` is false. The mask is
 * built here and copied in once (DuckDB hands out a copy of the validity words, not a view).
 */
function writeValidity(vector: RawVector, start: number, n: number, isValid: (row: number) => boolean): void {
  let mask: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (isValid(start + i)) continue;
    mask ??= new Uint8Array(Math.ceil(n / 64) * 8).fill(0xff);
    mask[i >> 3]! &= ~(1 << (i & 7));
  }
  if (mask) {
    duckdb.vector_ensure_validity_writable(vector);
    duckdb.copy_data_to_vector_validity(vector, 0, mask.buffer as ArrayBuffer, 0, mask.byteLength);
  }
}

function copyBytes(vector: RawVector, source: ArrayBufferView, byteStart: number, byteCount: number): void {
  duckdb.copy_data_to_vector(vector, 0, source.buffer as ArrayBuffer, source.byteOffset + byteStart, byteCount);
}

/** Writes ENUM codes (-1 = missing) of rows [start, start + n) with the width ENUM() chose. */
function writeCodes(vector: RawVector, codes: Int32Array, categories: number, start: number, n: number): void {
  const Idx = categories < 256 ? Uint8Array : categories < 65536 ? Uint16Array : Uint32Array;
  const idx = new Idx(n);
  for (let i = 0; i < n; i++) {
    const c = codes[start + i]!;
    idx[i] = c < 0 ? 0 : c;
  }
  copyBytes(vector, idx, 0, idx.byteLength);
  writeValidity(vector, start, n, (r) => codes[r]! >= 0);
}

/** Writes rows [start, start + n) of a planned column into `vector`. */
function fillVector(vector: RawVector, plan: ColumnPlan, start: number, n: number): void {
  const col = plan.column;
  const data = col.data;
  if (plan.encoded) {
    writeCodes(vector, plan.encoded.codes, plan.encoded.categories.length, start, n);
    return;
  }
  switch (col.dtype) {
    case 'float64':
    case 'float32': {
      const a = data as Float64Array | Float32Array;
      copyBytes(vector, a, start * a.BYTES_PER_ELEMENT, n * a.BYTES_PER_ELEMENT);
      writeValidity(vector, start, n, (r) => a[r] === a[r]);
      return;
    }
    case 'int32':
    case 'bool': {
      const a = data as Int32Array | Uint8Array;
      copyBytes(vector, a, start * a.BYTES_PER_ELEMENT, n * a.BYTES_PER_ELEMENT);
      const v = col.validity;
      if (v) writeValidity(vector, start, n, (r) => v[r] === 1);
      return;
    }
    case 'category': {
      const k = col.categories!.length;
      if (k === 0) writeValidity(vector, start, n, () => false);
      else writeCodes(vector, data as Int32Array, k, start, n);
      return;
    }
    case 'date': {
      const ms = data as Float64Array;
      const days = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const x = ms[start + i]!;
        days[i] = x === x ? Math.floor(x / 86400000) : 0;
      }
      copyBytes(vector, days, 0, days.byteLength);
      writeValidity(vector, start, n, (r) => ms[r] === ms[r]);
      return;
    }
    case 'datetime': {
      const ms = data as Float64Array;
      const words = new Int32Array(2 * n);
      for (let i = 0; i < n; i++) {
        const x = ms[start + i]!;
        if (x !== x) continue;
        const us = Math.round(x * 1000);
        const hi = Math.floor(us / 4294967296);
        words[2 * i] = us - hi * 4294967296;
        words[2 * i + 1] = hi;
      }
      copyBytes(vector, words, 0, words.byteLength);
      writeValidity(vector, start, n, (r) => ms[r] === ms[r]);
      return;
    }
    case 'string': {
      const s = data as (string | null)[];
      for (let i = 0; i < n; i++) {
        const v = s[start + i];
        if (v !== null && v !== undefined) duckdb.vector_assign_string_element(vector, i, v);
      }
      writeValidity(vector, start, n, (r) => s[r] !== null && s[r] !== undefined);
      return;
    }
  }
}

interface BindData {
  plans: ColumnPlan[];
  rows: number;
}
interface ScanState {
  next: number;
  columns: number[];
}

let scanFunction: DuckDBTableFunction | undefined;

/** The `strata_frame(id)` table function (created once per process). */
function frameScan(): DuckDBTableFunction {
  scanFunction ??= DuckDBTableFunction.create({
    name: 'strata_frame',
    parameterTypes: [VARCHAR],
    supportsProjectionPushdown: true,
    bindFunction: (bind) => {
      const id = String(bind.getParameter(0));
      const df = frames.get(id);
      if (!df) {
        bind.setError(`strata_frame('${id}') is not registered; frames are only visible inside the sql() call they were passed to.`);
        return;
      }
      try {
        const plans = df.columns.map(planColumn);
        plans.forEach((p) => bind.addResultColumn(p.column.name, p.type));
        bind.setCardinality(df.numRows, true);
        bind.setBindData({ plans, rows: df.numRows } satisfies BindData);
      } catch (err) {
        bind.setError(messageOf(err));
      }
    },
    initFunction: (init) => {
      // One scanning thread keeps the frame's row order in the query's output.
      init.setMaxThreads(1);
      init.setInitData({ next: 0, columns: init.getColumnIndexes() } satisfies ScanState);
    },
    mainFunction: (info, out) => {
      try {
        const { plans, rows } = info.bindData as BindData;
        const state = info.initData as ScanState;
        const n = Math.min(duckdb.vector_size(), rows - state.next);
        out.rowCount = Math.max(0, n);
        if (n <= 0) return;
        state.columns.forEach((c, k) => fillVector(duckdb.data_chunk_get_vector(out.chunk, k), plans[c]!, state.next, n));
        state.next += n;
      } catch (err) {
        out.rowCount = 0;
        info.setError(messageOf(err));
      }
    },
  });
  return scanFunction;
}

const registeredOn = new WeakSet<DuckDBConnection>();

/**
 * Makes `df` queryable as `name` on `con` (a temporary view over the frame; nothing is copied
 * until a query runs). Returns a function that unregisters the frame; the view itself goes away
 * with the connection.
 *
 * @example
 * await withConnection(async (con) => {
 *   const release = await registerFrame(con, 't', df);
 *   try {
 *     return await queryArrow('select k, avg(x) from t group by k', con);
 *   } finally {
 *     release();
 *   }
 * });
 */
export async function registerFrame(con: DuckDBConnection, name: string, df: DataFrame): Promise<() => void> {
  if (!registeredOn.has(con)) {
    con.registerTableFunction(frameScan());
    registeredOn.add(con);
  }
  if (df.numCols === 0) {
    throw new Error(`Cannot query the frame '${name}' in SQL: it has no columns.`);
  }
  const id = `f${nextId++}`;
  frames.set(id, df);
  const plans = df.columns.map(planColumn);
  const select = plans
    .map((p) => (p.encoded ? `CAST(${quoteIdent(p.column.name)} AS VARCHAR) AS ${quoteIdent(p.column.name)}` : quoteIdent(p.column.name)))
    .join(', ');
  try {
    await con.run(`create or replace temp view ${quoteIdent(name)} as select ${select} from strata_frame(${quoteLiteral(id)})`);
  } catch (err) {
    frames.delete(id);
    throw err;
  }
  return () => frames.delete(id);
}
