/**
 * LazyFrame: a query over data files that has not run yet. Each step (`select`, `filter`,
 * `mutate`, `orderBy`, `limit`, `groupBy`) wraps the SQL text, so DuckDB sees the whole pipeline
 * at once and pushes projections and filters into the file scan; nothing is read until
 * `collect()` (one DataFrame), `batches(n)` (a stream of DataFrames, for data larger than
 * memory) or `write(path)` (file to file, streamed by DuckDB).
 */
import type { Table } from 'apache-arrow';
import { DataFrame } from '../dataframe.js';
import { ColumnNotFoundError } from '../errors.js';
import { messageOf, quoteIdent, quoteLiteral } from './engine.js';
import { SqlError } from './errors.js';
import { queryArrow, queryFrame, streamArrow } from './query.js';
import { copyToFile, type WriteFileOptions } from './copy-to.js';

/** Where a lazy query's rows come from: how to explain its failures and finish its frames. */
export interface LazySource {
  /** Turns a DuckDB failure into an error that names the file and the fix (default: SqlError). */
  translate?: (err: unknown, sql: string) => Promise<Error> | Error;
  /** Applied to every frame the query produces (e.g. casting columns read as text to category). */
  finish?: (df: DataFrame) => DataFrame;
}

/** One aggregate of `groupBy`: a SQL aggregate expression such as `'avg(price)'` or `'count(*)'`. */
export type AggregateExpression = string;

/** One column of a lazy query's result. */
export interface LazyColumn {
  name: string;
  /** The DuckDB type, e.g. `DOUBLE`, `VARCHAR`, `TIMESTAMP`. */
  type: string;
}

const COLUMN_NOT_FOUND = /Referenced column "((?:[^"]|"")+)" not found/;

/**
 * @example
 * const big = scanCsv('events.csv');
 * const daily = await big.filter("kind = 'click'").groupBy(['day'], { clicks: 'count(*)' }).collect();
 * for await (const batch of big.select('user', 'amount').batches(100_000)) train(batch);
 */
export class LazyFrame {
  /** The SELECT statement this frame stands for. */
  readonly sql: string;
  private readonly source: LazySource;
  private readonly parent: LazyFrame | undefined;

  constructor(sql: string, source: LazySource = {}, parent?: LazyFrame) {
    this.sql = sql;
    this.source = source;
    this.parent = parent;
  }

  /**
   * A lazy frame over any SQL query (files can be named in it: `select * from 'a.parquet'`).
   *
   * @example
   * await LazyFrame.fromSql('select * from range(3) t(i)').collect();
   */
  static fromSql(query: string): LazyFrame {
    return new LazyFrame(query.trim().replace(/;\s*$/, ''));
  }

  private derive(sql: string): LazyFrame {
    return new LazyFrame(sql, this.source, this);
  }

  private get from(): string {
    return `(${this.sql}) AS _strata_input`;
  }

  /** Only these columns, in this order. */
  select(...columns: string[]): LazyFrame {
    if (columns.length === 0) throw new SqlError(this.sql, 'select() needs at least one column name.');
    return this.derive(`SELECT ${columns.map(quoteIdent).join(', ')} FROM ${this.from}`);
  }

  /**
   * Rows where the SQL `predicate` holds.
   *
   * @example
   * scanCsv('trips.csv').filter('distance > 2 AND fare IS NOT NULL');
   */
  filter(predicate: string): LazyFrame {
    return this.derive(`SELECT * FROM ${this.from} WHERE ${predicate}`);
  }

  /**
   * New or replaced columns from SQL expressions, computed from the input row (a replaced
   * column moves to the end, after the columns kept as they were).
   *
   * @example
   * scanCsv('trips.csv').mutate({ fare_per_km: 'fare / distance' });
   */
  mutate(expressions: Readonly<Record<string, string>>): LazyFrame {
    const entries = Object.entries(expressions);
    if (entries.length === 0) return this;
    const names = entries.map(([name]) => quoteLiteral(name)).join(', ');
    const list = entries.map(([name, expr]) => `${expr} AS ${quoteIdent(name)}`).join(', ');
    return this.derive(`SELECT COLUMNS(c -> c NOT IN (${names})), ${list} FROM ${this.from}`);
  }

  /** Rows sorted by `columns` (ascending unless `descending`). */
  orderBy(columns: string | readonly string[], options: { descending?: boolean } = {}): LazyFrame {
    const cols = typeof columns === 'string' ? [columns] : columns;
    const dir = options.descending ? 'DESC' : 'ASC';
    return this.derive(`SELECT * FROM ${this.from} ORDER BY ${cols.map((c) => `${quoteIdent(c)} ${dir}`).join(', ')}`);
  }

