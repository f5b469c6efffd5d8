/** Heatmaps: a colour per (x, y) cell, with the values written in the cells. */
import { requireRows, toMatrixRows, toPlotTable, type PlotData } from '../data.js';
import { channel, datum, fieldRef } from '../encode.js';
import { PlotError } from '../errors.js';
import { finalize, type ChartOptions, type VegaLiteSpec } from '../theme.js';
import type { NdArray } from '../../tensor/index.js';

export interface HeatmapOptions extends ChartOptions {
  /** Column categories. */
  x: string;
  /** Row categories. */
  y: string;
  /** The numeric value coloured in each cell. */
  value: string;
  /** Combines rows that share a cell (default 'mean'). */
  aggregate?: 'mean' | 'sum' | 'median' | 'min' | 'max' | 'count';
  /** Write each cell's value in it (default: when there are at most 400 cells). */
  annotate?: boolean;
  /** d3 number format of the annotations and legend (default ',.3~g'). */
  format?: string;
  /** Vega colour scheme (default 'viridis'; 'blues' suits counts, 'blueorange' signed values). */
  scheme?: string;
  /** Fixed colour domain, e.g. [-1, 1] for correlations. */
  domain?: [number, number];
  /** Title of the colour legend (default: the value column). */
  legendTitle?: string;
  /** Category orders (default: as they first appear). */
  xOrder?: readonly unknown[];
  yOrder?: readonly unknown[];
}

/** Dark schemes at their low end, where annotations need white text. */
const DARK_LOW = new Set(['viridis', 'magma', 'inferno', 'plasma', 'cividis', 'turbo']);

/**
 * A heatmap of `value` over the (`x`, `y`) grid; cells are annotated with their values.
 *
 * @example
 * heatmap(df, { x: 'hour', y: 'weekday', value: 'visits', aggregate: 'sum' });
 */
export function heatmap(data: PlotData, options: HeatmapOptions): VegaLiteSpec {
  const ctx = 'heatmap';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  channel(table, options.x, 'any', ctx, 'x axis');
  channel(table, options.y, 'any', ctx, 'y axis');
  const agg = options.aggregate ?? 'mean';
  if (agg !== 'count') channel(table, options.value, 'numeric', ctx, 'colour');
  const firstSeen = (name: string): unknown[] => {
    const o: unknown[] = [];
    const s = new Set<unknown>();
    for (const r of table.rows) if (!s.has(r[name])) (s.add(r[name]), o.push(r[name]));
    // Numbers and dates read best in order; text categories keep the order they first appear in.
    return table.types[name] === 'nominal' ? o : o.sort((a, b) => (a as number) - (b as number));
  };
  const xOrder = options.xOrder ?? firstSeen(options.x);
  const yOrder = options.yOrder ?? firstSeen(options.y);
  const cells = xOrder.length * yOrder.length;
  const annotate = options.annotate ?? cells <= 400;
  const format = options.format ?? ',.3~g';
  const scheme = options.scheme ?? 'viridis';
  const v = '__value';
  const vx = fieldRef(options.x);
  const vy = fieldRef(options.y);
  const transform = [
    { aggregate: [agg === 'count' ? { op: 'count', as: v } : { op: agg, field: fieldRef(options.value), as: v }], groupby: [vx, vy] },
    { joinaggregate: [{ op: 'min', field: v, as: '__min' }, { op: 'max', field: v, as: '__max' }] },
  ];
  const legendTitle = options.legendTitle ?? (agg === 'count' ? 'count' : options.value);
  const colorScale: Record<string, unknown> = { scheme };
  if (options.domain) colorScale['domain'] = options.domain;
  const mid = options.domain ? `${(options.domain[0] + options.domain[1]) / 2}` : '(datum.__min + datum.__max) / 2';
  const darkLow = DARK_LOW.has(scheme);
  const diverging = /blueorange|redblue|redyellowblue|purplegreen|pinkyellowgreen|spectral|brownbluegreen/.test(scheme);
  const contrast = diverging
    ? `abs(${datum(v)} - (${mid})) > 0.3 * (${options.domain ? `${options.domain[1] - options.domain[0]}` : 'datum.__max - datum.__min'})`
    : darkLow
      ? `${datum(v)} < ${mid}`
      : `${datum(v)} > ${mid}`;
  const cellSize = Math.max(14, Math.min(64, Math.floor(480 / Math.max(xOrder.length, yOrder.length))));
  const shared = {
    x: { field: vx, type: 'ordinal', title: options.xTitle ?? options.x, sort: xOrder, axis: { labelAngle: xOrder.length > 10 || Math.max(...xOrder.map((v) => String(v).length)) * 6.5 > cellSize ? -45 : 0, labelLimit: 120, labelOverlap: false } },
    y: { field: vy, type: 'ordinal', title: options.yTitle ?? options.y, sort: yOrder, axis: { labelLimit: 160, labelOverlap: false } },
  };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'rect' },
      encoding: {
        ...shared,
        color: { field: v, type: 'quantitative', title: legendTitle, scale: colorScale, legend: { format, gradientLength: Math.min(200, cellSize * yOrder.length) } },
        tooltip: [
          { field: vx, type: 'ordinal', title: options.x },
          { field: vy, type: 'ordinal', title: options.y },
          { field: v, type: 'quantitative', title: legendTitle, format },
        ],
      },
    },
  ];
  if (annotate) {
    layers.push({
      mark: { type: 'text', fontSize: cellSize < 24 ? 9 : 11 },
      encoding: { ...shared, text: { field: v, type: 'quantitative', format }, color: { condition: { test: contrast, value: 'white' }, value: 'black' } },
    });
  }
  return finalize(
    { data: { values: table.rows }, transform, layer: layers },
    { ...options, width: options.width ?? cellSize * xOrder.length, height: options.height ?? cellSize * yOrder.length },
    { title: agg === 'count' ? `Count by ${options.x} and ${options.y}` : `${options.value} by ${options.x} and ${options.y}` },
  );
}

