/**
 * Batch normalization over (N, C) or (N, C, L) inputs (PyTorch's `nn.BatchNorm1d`): in training,
 * normalizes with the batch's mean and biased variance per channel and updates running
 * estimates (variance unbiased); in eval mode, uses the running estimates.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module, Parameter } from '../module.js';
import { type FloatDType, Tensor, allocFloat, noGrad } from '../tensor.js';
import { mean } from '../ops/reduce.js';
import { reshape } from '../ops/shape.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `BatchNorm1d`. */
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

/** Per-channel normalization of (N, C) or (N, C, L). */
export class BatchNorm1d extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number;
  weight: Parameter | null;
  bias: Parameter | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;

  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures <= 0) throw new RangeError(`BatchNorm1d: numFeatures must be a positive integer (got ${numFeatures}).`);
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

  forward(x: Tensor): Tensor {
    const c = this.numFeatures;
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[1] !== c) {
      throw new ShapeError(`BatchNorm1d(${c}): expected input of shape (N, ${c}) or (N, ${c}, L) but got ${formatShape(x.shape)}.`);
    }
    const axes = x.ndim === 2 ? [0] : [0, 2];
    const paramShape = x.ndim === 2 ? [c] : [c, 1];
    const { runningMean, runningVar } = this;
    let centered: Tensor;
    let invStd: Tensor;
    if (this.training || runningMean === null || runningVar === null) {
      const count = x.size / c;
      if (count <= 1 && this.training) throw new ShapeError(`BatchNorm1d(${c}): training needs more than one value per channel; got input of shape ${formatShape(x.shape)}.`);
      const mu = mean(x, axes, true);
      centered = x.sub(mu);
      const v = mean(centered.mul(centered), axes, true);
      invStd = v.add(this.eps).sqrt();
      if (this.training && runningMean !== null && runningVar !== null) {
        const m = this.momentum;
        const unbias = count / (count - 1);
        noGrad(() => {
          for (let j = 0; j < c; j++) {
            runningMean.data[j] = (1 - m) * runningMean.data[j]! + m * mu.data[j]!;
            runningVar.data[j] = (1 - m) * runningVar.data[j]! + m * v.data[j]! * unbias;
          }
        });
      }
    } else {
      centered = x.sub(reshape(runningMean, paramShape));
      invStd = reshape(runningVar, paramShape).add(this.eps).sqrt();
    }
    let y = centered.div(invStd);
    if (this.weight !== null && this.bias !== null) y = y.mul(reshape(this.weight, paramShape)).add(reshape(this.bias, paramShape));
    return y;
  }

  spec(): LayerSpec {
    return {
      type: 'BatchNorm1d',
      config: { numFeatures: this.numFeatures, eps: this.eps, momentum: this.momentum, affine: this.weight !== null, trackRunningStats: this.runningMean !== null, dtype: this.runningMean?.dtype ?? this.weight?.dtype ?? 'float32' },
    };
  }
}

registerLayer('BatchNorm1d', (c) => new BatchNorm1d(c.numFeatures as number, c as BatchNormOptions));
