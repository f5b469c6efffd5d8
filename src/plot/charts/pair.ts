/** Scatter matrix (pair plot): every numeric column against every other. */
import { requireRows, toPlotTable, type PlotData } from '../data.js';
import { channel, colorChannel, fieldRef } from '../encode.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

export interface ScatterMatrixOptions extends Omit<ChartOptions, 'xTitle' | 'yTitle'> {
  /** Numeric columns to pair (default: the first 6 numeric columns other than `color`). */
  columns?: readonly string[];
  /** Colour points by this column. */
  color?: string;
  /** Side of each cell in pixels (default 130). */
  cellSize?: number;
}

/**
 * A pair plot: a grid of scatter plots of each column against each other column.
 *
 * @example
 * scatterMatrix(iris, { color: 'species' });
 */
export function scatterMatrix(data: PlotData, options: ScatterMatrixOptions = {}): VegaLiteSpec {
  const ctx = 'scatterMatrix';
  const table = toPlotTable(data, ctx);
  requireRows(table, ctx);
  const cols = options.columns ? [...options.columns] : table.columns.filter((c) => table.types[c] === 'quantitative' && c !== options.color).slice(0, 6);
  if (cols.length < 2) throw new PlotError(`${ctx}: needs at least 2 numeric columns; got ${cols.length ? cols.join(', ') : 'none'} (columns: ${table.columns.join(', ')}).`);
  for (const c of cols) channel(table, c, 'numeric', ctx, 'axis');
  const size = options.cellSize ?? 130;
  const n = table.rows.length;
  const colour = options.color !== undefined ? colorChannel(table, options.color, ctx) : undefined;
  const axis = (c: string, show: boolean): Record<string, unknown> => ({ format: NUMBER_FORMAT, tickCount: 4, title: show ? c : null, labels: show });
  // A grid of cells: scatter plots off the diagonal, each column's histogram on it (like seaborn's pairplot).
  const rows = cols.map((rowCol, i) => ({
    spacing: 6,
    hconcat: cols.map((colCol, j) => {
      const xAxis = axis(colCol, i === cols.length - 1);
      if (i === j) {
        return {
          width: size,
          height: size,
          mark: { type: 'bar', opacity: colour ? 0.55 : 1 },
          encoding: {
            x: { field: fieldRef(colCol), type: 'quantitative', bin: { maxbins: 20 }, axis: xAxis },
            y: { aggregate: 'count', type: 'quantitative', stack: null, axis: { title: j === 0 ? rowCol : null, labels: false, ticks: false } },
            ...(colour ? { color: { ...colour, type: 'nominal' } } : {}),
          },
        };
      }
      return {
        width: size,
        height: size,
        mark: { type: 'point', filled: true, size: n > 1000 ? 6 : 14, opacity: n > 1000 ? 0.4 : 0.7 },
        encoding: {
          x: { field: fieldRef(colCol), type: 'quantitative', scale: { zero: false }, axis: xAxis },
          y: { field: fieldRef(rowCol), type: 'quantitative', scale: { zero: false }, axis: axis(rowCol, j === 0) },
          ...(colour ? { color: colour } : {}),
        },
      };
    }),
  }));
  return finalize(
    { data: { values: table.rows }, spacing: 6, vconcat: rows, resolve: { scale: { x: 'independent', y: 'independent' } } },
    options,
    { title: 'Pair plot', size: false },
  );
}
