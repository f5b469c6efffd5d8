/** Regression metrics: R², mean squared / absolute / absolute percentage error. */
import { NdArray } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { type ScoreInput, toWeights } from './targets.js';

/** A target vector or an n × outputs matrix. */
export type TargetInput = NdArray | ArrayLike<number> | readonly (readonly number[])[];

export type MultiOutput = 'uniform_average' | 'raw_values' | 'variance_weighted' | readonly number[];

export interface RegressionOptions {
  sampleWeight?: ScoreInput;
  /** How to combine several outputs: 'uniform_average' (default), 'raw_values' (one per output) or weights. */
  multioutput?: MultiOutput;
}

interface Targets {
  data: Float64Array;
  rows: number;
  cols: number;
}

function toTargetMatrix(y: TargetInput, metric: string, what: string): Targets {
  let data: Float64Array;
  let rows: number;
  let cols: number;
  if (y instanceof NdArray) {
    if (y.ndim > 2) throw new DataError(`${metric}: ${what} must be 1-d or 2-d, got shape [${y.shape.join(', ')}].`);
    [rows, cols] = y.ndim === 1 ? [y.shape[0]!, 1] : [y.shape[0]!, y.shape[1]!];
    data = y.toFloat64Array();
  } else if (y.length > 0 && Array.isArray((y as unknown[])[0])) {
    const m = y as readonly (readonly number[])[];
    [rows, cols] = [m.length, m[0]!.length];
    data = Float64Array.from(m.flat());
    if (data.length !== rows * cols) throw new DataError(`${metric}: ${what} rows have different lengths.`);
  } else {
    data = Float64Array.from(y as ArrayLike<number>, (v) => (typeof v === 'number' ? v : NaN));
    [rows, cols] = [data.length, 1];
  }
  data.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new DataError(`${metric}: ${what} has a missing or non-finite value (${v}) at row ${Math.floor(i / cols)}; drop or fill it.`);
    }
  });
  return { data, rows, cols };
}

function pair(yTrue: TargetInput, yPred: TargetInput, metric: string): [Targets, Targets] {
  const t = toTargetMatrix(yTrue, metric, 'yTrue');
  const p = toTargetMatrix(yPred, metric, 'yPred');
  if (t.rows !== p.rows) throw new DataError(`${metric}: yTrue has ${t.rows} samples but yPred has ${p.rows}; they must be the same length.`);
  if (t.cols !== p.cols) throw new DataError(`${metric}: yTrue has ${t.cols} outputs but yPred has ${p.cols}.`);
  if (t.rows === 0) throw new DataError(`${metric}: yTrue is empty; at least one sample is needed.`);
  return [t, p];
}

/** Per-output weighted average of f(true, pred). */
function perOutput(t: Targets, p: Targets, w: Float64Array | null, f: (a: number, b: number) => number): number[] {
  const out: number[] = [];
  for (let j = 0; j < t.cols; j++) {
    let s = 0;
    let ws = 0;
    for (let i = 0; i < t.rows; i++) {
      const wi = w ? w[i]! : 1;
      s += f(t.data[i * t.cols + j]!, p.data[i * t.cols + j]!) * wi;
      ws += wi;
    }
    out.push(s / ws);
  }
  return out;
}

function combine(errors: number[], multioutput: MultiOutput | undefined, metric: string, weights?: number[] | null): number | number[] {
  const mo = multioutput ?? 'uniform_average';
  if (mo === 'raw_values') return errors;
  let w: readonly number[] | null = null;
  if (Array.isArray(mo)) {
    if (mo.length !== errors.length) throw new ParamError(`${metric}: multioutput has ${mo.length} weights for ${errors.length} outputs.`);
    w = mo;
  } else if (mo === 'variance_weighted') w = weights ?? null;
  else if (mo !== 'uniform_average') throw new ParamError(`${metric}: multioutput must be 'uniform_average', 'raw_values', 'variance_weighted' or an array of weights.`);
  if (!w) return errors.reduce((a, b) => a + b, 0) / errors.length;
  let s = 0;
  let ws = 0;
  errors.forEach((e, j) => ((s += e * w![j]!), (ws += w![j]!)));
  return s / ws;
}

