/**
 * Bernoulli naive Bayes (scikit-learn's BernoulliNB) for binary features: each feature is on
 * with probability θ_cj = (N_cj + α) / (N_c + 2α) in class c, and an absent feature counts as
 * evidence too (log(1 − θ_cj)). Features are binarized at `binarize` first (x > t → 1).
 */
import { registerEstimator } from '../base/estimator.js';
import type { Matrix } from '../base/input.js';
import { type DiscreteNBParams, type DiscreteNBState, DiscreteNB, linearScores } from './discrete-nb.js';

export interface BernoulliNBParams extends DiscreteNBParams {
  /** Threshold for mapping features to 0/1 (x > binarize → 1); null when X is already binary. */
  binarize: number | null;
}

/**
 * @example
 * const nb = new BernoulliNB({ binarize: 0.5 }).fit(X, y);
 * nb.predict(X);
 */
export class BernoulliNB extends DiscreteNB<BernoulliNBParams> {
  protected defaults(): BernoulliNBParams {
    return { alpha: 1, fitPrior: true, classPrior: null, binarize: 0 };
  }

  protected prepare(m: Matrix): Matrix {
    const t = this.params.binarize;
    if (t === null) return m;
    return { ...m, data: m.data.map((v) => (v > t ? 1 : 0)) };
  }

  protected featureLogProb(featureCount: Float64Array, classCount: Float64Array, c: number, p: number, alpha: number): Float64Array {
    const out = new Float64Array(c * p);
    for (let l = 0; l < c; l++) {
      const logTotal = Math.log(classCount[l]! + 2 * alpha);
      for (let j = 0; j < p; j++) out[l * p + j] = Math.log(featureCount[l * p + j]! + alpha) - logTotal;
    }
    return out;
  }

  protected jll(m: Matrix, s: DiscreteNBState): Float64Array {
    const { weights, bias } = bernoulliLinearForm(s.featureLogProb, s.classLogPrior, s.classes.length, s.nFeatures);
    return linearScores(m, weights, bias, s.classes.length);
  }
}

registerEstimator(BernoulliNB);

/**
 * Bernoulli naive Bayes' joint log-likelihood is linear in a 0/1 row x: for class l,
 * Σ_j x_j·(log p_lj − log(1 − p_lj)) + log prior_l + Σ_j log(1 − p_lj). Returns those weights
 * (classes × features, row-major) and biases; the exporters write the same linear form.
 */
export function bernoulliLinearForm(
  featureLogProb: ArrayLike<number>, classLogPrior: ArrayLike<number>, classes: number, features: number,
): { weights: Float64Array; bias: Float64Array } {
  const weights = new Float64Array(classes * features);
  const bias = new Float64Array(classes);
  for (let l = 0; l < classes; l++) {
    let negSum = 0;
    for (let j = 0; j < features; j++) {
      const lp = featureLogProb[l * features + j]!;
      const neg = Math.log(1 - Math.exp(lp));
      weights[l * features + j] = lp - neg;
      negSum += neg;
    }
    bias[l] = classLogPrior[l]! + negSum;
  }
  return { weights, bias };
}
