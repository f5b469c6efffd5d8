/** Loss functions as modules (PyTorch's `nn.MSELoss`, …), each a thin wrapper of its function. */
import { Module } from '../module.js';
import type { Tensor } from '../tensor.js';
import type { Reduction } from './reduction.js';
import { huberLoss, l1Loss, mseLoss } from './regression.js';
import { type ClassTargets, type CrossEntropyOptions, type NLLLossOptions, bceWithLogits, crossEntropy, nllLoss } from './classification.js';

/** Mean squared error. */
export class MSELoss extends Module<[Tensor, Tensor]> {
  constructor(readonly reduction: Reduction = 'mean') { super(); }
  forward(input: Tensor, target: Tensor): Tensor { return mseLoss(input, target, this.reduction); }
}

/** Mean absolute error. */
export class L1Loss extends Module<[Tensor, Tensor]> {
  constructor(readonly reduction: Reduction = 'mean') { super(); }
  forward(input: Tensor, target: Tensor): Tensor { return l1Loss(input, target, this.reduction); }
}

/** Huber loss with threshold `delta`. */
export class HuberLoss extends Module<[Tensor, Tensor]> {
  constructor(readonly delta = 1, readonly reduction: Reduction = 'mean') { super(); }
  forward(input: Tensor, target: Tensor): Tensor { return huberLoss(input, target, this.delta, this.reduction); }
}

/** Cross-entropy over logits, optionally with label smoothing. */
export class CrossEntropyLoss extends Module<[Tensor, ClassTargets]> {
  constructor(readonly options: CrossEntropyOptions = {}) { super(); }
  forward(logits: Tensor, target: ClassTargets): Tensor { return crossEntropy(logits, target, this.options); }
}

/** Negative log-likelihood over log-probabilities. */
export class NLLLoss extends Module<[Tensor, ClassTargets]> {
  constructor(readonly options: NLLLossOptions = {}) { super(); }
  forward(logProbs: Tensor, target: ClassTargets): Tensor { return nllLoss(logProbs, target, this.options); }
}

/** Binary cross-entropy over logits. */
export class BCEWithLogitsLoss extends Module<[Tensor, Tensor]> {
  constructor(readonly reduction: Reduction = 'mean') { super(); }
  forward(logits: Tensor, target: Tensor): Tensor { return bceWithLogits(logits, target, this.reduction); }
}
