/** Training curves from tracked metric series ({ step, value, key } points). */
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

/** One logged metric value, as a tracked run stores it. */
export interface MetricPoint { step: number; value: number; key: string }

export interface TrainingCurvesOptions extends ChartOptions {
  /** Only these metric keys (default all), in this order. */
  keys?: readonly string[];
  /** One panel per metric with its own y scale (default: when keys mix losses and scores). */
  separate?: boolean;
  /** Exponential moving average weight in [0, 1) drawn over the raw values (e.g. 0.6). */
  smoothing?: number;
}

/**
 * Metric curves over training steps; `loss`-like and score-like keys go to separate panels.
 *
 * @example
 * trainingCurves(run.metrics, { keys: ['train_loss', 'val_loss'], smoothing: 0.6 });
 */
export function trainingCurves(points: readonly MetricPoint[], options: TrainingCurvesOptions = {}): VegaLiteSpec {
  const ctx = 'trainingCurves';
  if (!Array.isArray(points) || points.length === 0) throw new PlotError(`${ctx}: no metric points to plot; log some with the tracker first.`);
  const available = [...new Set(points.map((p) => p.key))];
  const keys = options.keys ? [...options.keys] : available;
  for (const k of keys) if (!available.includes(k)) throw new PlotError(`${ctx}: no metric '${k}'. Metrics: ${available.join(', ')}`);
  const s = options.smoothing ?? 0;
  if (!(s >= 0 && s < 1)) throw new PlotError(`${ctx}: smoothing must be in [0, 1); got ${s}.`);
  const rows: Record<string, unknown>[] = [];
  for (const k of keys) {
    const series = points.filter((p) => p.key === k).slice().sort((a, b) => a.step - b.step);
    let ema: number | undefined;
    for (const p of series) {
      if (!Number.isFinite(p.step)) throw new PlotError(`${ctx}: metric '${k}' has a non-numeric step ${JSON.stringify(p.step)}.`);
      ema = ema === undefined || !Number.isFinite(p.value) ? p.value : s * ema + (1 - s) * p.value;
      rows.push({ step: p.step, value: Number.isFinite(p.value) ? p.value : null, smooth: ema, key: k, group: /loss|error|mse|mae|rmse/i.test(k) ? 'loss' : 'score' });
    }
  }
  const separate = options.separate ?? new Set(rows.map((r) => r['group'])).size > 1;
  const x = { field: 'step', type: 'quantitative', title: options.xTitle ?? 'step', axis: { format: NUMBER_FORMAT } };
  const color = { field: 'key', type: 'nominal', title: 'metric', sort: keys };
  const y = (f: string): Record<string, unknown> => ({ field: f, type: 'quantitative', title: options.yTitle ?? 'value', scale: { zero: false }, axis: { format: NUMBER_FORMAT } });
  const layer = s > 0
    ? [
        { mark: { type: 'line', opacity: 0.3 }, encoding: { x, y: y('value'), stroke: { ...color, legend: null } } },
        { mark: { type: 'line' }, encoding: { x, y: y('smooth'), color, tooltip: [{ field: 'key' }, { field: 'step', type: 'quantitative' }, { field: 'value', type: 'quantitative', format: '.4g' }] } },
      ]
    : [{ mark: { type: 'line', point: rows.length <= 60 }, encoding: { x, y: y('value'), color, tooltip: [{ field: 'key' }, { field: 'step', type: 'quantitative' }, { field: 'value', type: 'quantitative', format: '.4g' }] } }];
  if (!separate) return finalize({ data: { values: rows }, layer }, options, { title: 'Training curves' });
  return finalize(
    {
      data: { values: rows },
      facet: { column: { field: 'group', type: 'nominal', title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } } },
      spec: { width: Math.round((options.width ?? 640) / 2) - 20, height: options.height ?? 260, layer },
      resolve: { scale: { y: 'independent', color: 'shared' } },
    },
    options,
    { title: 'Training curves', size: false },
  );
}
