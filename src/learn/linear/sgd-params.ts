/** Parameters shared by SGDClassifier and SGDRegressor, and their checks. */
import { ParamError } from '../base/errors.js';
import { checkChoice, checkInteger, checkNumber } from './checks.js';
import type { LearningRate, SGDPenalty, SGDSettings } from './sgd-core.js';
import { makeLoss } from './sgd-losses.js';

export interface SGDCommonParams {
  penalty: SGDPenalty;
  /** Regularization strength (also sets the 'optimal' step size), > 0. Default 1e-4. */
  alpha: number;
  /** Elastic-net mixing in [0, 1]. Default 0.15. */
  l1Ratio: number;
  fitIntercept: boolean;
  /** Most epochs. Default 1000. */
  maxIter: number;
  /** Stop when the epoch loss does not improve by tol·n for nIterNoChange epochs; null disables. Default 1e-3. */
  tol: number | null;
  shuffle: boolean;
  /** Parameter of 'huber' and the ε-insensitive losses. Default 0.1. */
  epsilon: number;
  /** Seed of the shuffling. Default 0. */
  randomState: number;
  learningRate: LearningRate;
  eta0: number;
  powerT: number;
  nIterNoChange: number;
  /** Average the weights over all updates (true) or from that many samples on (a number). Default false. */
  average: boolean | number;
}

export function sgdSettings(params: SGDCommonParams & { loss: string }, name: string, losses: readonly string[]): SGDSettings {
  checkChoice(name, 'loss', params.loss, losses);
  const penalty = checkChoice(name, 'penalty', params.penalty, ['l2', 'l1', 'elasticnet', 'none'] as const);
  const learningRate = checkChoice(name, 'learningRate', params.learningRate, ['optimal', 'constant', 'invscaling', 'adaptive'] as const);
  const alpha = checkNumber(name, 'alpha', params.alpha, 0, learningRate === 'optimal');
  const l1Ratio = checkNumber(name, 'l1Ratio', params.l1Ratio, 0);
  if (l1Ratio > 1) throw new ParamError(`${name}: l1Ratio must be in [0, 1], got ${l1Ratio}.`);
  const maxIter = checkInteger(name, 'maxIter', params.maxIter, 1);
  if (params.tol !== null) checkNumber(name, 'tol', params.tol, -Infinity);
  const eta0 = checkNumber(name, 'eta0', params.eta0, 0);
  if (learningRate !== 'optimal' && eta0 <= 0) {
    throw new ParamError(`${name}: learningRate '${learningRate}' needs eta0 > 0, got ${eta0}; e.g. { eta0: 0.01 }.`);
  }
  const epsilon = checkNumber(name, 'epsilon', params.epsilon, 0);
  if (typeof params.average !== 'boolean') checkInteger(name, 'average', params.average, 1);
  return {
    loss: makeLoss(params.loss, epsilon), penalty, alpha, l1Ratio, fitIntercept: params.fitIntercept, maxIter,
    tol: params.tol, shuffle: params.shuffle, learningRate, eta0, powerT: checkNumber(name, 'powerT', params.powerT, -Infinity),
    nIterNoChange: checkInteger(name, 'nIterNoChange', params.nIterNoChange, 1), average: params.average, seed: params.randomState,
  };
}

export function sgdCommonDefaults(): SGDCommonParams {
  return {
    penalty: 'l2', alpha: 1e-4, l1Ratio: 0.15, fitIntercept: true, maxIter: 1000, tol: 1e-3, shuffle: true, epsilon: 0.1,
    randomState: 0, learningRate: 'optimal', eta0: 0, powerT: 0.5, nIterNoChange: 5, average: false,
  };
}
