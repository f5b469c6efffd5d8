/**
 * Writing DataFrames to files: CSV/TSV, Parquet, JSON (array) and NDJSON through DuckDB's COPY
 * (the frame is streamed to DuckDB, not copied into it), Arrow IPC through apache-arrow. Every
 * writer writes a temporary file and renames it into place, so nothing is ever half-written.
 */
import { writeFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import type { DataFrame } from '../dataframe.js';
import { withConnection } from './engine.js';
import { writeAtomically } from './atomic.js';
import { copyToFile, type WriteFileOptions } from './copy-to.js';
import { registerFrame } from './frame-scan.js';
import { formatOf, type FileFormat } from './paths.js';

export type { WriteFileOptions } from './copy-to.js';

/**
 * Writes `df` to `path` in the format its extension names (or `options.format`).
 *
 * @example
 * await writeFile(df, 'out/predictions.parquet');
 * await writeFile(df, 'out/table.txt', { format: 'tsv' });
 */
export async function writeFile(df: DataFrame, path: string, options: WriteFileOptions = {}): Promise<void> {
  const format = formatOf(path, options.format);
  if (format === 'arrow') {
    await writeAtomically(path, (temp) => writeFileSync(temp, tableToIPC(df.toArrow(), options.arrowFormat ?? 'file')));
    return;
  }
  await withConnection(async (con) => {
    const release = await registerFrame(con, 'strata_out', df);
    try {
      await copyToFile('SELECT * FROM strata_out', path, { ...options, format }, con);
    } finally {
      release();
    }
  });
}

function writerFor(format: FileFormat) {
  return (df: DataFrame, path: string, options: Omit<WriteFileOptions, 'format'> = {}): Promise<void> => writeFile(df, path, { ...options, format });
}

/**
 * Writes `df` as CSV (header line, `,` separator, empty field for missing values, numbers in
 * their shortest round-trip form).
 *
 * @example
 * await writeCsv(df, 'out.csv', { delimiter: ';', nullValue: 'NA' });
 */
export const writeCsv: (df: DataFrame, path: string, options?: Omit<WriteFileOptions, 'format'>) => Promise<void> = writerFor('csv');

/**
 * Writes `df` as Parquet (zstd-compressed unless `compression` says otherwise).
 *
 * @example
 * await writeParquet(df, 'out.parquet', { compression: 'snappy' });
 */
export const writeParquet: (df: DataFrame, path: string, options?: Omit<WriteFileOptions, 'format'>) => Promise<void> = writerFor('parquet');

/**
 * Writes `df` as one JSON array of records (`{ ndjson: true }`-style files: use writeNdjson).
 *
 * @example
 * await writeJson(df, 'out.json');
 */
export const writeJson: (df: DataFrame, path: string, options?: Omit<WriteFileOptions, 'format'>) => Promise<void> = writerFor('json');

/**
 * Writes `df` as newline-delimited JSON, one record per line.
 *
 * @example
 * await writeNdjson(df, 'out.ndjson');
 */
export const writeNdjson: (df: DataFrame, path: string, options?: Omit<WriteFileOptions, 'format'>) => Promise<void> = writerFor('ndjson');

/**
 * Writes `df` as an Arrow IPC file (`arrowFormat: 'stream'` for the stream format).
 *
 * @example
 * await writeArrow(df, 'out.arrow');
 */
export const writeArrow: (df: DataFrame, path: string, options?: Omit<WriteFileOptions, 'format'>) => Promise<void> = writerFor('arrow');
