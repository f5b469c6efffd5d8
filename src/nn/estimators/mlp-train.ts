/**
 * The training loop shared by MLPClassifier and MLPRegressor, after scikit-learn's
 * `_fit_stochastic`: seeded shuffled mini-batches, the L2 penalty ½·alpha·‖W‖² divided by the
 * batch size, Adam or SGD, and stopping when the epoch loss (or, with earlyStopping, the
 * validation score) has not improved by tol for more than nIterNoChange epochs.
 */
import type { TrainingRun } from '../../learn/index.js';
import { Tensor, noGrad } from '../tensor.js';
import { Rng } from '../random.js';
import { gatherRows } from '../data/data-loader.js';
import { sum } from '../ops/reduce.js';
import { pow } from '../ops/elementwise.js';
import type { Optimizer } from '../optim/optimizer.js';
import { Adam } from '../optim/adam.js';
import { SGD } from '../optim/sgd.js';
import type { MLPParams } from './mlp-params.js';
import { type MLPWeights, buildLayers, forwardLayers, snapshot } from './mlp-network.js';

/** What the estimator hands the loop: data, targets and how to score them. */
export interface MLPProblem {
  x: Float64Array;
  rows: number;
  cols: number;
  /** Targets, row-major rows × yCols (class codes for multiclass, 0/1 for binary, values for regression). */
  y: Float64Array;
  yCols: number;
  outputs: number;
  /** Mean data loss of raw network outputs against targets. */
  loss: (raw: Tensor, y: Tensor) => Tensor;
  /** Validation score, higher is better (accuracy, R²). */
  score: (raw: Tensor, y: Tensor) => number;
}

/** The fitted network and its training record. */
export interface MLPTrainResult extends MLPWeights {
  lossCurve: number[];
  validationScores: number[] | null;
  bestLoss: number | null;
  bestValidationScore: number | null;
  nIter: number;
  /** Training samples seen (scikit-learn's t_). */
  t: number;
}

function identity(n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return p;
}

/** Trains a network on `problem` with `params`. */
export function trainMLP(problem: MLPProblem, params: MLPParams, run?: TrainingRun): MLPTrainResult {
  const rng = new Rng(params.randomState ?? 0);
  const sizes = [problem.cols, ...params.hiddenLayerSizes, problem.outputs];
  const layers = buildLayers(sizes, params.activation, rng);
  const X = Tensor.fromData(problem.x, [problem.rows, problem.cols]);
  const Y = Tensor.fromData(problem.y, [problem.rows, problem.yCols]);
  let xTrain = X;
  let yTrain = Y;
  let validation: [Tensor, Tensor] | null = null;
  if (params.earlyStopping) {
    const nVal = Math.ceil(params.validationFraction * problem.rows);
    if (nVal < 1 || nVal >= problem.rows) throw new RangeError(`validationFraction ${params.validationFraction} of ${problem.rows} samples leaves no training or no validation samples.`);
    const perm = rng.permutation(problem.rows);
    const nTrain = problem.rows - nVal;
    xTrain = gatherRows(X, perm, 0, nTrain);
    yTrain = gatherRows(Y, perm, 0, nTrain);
    validation = [gatherRows(X, perm, nTrain, problem.rows), gatherRows(Y, perm, nTrain, problem.rows)];
  }
  const n = xTrain.shape[0]!;
  const batchSize = params.batchSize === 'auto' ? Math.min(200, n) : Math.min(params.batchSize, n);
  const parameters = layers.flatMap((l) => [l.weight, l.bias!]);
  const optimizer: Optimizer = params.solver === 'adam'
    ? new Adam(parameters, { lr: params.learningRateInit, betas: [params.beta1, params.beta2], eps: params.epsilon })
    : new SGD(parameters, { lr: params.learningRateInit, momentum: params.momentum, nesterov: params.nesterovsMomentum && params.momentum > 0 });
  const weights = layers.map((l) => l.weight);
  const lossCurve: number[] = [];
  const validationScores: number[] | null = validation === null ? null : [];
  let bestLoss = Infinity;
  let bestScore = -Infinity;
  let best: MLPWeights | null = null;
  let noImprovement = 0;
  let t = 0;
  let nIter = 0;
  run?.logParams({ ...params, hiddenLayerSizes: params.hiddenLayerSizes.join(',') });
  for (let epoch = 0; epoch < params.maxIter; epoch++) {
    const order = params.shuffle ? rng.permutation(n) : identity(n);
    let total = 0;
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(n, start + batchSize);
      const xb = gatherRows(xTrain, order, start, end);
      const yb = gatherRows(yTrain, order, start, end);
      optimizer.zeroGrad();
      let loss = problem.loss(forwardLayers(layers, xb, params.activation), yb);
      if (params.alpha > 0) {
        let penalty = sum(pow(weights[0]!, 2));
        for (let i = 1; i < weights.length; i++) penalty = penalty.add(sum(pow(weights[i]!, 2)));
        loss = loss.add(penalty.mul((0.5 * params.alpha) / (end - start)));
      }
      loss.backward();
      optimizer.step();
      total += loss.item() * (end - start);
    }
    const epochLoss = total / n;
    if (!Number.isFinite(epochLoss)) throw new RangeError(`The training loss became ${epochLoss} at epoch ${epoch + 1}; lower learningRateInit or scale the features.`);
    lossCurve.push(epochLoss);
    run?.logMetric('loss', epochLoss, epoch);
    t += n;
    nIter = epoch + 1;
    if (params.solver === 'sgd' && params.learningRate === 'invscaling') optimizer.lr = params.learningRateInit / (t + 1) ** params.powerT;
    if (validation !== null) {
      const score = problem.score(noGrad(() => forwardLayers(layers, validation![0], params.activation)), validation[1]);
      validationScores!.push(score);
      run?.logMetric('validation_score', score, epoch);
      noImprovement = score < bestScore + params.tol ? noImprovement + 1 : 0;
      if (score > bestScore) {
        bestScore = score;
        best = snapshot(layers);
      }
    } else {
      noImprovement = epochLoss > bestLoss - params.tol ? noImprovement + 1 : 0;
      if (epochLoss < bestLoss) bestLoss = epochLoss;
    }
    if (noImprovement > params.nIterNoChange) {
      if (params.solver === 'sgd' && params.learningRate === 'adaptive' && optimizer.lr > 1e-6) {
        optimizer.lr /= 5;
        noImprovement = 0;
        continue;
      }
      break;
    }
  }
  const final = best ?? snapshot(layers);
  return {
    ...final, lossCurve, validationScores, nIter, t,
    bestLoss: validation === null ? bestLoss : null,
    bestValidationScore: validation === null ? null : bestScore,
  };
}
