/**
 * One trial: a portfolio model with one configuration, fitted and scored fold by fold. It keeps
 * the out-of-fold predictions (for the ensemble) and stops early when `shouldStop` says the
 * folds seen so far are clearly worse than the best trial.
 */
import type { Label, StepEstimator } from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';
import type { PreparedFold } from './folds.js';
import type { MetricSpec, Predictions } from './metrics.js';
import type { PortfolioModel } from './portfolio.js';
import type { Config } from './space.js';

export interface TrialOutcome {
  status: 'complete' | 'pruned' | 'failed';
  /** Score per fold evaluated, in the metric's units. */
  folds: number[];
  /** Out-of-fold predictions for every row (complete trials): class probabilities n × k, or values n. */
  oof: Float64Array | null;
  fitSeconds: number;
  predictSeconds: number;
  /** Wall seconds of the whole trial. */
  seconds: number;
  error?: string;
}

const now = (): number => performance.now() / 1000;

/** Probabilities of `model` on X with columns in the global `classes` order (a class absent from a fold gets 0). */
function alignedProba(model: StepEstimator, X: NdArray, classes: readonly Label[]): Float64Array {
  const p = model.predictProba!(X);
  const own = (model as unknown as { classes: Label[] }).classes;
  const n = p.shape[0]!;
  const km = own.length;
  const k = classes.length;
  const flat = p.toFloat64Array();
  if (km === k && own.every((c, j) => c === classes[j])) return flat;
  const at = own.map((c) => classes.indexOf(c));
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < km; j++) out[i * k + at[j]!] = flat[i * km + j]!;
  return out;
}

/** Labels from row-major probabilities (first class wins ties). */
export function argmaxLabels(proba: Float64Array, classes: readonly Label[]): Label[] {
  const k = classes.length;
  const n = proba.length / k;
  const out = new Array<Label>(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (proba[i * k + j]! > proba[i * k + best]!) best = j;
    out[i] = classes[best]!;
  }
  return out;
}

/** Predictions object for the metric from raw out-of-fold numbers. */
export function toPredictions(raw: Float64Array, classes: readonly Label[] | null): Predictions {
  return classes ? { proba: raw, labels: argmaxLabels(raw, classes) } : { values: raw };
}

export function runTrial(
  spec: PortfolioModel,
  config: Config,
  folds: readonly PreparedFold[],
  metric: MetricSpec,
  classes: readonly Label[] | null,
  nRows: number,
  seed: number,
  shouldStop: (foldScores: readonly number[]) => string | null,
): TrialOutcome {
  const start = now();
  const k = classes?.length ?? 1;
  const oof = new Float64Array(nRows * k);
  const scores: number[] = [];
  let fitSeconds = 0;
  let predictSeconds = 0;
  const done = (status: TrialOutcome['status'], error?: string): TrialOutcome => ({
    status, folds: scores, oof: status === 'complete' ? oof : null,
    fitSeconds: scores.length ? fitSeconds / Math.max(1, scores.length) : fitSeconds, predictSeconds: scores.length ? predictSeconds / scores.length : 0,
    seconds: now() - start, ...(error !== undefined ? { error } : {}),
  });
  for (const fold of folds) {
    let raw: Float64Array;
    try {
      const model = spec.create(config, seed, fold.train.length);
      let t = now();
      model.fit(fold.Xtrain, fold.ytrain);
      fitSeconds += now() - t;
      t = now();
      raw = classes ? alignedProba(model, fold.Xtest, classes) : (model.predict!(fold.Xtest) as NdArray).toFloat64Array();
      predictSeconds += now() - t;
    } catch (err) {
      return done('failed', err instanceof Error ? err.message : String(err));
    }
    if (!raw.every(Number.isFinite)) return done('failed', 'the model predicted NaN or infinite values');
    fold.test.forEach((row, i) => oof.set(raw.subarray(i * k, (i + 1) * k), row * k));
    scores.push(metric.compute(fold.ytest, toPredictions(raw, classes), classes ?? []));
    if (scores.length < folds.length) {
      const reason = shouldStop(scores);
      if (reason !== null) return done('pruned', reason);
    }
  }
  return done('complete');
}
