/** Bar charts: one bar per category, grouped or stacked by a second category. */
import { requireRows, toPlotTable, type PlotData } from '../data.js';
import { channel, colorChannel, fieldRef } from '../encode.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

/** How the rows of a category (and group) are combined into one bar. */
export type BarAggregate = 'sum' | 'mean' | 'median' | 'min' | 'max' | 'count';

export interface BarChartOptions extends ChartOptions {
  /** The category column. */
  x: string;
  /** The numeric value column; omitted, bars count the rows of each category. */
  y?: string;
  /** A second category: bars side by side ('grouped', default) or on top of each other ('stacked'). */
  color?: string;
  mode?: 'grouped' | 'stacked' | 'normalized';
  /** Combines the rows of each bar (default 'sum'; 'count' when no y). */
  aggregate?: BarAggregate;
  /** Horizontal bars (categories on the y axis); good for long labels. */
  horizontal?: boolean;
  /** Order of the categories: 'data' (as they first appear, default), 'ascending'/'descending' by name, or 'value' (largest bar first). */
  sort?: 'data' | 'ascending' | 'descending' | 'value';
}

/**
 * A bar chart of `y` per `x` category.
 *
 * @example
 * barChart(df, { x: 'region', y: 'sales', color: 'year', mode: 'grouped' });
 */
export function barChart(data: PlotData, options: BarChartOptions): VegaLiteSpec {
  const ctx = 'barChart';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  channel(table, options.x, 'any', ctx, 'category axis');
  const agg = options.aggregate ?? (options.y === undefined ? 'count' : 'sum');
  if (agg !== 'count' && options.y === undefined) throw new PlotError(`${ctx}: aggregate '${agg}' needs a y column; give y or use aggregate 'count'.`);
  const mode = options.mode ?? 'grouped';
  const valueTitle = options.yTitle ?? (options.y === undefined ? 'count' : agg === 'sum' ? options.y : `${agg} of ${options.y}`);
  const value: Record<string, unknown> =
    options.y === undefined || agg === 'count'
      ? { aggregate: 'count', type: 'quantitative', title: valueTitle, axis: { format: NUMBER_FORMAT } }
      : { ...channel(table, options.y, 'numeric', ctx, 'value axis'), aggregate: agg, title: valueTitle, axis: { format: NUMBER_FORMAT } };
  if (options.color !== undefined && mode !== 'grouped') value['stack'] = mode === 'normalized' ? 'normalize' : 'zero';
  if (mode === 'normalized') value['axis'] = { format: '.0%' };
  const order: unknown[] = [];
  for (const r of table.rows) if (!order.includes(r[options.x])) order.push(r[options.x]);
  const sort = options.sort === 'ascending' ? 'ascending' : options.sort === 'descending' ? 'descending' : options.sort === 'value' ? (options.horizontal ? '-x' : '-y') : order;
  const category: Record<string, unknown> = {
    field: fieldRef(options.x),
    type: 'nominal',
    title: options.xTitle ?? options.x,
    sort,
    axis: options.horizontal ? { labelLimit: 200 } : { labelAngle: order.length > 8 ? -45 : 0, labelLimit: 120 },
  };
  if (options.sort === 'value') category['sort'] = options.horizontal ? '-x' : '-y';
  const encoding: Record<string, unknown> = options.horizontal ? { y: category, x: value } : { x: category, y: value };
  if (options.color !== undefined) {
    encoding['color'] = colorChannel(table, options.color, ctx, true);
    if (mode === 'grouped') encoding[options.horizontal ? 'yOffset' : 'xOffset'] = { field: fieldRef(options.color), type: 'nominal' };
  }
  encoding['tooltip'] = [
    { field: fieldRef(options.x), type: 'nominal', title: options.x },
    ...(options.color !== undefined ? [{ field: fieldRef(options.color), type: 'nominal', title: options.color }] : []),
    { ...(value['field'] !== undefined ? { field: value['field'] } : {}), aggregate: value['aggregate'], type: 'quantitative', title: valueTitle, format: NUMBER_FORMAT },
  ];
  const title = options.y === undefined ? `Count by ${options.x}` : `${valueTitle} by ${options.x}`;
  return finalize({ data: { values: table.rows }, mark: { type: 'bar', ...(options.horizontal ? { cornerRadiusEnd: 1 } : {}) }, encoding }, options, { title });
}
