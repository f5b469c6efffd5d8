/**
 * CSV (and TSV) files: DuckDB's sniffer detects the delimiter, header and column types unless
 * given (any column's type can be overridden); plain files (numbers and unquoted text) are then
 * parsed in JavaScript (plain-csv.ts), and everything else goes through DuckDB's parallel reader,
 * which also reports bad rows with their line and column.
 */
import type { DataFrame } from '../dataframe.js';
import { ColumnNotFoundError, FrameError } from '../errors.js';
import { messageOf, quoteIdent, quoteLiteral, withConnection } from './engine.js';
import { csvErrorFromMessage, diagnoseCsv, looksMisSniffed } from './csv-errors.js';
import { applyCategories, sqlTypeOf, type ReadType } from './dtypes.js';
import { DataFileError } from './errors.js';
import { LazyFrame, firstLine } from './lazy-frame.js';
import { requireFile } from './paths.js';
import { queryFrame } from './query.js';
import { readPlainCsv, type PlainCsvPlan } from './plain-csv.js';
import { uniqueNames } from './from-duckdb.js';
import { SqlError } from './errors.js';

/** How to read a CSV file. Everything is detected from the file unless given. */
export interface ReadCsvOptions {
  /** Field separator, e.g. `','`, `';'`, `'\t'`, `'|'`. */
  delimiter?: string;
  /** Whether the first line (after `skipRows`) holds the column names. */
  header?: boolean;
  /** Quote character (default `"`; `''` for none). */
  quote?: string;
  /** Escape character inside quoted fields (default: the quote itself, as in RFC 4180). */
  escape?: string;
  /** Lines starting with this character are skipped. */
  comment?: string;
  /** Read only these columns, in this order. */
  columns?: readonly string[];
  /** Type overrides for some columns (a frame dtype or a DuckDB SQL type); the rest are detected. */
  dtypes?: Readonly<Record<string, ReadType>>;
  /** The full schema, in file order: names and types of every column (no type detection). */
  schema?: Readonly<Record<string, ReadType>>;
  /**
   * Field texts that mean "missing" (default: pandas' list — the empty field, `NA`, `N/A`, `NaN`,
   * `null`, … see `DEFAULT_NULL_VALUES`). Pass `['']` to keep those words as text.
   */
  nullValues?: readonly string[];
  /** Lines to skip at the top of the file, before the header. */
  skipRows?: number;
  /** Read at most this many rows. */
  nRows?: number;
  /** The file's text encoding (default utf-8; a UTF-8 byte-order mark is skipped). */
  encoding?: 'utf-8' | 'utf-16' | 'latin-1';
  /** Decimal separator for numbers (`','` for European files). */
  decimal?: '.' | ',';
  /** strftime-style format of date columns, e.g. `'%d/%m/%Y'`. */
  dateFormat?: string;
  /** strftime-style format of timestamp columns. */
  timestampFormat?: string;
  /** Rows sampled to detect the dialect and types (-1: the whole file). */
  sampleSize?: number;
}

function struct(entries: readonly [string, string][]): string {
  return `{${entries.map(([k, v]) => `${quoteLiteral(k)}: ${quoteLiteral(v)}`).join(', ')}}`;
}

/**
 * Types DuckDB may infer. BOOLEAN is left out because DuckDB would also read yes/no, y/n and
 * t/f columns as booleans, losing the file's own values (labels 'yes'/'no' must stay labels);
 * `readCsv` turns columns spelled only true/false into booleans afterwards, as pandas does.
 */
const TYPE_CANDIDATES = "auto_type_candidates=['BIGINT', 'DOUBLE', 'TIME', 'DATE', 'TIMESTAMP', 'VARCHAR']";

/** What pandas' `read_csv` reads as missing by default, so the same file gives the same nulls. */
export const DEFAULT_NULL_VALUES: readonly string[] = [
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>',
  'N/A', 'NA', 'NULL', 'NaN', 'n/a', 'nan', 'null',
];

