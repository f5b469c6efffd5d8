/**
 * Data file paths: which format a path names, and checking that an input file exists before
 * DuckDB is asked to read it (so the error names the file and where it was looked for).
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DataFileNotFoundError, UnsupportedFormatError } from './errors.js';

/** The file formats Strata reads and writes. */
export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'ndjson' | 'arrow';

/** Extension → format (a trailing .gz/.zst on CSV/JSON is allowed). */
export const FORMAT_EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
};

export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'tsv', 'parquet', 'json', 'ndjson', 'arrow'];

/** True when `text` names a file format Strata knows. */
export function isFileFormat(text: string): text is FileFormat {
  return (FILE_FORMATS as readonly string[]).includes(text);
}

/**
 * The format of `path` from its extension, or `format` when given.
 *
 * @example
 * formatOf('data/train.csv.gz'); // 'csv'
 */
export function formatOf(path: string, format?: string): FileFormat {
  if (format !== undefined) {
    if (!isFileFormat(format)) {
      throw new UnsupportedFormatError(path, `Unknown format '${format}'; use one of ${FILE_FORMATS.join(', ')}.`);
    }
    return format;
  }
  const name = basename(path).toLowerCase().replace(/\.(gz|zst)$/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot) : '';
  const found = FORMAT_EXTENSIONS[ext];
  if (!found) {
    const known = Object.keys(FORMAT_EXTENSIONS).join(', ');
    throw new UnsupportedFormatError(
      path,
      `Cannot tell the format of '${path}' from its extension${ext ? ` '${ext}'` : ''}; supported extensions are ${known} — rename the file or pass the format explicitly (--format / { format }).`,
    );
  }
  return found;
}

/** Throws DataFileNotFoundError unless `path` exists (glob patterns and URLs are left to DuckDB). */
export function requireFile(path: string): void {
  if (/[*?[]/.test(path) || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return;
  if (!existsSync(path)) {
    throw new DataFileNotFoundError(path, `File '${path}' not found (looked for ${resolve(path)}); check the path and the working directory.`);
  }
}
