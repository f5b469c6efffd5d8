/**
 * The losses of scikit-learn's SGD estimators as (loss, derivative) pairs in the prediction p,
 * with y = ±1 for classification. `epsilon` is the huber / ε-insensitive parameter.
 */
import { ParamError } from '../base/errors.js';

export type SGDClassifierLoss = 'hinge' | 'log_loss' | 'modified_huber' | 'squared_hinge' | 'perceptron' | 'squared_error' | 'huber' | 'epsilon_insensitive' | 'squared_epsilon_insensitive';
export type SGDRegressorLoss = 'squared_error' | 'huber' | 'epsilon_insensitive' | 'squared_epsilon_insensitive';

export interface SGDLoss {
  loss(p: number, y: number): number;
  dloss(p: number, y: number): number;
}

export const CLASSIFIER_LOSSES = ['hinge', 'log_loss', 'modified_huber', 'squared_hinge', 'perceptron', 'squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'] as const;
export const REGRESSOR_LOSSES = ['squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'] as const;

export function makeLoss(name: string, epsilon: number): SGDLoss {
  switch (name) {
    case 'hinge':
    case 'perceptron': {
      const threshold = name === 'hinge' ? 1 : 0;
      return {
        loss: (p, y) => Math.max(0, threshold - p * y),
        dloss: (p, y) => (p * y <= threshold ? -y : 0),
      };
    }
    case 'squared_hinge':
      return {
        loss: (p, y) => (p * y < 1 ? (1 - p * y) ** 2 : 0),
        dloss: (p, y) => (p * y < 1 ? -2 * y * (1 - p * y) : 0),
      };
    case 'log_loss':
      return {
        loss: (p, y) => {
          const z = p * y;
          return z > 18 ? Math.exp(-z) : z < -18 ? -z : Math.log1p(Math.exp(-z));
        },
        dloss: (p, y) => {
          const z = p * y;
          return z > 18 ? -y * Math.exp(-z) : z < -18 ? -y : -y / (Math.exp(z) + 1);
        },
      };
    case 'modified_huber':
      return {
        loss: (p, y) => {
          const z = p * y;
          return z >= 1 ? 0 : z >= -1 ? (1 - z) ** 2 : -4 * z;
        },
        dloss: (p, y) => {
          const z = p * y;
          return z >= 1 ? 0 : z >= -1 ? -2 * (1 - z) * y : -4 * y;
        },
      };
    case 'squared_error':
      return { loss: (p, y) => 0.5 * (p - y) ** 2, dloss: (p, y) => p - y };
    case 'huber':
      return {
        loss: (p, y) => {
          const r = Math.abs(p - y);
          return r <= epsilon ? 0.5 * r * r : epsilon * r - 0.5 * epsilon * epsilon;
        },
        dloss: (p, y) => {
          const r = p - y;
          return Math.abs(r) <= epsilon ? r : r > 0 ? epsilon : -epsilon;
        },
      };
    case 'epsilon_insensitive':
      return {
        loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon),
        dloss: (p, y) => (y - p > epsilon ? -1 : p - y > epsilon ? 1 : 0),
      };
    case 'squared_epsilon_insensitive':
      return {
        loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon) ** 2,
        dloss: (p, y) => {
          const z = y - p;
          return z > epsilon ? -2 * (z - epsilon) : z < -epsilon ? 2 * (-z - epsilon) : 0;
        },
      };
    default:
      throw new ParamError(`Unknown SGD loss '${name}'.`);
  }
}
