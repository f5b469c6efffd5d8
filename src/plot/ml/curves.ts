/** ROC, precision-recall and calibration curves for one model or several (e.g. one-vs-rest classes). */
import type { NdArray } from '../../tensor/index.js';
import { toNumbers } from '../data.js';
import { PlotError } from '../errors.js';
import { finalize, type ChartOptions, type VegaLiteSpec } from '../theme.js';

type Numbers = ArrayLike<number> | NdArray;

/** One ROC curve, as learn's `rocCurve` returns it. */
export interface RocCurveInput { fpr: Numbers; tpr: Numbers }
/** One precision-recall curve, as learn's `precisionRecallCurve` returns it. */
export interface PrCurveInput { precision: Numbers; recall: Numbers }
/** One calibration curve: mean predicted probability and observed positive fraction per bin. */
export interface CalibrationInput { probPred: Numbers; probTrue: Numbers }

/** A single curve, or several keyed by model (or class, for one-vs-rest) name. */
export type Curves<T> = T | Readonly<Record<string, T>>;

function named<T extends object>(curves: Curves<T>, key: keyof T, fallback: string): [string, T][] {
  if (curves !== null && typeof curves === 'object' && key in curves) return [[fallback, curves as T]];
  const out = Object.entries(curves as Record<string, T>);
  if (out.length === 0) throw new PlotError(`give at least one curve (an object with ${String(key)}).`);
  return out;
}

function trapezoid(x: number[], y: number[]): number {
  let a = 0;
  for (let i = 1; i < x.length; i++) a += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return Math.abs(a);
}

function pairs(ctx: string, name: string, xs: Numbers, ys: Numbers, xn: string, yn: string): [number[], number[]] {
  const x = toNumbers(xs, `${name}.${xn}`, ctx);
  const y = toNumbers(ys, `${name}.${yn}`, ctx);
  if (x.length !== y.length) throw new PlotError(`${ctx}: curve '${name}' has ${x.length} ${xn} values but ${y.length} ${yn} values; they must pair up.`);
  if (x.length === 0) throw new PlotError(`${ctx}: curve '${name}' is empty.`);
  return [x, y];
}

const unitAxis = (title: string): Record<string, unknown> => ({ type: 'quantitative', scale: { domain: [0, 1] }, title, axis: { format: '.1f' } });

function curveChart(ctx: string, rows: Record<string, unknown>[], names: string[], diagonal: [number, number, number, number] | null, xTitle: string, yTitle: string, options: ChartOptions, title: string, interpolate: string, legendCorner = 'bottom-right'): VegaLiteSpec {
  const layers: Record<string, unknown>[] = [];
  if (diagonal) {
    layers.push({
      data: { values: [{ x: diagonal[0], y: diagonal[1] }, { x: diagonal[2], y: diagonal[3] }] },
      mark: { type: 'line', strokeDash: [5, 4], color: '#999999', strokeWidth: 1.5 },
      encoding: { x: { field: 'x', ...unitAxis(options.xTitle ?? xTitle) }, y: { field: 'y', ...unitAxis(options.yTitle ?? yTitle) } },
    });
  }
  layers.push({
    data: { values: rows },
    mark: { type: 'line', interpolate, strokeWidth: 2.2 },
    encoding: {
      x: { field: 'x', ...unitAxis(options.xTitle ?? xTitle) },
      y: { field: 'y', ...unitAxis(options.yTitle ?? yTitle) },
      order: { field: 'i', type: 'quantitative' },
      color: { field: 'curve', type: 'nominal', title: null, sort: names, legend: { orient: legendCorner, fillColor: 'white', padding: 6, strokeColor: '#dddddd', labelLimit: 260 } },
      tooltip: [{ field: 'curve', type: 'nominal' }, { field: 'x', type: 'quantitative', title: xTitle, format: '.3f' }, { field: 'y', type: 'quantitative', title: yTitle, format: '.3f' }],
    },
  });
  void ctx;
  return finalize({ layer: layers }, { ...options, width: options.width ?? 360, height: options.height ?? 360 }, { title });
}

