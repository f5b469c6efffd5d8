/**
 * Evaluation metrics for boosting curves and early stopping, computed from raw margins
 * (XGBoost's names). All but 'auc' are lower-is-better.
 */
import { ParamError } from '../../base/errors.js';
import type { LossName } from './losses.js';

export type EvalMetric =
  | 'rmse' | 'mae' | 'huber' | 'poisson-nloglik' | 'logloss' | 'error' | 'auc' | 'mlogloss' | 'merror';

const REGRESSION: EvalMetric[] = ['rmse', 'mae', 'huber', 'poisson-nloglik'];
const BINARY: EvalMetric[] = ['logloss', 'error', 'auc'];
const MULTICLASS: EvalMetric[] = ['mlogloss', 'merror'];

/** The default metric of a loss. */
export function defaultMetric(loss: LossName): EvalMetric {
  switch (loss) {
    case 'squared': return 'rmse';
    case 'absolute': return 'mae';
    case 'huber': return 'huber';
    case 'poisson': return 'poisson-nloglik';
    case 'logistic': return 'logloss';
    default: return 'mlogloss';
  }
}

/** Checks that a metric fits the loss's kind of target; returns the resolved metric. */
export function resolveMetric(metric: EvalMetric | 'auto', loss: LossName): EvalMetric {
  if (metric === 'auto') return defaultMetric(loss);
  const allowed = loss === 'logistic' ? BINARY : loss === 'softmax' ? MULTICLASS : REGRESSION;
  if (!allowed.includes(metric)) {
    throw new ParamError(`evalMetric '${metric}' does not fit the ${loss} loss; use 'auto' or one of ${allowed.join(', ')}.`);
  }
  return metric;
}

export const higherIsBetter = (metric: EvalMetric): boolean => metric === 'auc';

/**
 * The metric over rows with margins `m` (`rows × outputs`), targets y (class codes for
 * classification) and optional weights.
 */
export function evaluateMetric(
  metric: EvalMetric, y: Float64Array, m: Float64Array, w: Float64Array | null, outputs: number, huberDelta = 1,
): number {
  const n = y.length;
  let s = 0;
  let sw = 0;
  if (metric === 'auc') return auc(y, m, w);
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i]! : 1;
    sw += wi;
    let v: number;
    switch (metric) {
      case 'rmse': v = (m[i]! - y[i]!) ** 2; break;
      case 'mae': v = Math.abs(m[i]! - y[i]!); break;
      case 'huber': {
        const r = Math.abs(m[i]! - y[i]!);
        v = r <= huberDelta ? 0.5 * r * r : huberDelta * (r - 0.5 * huberDelta);
        break;
      }
      case 'poisson-nloglik': v = Math.exp(m[i]!) - y[i]! * m[i]!; break;
      case 'logloss': {
        // −[y log p + (1−y) log(1−p)] in a stable form: log(1 + e^{−m}) + (1 − y) m.
        const mi = m[i]!;
        const sp = mi > 0 ? Math.log1p(Math.exp(-mi)) : -mi + Math.log1p(Math.exp(mi));
        v = sp + (1 - y[i]!) * mi;
        break;
      }
      case 'error': v = (m[i]! > 0 ? 1 : 0) !== y[i]! ? 1 : 0; break;
      default: {
        const o = i * outputs;
        let max = -Infinity;
        let arg = 0;
        for (let k = 0; k < outputs; k++) if (m[o + k]! > max) { max = m[o + k]!; arg = k; }
        if (metric === 'merror') v = arg === y[i]! ? 0 : 1;
        else {
          let z = 0;
          for (let k = 0; k < outputs; k++) z += Math.exp(m[o + k]! - max);
          v = Math.log(z) + max - m[o + y[i]!]!;
        }
      }
    }
    s += wi * v;
  }
  const mean = s / sw;
  return metric === 'rmse' ? Math.sqrt(mean) : mean;
}

/** Weighted area under the ROC curve; tied scores count one half. */
export function auc(y: Float64Array, score: Float64Array, w: Float64Array | null): number {
  const n = y.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[a]! - score[b]!);
  let pos = 0;
  let neg = 0;
  let area = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let tp = 0;
    let tn = 0;
    while (j < n && score[order[j]!] === score[order[i]!]) {
      const r = order[j]!;
      const wi = w ? w[r]! : 1;
      if (y[r] === 1) tp += wi;
      else tn += wi;
      j++;
    }
    area += tn * pos + 0.5 * tn * tp;
    pos += tp;
    neg += tn;
    i = j;
  }
  // Rows were visited in increasing score: `area` counts (negative, positive) pairs where the
  // positive scored lower; AUC is the complement.
  return pos > 0 && neg > 0 ? 1 - area / (pos * neg) : NaN;
}
