/** Box plots and violin plots of a numeric column, overall or per category. */
import { requireRows, toPlotTable, type PlotData } from '../data.js';
import { channel, fieldRef } from '../encode.js';
import { finalize, NUMBER_FORMAT, PALETTE, type ChartOptions, type VegaLiteSpec } from '../theme.js';

export interface BoxPlotOptions extends ChartOptions {
  /** The numeric column. */
  y: string;
  /** One box per category of this column. */
  x?: string;
  /** Whiskers reach the last point within `whisker` × IQR of the box (default 1.5, like Matplotlib). */
  whisker?: number;
}

/**
 * A box plot (median, quartiles, 1.5×IQR whiskers and outliers) of `y`, per `x` category.
 *
 * @example
 * boxPlot(df, { x: 'species', y: 'sepal_width' });
 */
export function boxPlot(data: PlotData, options: BoxPlotOptions): VegaLiteSpec {
  const ctx = 'boxPlot';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  const encoding: Record<string, unknown> = {
    y: channel(table, options.y, 'numeric', ctx, 'y axis', { title: options.yTitle ?? options.y, scale: { zero: false } }),
  };
  if (options.x !== undefined) {
    channel(table, options.x, 'any', ctx, 'category axis');
    encoding['x'] = { field: fieldRef(options.x), type: 'nominal', title: options.xTitle ?? options.x, axis: { labelAngle: 0 } };
    encoding['color'] = { field: fieldRef(options.x), type: 'nominal', legend: null };
  }
  const mark = { type: 'boxplot', extent: options.whisker ?? 1.5, size: 40, median: { color: 'white', strokeWidth: 2 }, outliers: { size: 16 }, rule: { color: '#555555' }, ...(options.x === undefined ? { color: PALETTE[0] } : {}) };
  return finalize({ data: { values: table.rows }, mark, encoding }, options, { title: options.x ? `${options.y} by ${options.x}` : `Distribution of ${options.y}` });
}

/**
 * A violin plot: the kernel density of `y` mirrored around each category's axis.
 *
 * @example
 * violinPlot(df, { x: 'species', y: 'sepal_width' });
 */
export function violinPlot(data: PlotData, options: Omit<BoxPlotOptions, 'whisker'> & { bandwidth?: number }): VegaLiteSpec {
  const ctx = 'violinPlot';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  channel(table, options.y, 'numeric', ctx, 'y axis');
  if (options.x !== undefined) channel(table, options.x, 'any', ctx, 'category axis');
  const group = options.x !== undefined ? fieldRef(options.x) : undefined;
  const density: Record<string, unknown> = { density: fieldRef(options.y), as: ['__y', '__density'], ...(group ? { groupby: [group] } : {}) };
  if (options.bandwidth !== undefined) density['bandwidth'] = options.bandwidth;
  const groups = options.x !== undefined ? new Set(table.rows.map((r) => r[options.x!])).size : 1;
  const cell = Math.max(60, Math.min(140, Math.floor((options.width ?? 480) / groups)));
  const inner = {
    width: cell,
    height: options.height ?? 320,
    mark: { type: 'area', orient: 'horizontal', opacity: 0.85 },
    encoding: {
      y: { field: '__y', type: 'quantitative', title: options.yTitle ?? options.y, axis: { format: NUMBER_FORMAT } },
      x: { field: '__density', type: 'quantitative', stack: 'center', impute: null, title: null, axis: { labels: false, grid: false, ticks: false, values: [0] } },
      ...(group ? { color: { field: group, type: 'nominal', legend: null } } : { color: { value: PALETTE[0] } }),
    },
  };
  if (!group) return finalize({ data: { values: table.rows }, transform: [density], ...inner }, { ...options, width: cell }, { title: `Distribution of ${options.y}` });
  return finalize(
    {
      data: { values: table.rows },
      transform: [density],
      facet: { column: { field: group, type: 'nominal', title: options.xTitle ?? options.x, header: { labelOrient: 'bottom', titleOrient: 'bottom' } } },
      spacing: 0,
      spec: inner,
      resolve: { scale: { x: 'independent' } },
    },
    options,
    { title: `${options.y} by ${options.x}`, size: false },
  );
}