/** The `read_csv(...)` call for `path` and `options`. */
export function csvTableFunction(path: string, o: ReadCsvOptions = {}, defaultDelimiter?: string): string {
  const args = [quoteLiteral(path)];
  const delimiter = o.delimiter ?? defaultDelimiter;
  if (delimiter !== undefined) args.push(`delim=${quoteLiteral(delimiter)}`);
  if (o.header !== undefined) args.push(`header=${o.header}`);
  // pandas' quote character unless told otherwise: DuckDB would pick none when its sample has no
  // quoted field, and then read a quoted field further down with its quotes.
  args.push(`quote=${quoteLiteral(o.quote ?? '"')}`);
  if (o.escape !== undefined) args.push(`escape=${quoteLiteral(o.escape)}`);
  if (o.comment !== undefined) args.push(`comment=${quoteLiteral(o.comment)}`);
  // skip=0 unless asked: DuckDB would otherwise treat the lines before a malformed row as a preamble.
  args.push(`skip=${checkCount('skipRows', o.skipRows ?? 0)}`);
  if (o.encoding !== undefined) args.push(`encoding=${quoteLiteral(o.encoding)}`);
  if (o.decimal !== undefined) args.push(`decimal_separator=${quoteLiteral(o.decimal)}`);
  if (o.dateFormat !== undefined) args.push(`dateformat=${quoteLiteral(o.dateFormat)}`);
  if (o.timestampFormat !== undefined) args.push(`timestampformat=${quoteLiteral(o.timestampFormat)}`);
  if (o.sampleSize !== undefined) args.push(`sample_size=${o.sampleSize}`);
  const nullValues = o.nullValues ?? DEFAULT_NULL_VALUES;
  args.push(`nullstr=[${(nullValues.length > 0 ? nullValues : ['']).map(quoteLiteral).join(', ')}]`);
  if (o.schema === undefined) args.push(TYPE_CANDIDATES);
  if (o.schema !== undefined) {
    args.push(`columns=${struct(Object.entries(o.schema).map(([k, t]) => [k, sqlTypeOf(k, t)]))}`);
  } else if (o.dtypes !== undefined && Object.keys(o.dtypes).length > 0) {
    args.push(`types=${struct(Object.entries(o.dtypes).map(([k, t]) => [k, sqlTypeOf(k, t)]))}`);
  }
  return `read_csv(${args.join(', ')})`;
}

function checkCount(name: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new FrameError(`${name} must be a non-negative integer, got ${n}.`);
  return n;
}

