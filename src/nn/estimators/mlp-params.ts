/**
 * The parameters MLPClassifier and MLPRegressor share — scikit-learn's names in camelCase, with
 * its defaults — and their validation.
 */
import { ParamError } from '../../learn/index.js';

export type MLPActivation = 'relu' | 'tanh' | 'logistic' | 'identity';
export type MLPSolver = 'adam' | 'sgd';
export type MLPLearningRate = 'constant' | 'invscaling' | 'adaptive';

export interface MLPParams {
  /** Units per hidden layer. Default [100]. */
  hiddenLayerSizes: number[];
  /** Hidden-layer activation. Default 'relu'. */
  activation: MLPActivation;
  /** 'adam' (default) or 'sgd' (momentum, Nesterov by default). */
  solver: MLPSolver;
  /** L2 penalty on the weights, divided by the batch size as in scikit-learn. Default 1e-4. */
  alpha: number;
  /** Mini-batch size, or 'auto' = min(200, samples). */
  batchSize: number | 'auto';
  /** SGD learning-rate schedule. Default 'constant'. */
  learningRate: MLPLearningRate;
  /** Initial step size. Default 1e-3. */
  learningRateInit: number;
  /** Exponent of the 'invscaling' schedule. Default 0.5. */
  powerT: number;
  /** Maximum epochs. Default 200. */
  maxIter: number;
  /** Shuffle samples each epoch. Default true. */
  shuffle: boolean;
  /** Seed for initial weights, shuffling and the validation split (null means 0: runs repeat). */
  randomState: number | null;
  /** Improvement below tol for nIterNoChange epochs stops training. Default 1e-4. */
  tol: number;
  /** SGD momentum. Default 0.9. */
  momentum: number;
  nesterovsMomentum: boolean;
  /** Hold out validationFraction of the data and stop when its score stops improving. Default false. */
  earlyStopping: boolean;
  validationFraction: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Epochs without improvement before stopping. Default 10. */
  nIterNoChange: number;
}

export function mlpDefaults(): MLPParams {
  return {
    hiddenLayerSizes: [100], activation: 'relu', solver: 'adam', alpha: 1e-4, batchSize: 'auto', learningRate: 'constant',
    learningRateInit: 1e-3, powerT: 0.5, maxIter: 200, shuffle: true, randomState: null, tol: 1e-4, momentum: 0.9,
    nesterovsMomentum: true, earlyStopping: false, validationFraction: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
    nIterNoChange: 10,
  };
}

function fail(who: string, what: string): never {
  throw new ParamError(`${who}: ${what}`);
}

/** Throws a ParamError naming the first invalid parameter and its valid range. */
export function checkMLPParams(p: MLPParams, who: string): void {
  if (!Array.isArray(p.hiddenLayerSizes) || p.hiddenLayerSizes.some((h) => !Number.isInteger(h) || h <= 0)) {
    fail(who, `hiddenLayerSizes must be an array of positive integers, e.g. [100] or [64, 32] (got ${JSON.stringify(p.hiddenLayerSizes)}).`);
  }
  if (!['relu', 'tanh', 'logistic', 'identity'].includes(p.activation)) fail(who, `activation must be 'relu', 'tanh', 'logistic' or 'identity' (got '${p.activation}').`);
  if (!['adam', 'sgd'].includes(p.solver)) fail(who, `solver must be 'adam' or 'sgd' (got '${p.solver}'); 'lbfgs' is not supported.`);
  if (!['constant', 'invscaling', 'adaptive'].includes(p.learningRate)) fail(who, `learningRate must be 'constant', 'invscaling' or 'adaptive' (got '${p.learningRate}').`);
  if (!(p.alpha >= 0)) fail(who, `alpha must be ≥ 0 (got ${p.alpha}).`);
  if (p.batchSize !== 'auto' && !(Number.isInteger(p.batchSize) && p.batchSize > 0)) fail(who, `batchSize must be a positive integer or 'auto' (got ${p.batchSize}).`);
  if (!(p.learningRateInit > 0)) fail(who, `learningRateInit must be > 0 (got ${p.learningRateInit}).`);
  if (!(Number.isInteger(p.maxIter) && p.maxIter > 0)) fail(who, `maxIter must be a positive integer (got ${p.maxIter}).`);
  if (!(p.tol >= 0)) fail(who, `tol must be ≥ 0 (got ${p.tol}).`);
  if (!(p.momentum >= 0 && p.momentum <= 1)) fail(who, `momentum must be in [0, 1] (got ${p.momentum}).`);
  if (!(p.validationFraction > 0 && p.validationFraction < 1)) fail(who, `validationFraction must be in (0, 1) (got ${p.validationFraction}).`);
  for (const [k, v] of [['beta1', p.beta1], ['beta2', p.beta2]] as const) if (!(v >= 0 && v < 1)) fail(who, `${k} must be in [0, 1) (got ${v}).`);
  if (!(p.epsilon > 0)) fail(who, `epsilon must be > 0 (got ${p.epsilon}).`);
  if (!(Number.isInteger(p.nIterNoChange) && p.nIterNoChange > 0)) fail(who, `nIterNoChange must be a positive integer (got ${p.nIterNoChange}).`);
  if (p.randomState !== null && !Number.isInteger(p.randomState)) fail(who, `randomState must be an integer or null (got ${p.randomState}).`);
}
