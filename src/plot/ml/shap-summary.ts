/**
 * SHAP summary plot, as the `shap` package draws it: a beeswarm with one row per feature (most
 * important on top), each dot a row of the data placed at its SHAP value and coloured by the
 * feature's value; or the bar variant, mean |SHAP| per feature.
 */
import { DataFrame } from '../../frame/dataframe.js';
import { NdArray } from '../../tensor/index.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';
import { featureImportancePlot } from './feature-importance.js';

export interface ShapSummaryOptions extends ChartOptions {
  /** 'beeswarm' (default) or 'bar' (mean |SHAP| per feature). */
  kind?: 'beeswarm' | 'bar';
  /** Show the `maxDisplay` features with the largest mean |SHAP| (default 20). */
  maxDisplay?: number;
  /**
   * Which class of a multi-class SHAP array (`rows × classes × features`) to draw. The bar
   * variant without it sums mean |SHAP| over the classes; the beeswarm needs it.
   */
  classIndex?: number;
}

/** What the feature values may be given as. */
export type ShapFeatures = NdArray | readonly (readonly unknown[])[] | DataFrame;

/** Grey for categorical or missing feature values, as in `shap`. */
const MISSING_COLOUR = '#9a9a9a';
/** Horizontal quantisation of the beeswarm (shap's `nbins`). */
const SWARM_BINS = 100;

/** SHAP values as `rows` arrays of per-feature values, from a 2-d or 3-d input. */
function shapRows(shap: NdArray | readonly (readonly number[])[], options: ShapSummaryOptions, ctx: string): { rows: number[][]; perClass?: number[][][] } {
  if (shap instanceof NdArray) {
    if (shap.ndim === 2) return { rows: nested(shap.toFloat64Array(), shap.shape[0]!, shap.shape[1]!) };
    if (shap.ndim !== 3) throw new PlotError(`${ctx}: SHAP values must be rows × features (or rows × classes × features); got shape [${shap.shape.join(', ')}].`);
    const [n, k, f] = shap.shape as [number, number, number];
    const flat = shap.toFloat64Array();
    const perClass = Array.from({ length: k }, (_, c) => Array.from({ length: n }, (_, i) => Array.from(flat.subarray((i * k + c) * f, (i * k + c + 1) * f))));
    const ci = options.classIndex;
    if (ci === undefined) {
      if (options.kind === 'bar') return { rows: perClass[0]!, perClass };
      throw new PlotError(`${ctx}: the SHAP values have ${k} classes (shape [${shap.shape.join(', ')}]); pass { classIndex } to pick one (0…${k - 1}), or { kind: 'bar' } for all classes.`);
    }
    if (!Number.isInteger(ci) || ci < 0 || ci >= k) throw new PlotError(`${ctx}: classIndex ${ci} is out of range; the SHAP values have ${k} classes (0…${k - 1}).`);
    return { rows: perClass[ci]! };
  }
  if (!Array.isArray(shap)) throw new PlotError(`${ctx}: SHAP values must be an NdArray or an array of rows (number[][]).`);
  const rows = (shap as readonly (readonly number[])[]).map((r, i) => {
    if (!Array.isArray(r) && !ArrayBuffer.isView(r)) throw new PlotError(`${ctx}: SHAP row ${i} is not an array; pass a rows × features matrix.`);
    return Array.from(r as ArrayLike<number>, Number);
  });
  return { rows };
}

function nested(flat: Float64Array, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from(flat.subarray(i * c, (i + 1) * c)));
}

/** Feature values as columns, with the names a frame carries. */
function featureColumns(features: ShapFeatures, names: readonly string[] | undefined, ctx: string): { columns: unknown[][]; names?: string[] } {
  if (features instanceof DataFrame) {
    const use = names ?? features.columnNames;
    return { columns: use.map((n) => features.column(n).toArray() as unknown[]), names: [...use] };
  }
  if (features instanceof NdArray) {
    if (features.ndim !== 2) throw new PlotError(`${ctx}: the feature matrix must be 2-d (rows × features); got shape [${features.shape.join(', ')}].`);
    const [r, c] = features.shape as [number, number];
    const flat = features.toFloat64Array();
    return { columns: Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => flat[i * c + j])) };
  }
  if (!Array.isArray(features)) throw new PlotError(`${ctx}: the feature values must be a DataFrame, a 2-d NdArray or an array of rows.`);
  const rows = features as readonly (readonly unknown[])[];
  const c = rows[0]?.length ?? 0;
  rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== c) throw new PlotError(`${ctx}: row ${i} of the feature values has ${Array.isArray(r) ? r.length : 'no'} values but row 0 has ${c}; the matrix must be rectangular.`);
  });
  return { columns: Array.from({ length: c }, (_, j) => rows.map((r) => r[j])) };
}