type Result<O> = O extends { multioutput: 'raw_values' } ? number[] : number;

/**
 * Mean squared error; `squared: false` gives the root (per output, then averaged).
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 */
export function meanSquaredError<O extends RegressionOptions & { squared?: boolean }>(yTrue: TargetInput, yPred: TargetInput, options?: O): Result<O> {
  const metric = 'meanSquaredError';
  const [t, p] = pair(yTrue, yPred, metric);
  let errors = perOutput(t, p, toWeights(options?.sampleWeight, t.rows, metric), (a, b) => (a - b) ** 2);
  if (options?.squared === false) errors = errors.map(Math.sqrt);
  return combine(errors, options?.multioutput, metric) as Result<O>;
}

/**
 * Root mean squared error.
 *
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.6124
 */
export function rootMeanSquaredError<O extends RegressionOptions>(yTrue: TargetInput, yPred: TargetInput, options?: O): Result<O> {
  return meanSquaredError(yTrue, yPred, { ...options, squared: false }) as Result<O>;
}

/**
 * Mean absolute error.
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 */
export function meanAbsoluteError<O extends RegressionOptions>(yTrue: TargetInput, yPred: TargetInput, options?: O): Result<O> {
  const metric = 'meanAbsoluteError';
  const [t, p] = pair(yTrue, yPred, metric);
  return combine(perOutput(t, p, toWeights(options?.sampleWeight, t.rows, metric), (a, b) => Math.abs(b - a)), options?.multioutput, metric) as Result<O>;
}

/**
 * Mean absolute percentage error |y − ŷ| / max(|y|, ε), as a fraction (not ×100).
 *
 * @example
 * meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.3274
 */
export function meanAbsolutePercentageError<O extends RegressionOptions>(yTrue: TargetInput, yPred: TargetInput, options?: O): Result<O> {
  const metric = 'meanAbsolutePercentageError';
  const [t, p] = pair(yTrue, yPred, metric);
  const f = (a: number, b: number): number => Math.abs(b - a) / Math.max(Math.abs(a), Number.EPSILON);
  return combine(perOutput(t, p, toWeights(options?.sampleWeight, t.rows, metric), f), options?.multioutput, metric) as Result<O>;
}

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot. A constant yTrue gives 1 for a perfect
 * prediction and 0 otherwise (scikit-learn's force_finite); fewer than two samples give NaN.
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486
 */
export function r2Score<O extends RegressionOptions & { forceFinite?: boolean }>(yTrue: TargetInput, yPred: TargetInput, options?: O): Result<O> {
  const metric = 'r2Score';
  const [t, p] = pair(yTrue, yPred, metric);
  if (t.rows < 2) return NaN as Result<O>;
  const w = toWeights(options?.sampleWeight, t.rows, metric);
  const forceFinite = options?.forceFinite ?? true;
  const scores: number[] = [];
  const denominators: number[] = [];
  for (let j = 0; j < t.cols; j++) {
    let mean = 0;
    let ws = 0;
    for (let i = 0; i < t.rows; i++) {
      const wi = w ? w[i]! : 1;
      mean += t.data[i * t.cols + j]! * wi;
      ws += wi;
    }
    mean /= ws;
    let num = 0;
    let den = 0;
    for (let i = 0; i < t.rows; i++) {
      const wi = w ? w[i]! : 1;
      num += wi * (t.data[i * t.cols + j]! - p.data[i * t.cols + j]!) ** 2;
      den += wi * (t.data[i * t.cols + j]! - mean) ** 2;
    }
    denominators.push(den);
    if (!forceFinite) scores.push(1 - num / den);
    else scores.push(den !== 0 && num !== 0 ? 1 - num / den : num === 0 ? 1 : 0);
  }
  const allZero = denominators.every((d) => d === 0);
  return combine(scores, options?.multioutput, metric, allZero ? null : denominators) as Result<O>;
}
