/** The dense layer y = x·Wᵀ + b (PyTorch's `nn.Linear`, Keras' `Dense` without activation). */
import { Module, Parameter } from '../module.js';
import { type FloatDType, type Tensor, allocFloat } from '../tensor.js';
import { linear } from '../ops/matmul.js';
import { defaultLayerInit } from '../init.js';
import { type Rng, rngFrom } from '../random.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `Linear`. */
export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  dtype?: FloatDType;
  /** Seed or generator for the initial weights (default: the nn default generator). */
  seed?: number | Rng;
}

/**
 * Applies x·Wᵀ + b to the last dimension: input (…, inFeatures) → (…, outFeatures). Weights start
 * as in PyTorch: U(−1/√in, 1/√in).
 *
 * @example
 * const fc = new Linear(4, 2, { seed: 0 });
 * fc.call(zeros([8, 4])).shape; // [8, 2]
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    for (const [name, v] of [['inFeatures', inFeatures], ['outFeatures', outFeatures]] as const) {
      if (!Number.isInteger(v) || v <= 0) throw new RangeError(`Linear: ${name} must be a positive integer (got ${v}).`);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const dtype = options.dtype ?? 'float32';
    this.weight = new Parameter(allocFloat(dtype, outFeatures * inFeatures), [outFeatures, inFeatures]);
    this.bias = options.bias === false ? null : new Parameter(allocFloat(dtype, outFeatures), [outFeatures]);
    defaultLayerInit(this.weight, this.bias, { rng: rngFrom(options.seed) });
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias, `Linear(${this.inFeatures}→${this.outFeatures})`);
  }

  spec(): LayerSpec {
    return { type: 'Linear', config: { inFeatures: this.inFeatures, outFeatures: this.outFeatures, bias: this.bias !== null, dtype: this.weight.dtype } };
  }
}

registerLayer('Linear', (c) => new Linear(c.inFeatures as number, c.outFeatures as number, { bias: c.bias as boolean, dtype: c.dtype as FloatDType, seed: 0 }));
