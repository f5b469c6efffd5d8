/**
 * Multinomial naive Bayes (scikit-learn's MultinomialNB) for count features such as word counts
 * or TF-IDF: log P(x | c) = Σ_j x_j log θ_cj with θ_cj = (N_cj + α) / (N_c + α·p).
 */
import { DataError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import type { Matrix } from '../base/input.js';
import { type DiscreteNBParams, type DiscreteNBState, DiscreteNB, linearScores } from './discrete-nb.js';

export type MultinomialNBParams = DiscreteNBParams;

/**
 * @example
 * const nb = new MultinomialNB({ alpha: 0.5 }).fit(wordCounts, labels);
 * nb.predictProba(wordCounts);
 */
export class MultinomialNB extends DiscreteNB<MultinomialNBParams> {
  protected defaults(): MultinomialNBParams {
    return { alpha: 1, fitPrior: true, classPrior: null };
  }

  protected prepare(m: Matrix): Matrix {
    for (let i = 0; i < m.data.length; i++) {
      if (m.data[i]! < 0) {
        const row = Math.floor(i / m.cols);
        throw new DataError(
          `${this.constructor.name}: X has a negative value (${m.data[i]}) at row ${row}, column '${m.featureNames[i % m.cols]}'; ` +
            'MultinomialNB needs non-negative counts or frequencies (use GaussianNB for real-valued features, or MinMaxScaler).',
        );
      }
    }
    return m;
  }

  protected featureLogProb(featureCount: Float64Array, _classCount: Float64Array, c: number, p: number, alpha: number): Float64Array {
    const out = new Float64Array(c * p);
    for (let l = 0; l < c; l++) {
      let total = 0;
      for (let j = 0; j < p; j++) total += featureCount[l * p + j]! + alpha;
      const logTotal = Math.log(total);
      for (let j = 0; j < p; j++) out[l * p + j] = Math.log(featureCount[l * p + j]! + alpha) - logTotal;
    }
    return out;
  }

  protected jll(m: Matrix, s: DiscreteNBState): Float64Array {
    return linearScores(m, s.featureLogProb, s.classLogPrior, s.classes.length);
  }
}

registerEstimator(MultinomialNB);
