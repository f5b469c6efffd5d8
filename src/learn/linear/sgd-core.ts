/**
 * Plain stochastic gradient descent for one linear model, the algorithm of scikit-learn's
 * `_plain_sgd`: per sample, step size from the schedule, L2 shrinkage through a weight scale,
 * a gradient step on the loss, and L1 by truncated gradient with cumulative penalty (Tsuruoka,
 * Tsujii & Ananiadou 2009); epochs stop when the summed loss has not improved by tol·n for
 * nIterNoChange epochs (the 'adaptive' schedule divides the step by 5 instead, down to 1e-6).
 * The sample order comes from the seeded generator, so results agree with scikit-learn
 * statistically, not bit for bit.
 */
import { random } from '../../tensor/index.js';
import type { SGDLoss } from './sgd-losses.js';

export type LearningRate = 'optimal' | 'constant' | 'invscaling' | 'adaptive';
export type SGDPenalty = 'l2' | 'l1' | 'elasticnet' | 'none';

export interface SGDSettings {
  loss: SGDLoss;
  penalty: SGDPenalty;
  alpha: number;
  l1Ratio: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number | null;
  shuffle: boolean;
  learningRate: LearningRate;
  eta0: number;
  powerT: number;
  nIterNoChange: number;
  /** false, true (= 1) or the sample count after which averaging starts. */
  average: boolean | number;
  seed: number;
}

export interface SGDResult {
  coef: Float64Array;
  intercept: number;
  nIter: number;
  /** Samples seen (scikit-learn's t_ − 1). */
  t: number;
}

const MAX_DLOSS = 1e12;

export function plainSGD(
  X: Float64Array, n: number, p: number, y: Float64Array, sw: Float64Array, weightPos: number, weightNeg: number,
  s: SGDSettings, onEpoch?: (epoch: number, meanLoss: number) => void,
): SGDResult {
  const w = new Float64Array(p);
  let b = 0;
  let wscale = 1;
  const l1Ratio = s.penalty === 'l1' ? 1 : s.penalty === 'elasticnet' ? s.l1Ratio : 0;
  const l2 = s.penalty === 'l2' || s.penalty === 'elasticnet';
  const l1 = s.penalty === 'l1' || s.penalty === 'elasticnet';
  const q = l1 ? new Float64Array(p) : null;
  let u = 0;
  const avgStart = s.average === true ? 1 : s.average === false ? 0 : s.average;
  const avgW = avgStart > 0 ? new Float64Array(p) : null;
  let avgB = 0;
  let avgCount = 0;
  let optimalInit = 0;
  if (s.learningRate === 'optimal') {
    const typw = Math.sqrt(1 / Math.sqrt(s.alpha));
    const eta0 = typw / Math.max(1, s.loss.dloss(-typw, 1));
    optimalInit = 1 / (eta0 * s.alpha);
  }
  let eta = s.eta0;
  const rng = random.defaultRng(s.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let t = 1;
  let best = Infinity;
  let noImprovement = 0;
  let epoch = 0;
  for (; epoch < s.maxIter; epoch++) {
    if (s.shuffle) rng.shuffle(order);
    let sumLoss = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const o = i * p;
      if (s.learningRate === 'optimal') eta = 1 / (s.alpha * (optimalInit + t - 1));
      else if (s.learningRate === 'invscaling') eta = s.eta0 / t ** s.powerT;
      let dot = 0;
      for (let j = 0; j < p; j++) dot += w[j]! * X[o + j]!;
      const pred = dot * wscale + b;
      const yi = y[i]!;
      sumLoss += s.loss.loss(pred, yi);
      const cw = yi > 0 ? weightPos : weightNeg;
      let d = s.loss.dloss(pred, yi);
      if (d < -MAX_DLOSS) d = -MAX_DLOSS;
      else if (d > MAX_DLOSS) d = MAX_DLOSS;
      const update = -eta * d * cw * sw[i]!;
      if (l2) wscale *= Math.max(0, 1 - (1 - l1Ratio) * eta * s.alpha);
      if (update !== 0) {
        const step = update / wscale;
        for (let j = 0; j < p; j++) w[j] += step * X[o + j]!;
        if (s.fitIntercept) b += update;
      }
      if (l1) {
        u += l1Ratio * eta * s.alpha;
        for (let j = 0; j < p; j++) {
          const z = w[j]!;
          if (wscale * z > 0) w[j] = Math.max(0, z - (u + q![j]!) / wscale);
          else if (wscale * z < 0) w[j] = Math.min(0, z + (u - q![j]!) / wscale);
          q![j] += wscale * (w[j]! - z);
        }
      }
      if (avgW && t >= avgStart) {
        avgCount++;
        for (let j = 0; j < p; j++) avgW[j] += (w[j]! * wscale - avgW[j]!) / avgCount;
        avgB += (b - avgB) / avgCount;
      }
      if (wscale < 1e-9) {
        for (let j = 0; j < p; j++) w[j] *= wscale;
        wscale = 1;
      }
      t++;
    }
    onEpoch?.(epoch, sumLoss / n);
    if (s.tol !== null && sumLoss > best - s.tol * n) noImprovement++;
    else noImprovement = 0;
    if (sumLoss < best) best = sumLoss;
    if (noImprovement >= s.nIterNoChange) {
      if (s.learningRate === 'adaptive' && eta > 1e-6) {
        eta /= 5;
        noImprovement = 0;
      } else {
        epoch++;
        break;
      }
    }
  }
  if (avgW && avgCount > 0) return { coef: avgW, intercept: avgB, nIter: epoch, t: t - 1 };
  for (let j = 0; j < p; j++) w[j] *= wscale;
  return { coef: w, intercept: b, nIter: epoch, t: t - 1 };
}
