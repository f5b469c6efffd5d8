/**
 * groupBy(...).agg(...): grouping of rows by key columns into dense codes (direct indexing for one
 * small-range integer key, hashing otherwise), then one pass per aggregation over typed arrays
 * (see aggregate.ts). count/size/sum/mean by one int32 key skip the codes (see direct-agg.ts).
 */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { ColumnNotFoundError, FrameError } from '../errors.js';
import { factorize, firstRows, orderBy, sortedIntGroups, sortKey } from '../keys.js';
import { AGG_NAMES, aggregate, type AggFunction, type AggName, type AggOptions, type Groups } from './aggregate.js';
import { directAggregate, type AggEntry } from './direct-agg.js';

/** One aggregation with an explicit source column (and options such as quantile's q). */
export interface AggSpecObject extends AggOptions {
  column: string;
  agg: AggName | AggFunction;
}

/**
 * What `agg` takes, keyed by output name:
 * - `{ x: 'mean' }` — the mean of x, named x;
 * - `{ x: ['sum', 'max'] }` — x_sum and x_max;
 * - `{ p90: { column: 'x', agg: 'quantile', q: 0.9 } }` — named aggregations.
 */
export type AggSpec = Record<string, AggName | AggFunction | readonly (AggName | AggFunction)[] | AggSpecObject>;

export interface GroupByOptions {
  /** Sort groups by key (default true, like pandas). Otherwise groups keep first-seen order. */
  sort?: boolean;
  /** Drop rows whose key is missing (default true, like pandas); false makes missing a group. */
  dropNull?: boolean;
}

/**
 * Rows grouped by key columns. Make one with `groupBy(df, keys)` or `df.groupBy(keys)`, then
 * call `agg` or a shortcut (`sum`, `mean`, `count`, `size`, …).
 */
export class GroupBy<R extends AnyRow = AnyRow> {
  readonly frame: DataFrame<R>;
  readonly keys: readonly string[];
  private readonly options: GroupByOptions;
  /** Group codes, group count, key rows and (when free) sizes: computed on first use. */
  private grouping: { codes: Int32Array; count: number; first: Int32Array; sizes: Int32Array | null } | null = null;

  constructor(df: DataFrame<R>, keys: readonly string[], options: GroupByOptions = {}) {
    if (keys.length === 0) throw new FrameError('groupBy needs at least one key column.');
    df.requireColumns(keys, 'groupBy');
    this.frame = df;
    this.keys = keys;
    this.options = options;
  }

  /** Group of each row (-1 for rows with a missing key that were dropped). */
  get codes(): Int32Array {
    return this.group().codes;
  }
  /** Number of groups. */
  get numGroups(): number {
    return this.group().count;
  }
  /** A representative row of each group, in group order. */
  get keyRows(): Int32Array {
    return this.group().first;
  }

  private group(): { codes: Int32Array; count: number; first: Int32Array; sizes: Int32Array | null } {
    if (this.grouping) return this.grouping;
    const { frame: df, keys, options } = this;
    // One small-range integer key: direct indexing gives codes already in key order.
    const keyCol = keys.length === 1 ? df.column(keys[0]!) : null;
    const direct =
      keyCol !== null && options.sort !== false && (options.dropNull !== false || keyCol.nullCount === 0) ? sortedIntGroups(keyCol) : null;
    if (direct !== null) {
      this.grouping = { codes: direct.codes, count: direct.count, first: direct.first, sizes: direct.sizes };
      return this.grouping;
    }
    const { codes: [codes0], count } = factorize(keys.map((k) => [df.column(k)]), options.dropNull === false);
    let codes = codes0!;
    let first = firstRows(codes, count);
    if (options.sort !== false && count > 1) {
      // Order groups by their key values and renumber the codes.
      const order = orderBy(keys.map((k) => sortKey(df.column(k).take(first))), keys.map(() => false), count);
      const rank = new Int32Array(count);
      order.forEach((g, r) => (rank[g] = r));
      const renum = new Int32Array(codes.length);
      for (let i = 0; i < codes.length; i++) renum[i] = codes[i]! < 0 ? -1 : rank[codes[i]!]!;
      codes = renum;
      first = Int32Array.from(order, (g) => first[g]!);
    }
    this.grouping = { codes, count, first, sizes: null };
    return this.grouping;
  }

