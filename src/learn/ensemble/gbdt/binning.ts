/**
 * Quantile binning for histogram gradient boosting, done once before training: each numeric
 * feature gets at most `maxBins` (≤ 255) value bins whose edges are data values, each categorical
 * feature one bin per distinct category, and every feature a separate bin for missing values
 * (NaN, or a category not seen in fit), so the binned matrix fits in one byte per cell.
 *
 * Numeric bin edges follow XGBoost's `hist` convention: a value `v` falls in bin
 * `#{cuts ≤ v}`, so a split "bins ≤ b go left" is the rule `x < cuts[b]` on raw values.
 * With at most `maxBins` distinct values every distinct value has its own bin; otherwise the
 * cuts are equal-count quantiles of (a sample of at most 200,000 rows of) the training column.
 */
import { random } from '../../../tensor/index.js';
import { DataError, ParamError } from '../../base/errors.js';

/** Bin index reserved for missing values in every feature. */
export const MISSING_BIN = 255;
/** Slots per feature in a histogram (255 value bins + the missing bin). */
export const HIST_BINS = 256;
/** Rows sampled to compute numeric quantiles on large data (scikit-learn's choice). */
export const BINNING_SAMPLE = 200_000;

/** The fitted binning of every feature (JSON-serializable). */
export interface BinMapper {
  /** Per feature: ascending cut values (numeric features; empty for categorical ones). */
  cuts: Float64Array[];
  /** Per feature: the number of value bins (the missing bin excluded). */
  nBins: Int32Array;
  /** 1 where the feature is categorical. */
  categorical: Uint8Array;
  /** Per feature: the sorted distinct category values (categorical features; empty otherwise). */
  categories: Float64Array[];
}

/** Index of the first element of sorted `a` greater than `v` (the count of elements ≤ v). */
export function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `v` in sorted `a`, or -1. */
export function indexOfSorted(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = a[mid]!;
    if (m < v) lo = mid + 1;
    else if (m > v) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Learns bin edges from a row-major matrix.
 * @param categorical 1 for each categorical feature
 * @param names feature names, for error messages
 * @param seed seeds the row sample used when there are more than 200,000 rows
 * @example
 * const mapper = fitBins(X.data, X.rows, X.cols, 255, new Uint8Array(X.cols), X.featureNames, 0);
 * const binned = applyBins(mapper, X.data, X.rows);
 */
export function fitBins(
  data: Float32Array | Float64Array, rows: number, cols: number, maxBins: number, categorical: Uint8Array,
  names: readonly string[], seed: number,
): BinMapper {
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 255) {
    throw new ParamError(`maxBins must be an integer from 2 to 255, got ${maxBins}.`);
  }
  let sample: Int32Array | null = null;
  if (rows > BINNING_SAMPLE) {
    const rng = random.defaultRng(seed);
    const picked = rng.choice(rows, [BINNING_SAMPLE], { replace: false }).toTypedArray() as Int32Array;
    sample = Int32Array.from(picked).sort();
  }
  const m = sample ? sample.length : rows;
  const cuts: Float64Array[] = [];
  const categories: Float64Array[] = [];
  const nBins = new Int32Array(cols);
  // Column-major copy of the (sampled) rows, gathered row block by row block so the matrix is
  // read once in memory order rather than once per feature.
  const numeric: number[] = [];
  for (let f = 0; f < cols; f++) if (!categorical[f]) numeric.push(f);
  const columns = new Float64Array(m * numeric.length);
  const counts = new Int32Array(numeric.length);
  for (let i = 0; i < m; i++) {
    const o = (sample ? sample[i]! : i) * cols;
    for (let j = 0; j < numeric.length; j++) {
      const v = data[o + numeric[j]!]!;
      if (v === v) columns[j * m + counts[j]!++] = v;
    }
  }
  for (let f = 0, j = 0; f < cols; f++) {
    if (categorical[f]) {
      const seen = new Set<number>();
      for (let r = 0; r < rows; r++) {
        const v = data[r * cols + f]!;
        if (v === v) seen.add(v);
      }
      if (seen.size > maxBins) {
        throw new DataError(
          `Categorical feature '${names[f]}' has ${seen.size} distinct values, more than maxBins=${maxBins}. ` +
            'Group rare categories, target-encode the column, or leave it out of categoricalFeatures to treat it as numeric.',
        );
      }
      const cats = Float64Array.from(seen).sort();
      categories.push(cats);
      cuts.push(new Float64Array(0));
      nBins[f] = Math.max(cats.length, 1);
      continue;
    }
    const sorted = columns.subarray(j * m, j * m + counts[j]!).sort();
    j++;
    categories.push(new Float64Array(0));
    const c = numericCuts(sorted, maxBins);
    cuts.push(c);
    nBins[f] = c.length + 1;
  }
  return { cuts, nBins, categorical: categorical.slice(), categories };
}

