/**
 * Batch normalization over (N, C) or (N, C, L) inputs (PyTorch's `nn.BatchNorm1d`): in training,
 * normalizes with the batch's mean and biased variance per channel and updates running
 * estimates (variance unbiased); in eval mode, uses the running estimates.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Tensor, noGrad } from '../tensor.js';
import { mean } from '../ops/reduce.js';
import { reshape } from '../ops/shape.js';
import { BatchNorm, type BatchNormOptions } from './batch-norm.js';
import { registerLayer } from './registry.js';

export type { BatchNormOptions } from './batch-norm.js';

/** Per-channel normalization of (N, C) or (N, C, L). */
export class BatchNorm1d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm1d', numFeatures, options);
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
}

registerLayer('BatchNorm1d', (c) => new BatchNorm1d(c.numFeatures as number, c as BatchNormOptions));
