/** Residuals against fitted values, with the zero line and a smoothed trend. */
import type { NdArray } from '../../tensor/index.js';
import { toNumbers } from '../data.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, PALETTE, type ChartOptions, type VegaLiteSpec } from '../theme.js';

/**
 * Residual plot (y − ŷ against ŷ): a pattern or a funnel shape means the model misses structure.
 *
 * @example
 * residualPlot(yTest, model.predict(XTest));
 */
export function residualPlot(yTrue: ArrayLike<number> | NdArray, yPred: ArrayLike<number> | NdArray, options: ChartOptions & { trend?: boolean } = {}): VegaLiteSpec {
  const ctx = 'residualPlot';
  const t = toNumbers(yTrue, 'yTrue', ctx);
  const p = toNumbers(yPred, 'yPred', ctx);
  if (t.length !== p.length) throw new PlotError(`${ctx}: yTrue has ${t.length} values but yPred has ${p.length}; pass predictions for the same rows.`);
  if (t.length === 0) throw new PlotError(`${ctx}: no values to plot.`);
  const rows = t.map((v, i) => ({ fitted: p[i], residual: v - p[i]! }));
  const x = { field: 'fitted', type: 'quantitative', title: options.xTitle ?? 'Fitted value', scale: { zero: false }, axis: { format: NUMBER_FORMAT } };
  const y = { field: 'residual', type: 'quantitative', title: options.yTitle ?? 'Residual (true − predicted)', axis: { format: NUMBER_FORMAT } };
  const n = rows.length;
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'point', filled: true, size: n > 2000 ? 10 : 30, opacity: n > 2000 ? 0.4 : 0.7, color: PALETTE[0] }, encoding: { x, y } },
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555555', strokeDash: [5, 4] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
  ];
  if ((options.trend ?? true) && n >= 10) layers.push({ transform: [{ loess: 'residual', on: 'fitted' }], mark: { type: 'line', color: PALETTE[3], strokeWidth: 2 }, encoding: { x, y } });
  return finalize({ data: { values: rows }, layer: layers }, options, { title: 'Residuals vs fitted' });
}
