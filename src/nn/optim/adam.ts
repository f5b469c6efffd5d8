/**
 * Adam and AdamW (PyTorch's `optim.Adam`/`optim.AdamW`): bias-corrected first and second moment
 * estimates; Adam adds weightDecay·w to the gradient, AdamW decays the weights directly.
 */
import type { Parameter } from '../module.js';
import type { FloatArray } from '../tensor.js';
import { Optimizer, type OptimizerOptions } from './optimizer.js';

/** Options of `Adam` and `AdamW`. */
export interface AdamOptions extends OptimizerOptions {
  betas?: [number, number];
  eps?: number;
}

/** Adam with L2 weight decay coupled into the gradient. */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  protected readonly slotCount = 2;
  protected readonly decoupled: boolean = false;

  constructor(params: Iterable<Parameter>, options: AdamOptions = {}) {
    super(params, options, 0.001);
    [this.beta1, this.beta2] = options.betas ?? [0.9, 0.999];
    this.eps = options.eps ?? 1e-8;
    for (const [name, b] of [['beta1', this.beta1], ['beta2', this.beta2]] as const) {
      if (!(b >= 0 && b < 1)) throw new RangeError(`${this.constructor.name}: ${name} must be in [0, 1) (got ${b}).`);
    }
  }

  protected update(w: FloatArray, g: FloatArray, slots: FloatArray[]): void {
    const t = this.stepCount;
    const stepSize = this.lr / (1 - this.beta1 ** t);
    const invBc2Sqrt = 1 / Math.sqrt(1 - this.beta2 ** t);
    if (this.decoupled) {
      const keep = 1 - this.lr * this.weightDecay;
      for (let i = 0; i < w.length; i++) w[i]! *= keep;
    }
    adamLoop(w, g, slots[0]!, slots[1]!, this.beta1, this.beta2, this.eps, stepSize, invBc2Sqrt, this.decoupled ? 0 : this.weightDecay);
  }
}

/** One Adam step over flat arrays (kept free of `this` so the engine compiles a tight loop). */
function adamLoop(
  w: FloatArray, g: FloatArray, m: FloatArray, v: FloatArray,
  b1: number, b2: number, eps: number, stepSize: number, invBc2Sqrt: number, l2: number,
): void {
  const c1 = 1 - b1;
  const c2 = 1 - b2;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    const d = g[i]! + l2 * wi;
    const mi = b1 * m[i]! + c1 * d;
    const vi = b2 * v[i]! + c2 * d * d;
    m[i] = mi;
    v[i] = vi;
    w[i] = wi - (stepSize * mi) / (Math.sqrt(vi) * invBc2Sqrt + eps);
  }
}

/** Adam with decoupled weight decay w ← w·(1 − lr·weightDecay) (default weightDecay 0.01). */
export class AdamW extends Adam {
  protected override readonly decoupled = true;

  constructor(params: Iterable<Parameter>, options: AdamOptions = {}) {
    super(params, { ...options, weightDecay: options.weightDecay ?? 0.01 });
  }
}
