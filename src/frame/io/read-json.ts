/** JSON files — an array of records or newline-delimited records (NDJSON) — through DuckDB. */
import type { DataFrame } from '../dataframe.js';
import { quoteLiteral } from './engine.js';
import type { LazyFrame } from './lazy-frame.js';
import { requireFile } from './paths.js';
import { scanTableFunction } from './read-parquet.js';
import { sqlTypeOf, applyCategories, type ReadType } from './dtypes.js';

/** How to read a JSON file. */
export interface ReadJsonOptions {
  /** `'array'` (one JSON array of objects), `'ndjson'` (one object per line) or `'auto'` (default). */
  format?: 'array' | 'ndjson' | 'auto';
  /** Read only these columns, in this order. */
  columns?: readonly string[];
  /** Read at most this many rows. */
  nRows?: number;
  /** The full schema (names and types of every field), instead of detecting it. */
  schema?: Readonly<Record<string, ReadType>>;
}

function jsonSource(path: string, o: ReadJsonOptions): string {
  const format = o.format === 'ndjson' ? 'newline_delimited' : o.format === 'array' ? 'array' : 'auto';
  const args = [quoteLiteral(path), `format=${quoteLiteral(format)}`];
  if (o.schema) {
    args.push(`columns={${Object.entries(o.schema).map(([k, t]) => `${quoteLiteral(k)}: ${quoteLiteral(sqlTypeOf(k, t))}`).join(', ')}}`);
  }
  return `read_json(${args.join(', ')})`;
}

/**
 * A lazy scan of a JSON or NDJSON file.
 *
 * @example
 * const n = await scanJson('logs.ndjson', { format: 'ndjson' }).filter("level = 'error'").count();
 */
export function scanJson(path: string, options: ReadJsonOptions = {}): LazyFrame {
  requireFile(path);
  const schema = options.schema as Record<string, ReadType> | undefined;
  return scanTableFunction(path, 'JSON', jsonSource(path, options), options, schema ? (df) => applyCategories(df, schema) : undefined);
}

/**
 * Reads a JSON array of records or an NDJSON file into a DataFrame; nested values arrive as
 * their JSON text.
 *
 * @example
 * const df = await readJson('records.json');
 * const logs = await readJson('logs.jsonl', { format: 'ndjson' });
 */
export function readJson(path: string, options: ReadJsonOptions = {}): Promise<DataFrame> {
  return scanJson(path, options).collect();
}
