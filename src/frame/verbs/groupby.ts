/**
 * groupBy(...).agg(...): grouping of rows by key columns into dense codes (direct indexing for one
 * small-range integer key, hashing otherwise), then one pass per aggregation over typed arrays
 * (see aggregate.ts).
 */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { ColumnNotFoundError, FrameError } from '../errors.js';
import { factorize, firstRows, orderBy, sortedIntGroups, sortKey } from '../keys.js';
import { AGG_NAMES, aggregate, type AggFunction, type AggName, type AggOptions, type Groups } from './aggregate.js';

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
  /** Group of each row (-1 for rows with a missing key that were dropped). */
  readonly codes: Int32Array;
  /** Number of groups. */
  readonly numGroups: number;
  /** A representative row of each group, in group order. */
  readonly keyRows: Int32Array;
  /** Rows per group, when the grouping produced them for free (else counted on demand). */
  private sizes: Int32Array | null = null;

  constructor(df: DataFrame<R>, keys: readonly string[], options: GroupByOptions = {}) {
    if (keys.length === 0) throw new FrameError('groupBy needs at least one key column.');
    df.requireColumns(keys, 'groupBy');
    this.frame = df;
    this.keys = keys;
    // One small-range integer key: direct indexing gives codes already in key order.
    const keyCol = keys.length === 1 ? df.column(keys[0]!) : null;
    const direct =
      keyCol !== null && options.sort !== false && (options.dropNull !== false || keyCol.nullCount === 0) ? sortedIntGroups(keyCol) : null;
    if (direct !== null) {
      this.codes = direct.codes;
      this.numGroups = direct.count;
      this.keyRows = direct.first;
      this.sizes = direct.sizes;
      return;
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
    this.codes = codes;
    this.numGroups = count;
    this.keyRows = first;
  }

  private get groups(): Groups {
    this.sizes ??= countRows(this.codes, this.numGroups);
    return { codes: this.codes, count: this.numGroups, sizes: this.sizes };
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
    const out: Column[] = this.keyFrame().columns.slice();
    const g = this.groups;
    const add = (name: string, column: string, agg: AggName | AggFunction, opts: AggOptions = {}): void => {
      if (!this.frame.has(column)) throw new ColumnNotFoundError(column, this.frame.columnNames, 'agg');
      if (typeof agg !== 'function' && !AGG_NAMES.includes(agg)) {
        throw new FrameError(`agg: unknown aggregation '${String(agg)}' for column '${column}'; use one of ${AGG_NAMES.join(', ')} or a function.`);
      }
      out.push(aggregate(g, this.frame.column(column), agg, name, opts));
    };
    for (const [name, s] of Object.entries(spec)) {
      if (typeof s === 'string' || typeof s === 'function') add(name, name, s);
      else if (Array.isArray(s)) for (const a of s) add(`${name}_${typeof a === 'function' ? a.name || 'fn' : a}`, name, a);
      else {
        const o = s as AggSpecObject;
        add(name, o.column, o.agg, o);
      }
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