  /** At most `n` rows, after skipping `offset`. */
  limit(n: number, offset = 0): LazyFrame {
    if (!Number.isSafeInteger(n) || n < 0) throw new SqlError(this.sql, `limit(n) needs a non-negative integer, got ${n}.`);
    return this.derive(`SELECT * FROM ${this.from} LIMIT ${n}${offset > 0 ? ` OFFSET ${offset}` : ''}`);
  }

  /**
   * One row per distinct combination of `keys`, with named SQL aggregates.
   *
   * @example
   * scanParquet('sales.parquet').groupBy(['region'], { total: 'sum(amount)', n: 'count(*)' });
   */
  groupBy(keys: readonly string[], aggregates: Readonly<Record<string, AggregateExpression>>): LazyFrame {
    const k = keys.map(quoteIdent);
    const a = Object.entries(aggregates).map(([name, expr]) => `${expr} AS ${quoteIdent(name)}`);
    return this.derive(`SELECT ${[...k, ...a].join(', ')} FROM ${this.from}${k.length ? ` GROUP BY ${k.join(', ')}` : ''}`);
  }

  /** Runs the query and returns all rows as one DataFrame. */
  async collect(): Promise<DataFrame> {
    return this.finish(await this.run((sql) => queryFrame(sql)));
  }

  /** The first `n` rows (only those are read, where the file format allows). */
  head(n = 5): Promise<DataFrame> {
    return this.limit(n).collect();
  }

  /**
   * The rows as a stream of DataFrames of at most `size` rows each, holding about one batch in
   * memory at a time.
   *
   * @example
   * let total = 0;
   * for await (const batch of scanCsv('huge.csv').batches(100_000)) total += batch.numRows;
   */
  async *batches(size = 65536): AsyncGenerator<DataFrame> {
    if (!Number.isSafeInteger(size) || size < 1) throw new SqlError(this.sql, `batches(size) needs a positive integer, got ${size}.`);
    const sql = this.sql;
    const stream = streamArrow(sql, size);
    try {
      for (;;) {
        let next: IteratorResult<Table>;
        try {
          next = await stream.next();
        } catch (err) {
          throw await this.translate(err, sql);
        }
        if (next.done) return;
        yield this.finish(DataFrame.fromArrow(next.value));
      }
    } finally {
      // Leaving the loop early closes the DuckDB stream and its connection.
      await stream.return(undefined);
    }
  }

  /** The number of rows (computed by DuckDB without building a frame). */
  async count(): Promise<number> {
    const t = await this.run((sql) => queryArrow(`SELECT count(*) AS n FROM (${sql}) AS _strata_count`));
    return Number(t.getChildAt(0)!.get(0));
  }

  /** The result's column names and DuckDB types, without reading the data. */
  async schema(): Promise<LazyColumn[]> {
    const t = await this.run((sql) => queryArrow(`DESCRIBE ${sql}`));
    const names = t.getChild('column_name')!.toArray() as string[];
    const types = t.getChild('column_type')!.toArray() as string[];
    return names.map((name, i) => ({ name: String(name), type: String(types[i]) }));
  }

  /**
   * Writes the rows to `path` (format from the extension, or `options.format`) straight from
   * DuckDB, file to file, without building a frame; the file appears only when complete.
   *
   * @example
   * await scanCsv('big.csv').filter('amount > 0').write('big.parquet');
   */
  async write(path: string, options: WriteFileOptions = {}): Promise<void> {
    const sql = this.sql;
    try {
      await copyToFile(sql, path, options);
    } catch (err) {
      throw await this.translate(err, sql);
    }
  }

  /** The SQL text. */
  toString(): string {
    return this.sql;
  }

  private finish(df: DataFrame): DataFrame {
    return this.source.finish ? this.source.finish(df) : df;
  }

  private async run<T>(fn: (sql: string) => Promise<T>): Promise<T> {
    const sql = this.sql;
    try {
      return await fn(sql);
    } catch (err) {
      throw await this.translate(err, sql);
    }
  }

  private async translate(err: unknown, sql: string): Promise<Error> {
    const message = messageOf(err);
    const missing = COLUMN_NOT_FOUND.exec(message);
    if (missing && this.parent) {
      try {
        const available = (await this.parent.schema()).map((c) => c.name);
        return new ColumnNotFoundError(missing[1]!.replace(/""/g, '"'), available);
      } catch {
        // fall through to the source's explanation
      }
    }
    if (this.source.translate) return this.source.translate(err, sql);
    return new SqlError(sql, `SQL error: ${firstLine(message)}`, { cause: err });
  }
}

/** The first line of a DuckDB message (the rest is context such as the caret line). */
export function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
