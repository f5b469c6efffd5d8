/** RMSprop (PyTorch's `optim.RMSprop`), optionally centered and with momentum. */
import type { Parameter } from '../module.js';
import type { FloatArray } from '../tensor.js';
import { Optimizer, type OptimizerOptions } from './optimizer.js';

/** Options of `RMSprop`. */
export interface RMSpropOptions extends OptimizerOptions {
  alpha?: number;
  eps?: number;
  momentum?: number;
  centered?: boolean;
}

/**
 * s ← α·s + (1 − α)·g²; w ← w − lr·g / (√s + eps) (with the mean gradient subtracted inside the
 * root when centered, and a momentum buffer when momentum > 0).
 */
export class RMSprop extends Optimizer {
  readonly alpha: number;
  readonly eps: number;
  readonly momentum: number;
  readonly centered: boolean;
  protected readonly slotCount = 3;

  constructor(params: Iterable<Parameter>, options: RMSpropOptions = {}) {
    super(params, options, 0.01);
    this.alpha = options.alpha ?? 0.99;
    this.eps = options.eps ?? 1e-8;
    this.momentum = options.momentum ?? 0;
    this.centered = options.centered ?? false;
  }

  protected update(w: FloatArray, g: FloatArray, slots: FloatArray[]): void {
    const [sq, avg, buf] = slots as [FloatArray, FloatArray, FloatArray];
    const { alpha, eps, momentum, centered, lr, weightDecay: wd } = this;
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const d = g[i]! + wd * w[i]!;
      const s = alpha * sq[i]! + (1 - alpha) * d * d;
      sq[i] = s;
      let denom: number;
      if (centered) {
        const a = alpha * avg[i]! + (1 - alpha) * d;
        avg[i] = a;
        denom = Math.sqrt(s - a * a) + eps;
      } else denom = Math.sqrt(s) + eps;
      if (momentum > 0) {
        const b = momentum * buf[i]! + d / denom;
        buf[i] = b;
        w[i]! -= lr * b;
      } else w[i]! -= (lr * d) / denom;
    }
  }
}
