/**
 * Classification losses: negative log-likelihood over log-probabilities, cross-entropy over
 * logits (with label smoothing, class indices or probability targets), and binary
 * cross-entropy over logits. Only `pickTargets` is a new primitive; the rest is composed.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Tensor, allocFloat } from '../tensor.js';
import { neg, softplus } from '../ops/elementwise.js';
import { logSoftmax } from '../ops/softmax.js';
import { sum } from '../ops/reduce.js';
import { type Reduction, reduce } from './reduction.js';

/** Class indices: integers in [0, C), one per sample. */
export type ClassTargets = Tensor | ArrayLike<number>;

function targetIndices(target: ClassTargets, n: number, c: number, what: string): ArrayLike<number> {
  const idx = target instanceof Tensor ? target.data : target;
  if (idx.length !== n) throw new ShapeError(`${what}: got ${idx.length} targets for ${n} samples.`);
  for (let i = 0; i < n; i++) {
    const t = idx[i]!;
    if (!Number.isInteger(t) || t < 0 || t >= c) throw new RangeError(`${what}: target ${t} of sample ${i} is not a class index in [0, ${c}).`);
  }
  return idx;
}

/** input[i, target[i]] for input (N, C): the differentiable gather under NLL. */
export function pickTargets(input: Tensor, target: ArrayLike<number>): Tensor {
  const [n, c] = input.shape as [number, number];
  const out = allocFloat(input.dtype, n);
  for (let i = 0; i < n; i++) out[i] = input.data[i * c + target[i]!]!;
  return Tensor.fromOp(out, [n], [input], (g) => {
    const t = allocFloat(input.dtype, input.size);
    for (let i = 0; i < n; i++) t[i * c + target[i]!] = g.data[i]!;
    return [Tensor.fromData(t, input.shape)];
  });
}

function check2d(input: Tensor, what: string): [number, number] {
  if (input.ndim !== 2) throw new ShapeError(`${what}: expected input of shape (N, C) but got ${formatShape(input.shape)}.`);
  return input.shape as [number, number];
}

/** Per-class weights as a (C) tensor of the input's dtype, checked. */
function classWeights(weight: Tensor | ArrayLike<number>, c: number, like: Tensor, what: string): Tensor {
  const values = weight instanceof Tensor ? weight.data : weight;
  if (values.length !== c) throw new ShapeError(`${what}: weight has ${values.length} entries but there are ${c} classes.`);
  const data = allocFloat(like.dtype, c);
  for (let j = 0; j < c; j++) data[j] = values[j]!;
  return Tensor.fromData(data, [c]);
}

/**
 * Per-sample losses `perSample` reduced; with class weights, the mean divides by the summed
 * weights of the samples' classes (PyTorch's weighted mean).
 */
function reduceWeighted(perSample: Tensor, reduction: Reduction, selected: Float64Array | null): Tensor {
  if (selected === null || reduction !== 'mean') return reduce(perSample, reduction);
  let total = 0;
  for (const w of selected) total += w;
  return sum(perSample).div(total);
}

/** Options of `nllLoss`. */
export interface NLLLossOptions {
  reduction?: Reduction;
  /** A weight per class (the loss of a sample is scaled by its class's weight). */
  weight?: Tensor | ArrayLike<number>;
}

/** Negative log-likelihood of class indices under log-probabilities (N, C) (PyTorch's `nll_loss`). */
export function nllLoss(logProbs: Tensor, target: ClassTargets, options: NLLLossOptions | Reduction = {}): Tensor {
  const o = typeof options === 'string' ? { reduction: options } : options;
  const [n, c] = check2d(logProbs, 'nllLoss');
  const idx = targetIndices(target, n, c, 'nllLoss');
  let perSample = neg(pickTargets(logProbs, idx));
  let selected: Float64Array | null = null;
  if (o.weight !== undefined) {
    const w = classWeights(o.weight, c, logProbs, 'nllLoss');
    const perClass = allocFloat(logProbs.dtype, n);
    for (let i = 0; i < n; i++) perClass[i] = w.data[idx[i]!]!;
    selected = Float64Array.from(perClass);
    perSample = perSample.mul(Tensor.fromData(perClass, [n]));
  }
  return reduceWeighted(perSample, o.reduction ?? 'mean', selected);
}

/** Options of `crossEntropy`. */
export interface CrossEntropyOptions {
  reduction?: Reduction;
  /** Mixes the targets with the uniform distribution: (1−ε)·onehot + ε/C (default 0). */
  labelSmoothing?: number;
  /** A weight per class, as in PyTorch (weighted mean over the samples' class weights). */
  weight?: Tensor | ArrayLike<number>;
}

/**
 * Cross-entropy of logits (N, C) against class indices, or against class probabilities when
 * `target` is a Tensor of the same shape as the logits (PyTorch's `cross_entropy`, including its
 * rules for combining class weights with label smoothing).
 */
export function crossEntropy(logits: Tensor, target: ClassTargets, options: CrossEntropyOptions = {}): Tensor {
  const [n, c] = check2d(logits, 'crossEntropy');
  const eps = options.labelSmoothing ?? 0;
  if (!(eps >= 0 && eps <= 1)) throw new RangeError(`crossEntropy: labelSmoothing must be in [0, 1] (got ${eps}).`);
  const reduction = options.reduction ?? 'mean';
  const w = options.weight === undefined ? null : classWeights(options.weight, c, logits, 'crossEntropy');
  const logp = logSoftmax(logits, 1);
  const weighted = w === null ? logp : logp.mul(w);
  if (target instanceof Tensor && target.ndim === 2) {
    if (target.shape[0] !== n || target.shape[1] !== c) {
      throw new ShapeError(`crossEntropy: probability targets have shape ${formatShape(target.shape)} but the logits have ${formatShape(logits.shape)}.`);
    }
    const probs = eps === 0 ? target : target.mul(1 - eps).add(eps / c);
    return reduce(neg(sum(weighted.mul(probs), 1)), reduction);
  }
  const idx = targetIndices(target, n, c, 'crossEntropy');
  let perSample = neg(pickTargets(weighted, idx));
  if (eps > 0) perSample = perSample.mul(1 - eps).sub(sum(weighted, 1).mul(eps / c));
  const selected = w === null ? null : Float64Array.from({ length: n }, (_, i) => w.data[idx[i]!]!);
  return reduceWeighted(perSample, reduction, selected);
}

/**
 * Binary cross-entropy of logits against targets in [0, 1] (PyTorch's
 * `binary_cross_entropy_with_logits`): softplus(x) − x·y, stable for large |x|.
 */
export function bceWithLogits(logits: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (logits.size !== target.size) {
    throw new ShapeError(`bceWithLogits: logits have shape ${formatShape(logits.shape)} but target has shape ${formatShape(target.shape)}.`);
  }
  const y = target.ndim === logits.ndim ? target : Tensor.fromData(target.data, logits.shape);
  return reduce(softplus(logits).sub(logits.mul(y)), reduction);
}
