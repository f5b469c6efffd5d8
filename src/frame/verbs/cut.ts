/** Binning numbers into intervals: cut (given edges) and qcut (quantile edges). */
import { Column } from '../column.js';
import { FrameError } from '../errors.js';

export interface CutOptions {
  /** Names of the bins (default "(a, b]" interval labels). */
  labels?: readonly string[];
  /** Bins include their right edge (default true): (a, b]; false gives [a, b). */
  right?: boolean;
  /** The first bin includes its left edge too (default false, like pandas). */
  includeLowest?: boolean;
  /** Digits in the default labels (default 3). */
  precision?: number;
}

function fmt(v: number, precision: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(precision)));
}

function binLabels(edges: readonly number[], right: boolean, precision: number): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = fmt(edges[k]!, precision);
    const b = fmt(edges[k + 1]!, precision);
    out.push(right ? `(${a}, ${b}]` : `[${a}, ${b})`);
  }
  return out;
}

function binCodes(x: Float64Array, edges: readonly number[], right: boolean, includeLowest: boolean): Int32Array {
  const m = edges.length - 1;
  const codes = new Int32Array(x.length).fill(-1);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) continue;
    // Binary search for the bin.
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const inOrAbove = right ? v > edges[mid + 1]! : v >= edges[mid + 1]!;
      if (inOrAbove) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= m) {
      if (!right && v === edges[m]! && includeLowest) codes[i] = m - 1;
      continue;
    }
    const a = edges[lo]!;
    const inside = right ? v > a || (includeLowest && lo === 0 && v === a) : v >= a;
    codes[i] = inside ? lo : -1;
  }
  return codes;
}

function checkEdges(edges: readonly number[], who: string): void {
  if (edges.length < 2) throw new FrameError(`${who}: give at least two bin edges.`);
  for (let k = 1; k < edges.length; k++) {
    if (!(edges[k]! > edges[k - 1]!)) throw new FrameError(`${who}: bin edges must increase strictly; edge ${k} (${edges[k]}) is not above ${edges[k - 1]}.`);
  }
}

/**
 * The bin of each value as a category column; values outside the edges are missing. A number of
 * bins instead of edges splits the range evenly (widened by 0.1% like pandas).
 *
 * @example
 * cut(df.column('age'), [0, 18, 65, 120], { labels: ['child', 'adult', 'senior'] });
 */
export function cut(col: Column, bins: number | readonly number[], options: CutOptions = {}): Column {
  const x = col.toFloat64();
  const right = options.right ?? true;
  let edges: number[];
  if (typeof bins === 'number') {
    if (!Number.isInteger(bins) || bins < 1) throw new FrameError(`cut: bins must be a positive integer or a list of edges, got ${bins}.`);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of x) if (v === v) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    if (lo === Infinity) throw new FrameError(`cut: column '${col.name}' has no values to bin.`);
    if (lo === hi) {
      lo -= 0.001 * Math.abs(lo || 1);
      hi += 0.001 * Math.abs(hi || 1);
      edges = Array.from({ length: bins + 1 }, (_, k) => lo + ((hi - lo) * k) / bins);
    } else {
      edges = Array.from({ length: bins + 1 }, (_, k) => lo + ((hi - lo) * k) / bins);
      const adj = (hi - lo) * 0.001;
      if (right) edges[0] = lo - adj;
      else edges[bins] = hi + adj;
    }
  } else edges = [...bins];
  checkEdges(edges, 'cut');
  const labels = options.labels ?? binLabels(edges, right, options.precision ?? 3);
  if (labels.length !== edges.length - 1) throw new FrameError(`cut: got ${labels.length} labels for ${edges.length - 1} bins.`);
  return Column.category(col.name, binCodes(x, edges, right, options.includeLowest ?? false), labels);
}

/**
 * Quantile bins: `q` equal-frequency bins (or the given quantile probabilities), as a category
 * column. Edges are the linear-interpolated quantiles, the lowest bin closed on the left.
 *
 * @example
 * qcut(df.column('income'), 4, { labels: ['q1', 'q2', 'q3', 'q4'] });
 */
export function qcut(col: Column, q: number | readonly number[], options: Omit<CutOptions, 'right' | 'includeLowest'> = {}): Column {
  const probs = typeof q === 'number' ? Array.from({ length: q + 1 }, (_, k) => k / q) : [...q];
  const edges = probs.map((p) => col.quantile(p));
  for (let k = 1; k < edges.length; k++) {
    if (!(edges[k]! > edges[k - 1]!)) {
      throw new FrameError(`qcut: bin edges are not unique (${edges.join(', ')}) for column '${col.name}'; use fewer quantiles.`);
    }
  }
  const labels = options.labels ?? binLabels(edges, true, options.precision ?? 3);
  return cut(col, edges, { labels, right: true, includeLowest: true });
}