export interface MatrixHeatmapOptions extends Omit<HeatmapOptions, 'x' | 'y' | 'value' | 'aggregate' | 'xOrder' | 'yOrder'> {
  /** Column labels (default 0, 1, …). */
  xLabels?: readonly (string | number)[];
  /** Row labels (default 0, 1, …). */
  yLabels?: readonly (string | number)[];
}

/**
 * A heatmap of a matrix (nested arrays or a 2-d NdArray): row i, column j → cell (j, i), rows
 * top to bottom as printed.
 *
 * @example
 * matrixHeatmap(corr, { xLabels: names, yLabels: names, scheme: 'blueorange', domain: [-1, 1] });
 */
export function matrixHeatmap(matrix: NdArray | readonly (readonly number[])[], options: MatrixHeatmapOptions = {}): VegaLiteSpec {
  const ctx = 'matrixHeatmap';
  const rows = toMatrixRows(matrix, 'matrix', ctx);
  if (rows.length === 0 || rows[0]!.length === 0) throw new PlotError(`${ctx}: the matrix is empty; nothing to plot.`);
  const xLabels = (options.xLabels ?? rows[0]!.map((_, j) => j)).map(String);
  const yLabels = (options.yLabels ?? rows.map((_, i) => i)).map(String);
  if (xLabels.length !== rows[0]!.length) throw new PlotError(`${ctx}: ${xLabels.length} xLabels for ${rows[0]!.length} columns; give one label per column.`);
  if (yLabels.length !== rows.length) throw new PlotError(`${ctx}: ${yLabels.length} yLabels for ${rows.length} rows; give one label per row.`);
  const values: Record<string, unknown>[] = [];
  rows.forEach((r, i) => r.forEach((val, j) => values.push({ column: xLabels[j], row: yLabels[i], value: Number.isFinite(val) ? val : null })));
  return heatmap(values, {
    ...options,
    x: 'column',
    y: 'row',
    value: 'value',
    aggregate: 'mean',
    xOrder: xLabels,
    yOrder: yLabels,
    xTitle: options.xTitle ?? '',
    yTitle: options.yTitle ?? '',
    legendTitle: options.legendTitle ?? 'value',
    title: options.title ?? 'Matrix',
  });
}