/** Explains a failed CSV read: bad rows with line and column, unknown columns, missing files. */
async function explain(path: string, o: ReadCsvOptions, err: unknown, sql: string, defaultDelimiter?: string): Promise<Error> {
  if (err instanceof DataFileError || err instanceof ColumnNotFoundError) return err;
  const message = messageOf(err);
  const typed = /Columns? with names?: (.*?) do(?:es)? not exist in the CSV File/i.exec(message) ?? /COLUMN_TYPES error: .*?"(.+?)"/i.exec(message);
  if (typed) {
    const missing = typed[1]!.replace(/"/g, '').split(',')[0]!.trim();
    const available = await csvColumnNames(path, { ...o, dtypes: undefined, columns: undefined }, defaultDelimiter).catch(() => []);
    return new ColumnNotFoundError(missing, available, `dtypes for ${path}`);
  }
  if (/sniffing file|detect the CSV parsing dialect/i.test(message)) {
    const found = await diagnoseCsv(path, { ...o, delimiter: o.delimiter ?? defaultDelimiter });
    if (found) return found;
    return new DataFileError(
      path,
      `Could not detect the CSV dialect of ${path}; pass { delimiter, quote, header } explicitly. (${firstLine(message)})`,
      { cause: err },
    );
  }
  const direct = csvErrorFromMessage(path, message, err);
  if (direct) return direct;
  return new SqlError(sql, `Reading ${path} failed: ${firstLine(message)}`, { cause: err });
}

async function csvColumnNames(path: string, o: ReadCsvOptions, defaultDelimiter?: string): Promise<string[]> {
  return (await new LazyFrame(`SELECT * FROM ${csvTableFunction(path, o, defaultDelimiter)}`).schema()).map((c) => c.name);
}

/**
 * A lazy CSV scan: nothing is read until the result is collected or streamed, and the steps in
 * between (select, filter, limit, …) are pushed into DuckDB's reader.
 *
 * @example
 * const lf = scanCsv('trips.csv', { dtypes: { zone: 'category' } });
 * const first = await lf.filter('fare > 10').head(20);
 */
export function scanCsv(path: string, options: ReadCsvOptions = {}, defaultDelimiter?: string): LazyFrame {
  requireFile(path);
  const fn = csvTableFunction(path, options, defaultDelimiter);
  const select = options.columns ? options.columns.map(quoteIdent).join(', ') : '*';
  let sql = `SELECT ${select} FROM ${fn}`;
  if (options.nRows !== undefined) sql += ` LIMIT ${checkCount('nRows', options.nRows)}`;
  const types = options.schema ?? options.dtypes;
  const columnsCheck = options.columns
    ? async (): Promise<Error | undefined> => {
        const available = await csvColumnNames(path, { ...options, columns: undefined }, defaultDelimiter).catch(() => undefined);
        const missing = available && options.columns!.find((c) => !available.includes(c));
        return missing !== undefined && available ? new ColumnNotFoundError(missing, available, `columns for ${path}`) : undefined;
      }
    : undefined;
  return new LazyFrame(sql, {
    translate: async (err, failed) => (/Referenced column/.test(messageOf(err)) && columnsCheck ? await columnsCheck() : undefined) ?? explain(path, options, err, failed, defaultDelimiter),
    finish: (df) => applyCategories(df, types as Record<string, ReadType> | undefined),
  });
}

/**
 * Reads a CSV file into a DataFrame. The delimiter, quote, header and column types are sniffed
 * from the file; pass them to override. Integers become int32 when they fit (else float64),
 * decimals float64, ISO dates date/datetime, the rest string.
 *
 * Errors: a missing file throws DataFileNotFoundError; a malformed row throws CsvParseError with
 * its `line` (1-based, header = line 1) and `column`.
 *
 * @example
 * const df = await readCsv('iris.csv');
 * const eu = await readCsv('prices.csv', { delimiter: ';', decimal: ',', nullValues: ['NA'] });
 * const typed = await readCsv('ids.csv', { dtypes: { id: 'string', kind: 'category' } });
 */
export async function readCsv(path: string, options: ReadCsvOptions = {}, defaultDelimiter?: string): Promise<DataFrame> {
  requireFile(path);
  const df = (await readCsvDirect(path, options, defaultDelimiter)) ?? (await scanCsv(path, options, defaultDelimiter).collect());
  if (looksMisSniffed(df.columnNames, options.delimiter ?? defaultDelimiter) && options.columns === undefined) {
    const found = await diagnoseCsv(path, { ...options, delimiter: options.delimiter ?? defaultDelimiter });
    if (found) throw found;
  }
  return withBooleanColumns(df, options);
}

/** What DuckDB's `sniff_csv` found: the dialect and the columns' names and types. */
interface Sniffed {
  Delimiter: string;
  Quote: string;
  Escape: string;
  Comment: string;
  SkipRows: number;
  HasHeader: boolean;
  Columns: { name: string; type: string }[];
  DateFormat: string | null;
  TimestampFormat: string | null;
}

/**
 * Reads the file faster when it can, or returns undefined for `readCsv` to read it the usual way.
 * The dialect and column types are sniffed once (with the missing-value words); a plain file is
 * then parsed in JavaScript. Otherwise DuckDB reads it without detection and with only the empty
 * field as missing, because DuckDB compares every field with every word of `nullstr` (pandas' 18
 * words cost about a quarter of its scan): text columns map the words to null once per distinct
 * value, and a typed column holding a word fails to parse, which sends the read down the usual
 * path. (Words DuckDB parses as a float, such as NaN, give the NaN that marks a missing float.)
 */
async function readCsvDirect(path: string, o: ReadCsvOptions, defaultDelimiter?: string): Promise<DataFrame | undefined> {
  if (o.schema !== undefined) return undefined;
  const words = (o.nullValues ?? DEFAULT_NULL_VALUES).filter((w) => w !== '');
  try {
    const sniffed = await sniffCsv(path, o, defaultDelimiter);
    if (!sniffed || sniffed.Columns.length === 0) return undefined;
    const plain = plainPlan(o, sniffed, defaultDelimiter, words);
    let df = plain && (await readPlainCsv(path, plain));
    // Without words the usual read is as fast as the one below.
    if (!df && words.length > 0) df = await queryFrame(directSql(path, o, sniffed, defaultDelimiter), undefined, { nullText: new Set(words) });
    return df && applyCategories(df, o.dtypes as Record<string, ReadType> | undefined);
  } catch {
    return undefined;
  }
}

async function sniffCsv(path: string, o: ReadCsvOptions, defaultDelimiter?: string): Promise<Sniffed | undefined> {
  const call = csvTableFunction(path, o, defaultDelimiter).replace(/^read_csv\(/, 'sniff_csv(');
  return withConnection(async (con) => (await con.runAndReadAll(`SELECT * FROM ${call}`)).getRowObjectsJson()[0] as unknown as Sniffed | undefined);
}

/** The read of a sniffed file without detection, with only the empty field as missing. */
function directSql(path: string, o: ReadCsvOptions, sniffed: Sniffed, defaultDelimiter?: string): string {
  const given = (v: string): string | undefined => (v === '(empty)' || v === '' ? undefined : v);
  const args = [quoteLiteral(path), 'auto_detect=false', `delim=${quoteLiteral(o.delimiter ?? defaultDelimiter ?? sniffed.Delimiter)}`];
  args.push(`quote=${quoteLiteral(o.quote ?? '"')}`);
  const escape = o.escape ?? given(sniffed.Escape);
  if (escape !== undefined) args.push(`escape=${quoteLiteral(escape)}`);
  const comment = o.comment ?? given(sniffed.Comment);
  if (comment !== undefined) args.push(`comment=${quoteLiteral(comment)}`);
  args.push(`header=${o.header ?? sniffed.HasHeader}`, `skip=${Number(sniffed.SkipRows)}`);
  if (o.encoding !== undefined) args.push(`encoding=${quoteLiteral(o.encoding)}`);
  if (o.decimal !== undefined) args.push(`decimal_separator=${quoteLiteral(o.decimal)}`);
  const dateFormat = o.dateFormat ?? sniffed.DateFormat ?? undefined;
  if (dateFormat) args.push(`dateformat=${quoteLiteral(dateFormat)}`);
  const timestampFormat = o.timestampFormat ?? sniffed.TimestampFormat ?? undefined;
  if (timestampFormat) args.push(`timestampformat=${quoteLiteral(timestampFormat)}`);
  args.push("nullstr=['']", `columns=${struct(sniffed.Columns.map((c) => [c.name, c.type]))}`);
  const select = o.columns ? o.columns.map(quoteIdent).join(', ') : '*';
  const sql = `SELECT ${select} FROM read_csv(${args.join(', ')})`;
  return o.nRows === undefined ? sql : `${sql} LIMIT ${checkCount('nRows', o.nRows)}`;
}

/** The plan for `readPlainCsv` when the options and the sniffed file allow it. */
function plainPlan(o: ReadCsvOptions, sniffed: Sniffed, defaultDelimiter: string | undefined, words: readonly string[]): PlainCsvPlan | undefined {
  const plainOptions =
    o.columns === undefined && o.nRows === undefined && o.comment === undefined && o.escape === undefined && (o.quote ?? '"') === '"' &&
    (o.encoding ?? 'utf-8') === 'utf-8' && (o.decimal ?? '.') === '.' && sniffed.Comment === '(empty)';
  const types = sniffed.Columns.map((c) => c.type);
  if (!plainOptions || !types.every((t) => t === 'BIGINT' || t === 'DOUBLE' || t === 'VARCHAR')) return undefined;
  const names = uniqueNames(sniffed.Columns.map((c) => c.name));
  return {
    delimiter: o.delimiter ?? defaultDelimiter ?? sniffed.Delimiter,
    skipLines: Number(sniffed.SkipRows) + ((o.header ?? sniffed.HasHeader) ? 1 : 0),
    columns: names.map((name, j) => ({ name, type: types[j] as 'BIGINT' | 'DOUBLE' | 'VARCHAR' })),
    nullText: new Set(words),
  };
}

/** String columns whose values are all spelled true/false (any case) become bool columns. */
function withBooleanColumns(df: DataFrame, options: ReadCsvOptions): DataFrame {
  const fixed = new Set([...Object.keys(options.dtypes ?? {}), ...Object.keys(options.schema ?? {})]);
  const toBool: Record<string, 'bool'> = {};
  for (const name of df.columnNames) {
    const col = df.column(name);
    if (col.dtype !== 'string' || fixed.has(name)) continue;
    // Stops at the first other value (no copy of the column: most string columns stop at row 0).
    let present = 0;
    let allBool = true;
    for (let i = 0; i < col.length && allBool; i++) {
      const v = col.getUnchecked(i);
      if (v === null) continue;
      present++;
      allBool = typeof v === 'string' && /^(true|false)$/i.test(v);
    }
    if (allBool && present > 0) toBool[name] = 'bool';
  }
  return Object.keys(toBool).length ? df.cast(toBool) : df;
}
