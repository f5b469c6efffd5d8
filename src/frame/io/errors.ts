/**
 * Errors raised while reading, writing or querying data files. Each names the file (and the line
 * and column where there is one) and says how to fix the problem.
 */

/** A data file could not be read or written. */
export class DataFileError extends Error {
  override name = 'DataFileError';
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
  }
}

/** The file does not exist. */
export class DataFileNotFoundError extends DataFileError {
  override name = 'DataFileNotFoundError';
}

/** The file's format is not one Strata reads or writes (or its extension does not say which). */
export class UnsupportedFormatError extends DataFileError {
  override name = 'UnsupportedFormatError';
}

/**
 * A CSV row that does not parse: the wrong number of fields, a value that does not fit its
 * column's type, or bytes that are not in the file's encoding. `line` is the 1-based physical
 * line in the file (the header is line 1); `column` is the column name when known, else the
 * 1-based field position.
 */
export class CsvParseError extends DataFileError {
  override name = 'CsvParseError';
  readonly line: number | undefined;
  readonly column: string | number | undefined;
  constructor(path: string, message: string, where: { line?: number; column?: string | number }, options?: { cause?: unknown }) {
    super(path, message, options);
    this.line = where.line;
    this.column = where.column;
  }
}

/** A SQL query that DuckDB rejected. `query` is the text that was run. */
export class SqlError extends Error {
  override name = 'SqlError';
  readonly query: string;
  constructor(query: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.query = query;
  }
}
