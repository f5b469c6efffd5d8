/**
 * What BatchNorm1d and BatchNorm2d share: per-channel scale and shift, running estimates kept as
 * buffers, their options, and the spec that rebuilds them. Each subclass normalizes its own shape.
 */
import { Module, Parameter } from '../module.js';
import { type FloatDType, Tensor, allocFloat } from '../tensor.js';
import type { LayerSpec } from './registry.js';

/** Options of `BatchNorm1d` and `BatchNorm2d`. */
export interface BatchNormOptions {
  eps?: number;
  /** Weight of the newest batch in the running estimates (default 0.1). */
  momentum?: number;
  /** Learn a per-channel scale and shift (default true). */
  affine?: boolean;
  /** Keep running estimates for eval mode (default true). */
  trackRunningStats?: boolean;
  dtype?: FloatDType;
}

export abstract class BatchNorm extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number;
  weight: Parameter | null;
  bias: Parameter | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;
  readonly #layerType: string;

  protected constructor(layerType: string, numFeatures: number, options: BatchNormOptions) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures <= 0) throw new RangeError(`${layerType}: numFeatures must be a positive integer (got ${numFeatures}).`);
    this.#layerType = layerType;
    const dtype = options.dtype ?? 'float32';
    this.numFeatures = numFeatures;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    const affine = options.affine ?? true;
    this.weight = affine ? new Parameter(allocFloat(dtype, numFeatures).fill(1), [numFeatures]) : null;
    this.bias = affine ? new Parameter(allocFloat(dtype, numFeatures), [numFeatures]) : null;
    if (options.trackRunningStats ?? true) {
      this.runningMean = Tensor.fromData(allocFloat(dtype, numFeatures), [numFeatures]);
      this.runningVar = Tensor.fromData(allocFloat(dtype, numFeatures).fill(1), [numFeatures]);
      this.registerBuffer('runningMean', this.runningMean);
      this.registerBuffer('runningVar', this.runningVar);
    } else {
      this.runningMean = null;
      this.runningVar = null;
    }
  }

  spec(): LayerSpec {
    return {
      type: this.#layerType,
      config: { numFeatures: this.numFeatures, eps: this.eps, momentum: this.momentum, affine: this.weight !== null, trackRunningStats: this.runningMean !== null, dtype: this.runningMean?.dtype ?? this.weight?.dtype ?? 'float32' },
    };
  }
}