/** Cut points of one sorted, NaN-free column: its distinct values after the first, or quantiles. */
function numericCuts(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const distinct: number[] = [];
  let prev = sorted[0]!;
  for (let i = 1; i < n && distinct.length < maxBins; i++) {
    const v = sorted[i]!;
    if (v !== prev) {
      distinct.push(v);
      prev = v;
    }
  }
  if (distinct.length < maxBins) return Float64Array.from(distinct);
  const out: number[] = [];
  let last = sorted[0]!;
  for (let j = 1; j < maxBins; j++) {
    const v = sorted[Math.floor((j * n) / maxBins)]!;
    if (v > last) {
      out.push(v);
      last = v;
    }
  }
  return Float64Array.from(out);
}

/** Cells of the lookup grid that turns a value into a bin without a full binary search. */
const GRID = 2048;

/**
 * Bins a row-major matrix with a fitted mapper into a row-major byte matrix with `stride`
 * bytes per row (≥ cols; padding bytes are 0). Missing values and unseen categories go to
 * MISSING_BIN.
 *
 * Numeric values are located through a uniform grid over the cut range: each grid cell knows
 * the cuts it spans, so most values need one or two comparisons; a final check against the
 * neighbouring cuts makes the result exactly `#{cuts ≤ v}` whatever the rounding.
 */
export function applyBins(mapper: BinMapper, data: Float32Array | Float64Array, rows: number, stride = mapper.nBins.length, out?: Uint8Array): Uint8Array {
  const cols = mapper.nBins.length;
  const binned = out ?? new Uint8Array(rows * stride);
  // Per numeric feature: grid origin, scale and the table of cut counts at each cell edge.
  const origin = new Float64Array(cols);
  const scale = new Float64Array(cols);
  const tables: Int32Array[] = [];
  for (let f = 0; f < cols; f++) {
    const c = mapper.cuts[f]!;
    const len = c.length;
    const table = new Int32Array(GRID + 2);
    tables.push(table);
    if (mapper.categorical[f] || len === 0) continue;
    const lo0 = c[0]!;
    const span = c[len - 1]! - lo0;
    origin[f] = lo0;
    scale[f] = span > 0 ? GRID / span : 0;
    // table[j] = #{cuts ≤ left edge of cell j}; cell GRID holds values at the last cut and beyond.
    for (let j = 0; j <= GRID; j++) table[j] = scale[f]! > 0 ? upperBound(c, lo0 + j / scale[f]!) : j === 0 ? 0 : len;
    table[GRID + 1] = len;
  }
  // Row blocks keep a block of the input in cache while every feature is binned.
  const BLOCK = 512;
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = Math.min(rows, r0 + BLOCK);
    for (let f = 0; f < cols; f++) {
      if (mapper.categorical[f]) {
        const cats = mapper.categories[f]!;
        for (let r = r0, i = r0 * cols + f, o = r0 * stride + f; r < r1; r++, i += cols, o += stride) {
          const v = data[i]!;
          const b = v === v ? indexOfSorted(cats, v) : -1;
          binned[o] = b < 0 ? MISSING_BIN : b;
        }
        continue;
      }
      const c = mapper.cuts[f]!;
      const len = c.length;
      const table = tables[f]!;
      const lo0 = origin[f]!;
      const sc = scale[f]!;
      for (let r = r0, i = r0 * cols + f, o = r0 * stride + f; r < r1; r++, i += cols, o += stride) {
        const v = data[i]!;
        if (v !== v) {
          binned[o] = MISSING_BIN;
          continue;
        }
        if (len === 0 || v < lo0) {
          binned[o] = 0;
          continue;
        }
        let cell = Math.floor((v - lo0) * sc);
        if (!(cell <= GRID)) cell = GRID;
        let a = table[cell]!;
        let b = table[cell + 1]!;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (c[mid]! <= v) a = mid + 1;
          else b = mid;
        }
        while (a > 0 && c[a - 1]! > v) a--;
        while (a < len && c[a]! <= v) a++;
        binned[o] = a;
      }
    }
  }
  return binned;
}
