/** Reading any supported data file, choosing the reader by extension (or an explicit format). */
import type { DataFrame } from '../dataframe.js';
import type { LazyFrame } from './lazy-frame.js';
import { formatOf, requireFile, type FileFormat } from './paths.js';
import { readArrow } from './read-arrow.js';
import { readCsv, scanCsv, type ReadCsvOptions } from './read-csv.js';
import { readJson, scanJson } from './read-json.js';
import { readParquet, scanParquet } from './read-parquet.js';
import { UnsupportedFormatError } from './errors.js';

/** Options for `readFile`: the format, plus the options of the reader it picks. */
export interface ReadFileOptions extends ReadCsvOptions {
  format?: FileFormat;
}

/**
 * Reads a CSV/TSV, Parquet, JSON/NDJSON or Arrow file into a DataFrame, by extension.
 *
 * @example
 * const df = await readFile('data/train.parquet');
 * const t = await readFile('export.txt', { format: 'tsv' });
 */
export async function readFile(path: string, options: ReadFileOptions = {}): Promise<DataFrame> {
  const format = formatOf(path, options.format);
  requireFile(path);
  const { format: _format, ...rest } = options;
  switch (format) {
    case 'csv':
      return readCsv(path, rest);
    case 'tsv':
      return readCsv(path, rest, '\t');
    case 'parquet':
      return readParquet(path, { columns: rest.columns, nRows: rest.nRows });
    case 'json':
    case 'ndjson':
      return readJson(path, { format: format === 'ndjson' ? 'ndjson' : 'auto', columns: rest.columns, nRows: rest.nRows });
    case 'arrow': {
      const df = await readArrow(path, { columns: rest.columns });
      return rest.nRows !== undefined ? df.withColumns(df.columns.map((c) => c.slice(0, rest.nRows))) : df;
    }
  }
}

/**
 * A lazy scan of a CSV/TSV, Parquet or JSON/NDJSON file, by extension (Arrow files are read
 * whole: use readFile).
 *
 * @example
 * const n = await scanFile('big.csv').filter('amount > 100').count();
 */
export function scanFile(path: string, options: ReadFileOptions = {}): LazyFrame {
  const format = formatOf(path, options.format);
  const { format: _format, ...rest } = options;
  switch (format) {
    case 'csv':
      return scanCsv(path, rest);
    case 'tsv':
      return scanCsv(path, rest, '\t');
    case 'parquet':
      return scanParquet(path, { columns: rest.columns, nRows: rest.nRows });
    case 'json':
    case 'ndjson':
      return scanJson(path, { format: format === 'ndjson' ? 'ndjson' : 'auto', columns: rest.columns, nRows: rest.nRows });
    case 'arrow':
      throw new UnsupportedFormatError(path, `Arrow files cannot be scanned lazily; read them with readFile('${path}') (they are memory-mapped friendly and read fast whole).`);
  }
}
