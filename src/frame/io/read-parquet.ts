/** Parquet files through DuckDB's built-in reader (column and row-group pruning included). */
import type { DataFrame } from '../dataframe.js';
import { ColumnNotFoundError } from '../errors.js';
import { messageOf, quoteIdent, quoteLiteral } from './engine.js';
import { DataFileError, DataFileNotFoundError, SqlError } from './errors.js';
import { LazyFrame, firstLine } from './lazy-frame.js';
import { requireFile } from './paths.js';

/** How to read a Parquet file (or a glob of them). */
export interface ReadParquetOptions {
  /** Read only these columns, in this order. */
  columns?: readonly string[];
  /** Read at most this many rows. */
  nRows?: number;
}

/** Explains a failed read of a DuckDB-read file (Parquet or JSON). */
export function explainFileError(path: string, kind: string, err: unknown, sql: string): Error {
  if (err instanceof DataFileError || err instanceof ColumnNotFoundError) return err;
  const message = messageOf(err);
  if (/No files found that match the pattern/.test(message)) {
    return new DataFileNotFoundError(path, `File '${path}' not found; check the path and the working directory.`, { cause: err });
  }
  if (/Invalid Input Error|IO Error|Parser Error|Malformed|magic bytes|not a valid/i.test(message) && !/Binder/.test(message)) {
    return new DataFileError(path, `${path} is not a readable ${kind} file: ${firstLine(message)}. Check that the file is complete and really is ${kind}.`, { cause: err });
  }
  return new SqlError(sql, `Reading ${path} failed: ${firstLine(message)}`, { cause: err });
}

/** A lazy scan over the rows of `source` (a DuckDB table function call) with column checks. */
export function scanTableFunction(
  path: string,
  kind: string,
  source: string,
  options: { columns?: readonly string[]; nRows?: number },
  finish?: (df: DataFrame) => DataFrame,
): LazyFrame {
  const select = options.columns ? options.columns.map(quoteIdent).join(', ') : '*';
  let sql = `SELECT ${select} FROM ${source}`;
  if (options.nRows !== undefined) {
    if (!Number.isSafeInteger(options.nRows) || options.nRows < 0) throw new SqlError(sql, `nRows must be a non-negative integer, got ${options.nRows}.`);
    sql += ` LIMIT ${options.nRows}`;
  }
  return new LazyFrame(sql, {
    translate: async (err, failed) => {
      const missing = /Referenced column "((?:[^"]|"")+)" not found/.exec(messageOf(err));
      if (missing && options.columns) {
        const available = await new LazyFrame(`SELECT * FROM ${source}`)
          .schema()
          .then((cols) => cols.map((c) => c.name))
          .catch(() => [] as string[]);
        return new ColumnNotFoundError(missing[1]!, available, `columns for ${path}`);
      }
      return explainFileError(path, kind, err, failed);
    },
    ...(finish ? { finish } : {}),
  });
}

/**
 * A lazy Parquet scan; only the columns and row groups a query needs are read.
 *
 * @example
 * const top = await scanParquet('events.parquet').filter("kind = 'buy'").limit(10).collect();
 */
export function scanParquet(path: string, options: ReadParquetOptions = {}): LazyFrame {
  requireFile(path);
  return scanTableFunction(path, 'Parquet', `read_parquet(${quoteLiteral(path)})`, options);
}

/**
 * Reads a Parquet file into a DataFrame.
 *
 * @example
 * const df = await readParquet('train.parquet', { columns: ['x', 'y'] });
 */
export function readParquet(path: string, options: ReadParquetOptions = {}): Promise<DataFrame> {
  return scanParquet(path, options).collect();
}
