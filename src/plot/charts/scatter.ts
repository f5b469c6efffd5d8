/** Scatter plots with optional colour, size and shape encodings and a fitted regression line. */
import { requireRows, toPlotTable, type PlotData } from '../data.js';
import { channel, colorChannel, fieldRef, tooltip } from '../encode.js';
import { finalize, type ChartOptions, type VegaLiteSpec } from '../theme.js';

export interface ScatterChartOptions extends ChartOptions {
  x: string;
  y: string;
  /** Colour by this column (categories get the palette, numbers a viridis ramp). */
  color?: string;
  /** Size points by this numeric column. */
  size?: string;
  /** Shape points by this categorical column. */
  shape?: string;
  /** Overlay a fitted line: `true`/'linear' (least squares), 'quadratic', or 'loess'. One per colour group. */
  regression?: boolean | 'linear' | 'quadratic' | 'loess';
  /** Point opacity (default 0.8, lower for many points). */
  opacity?: number;
}

/**
 * A scatter plot of `y` against `x`.
 *
 * @example
 * scatterChart(df, { x: 'sepal_length', y: 'petal_length', color: 'species', regression: true });
 */
export function scatterChart(data: PlotData, options: ScatterChartOptions): VegaLiteSpec {
  const ctx = 'scatterChart';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  const n = table.rows.length;
  const encoding: Record<string, unknown> = {
    x: channel(table, options.x, 'numeric-or-temporal', ctx, 'x axis', { title: options.xTitle ?? options.x, scale: { zero: false } }),
    y: channel(table, options.y, 'numeric-or-temporal', ctx, 'y axis', { title: options.yTitle ?? options.y, scale: { zero: false } }),
  };
  if (options.color !== undefined) encoding['color'] = colorChannel(table, options.color, ctx);
  if (options.size !== undefined) encoding['size'] = channel(table, options.size, 'numeric', ctx, 'size');
  if (options.shape !== undefined) encoding['shape'] = { field: fieldRef(options.shape), type: 'nominal', title: options.shape };
  if (n <= 5000) encoding['tooltip'] = tooltip(table, [options.x, options.y, options.color, options.size, options.shape]);
  const opacity = options.opacity ?? (n > 2000 ? 0.5 : 0.8);
  const point = { type: 'point', filled: true, opacity, size: n > 2000 ? 12 : 36 };
  const title = `${options.y} vs ${options.x}`;
  if (!options.regression) return finalize({ data: { values: table.rows }, mark: point, encoding }, options, { title });
  const method = options.regression === true ? 'linear' : options.regression;
  const groupby = options.color !== undefined && (encoding['color'] as { type: string }).type === 'nominal' ? [fieldRef(options.color)] : [];
  const fit: Record<string, unknown> =
    method === 'loess'
      ? { loess: fieldRef(options.y), on: fieldRef(options.x), groupby }
      : { regression: fieldRef(options.y), on: fieldRef(options.x), method: method === 'quadratic' ? 'poly' : 'linear', ...(method === 'quadratic' ? { order: 2 } : {}), groupby };
  const lineEnc: Record<string, unknown> = { x: encoding['x'], y: encoding['y'] };
  if (groupby.length) lineEnc['color'] = encoding['color'];
  return finalize(
    {
      data: { values: table.rows },
      layer: [
        { mark: point, encoding },
        { transform: [fit], mark: { type: 'line', strokeWidth: 2.5, ...(groupby.length ? {} : { color: '#D55E00' }) }, encoding: lineEnc },
      ],
    },
    options,
    { title },
  );
}
