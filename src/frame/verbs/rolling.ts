/** Moving-window statistics over rows (pandas' rolling). */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';

export type RollingAgg = 'mean' | 'sum' | 'min' | 'max' | 'std' | 'var' | 'count';

export interface RollingOptions {
  /** Fewest present values a window needs for a result (default: the window size). */
  minPeriods?: number;
  /** Label each window by its centre row instead of its last row. */
  center?: boolean;
}

/**
 * A trailing window statistic for each row: the window ending at row i (or centred on it), NaN
 * when it holds fewer than `minPeriods` present values. std/var use ddof=1.
 *
 * @example
 * rolling(df.column('price'), 7, 'mean').toArray();
 */
export function rolling(col: Column, window: number, agg: RollingAgg, options: RollingOptions = {}): Column {
  if (!Number.isInteger(window) || window < 1) throw new FrameError(`rolling: window must be a positive integer, got ${window}.`);
  const minP = options.minPeriods ?? window;
  if (!Number.isInteger(minP) || minP < 0 || minP > window) throw new FrameError(`rolling: minPeriods must be an integer in [0, ${window}], got ${minP}.`);
  const x = col.toFloat64();
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const shift = options.center ? Math.floor(window / 2) : 0;
  // Window for output row i covers [i + shift - window + 1, i + shift].
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let sum = 0;
  const add = (v: number): void => {
    count++;
    sum += v;
    const d = v - mean;
    mean += d / count;
    m2 += d * (v - mean);
  };
  const remove = (v: number): void => {
    count--;
    sum -= v;
    if (count === 0) {
      mean = 0;
      m2 = 0;
      sum = 0;
      return;
    }
    const d = v - mean;
    mean -= d / count;
    m2 -= d * (v - mean);
  };
  // Monotonic deques (indices) for min/max.
  const dq = new Int32Array(n);
  let qh = 0;
  let qt = 0;
  const isMin = agg === 'min';
  for (let end = 0; end < n + shift; end++) {
    if (end < n) {
      const v = x[end]!;
      if (v === v) {
        add(v);
        if (agg === 'min' || agg === 'max') {
          while (qt > qh && (isMin ? x[dq[qt - 1]!]! >= v : x[dq[qt - 1]!]! <= v)) qt--;
          dq[qt++] = end;
        }
      }
    }
    const start = end - window + 1;
    if (start - 1 >= 0 && start - 1 < n) {
      const old = x[start - 1]!;
      if (old === old) remove(old);
    }
    while (qt > qh && dq[qh]! < start) qh++;
    const i = end - shift;
    if (i < 0 || i >= n) continue;
    if (count < Math.max(minP, agg === 'std' || agg === 'var' ? 1 : 0) || (count === 0 && agg !== 'count' && agg !== 'sum')) {
      if (agg === 'count') out[i] = count;
      continue;
    }
    switch (agg) {
      case 'mean': out[i] = mean; break;
      case 'sum': out[i] = sum; break;
      case 'count': out[i] = count; break;
      case 'min':
      case 'max': out[i] = x[dq[qh]!]!; break;
      case 'var': out[i] = count > 1 ? Math.max(0, m2) / (count - 1) : NaN; break;
      case 'std': out[i] = count > 1 ? Math.sqrt(Math.max(0, m2) / (count - 1)) : NaN; break;
      default: throw new FrameError(`rolling: unknown aggregation '${String(agg)}'; use mean, sum, min, max, std, var or count.`);
    }
  }
  return Column.float64(col.name, out);
}

/**
 * Rolling statistics of every numeric column (or the chosen ones), returning a frame with those
 * columns (the others are left out, like pandas).
 *
 * @example
 * rollingFrame(df, 3, 'mean', { columns: ['price'] });
 */
export function rollingFrame<R extends AnyRow>(df: DataFrame<R>, window: number, agg: RollingAgg, options: RollingOptions & { columns?: readonly string[] } = {}): DataFrame {
  const names = options.columns ?? df.columns.filter((c) => c.dtype !== 'string' && c.dtype !== 'category').map((c) => c.name);
  df.requireColumns(names, 'rolling');
  return df.withColumns(names.map((c) => rolling(df.column(c), window, agg, options)));
}
