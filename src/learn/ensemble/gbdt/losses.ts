/**
 * Losses for gradient boosting: each gives per-row gradients and hessians of the loss with
 * respect to the raw margin, the constant margin that minimizes it (the starting point), and
 * the map from margin to prediction.
 *
 * - squared: ½(y − m)², prediction m.
 * - absolute: |y − m| with gradient sign(m − y) and unit hessian; after each tree is grown its
 *   leaves are set to the weighted median of the residuals they hold (as scikit-learn does).
 * - huber: ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (r = m − y, δ = `huberDelta`); the hessian is
 *   taken as 1 everywhere (an upper bound of the curvature, so steps never overshoot).
 * - poisson: μ − y·log μ with μ = exp(m); y must be ≥ 0.
 * - logistic: binary cross-entropy on m = log-odds; hessian p(1 − p).
 * - softmax: multiclass cross-entropy, one margin per class; hessian 2p(1 − p) (XGBoost's).
 */
import { DataError } from '../../base/errors.js';

export type RegressionLoss = 'squared' | 'absolute' | 'huber' | 'poisson';
export type ClassificationLoss = 'logistic' | 'softmax';
export type LossName = RegressionLoss | ClassificationLoss;

/** Smallest hessian used, so leaves of confident rows stay finite. */
const MIN_HESS = 1e-16;

export interface Loss {
  readonly name: LossName;
  /** Margins per row (classes for softmax, else 1). */
  readonly outputs: number;
  /** Leaves are re-fitted to the weighted median of residuals after growing (absolute loss). */
  readonly medianLeaves: boolean;
  /** The constant margin(s) minimizing the loss, or those of a given base score (output space). */
  baseMargin(y: Float64Array, w: Float64Array | null, baseScore: number | null): Float64Array;
  /**
   * Fills `gh[k]` (interleaved gradient/hessian per row) for output k from margins `m`
   * (`rows × outputs`, row-major).
   */
  gradients(y: Float64Array, m: Float64Array, w: Float64Array | null, gh: Float64Array[]): void;
}

export function weightedMean(y: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i]! : 1;
    s += wi * y[i]!;
    sw += wi;
  }
  return s / sw;
}

/** The weighted median of values[idx[begin..end)] (the lower one on a tie, as with equal weights). */
export function weightedMedian(values: Float64Array, w: Float64Array | null, idx?: Int32Array, begin = 0, end = values.length): number {
  const n = end - begin;
  if (n <= 0) return 0;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = idx ? idx[begin + i]! : begin + i;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += w ? w[order[i]!]! : 1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += w ? w[order[i]!]! : 1;
    if (acc >= total / 2) {
      // Exactly half the weight below: average with the next value, as the ordinary median does.
      if (acc === total / 2 && i + 1 < n) return (values[order[i]!]! + values[order[i + 1]!]!) / 2;
      return values[order[i]!]!;
    }
  }
  return values[order[n - 1]!]!;
}

function regression(name: RegressionLoss, delta: number): Loss {
  return {
    name, outputs: 1, medianLeaves: name === 'absolute',
    baseMargin(y, w, baseScore) {
      if (name === 'poisson') {
        const mean = baseScore ?? weightedMean(y, w);
        if (!(mean > 0)) {
          throw new DataError(
            baseScore === null
              ? 'The Poisson loss needs a positive mean target, but y averages 0; check the target column.'
              : `baseScore must be > 0 for the Poisson loss (it is a mean count), got ${baseScore}.`,
          );
        }
        return Float64Array.of(Math.log(mean));
      }
      if (baseScore !== null) return Float64Array.of(baseScore);
      return Float64Array.of(name === 'squared' ? weightedMean(y, w) : weightedMedian(y, w));
    },
    gradients(y, m, w, gh) {
      const out = gh[0]!;
      const n = y.length;
      for (let i = 0; i < n; i++) {
        const wi = w ? w[i]! : 1;
        const r = m[i]! - y[i]!;
        let g: number;
        let h = wi;
        if (name === 'squared') g = r;
        else if (name === 'absolute') g = r > 0 ? 1 : r < 0 ? -1 : 0;
        else if (name === 'huber') g = r > delta ? delta : r < -delta ? -delta : r;
        else {
          const mu = Math.exp(m[i]!);
          g = mu - y[i]!;
          h = mu * wi;
        }
        out[2 * i] = g * wi;
        out[2 * i + 1] = h;
      }
    },
  };
}

function logistic(): Loss {
  return {
    name: 'logistic', outputs: 1, medianLeaves: false,
    baseMargin(y, w, baseScore) {
      const p = baseScore ?? weightedMean(y, w);
      if (!(p > 0 && p < 1)) throw new DataError(`baseScore must be a probability strictly between 0 and 1 for the logistic loss, got ${p}.`);
      return Float64Array.of(Math.log(p / (1 - p)));
    },
    gradients(y, m, w, gh) {
      const out = gh[0]!;
      for (let i = 0; i < y.length; i++) {
        const p = 1 / (1 + Math.exp(-m[i]!));
        const wi = w ? w[i]! : 1;
        const h = p * (1 - p);
        out[2 * i] = (p - y[i]!) * wi;
        out[2 * i + 1] = (h > MIN_HESS ? h : MIN_HESS) * wi;
      }
    },
  };
}

function softmax(classes: number): Loss {
  return {
    name: 'softmax', outputs: classes, medianLeaves: false,
    baseMargin(y, w, baseScore) {
      const out = new Float64Array(classes);
      if (baseScore !== null) return out.fill(baseScore);
      const counts = new Float64Array(classes);
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        counts[y[i]!]! += wi;
        total += wi;
      }
      for (let k = 0; k < classes; k++) out[k] = Math.log(Math.max(counts[k]! / total, 1e-15));
      return out;
    },
    gradients(y, m, w, gh) {
      const K = classes;
      const p = new Float64Array(K);
      for (let i = 0; i < y.length; i++) {
        const o = i * K;
        let max = -Infinity;
        for (let k = 0; k < K; k++) if (m[o + k]! > max) max = m[o + k]!;
        let s = 0;
        for (let k = 0; k < K; k++) {
          const e = Math.exp(m[o + k]! - max);
          p[k] = e;
          s += e;
        }
        const wi = w ? w[i]! : 1;
        const yi = y[i]!;
        for (let k = 0; k < K; k++) {
          const pk = p[k]! / s;
          const h = 2 * pk * (1 - pk);
          const buf = gh[k]!;
          buf[2 * i] = (pk - (yi === k ? 1 : 0)) * wi;
          buf[2 * i + 1] = (h > MIN_HESS ? h : MIN_HESS) * wi;
        }
      }
    },
  };
}

/** The loss object for a name (`classes` is used by softmax). */
export function makeLoss(name: LossName, options: { huberDelta?: number; classes?: number } = {}): Loss {
  if (name === 'logistic') return logistic();
  if (name === 'softmax') return softmax(options.classes ?? 2);
  return regression(name, options.huberDelta ?? 1);
}

/** Margin → prediction: exp for Poisson, the identity for the other regression losses. */
export function marginToPrediction(name: LossName, m: number): number {
  return name === 'poisson' ? Math.exp(m) : m;
}
