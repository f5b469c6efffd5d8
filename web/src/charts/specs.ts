/**
 * Vega-Lite specs the dashboard draws: metric curves of one or several runs (TensorBoard's
 * debiased smoothing, log scale, x = step, wall time or relative time, NaN points marked) and
 * parallel coordinates for comparing runs. They share `plot`'s theme so they look like the PNGs
 * the CLI renders.
 */
import { PALETTE, THEME } from '../../../src/plot/theme.js';
import { debiasedSmoothing } from '../../../src/track/query/smoothing.js';
import type { SeriesPoint } from '../api.js';

export type XAxis = 'step' | 'time' | 'relative';

export interface CurveOptions {
  title?: string;
  smoothing: number;
  logScale: boolean;
  x: XAxis;
  width?: number;
  height?: number;
}

export interface NamedSeries {
  run: string;
  points: SeriesPoint[];
}

const X_TITLE: Record<XAxis, string> = { step: 'step', time: 'wall time', relative: 'relative time (s)' };

/** Rows with the x value, the raw value (null when not finite), the smoothed value and the run. */
export function curveRows(series: readonly NamedSeries[], options: CurveOptions): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const s of series) {
    const t0 = s.points[0]?.time ?? 0;
    const smooth = options.smoothing > 0 ? debiasedSmoothing(s.points.map((p) => p.value), options.smoothing) : null;
    s.points.forEach((p, i) => {
      const x = options.x === 'step' ? p.step : options.x === 'time' ? p.time : (p.time - t0) / 1000;
      const finite = Number.isFinite(p.value) && (!options.logScale || p.value > 0);
      rows.push({ run: s.run, x, step: p.step, value: finite ? p.value : null, raw: Number.isNaN(p.value) ? 'NaN' : p.value, smooth: smooth && finite ? smooth[i] : null, nan: Number.isNaN(p.value) });
    });
  }
  return rows;
}

export function curveSpec(series: readonly NamedSeries[], options: CurveOptions): object {
  const rows = curveRows(series, options);
  const x = options.x === 'time'
    ? { field: 'x', type: 'temporal', title: X_TITLE.time }
    : { field: 'x', type: 'quantitative', title: X_TITLE[options.x], axis: { format: '~s', ...(options.x === 'step' ? { tickMinStep: 1 } : {}) } };
  const few = series.every((s) => s.points.length <= 60);
  const y = (field: string) => ({ field, type: 'quantitative', title: options.title ?? 'value', scale: { type: options.logScale ? 'log' : 'linear', zero: false } });
  const color = { field: 'run', type: 'nominal', title: 'run', scale: { range: [...PALETTE] }, legend: series.length > 1 ? {} : null };
  const tooltip = [{ field: 'run' }, { field: 'step', type: 'quantitative' }, { field: 'raw', title: 'value' }];
  const smoothing = options.smoothing > 0;
  const layer: object[] = [
    { mark: { type: 'line', opacity: smoothing ? 0.25 : 1, strokeWidth: smoothing ? 1.5 : 2, point: few && !smoothing }, transform: [{ filter: 'datum.value !== null' }], encoding: { x, y: y('value'), color, ...(smoothing ? {} : { tooltip }) } },
  ];
  if (smoothing) layer.push({ mark: { type: 'line' }, transform: [{ filter: 'datum.smooth !== null' }], encoding: { x, y: y('smooth'), color, tooltip } });
  if (rows.some((r) => r.nan)) {
    layer.push({ mark: { type: 'rule', strokeDash: [3, 3], color: '#D55E00' }, transform: [{ filter: 'datum.nan' }], encoding: { x, tooltip } });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: THEME,
    width: options.width ?? 460,
    height: options.height ?? 240,
    ...(options.title ? { title: options.title } : {}),
    data: { values: rows },
    layer,
  };
}

/**
 * Parallel coordinates: one line per run over the chosen numeric columns, each axis scaled to its
 * own range. Column names become field names, so dots (nested access in Vega-Lite) turn into '·'.
 */
export function parallelCoordinatesSpec(data: readonly Record<string, unknown>[], columns: readonly string[]): object {
  const field = (c: string): string => c.replace(/[.[\]\\]/g, '·');
  const dims = columns.map(field);
  const rows = data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k === 'run' ? k : field(k), v])));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: THEME,
    width: Math.max(300, dims.length * 140),
    height: 260,
    title: 'Parallel coordinates',
    data: { values: rows },
    transform: [
      { window: [{ op: 'count', as: 'index' }] },
      { fold: [...dims] },
      { joinaggregate: [{ op: 'min', field: 'value', as: 'min' }, { op: 'max', field: 'value', as: 'max' }], groupby: ['key'] },
      { calculate: 'datum.max === datum.min ? 0.5 : (datum.value - datum.min) / (datum.max - datum.min)', as: 'norm' },
    ],
    layer: [
      { mark: { type: 'rule', color: '#ccc' }, encoding: { x: { field: 'key', type: 'nominal', sort: [...dims], title: null, axis: { labelAngle: 0, labelLimit: 140, labelPadding: 18, ticks: false } } } },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'key', type: 'nominal', sort: [...dims], title: null, axis: { labelAngle: 0, labelLimit: 140, labelPadding: 18, ticks: false } },
          y: { field: 'norm', type: 'quantitative', axis: null },
          color: { field: 'run', type: 'nominal', scale: { range: [...PALETTE] } },
          detail: { field: 'index', type: 'nominal' },
          tooltip: [{ field: 'run' }, { field: 'key' }, { field: 'value', type: 'quantitative', format: '.4g' }],
        },
      },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: { x: { field: 'key', type: 'nominal', sort: [...dims] }, y: { field: 'norm', type: 'quantitative' }, color: { field: 'run', type: 'nominal' } } },
      {
        // Each axis's own range, labelled at its ends (the lines are drawn on a 0..1 scale per axis).
        transform: [{ aggregate: [{ op: 'min', field: 'min', as: 'min' }, { op: 'max', field: 'max', as: 'max' }], groupby: ['key'] }],
        layer: [
          { mark: { type: 'text', dy: -9, fontSize: 10, color: '#444' }, encoding: { x: { field: 'key', type: 'nominal', sort: [...dims] }, y: { datum: 1, type: 'quantitative' }, text: { field: 'max', type: 'quantitative', format: '.4~g' } } },
          { mark: { type: 'text', dy: 11, fontSize: 10, color: '#444' }, encoding: { x: { field: 'key', type: 'nominal', sort: [...dims] }, y: { datum: 0, type: 'quantitative' }, text: { field: 'min', type: 'quantitative', format: '.4~g' } } },
        ],
      },
    ],
  };
}
