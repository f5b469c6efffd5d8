/** Distributions of one numeric column: binned counts (histogram) and a smoothed density. */
import { requireRows, toPlotTable, type PlotData } from '../data.js';
import { channel, colorChannel, fieldRef } from '../encode.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

export interface HistogramOptions extends ChartOptions {
  x: string;
  /** At most this many bins, at "nice" boundaries (default 30). */
  bins?: number;
  /** Overlaid, semi-transparent histograms per group. */
  color?: string;
  /** Stack the groups instead of overlaying them (default false). */
  stacked?: boolean;
}

/**
 * A histogram of column `x`.
 *
 * @example
 * histogram(df, { x: 'age', bins: 20 });
 */
export function histogram(data: PlotData, options: HistogramOptions): VegaLiteSpec {
  const ctx = 'histogram';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  const x = channel(table, options.x, 'numeric', ctx, 'x axis', { bin: { maxbins: options.bins ?? 30 }, title: options.xTitle ?? options.x });
  const encoding: Record<string, unknown> = {
    x,
    y: { aggregate: 'count', type: 'quantitative', title: options.yTitle ?? 'count', axis: { format: NUMBER_FORMAT }, ...(options.color !== undefined && !options.stacked ? { stack: null } : {}) },
    tooltip: [
      { field: fieldRef(options.x), bin: { maxbins: options.bins ?? 30 }, type: 'quantitative', title: options.x },
      { aggregate: 'count', type: 'quantitative', title: 'count' },
    ],
  };
  if (options.color !== undefined) encoding['color'] = colorChannel(table, options.color, ctx, true);
  const mark = { type: 'bar', opacity: options.color !== undefined && !options.stacked ? 0.55 : 1 };
  return finalize({ data: { values: table.rows }, mark, encoding }, options, { title: `Distribution of ${options.x}` });
}

export interface DensityOptions extends ChartOptions {
  x: string;
  /** One density curve per group. */
  color?: string;
  /** Kernel bandwidth (default: Scott's rule, as Vega computes it). */
  bandwidth?: number;
}

/**
 * A Gaussian kernel density estimate of column `x` (one filled curve per `color` group).
 *
 * @example
 * densityPlot(df, { x: 'petal_length', color: 'species' });
 */
export function densityPlot(data: PlotData, options: DensityOptions): VegaLiteSpec {
  const ctx = 'densityPlot';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  channel(table, options.x, 'numeric', ctx, 'x axis');
  if (options.color !== undefined) colorChannel(table, options.color, ctx, true);
  const density: Record<string, unknown> = { density: fieldRef(options.x), as: ['__x', '__density'] };
  if (options.color !== undefined) density['groupby'] = [fieldRef(options.color)];
  if (options.bandwidth !== undefined) density['bandwidth'] = options.bandwidth;
  const encoding: Record<string, unknown> = {
    x: { field: '__x', type: 'quantitative', title: options.xTitle ?? options.x, axis: { format: NUMBER_FORMAT } },
    y: { field: '__density', type: 'quantitative', title: options.yTitle ?? 'density', stack: null, axis: { format: NUMBER_FORMAT } },
  };
  if (options.color !== undefined) encoding['color'] = { field: fieldRef(options.color), type: 'nominal', title: options.color };
  return finalize(
    { data: { values: table.rows }, transform: [density], mark: { type: 'area', opacity: 0.45, line: { strokeWidth: 2 } }, encoding },
    options,
    { title: `Density of ${options.x}` },
  );
}
