/**
 * `strata data describe DATA` and `strata data head DATA`: a first look at a data file (CSV,
 * Parquet, JSON/NDJSON or Arrow, chosen by extension or --format).
 */
import type { Command } from 'commander';
import { type Column, type DataFrame } from '../../frame/index.js';
import { inferSchema } from '../../frame/schema.js';
import { FILE_FORMATS, isFileFormat, readFile } from '../../frame/io/index.js';
import { UsageError } from '../errors.js';
import { formatTable, type Cell } from '../table.js';

/** One column of `data describe --json`. */
export interface DescribedColumn {
  name: string;
  /** The frame dtype: float64, float32, int32, bool, string, category, date, datetime. */
  type: string;
  /** What the schema inference makes of it: numeric, categorical, boolean, datetime, text, id, constant. */
  kind: string;
  count: number;
  nulls: number;
  unique: number;
  mean: number | null;
  std: number | null;
  min: number | string | null;
  max: number | string | null;
}

export interface DescribeResult {
  rows: number;
  columns: DescribedColumn[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function extreme(col: Column, which: 'min' | 'max'): number | string | null {
  if (col.dtype === 'float64' || col.dtype === 'float32' || col.dtype === 'int32' || col.dtype === 'bool') return finite(col[which]());
  if (col.dtype === 'date' || col.dtype === 'datetime') {
    const ms = col[which]();
    if (!Number.isFinite(ms)) return null;
    const iso = new Date(ms).toISOString();
    return col.dtype === 'date' ? iso.slice(0, 10) : iso;
  }
  let best: string | null = null;
  for (const v of col.toArray()) {
    if (v === null) continue;
    const s = String(v);
    if (best === null || (which === 'min' ? s < best : s > best)) best = s;
  }
  return best;
}

/** Per-column statistics of `df` as `data describe --json` reports them (std with ddof = 1, like pandas). */
export function describeFrame(df: DataFrame): DescribeResult {
  const kinds = new Map(inferSchema(df).map((s) => [s.name, s.kind as string]));
  const columns = df.columns.map((col): DescribedColumn => {
    const nulls = col.nullCount;
    const numeric = col.dtype === 'float64' || col.dtype === 'float32' || col.dtype === 'int32' || col.dtype === 'bool';
    return {
      name: col.name,
      type: col.dtype,
      kind: kinds.get(col.name) ?? 'unknown',
      count: col.length - nulls,
      nulls,
      unique: col.nunique(),
      mean: numeric ? finite(col.mean()) : null,
      std: numeric ? finite(col.std()) : null,
      min: extreme(col, 'min'),
      max: extreme(col, 'max'),
    };
  });
  return { rows: df.numRows, columns };
}

/** JSON-safe cell values: Dates as ISO text, NaN as null. */
function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Rows of `df` as JSON-safe records. */
export function jsonRows(df: DataFrame): Record<string, unknown>[] {
  return df.toRecords().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)])));
}

/** Table cells: numbers stay numbers (aligned right), the rest is text; missing shows as empty. */
function cell(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export function checkFormat(format: string | undefined): string | undefined {
  if (format !== undefined && !isFileFormat(format)) {
    throw new UsageError(`--format must be one of ${FILE_FORMATS.join(', ')}, got '${format}'.`);
  }
  return format;
}

function parseRows(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`-n must be a non-negative integer, got '${text}'.`);
  return n;
}

export function registerData(program: Command): void {
  const data = program.command('data').description('look at data files (CSV, Parquet, JSON/NDJSON, Arrow)');
  data.addHelpText('after', '\nExamples:\n  $ strata data describe train.csv\n  $ strata data head train.parquet -n 20 --json\n');

  data
    .command('describe')
    .argument('<DATA>', 'a CSV, Parquet, JSON/NDJSON or Arrow file')
    .description('schema and summary statistics of every column')
    .option('--format <format>', `file format instead of the extension (${FILE_FORMATS.join(', ')})`)
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata data describe train.csv --json\n')
    .action(async (path: string, opts: { format?: string; json?: boolean }) => {
      const format = checkFormat(opts.format);
      const df = await readFile(path, format === undefined ? {} : { format: format as never });
      const r = describeFrame(df);
      if (opts.json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        return;
      }
      const rows = r.columns.map((c) => [c.name, c.type, c.kind, c.count, c.nulls, c.unique, cell(c.mean), cell(c.std), cell(c.min), cell(c.max)]);
      process.stdout.write(
        `${path}: ${r.rows} rows × ${r.columns.length} columns\n\n` +
          formatTable(['column', 'type', 'kind', 'count', 'nulls', 'unique', 'mean', 'std', 'min', 'max'], rows) +
          '\n',
      );
    });

  data
    .command('head')
    .argument('<DATA>', 'a CSV, Parquet, JSON/NDJSON or Arrow file')
    .description('the first rows as a table')
    .option('-n, --rows <n>', 'number of rows', '10')
    .option('--format <format>', `file format instead of the extension (${FILE_FORMATS.join(', ')})`)
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata data head train.csv -n 5\n')
    .action(async (path: string, opts: { rows: string; format?: string; json?: boolean }) => {
      const n = parseRows(opts.rows);
      const format = checkFormat(opts.format);
      const options = format === undefined ? {} : { format: format as never };
      const df = await readFile(path, { ...options, nRows: n });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ rows: jsonRows(df) }) + '\n');
        return;
      }
      const records = df.toRecords();
      process.stdout.write(formatTable(df.columnNames, records.map((r) => df.columnNames.map((c) => cell(r[c])))) + '\n');
    });
}