/** The q-quantile of sorted numbers (linear interpolation). */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
}

/**
 * Feature values scaled to 0…1 between their 5th and 95th percentiles (clipped), as `shap` does
 * so that a few outliers do not wash out the colours; null for text, missing values, or a
 * feature whose values are not all numbers.
 */
function normalisedColour(values: readonly unknown[]): (number | null)[] {
  if (values.some((v) => v !== null && v !== undefined && typeof v !== 'number')) return values.map(() => null);
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (nums.length === 0) return values.map(() => null);
  let lo = quantile(nums, 0.05);
  let hi = quantile(nums, 0.95);
  if (hi <= lo) (lo = nums[0]!), (hi = nums[nums.length - 1]!);
  return values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    return hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5;
  });
}

/**
 * Vertical offsets that spread dots sharing an x neighbourhood into a swarm (shap's layout:
 * quantise x into bins, then stack the dots of a bin alternately above and below the row),
 * scaled to ±0.4 of a row. Dots are stacked in order of their colour value so that the colours
 * of a dense bin stay readable.
 */
function swarmOffsets(x: readonly number[], colour: readonly (number | null)[]): number[] {
  const n = x.length;
  const order = x.map((_, i) => i).sort((a, b) => (colour[a] ?? -1) - (colour[b] ?? -1) || a - b);
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) (min = Math.min(min, v)), (max = Math.max(max, v));
  const width = max > min ? max - min : 1;
  const layer = new Map<number, number>();
  const ys = new Array<number>(n).fill(0);
  for (const i of order) {
    const bin = Math.round(((x[i]! - min) / width) * SWARM_BINS);
    const l = layer.get(bin) ?? 0;
    ys[i] = Math.ceil(l / 2) * (l % 2 === 0 ? 1 : -1);
    layer.set(bin, l + 1);
  }
  const top = Math.max(1, ...ys.map(Math.abs));
  return ys.map((v) => (0.4 * v) / top);
}

/**
 * SHAP summary plot. `shap` is a SHAP matrix `rows × features` (an NdArray or number[][]); the
 * output of a gradient-boosting model's `shapValues` is accepted as is (its last column, the
 * expected value, is dropped; a multi-class `rows × classes × (features + 1)` array needs
 * `classIndex`). `features` holds the feature values of the same rows (colour: low → high,
 * grey for text or missing values), `featureNames` one name per feature (default: the frame's
 * column names, or x0, x1, …).
 *
 * @example
 * const shap = model.shapValues(XTest);
 * shapSummaryPlot(shap, XTest, featureNames, { maxDisplay: 10 });
 * shapSummaryPlot(shap, XTest, featureNames, { kind: 'bar' });
 */
