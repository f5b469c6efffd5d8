/**
 * The optimizer contract: a list of parameters, a learning rate that schedulers may change, and
 * `step()` updating the parameters in place from their `.grad`. Per-parameter state lives in
 * typed arrays allocated on the first step and reused, so a step allocates nothing.
 */
import type { Parameter } from '../module.js';
import type { FloatArray } from '../tensor.js';

/** Options every optimizer takes. */
export interface OptimizerOptions {
  lr?: number;
  /** L2 penalty added to the gradient (decoupled for AdamW). */
  weightDecay?: number;
}

/** Base of SGD, Adam, AdamW and RMSprop. */
export abstract class Optimizer {
  readonly params: readonly Parameter[];
  /** Current learning rate (schedulers set it). */
  lr: number;
  /** The learning rate the optimizer was created with. */
  readonly initialLr: number;
  readonly weightDecay: number;
  /** Steps taken. */
  stepCount = 0;
  private readonly slots = new Map<Parameter, FloatArray[]>();

  constructor(params: Iterable<Parameter>, options: OptimizerOptions, defaultLr: number) {
    this.params = [...params];
    if (this.params.length === 0) throw new RangeError(`${this.constructor.name}: got no parameters to optimize.`);
    this.lr = options.lr ?? defaultLr;
    if (!(this.lr >= 0)) throw new RangeError(`${this.constructor.name}: lr must be non-negative (got ${this.lr}).`);
    this.initialLr = this.lr;
    this.weightDecay = options.weightDecay ?? 0;
  }

  /** Updates every parameter that has a gradient. */
  step(): void {
    this.stepCount++;
    for (const p of this.params) {
      if (p.grad === null) continue;
      this.update(p.data, p.grad.data, this.state(p));
    }
  }

  /** Drops the gradients of the parameters. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }

  /** Number of state arrays per parameter (momentum buffers, moments…). */
  protected abstract readonly slotCount: number;

  /** Updates one parameter's values `w` in place from gradient `g`. */
  protected abstract update(w: FloatArray, g: FloatArray, slots: FloatArray[]): void;

  private state(p: Parameter): FloatArray[] {
    let s = this.slots.get(p);
    if (s === undefined) {
      s = Array.from({ length: this.slotCount }, () => (p.dtype === 'float64' ? new Float64Array(p.size) : new Float32Array(p.size)));
      this.slots.set(p, s);
    }
    return s;
  }
}