  private get groups(): Groups {
    const g = this.group();
    g.sizes ??= countRows(g.codes, g.count);
    return { codes: g.codes, count: g.count, sizes: g.sizes };
  }

  /** The key columns, one row per group. */
  keyFrame(): DataFrame {
    return this.frame.withColumns(this.keys.map((k) => this.frame.column(k).take(this.keyRows)), this.numGroups);
  }

  /**
   * Aggregates per group; the result has the key columns first, then one column per aggregation.
   *
   * @example
   * df.groupBy('city').agg({ price: ['mean', 'max'], n: { column: 'price', agg: 'count' } });
   */
  agg(spec: AggSpec): DataFrame {
    const entries: { name: string; column: string; agg: AggName | AggFunction; opts: AggOptions }[] = [];
    for (const [name, s] of Object.entries(spec)) {
      if (typeof s === 'string' || typeof s === 'function') entries.push({ name, column: name, agg: s, opts: {} });
      else if (Array.isArray(s)) for (const a of s) entries.push({ name: `${name}_${typeof a === 'function' ? a.name || 'fn' : a}`, column: name, agg: a, opts: {} });
      else {
        const o = s as AggSpecObject;
        entries.push({ name, column: o.column, agg: o.agg, opts: o });
      }
    }
    if (this.grouping === null && this.keys.length === 1 && this.options.sort !== false && entries.every((e) => typeof e.agg === 'string')) {
      const fast = directAggregate(this.frame, this.keys[0]!, entries as AggEntry[]);
      if (fast) return fast;
    }
    const out: Column[] = this.keyFrame().columns.slice();
    const g = this.groups;
    for (const { name, column, agg, opts } of entries) {
      if (!this.frame.has(column)) throw new ColumnNotFoundError(column, this.frame.columnNames, 'agg');
      if (typeof agg !== 'function' && !AGG_NAMES.includes(agg)) {
        throw new FrameError(`agg: unknown aggregation '${String(agg)}' for column '${column}'; use one of ${AGG_NAMES.join(', ')} or a function.`);
      }
      out.push(aggregate(g, this.frame.column(column), agg, name, opts));
    }
    return this.frame.withColumns(out, this.numGroups);
  }

  private all(agg: AggName, options: AggOptions = {}, numericOnly = true): DataFrame {
    const keys = new Set(this.keys);
    const cols = this.frame.columns.filter((c) => !keys.has(c.name) && (!numericOnly || (c.dtype !== 'string' && c.dtype !== 'category')));
    const spec: AggSpec = {};
    for (const c of cols) spec[c.name] = { column: c.name, agg, ...options };
    return this.agg(spec);
  }

  /** Per-group sums of every numeric non-key column. */
  sum(): DataFrame {
    return this.all('sum');
  }
  mean(): DataFrame {
    return this.all('mean');
  }
  median(): DataFrame {
    return this.all('median');
  }
  std(ddof = 1): DataFrame {
    return this.all('std', { ddof });
  }
  var(ddof = 1): DataFrame {
    return this.all('var', { ddof });
  }
  min(): DataFrame {
    return this.all('min', {}, false);
  }
  max(): DataFrame {
    return this.all('max', {}, false);
  }
  first(): DataFrame {
    return this.all('first', {}, false);
  }
  last(): DataFrame {
    return this.all('last', {}, false);
  }
  nunique(): DataFrame {
    return this.all('nunique', {}, false);
  }
  quantile(q: number): DataFrame {
    return this.all('quantile', { q });
  }
  /** Non-missing values per group for every non-key column. */
  count(): DataFrame {
    return this.all('count', {}, false);
  }
  /** Rows per group, as a column named `size`. */
  size(): DataFrame {
    return this.frame.withColumns([...this.keyFrame().columns, Column.int32('size', this.groups.sizes!.slice())], this.numGroups);
  }
}

function countRows(codes: Int32Array, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) out[codes[i]!]!++;
  return out;
}

/**
 * Groups rows by the key column(s).
 *
 * @example
 * groupBy(df, ['city', 'year']).agg({ sales: 'sum' });
 */
export function groupBy<R extends AnyRow>(df: DataFrame<R>, keys: string | readonly string[], options: GroupByOptions = {}): GroupBy<R> {
  return new GroupBy(df, typeof keys === 'string' ? [keys] : keys, options);
}
