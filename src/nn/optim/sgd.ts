/** Stochastic gradient descent with momentum, dampening, Nesterov momentum and weight decay (PyTorch's `optim.SGD`). */
import type { Parameter } from '../module.js';
import type { FloatArray } from '../tensor.js';
import { Optimizer, type OptimizerOptions } from './optimizer.js';

/** Options of `SGD`. */
export interface SGDOptions extends OptimizerOptions {
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
}

/**
 * w ← w − lr·d, where d is the gradient (plus weightDecay·w), or a momentum buffer
 * b ← μ·b + (1 − dampening)·g (b = g on the first step), or g + μ·b with Nesterov.
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  protected readonly slotCount: number;

  constructor(params: Iterable<Parameter>, options: SGDOptions = {}) {
    super(params, options, 0.01);
    this.momentum = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.nesterov = options.nesterov ?? false;
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new RangeError('SGD: Nesterov momentum needs momentum > 0 and dampening 0.');
    }
    this.slotCount = this.momentum !== 0 ? 1 : 0;
  }

  protected update(w: FloatArray, g: FloatArray, slots: FloatArray[]): void {
    const lr = this.lr;
    const wd = this.weightDecay;
    const mu = this.momentum;
    const n = w.length;
    if (mu === 0) {
      for (let i = 0; i < n; i++) w[i]! -= lr * (g[i]! + wd * w[i]!);
      return;
    }
    const buf = slots[0]!;
    const first = this.stepCount === 1;
    const damp = 1 - this.dampening;
    for (let i = 0; i < n; i++) {
      const d = g[i]! + wd * w[i]!;
      const b = first ? d : mu * buf[i]! + damp * d;
      buf[i] = b;
      w[i]! -= lr * (this.nesterov ? d + mu * b : b);
    }
  }
}