/**
 * ROC curves with the area under each in the legend and the chance diagonal. Pass one
 * `rocCurve` result, or several keyed by model name (or by class for one-vs-rest: one
 * `rocCurve(yTrue === c, proba[:, c])` per class).
 *
 * @example
 * rocCurvePlot({ logistic: rocCurve(y, p1), forest: rocCurve(y, p2) });
 */
export function rocCurvePlot(curves: Curves<RocCurveInput>, options: ChartOptions = {}): VegaLiteSpec {
  const ctx = 'rocCurvePlot';
  const rows: Record<string, unknown>[] = [];
  const names: string[] = [];
  for (const [name, c] of named(curves, 'fpr', 'model')) {
    const [x, y] = pairs(ctx, name, c.fpr, c.tpr, 'fpr', 'tpr');
    const keep = x.map((_, i) => i).filter((i) => Number.isFinite(x[i]!) && Number.isFinite(y[i]!));
    if (keep.length === 0) throw new PlotError(`${ctx}: curve '${name}' has no finite points (only one class in y_true?).`);
    const label = `${name} (AUC = ${trapezoid(keep.map((i) => x[i]!), keep.map((i) => y[i]!)).toFixed(3)})`;
    names.push(label);
    keep.forEach((i, k) => rows.push({ curve: label, x: x[i], y: y[i], i: k }));
  }
  return curveChart(ctx, rows, names, [0, 0, 1, 1], 'False positive rate', 'True positive rate', options, 'ROC curve', 'linear');
}

/**
 * Precision-recall curves with average precision in the legend.
 *
 * @example
 * prCurvePlot(precisionRecallCurve(y, proba));
 */
export function prCurvePlot(curves: Curves<PrCurveInput>, options: ChartOptions = {}): VegaLiteSpec {
  const ctx = 'prCurvePlot';
  const rows: Record<string, unknown>[] = [];
  const names: string[] = [];
  for (const [name, c] of named(curves, 'precision', 'model')) {
    const [recall, precision] = pairs(ctx, name, c.recall, c.precision, 'recall', 'precision');
    let ap = 0;
    for (let i = 0; i + 1 < recall.length; i++) ap += (recall[i]! - recall[i + 1]!) * precision[i]!;
    const label = `${name} (AP = ${Math.abs(ap).toFixed(3)})`;
    names.push(label);
    recall.forEach((r, i) => rows.push({ curve: label, x: r, y: precision[i], i }));
  }
  // PR curves run along the top and down the right side, so the empty corner is bottom-left.
  return curveChart(ctx, rows, names, null, 'Recall', 'Precision', options, 'Precision-recall curve', 'step-after', 'bottom-left');
}

/**
 * Reliability diagram: observed fraction of positives against mean predicted probability per
 * bin, with the perfectly calibrated diagonal.
 *
 * @example
 * calibrationPlot({ forest: { probTrue, probPred } });
 */
export function calibrationPlot(curves: Curves<CalibrationInput>, options: ChartOptions = {}): VegaLiteSpec {
  const ctx = 'calibrationPlot';
  const rows: Record<string, unknown>[] = [];
  const names: string[] = [];
  for (const [name, c] of named(curves, 'probTrue', 'model')) {
    const [x, y] = pairs(ctx, name, c.probPred, c.probTrue, 'probPred', 'probTrue');
    names.push(name);
    x.forEach((v, i) => rows.push({ curve: name, x: v, y: y[i], i }));
  }
  const spec = curveChart(ctx, rows, names, [0, 0, 1, 1], 'Mean predicted probability', 'Fraction of positives', options, 'Calibration curve', 'linear') as unknown as { layer: Record<string, unknown>[] };
  spec.layer[1]!['mark'] = { type: 'line', point: { size: 40 }, strokeWidth: 2 };
  return spec as unknown as VegaLiteSpec;
}