export function shapSummaryPlot(
  shap: NdArray | readonly (readonly number[])[],
  features: ShapFeatures,
  featureNames?: readonly string[],
  options: ShapSummaryOptions = {},
): VegaLiteSpec {
  const ctx = 'shapSummaryPlot';
  const maxDisplay = options.maxDisplay ?? 20;
  if (!Number.isInteger(maxDisplay) || maxDisplay < 1) throw new PlotError(`${ctx}: maxDisplay must be a positive integer, got ${maxDisplay}.`);
  const { rows: shapIn, perClass } = shapRows(shap, options, ctx);
  const cols = featureColumns(features, featureNames, ctx);
  const nFeatures = cols.columns.length;
  const nRows = cols.columns[0]?.length ?? 0;
  if (shapIn.length === 0 || nFeatures === 0) throw new PlotError(`${ctx}: no rows or no features to plot.`);
  if (shapIn.length !== nRows) throw new PlotError(`${ctx}: the SHAP values have ${shapIn.length} rows but the feature values have ${nRows}; pass the features of the same rows the SHAP values were computed for.`);
  const width = shapIn[0]!.length;
  shapIn.forEach((r, i) => {
    if (r.length !== width) throw new PlotError(`${ctx}: SHAP row ${i} has ${r.length} values but row 0 has ${width}; the matrix must be rectangular.`);
  });
  // TreeSHAP output carries the expected value as one extra, last column.
  const drop = width === nFeatures + 1 ? 1 : 0;
  if (width - drop !== nFeatures) throw new PlotError(`${ctx}: the SHAP values have ${width} columns but there are ${nFeatures} features; they must match (or have one extra column, the expected value, as shapValues returns).`);
  const names = featureNames ? [...featureNames] : cols.names ?? Array.from({ length: nFeatures }, (_, j) => `x${j}`);
  if (names.length !== nFeatures) throw new PlotError(`${ctx}: ${names.length} feature names for ${nFeatures} features; give one name per feature column.`);
  if (new Set(names).size !== names.length) throw new PlotError(`${ctx}: feature names must be unique; '${names.find((n, i) => names.indexOf(n) !== i)}' appears twice.`);
  shapIn.forEach((r, i) => {
    const bad = r.findIndex((v, j) => j < nFeatures && !Number.isFinite(v));
    if (bad >= 0) throw new PlotError(`${ctx}: SHAP value at row ${i}, feature '${names[bad]}' is not a finite number (${r[bad]}).`);
  });

  const meanAbs = (m: number[][]): number[] => names.map((_, j) => m.reduce((a, r) => a + Math.abs(r[j]!), 0) / m.length);
  if (options.kind === 'bar') {
    const importance = perClass ? perClass.map(meanAbs).reduce((a, b) => a.map((v, j) => v + b[j]!)) : meanAbs(shapIn);
    return featureImportancePlot(importance, names, {
      ...options,
      top: maxDisplay,
      title: options.title ?? 'SHAP feature importance',
      xTitle: options.xTitle ?? (perClass ? 'mean(|SHAP value|), summed over classes' : 'mean(|SHAP value|)'),
    });
  }

  const importance = meanAbs(shapIn);
  const shown = names.map((_, j) => j).sort((a, b) => importance[b]! - importance[a]! || a - b).slice(0, maxDisplay);
  const k = shown.length;
  const points: Record<string, unknown>[] = [];
  shown.forEach((j, rank) => {
    const x = shapIn.map((r) => r[j]!);
    const colour = normalisedColour(cols.columns[j]!);
    const offsets = swarmOffsets(x, colour);
    const raw = cols.columns[j]!;
    for (let i = 0; i < x.length; i++) {
      const v = raw[i];
      points.push({ feature: names[j], shap: x[i], row: k - 1 - rank + offsets[i]!, colour: colour[i], value: v instanceof Date ? v.toISOString() : (v ?? null) });
    }
  });
  const n = points.length / k;
  const size = n > 1000 ? 10 : n > 300 ? 16 : 24;
  const labels = JSON.stringify(shown.map((j) => names[j]).reverse());
  const x = { field: 'shap', type: 'quantitative', title: options.xTitle ?? 'SHAP value (impact on model output)', axis: { format: NUMBER_FORMAT } };
  const y = {
    field: 'row', type: 'quantitative', title: options.yTitle ?? null,
    scale: { domain: [-0.6, k - 0.4], nice: false, zero: false },
    axis: { values: Array.from({ length: k }, (_, i) => i), labelExpr: `${labels}[datum.value]`, grid: true, gridDash: [2, 3], ticks: false, domain: false, labelLimit: 220, labelFontSize: 11 },
  };
  const tooltip = [{ field: 'feature', type: 'nominal' }, { field: 'shap', type: 'quantitative', title: 'SHAP value', format: '.4g' }, { field: 'value', type: 'nominal', title: 'feature value' }];
  const mark = { type: 'circle', size, opacity: 0.85 };
  const layers: Record<string, unknown>[] = [
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555555', strokeWidth: 1 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    { transform: [{ filter: 'datum.colour === null' }], mark: { ...mark, color: MISSING_COLOUR }, encoding: { x, y, tooltip } },
    {
      transform: [{ filter: 'datum.colour !== null' }],
      mark,
      encoding: {
        x, y, tooltip,
        color: {
          field: 'colour', type: 'quantitative', title: 'Feature value',
          scale: { scheme: 'viridis', domain: [0, 1] },
          legend: { values: [0, 1], labelExpr: "datum.value === 0 ? 'Low' : 'High'", gradientLength: Math.min(200, Math.max(80, 26 * k)), titleOrient: 'left', titleAnchor: 'middle', direction: 'vertical' },
        },
      },
    },
  ];
  const subtitle = options.subtitle ?? (k < nFeatures ? `top ${k} of ${nFeatures} features by mean |SHAP|` : undefined);
  return finalize(
    { data: { values: points }, layer: layers },
    { ...options, ...(subtitle !== undefined ? { subtitle } : {}), height: options.height ?? Math.max(120, 28 * k) },
    { title: 'SHAP summary' },
  );
}
