/** Line charts: one or several series over a numeric, date or category x axis. */
import { requireRows, toPlotTable, type PlotData } from '../data.js';
import { channel, colorChannel, fieldRef, tooltip } from '../encode.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

export interface LineChartOptions extends ChartOptions {
  /** The x column (numbers, dates or categories). */
  x: string;
  /** One y column, or several: each becomes its own coloured series. */
  y: string | readonly string[];
  /** A column that splits the rows into series (with a single `y`). */
  color?: string;
  /** Draw a point at each observation (default: when there are at most 50 per series). */
  points?: boolean;
  /** Title of the series legend when several `y` columns are given (default 'series'). */
  seriesTitle?: string;
}

/**
 * A line chart; several `y` columns (or a `color` column) give several series.
 *
 * @example
 * const spec = lineChart({ epoch: [1, 2, 3], train: [0.9, 0.5, 0.3], valid: [1, 0.7, 0.6] },
 *   { x: 'epoch', y: ['train', 'valid'], yTitle: 'loss' });
 * await savePlot(spec, 'loss.png');
 */
export function lineChart(data: PlotData, options: LineChartOptions): VegaLiteSpec {
  const ctx = 'lineChart';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  const ys = typeof options.y === 'string' ? [options.y] : [...options.y];
  if (ys.length === 0) throw new PlotError(`${ctx}: give at least one y column.`);
  if (ys.length > 1 && options.color !== undefined) throw new PlotError(`${ctx}: use either several y columns or a color column, not both.`);
  const x = channel(table, options.x, 'any', ctx, 'x axis', { title: options.xTitle ?? options.x });
  if (x['type'] === 'nominal') x['type'] = 'ordinal';
  for (const y of ys) channel(table, y, 'numeric', ctx, 'y axis');
  const seriesCount = ys.length > 1 ? ys.length : options.color !== undefined ? new Set(table.rows.map((r) => r[options.color!])).size : 1;
  const points = options.points ?? table.rows.length / seriesCount <= 50;
  const mark = { type: 'line', point: points ? { size: 30 } : false, interpolate: 'linear' };
  if (ys.length === 1) {
    const encoding: Record<string, unknown> = {
      x,
      y: channel(table, ys[0]!, 'numeric', ctx, 'y axis', { title: options.yTitle ?? ys[0], scale: { zero: false } }),
      tooltip: tooltip(table, [options.x, ys[0], options.color]),
    };
    if (options.color !== undefined) encoding['color'] = colorChannel(table, options.color, ctx, true);
    return finalize({ data: { values: table.rows }, mark, encoding }, options, { title: `${ys[0]} by ${options.x}` });
  }
  const series = options.seriesTitle ?? 'series';
  return finalize(
    {
      data: { values: table.rows },
      transform: [{ fold: ys.map(fieldRef), as: ['__series', '__value'] }],
      mark,
      encoding: {
        x,
        y: { field: '__value', type: 'quantitative', title: options.yTitle ?? 'value', scale: { zero: false }, axis: { format: NUMBER_FORMAT } },
        color: { field: '__series', type: 'nominal', title: series, sort: ys },
        tooltip: [...tooltip(table, [options.x]), { field: '__series', type: 'nominal', title: series }, { field: '__value', type: 'quantitative', title: 'value' }],
      },
    },
    options,
    { title: `${ys.join(', ')} by ${options.x}` },
  );
}

export interface TimeSeriesOptions extends LineChartOptions {
  /** d3 time format for the axis labels (default: chosen from the time span by Vega). */
  dateFormat?: string;
}

/**
 * A line chart over a date axis (a date/datetime column, JS Dates, or epoch milliseconds),
 * labelled in UTC so the same data gives the same chart on every machine.
 *
 * @example
 * timeSeries(df, { x: 'day', y: ['sales', 'returns'] });
 */
export function timeSeries(data: PlotData, options: TimeSeriesOptions): VegaLiteSpec {
  const ctx = 'timeSeries';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  channel(table, options.x, 'numeric-or-temporal', ctx, 'time axis');
  table.types[options.x] = 'temporal';
  const spec = lineChart(table.rows, { points: false, ...options }) as unknown as Record<string, unknown>;
  const enc = spec['encoding'] as Record<string, Record<string, unknown>>;
  enc['x'] = { field: fieldRef(options.x), type: 'temporal', title: options.xTitle ?? options.x, scale: { type: 'utc' }, axis: options.dateFormat ? { format: options.dateFormat, labelAngle: 0 } : { labelAngle: 0 } };
  return spec as unknown as VegaLiteSpec;
}
