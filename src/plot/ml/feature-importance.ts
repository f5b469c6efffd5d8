/** Feature importance as sorted horizontal bars (with error bars when a std is given). */
import type { NdArray } from '../../tensor/index.js';
import { toNumbers } from '../data.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, PALETTE, type ChartOptions, type VegaLiteSpec } from '../theme.js';

export interface FeatureImportanceOptions extends ChartOptions {
  /** Show the `top` largest (by absolute value; default 20). */
  top?: number;
  /** Standard deviations (e.g. from permutation importance) drawn as error bars. */
  std?: ArrayLike<number> | NdArray;
}

/**
 * Horizontal bars of feature importances, largest first.
 *
 * @example
 * featureImportancePlot(forest.featureImportances, featureNames, { top: 15 });
 */
export function featureImportancePlot(importances: ArrayLike<number> | NdArray, featureNames: readonly string[], options: FeatureImportanceOptions = {}): VegaLiteSpec {
  const ctx = 'featureImportancePlot';
  const v = toNumbers(importances, 'importances', ctx);
  if (v.length === 0) throw new PlotError(`${ctx}: no importances given.`);
  if (featureNames.length !== v.length) throw new PlotError(`${ctx}: ${featureNames.length} feature names for ${v.length} importances; give one name per feature.`);
  const sd = options.std !== undefined ? toNumbers(options.std, 'std', ctx) : undefined;
  if (sd && sd.length !== v.length) throw new PlotError(`${ctx}: std has ${sd.length} values for ${v.length} importances.`);
  const order = v.map((_, i) => i).sort((a, b) => Math.abs(v[b]!) - Math.abs(v[a]!)).slice(0, options.top ?? 20);
  const rows = order.map((i) => ({ feature: featureNames[i], importance: v[i], ...(sd ? { lo: v[i]! - sd[i]!, hi: v[i]! + sd[i]! } : {}) }));
  const y = { field: 'feature', type: 'nominal', sort: order.map((i) => featureNames[i]), title: options.yTitle ?? null, axis: { labelLimit: 220 } };
  const x = { field: 'importance', type: 'quantitative', title: options.xTitle ?? 'importance', axis: { format: NUMBER_FORMAT } };
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'bar', color: PALETTE[0] }, encoding: { y, x, tooltip: [{ field: 'feature' }, { field: 'importance', type: 'quantitative', format: '.4g' }] } },
  ];
  if (sd) layers.push({ mark: { type: 'rule', color: '#333333' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } });
  return finalize({ data: { values: rows }, layer: layers }, { ...options, height: options.height ?? Math.max(120, 22 * rows.length) }, { title: 'Feature importance' });
}
