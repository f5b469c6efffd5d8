/**
 * Writing the rows of a SQL query to a file with DuckDB's COPY (CSV, Parquet, JSON/NDJSON; DuckDB
 * streams the rows, so this works for results larger than memory) or, for Arrow IPC, through
 * apache-arrow. Every write is atomic (see ./atomic.ts).
 */
import { writeFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral, withConnection } from './engine.js';
import { writeAtomically } from './atomic.js';
import { formatOf, type FileFormat } from './paths.js';
import { queryArrow } from './query.js';

/** Options shared by the file writers. */
export interface WriteFileOptions {
  /** Overrides the format chosen from the extension. */
  format?: FileFormat;
  /** CSV: the field separator (default `,`; `\t` for .tsv). */
  delimiter?: string;
  /** CSV: write a header line (default true). */
  header?: boolean;
  /** CSV: the text written for a missing value (default empty). */
  nullValue?: string;
  /** CSV: the quote character (default `"`). */
  quote?: string;
  /** Parquet: column compression (default zstd). */
  compression?: 'zstd' | 'snappy' | 'gzip' | 'uncompressed';
  /** Arrow: the IPC file format (random access, default) or the stream format. */
  arrowFormat?: 'file' | 'stream';
}

/** The COPY options clause for `format`. */
function copyOptions(format: Exclude<FileFormat, 'arrow'>, o: WriteFileOptions): string {
  switch (format) {
    case 'csv':
    case 'tsv': {
      const parts = [
        'FORMAT csv',
        `HEADER ${o.header === false ? 'false' : 'true'}`,
        `DELIMITER ${quoteLiteral(o.delimiter ?? (format === 'tsv' ? '\t' : ','))}`,
      ];
      if (o.nullValue !== undefined) parts.push(`NULLSTR ${quoteLiteral(o.nullValue)}`);
      if (o.quote !== undefined) parts.push(`QUOTE ${quoteLiteral(o.quote)}`);
      return parts.join(', ');
    }
    case 'parquet':
      return `FORMAT parquet, COMPRESSION ${o.compression ?? 'zstd'}`;
    case 'json':
      return 'FORMAT json, ARRAY true';
    case 'ndjson':
      return 'FORMAT json, ARRAY false';
  }
}

/**
 * Writes the rows of `sql` to `path` (format from the extension unless `options.format`), on
 * `con` when given (needed when `sql` names temporary views of that connection).
 *
 * @example
 * await copyToFile("select * from 'in.csv' where x > 0", 'out.parquet');
 */
export async function copyToFile(sql: string, path: string, options: WriteFileOptions = {}, con?: DuckDBConnection): Promise<void> {
  if (!con) return withConnection((c) => copyToFile(sql, path, options, c));
  const format = formatOf(path, options.format);
  await writeAtomically(path, async (temp) => {
    if (format === 'arrow') {
      const table = await queryArrow(sql, con);
      writeFileSync(temp, tableToIPC(table, options.arrowFormat ?? 'file'));
      return;
    }
    await con.run(`COPY (${sql}) TO ${quoteLiteral(temp)} (${copyOptions(format, options)})`);
  });
}
