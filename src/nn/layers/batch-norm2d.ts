/**
 * Batch normalization over (N, C, H, W) (PyTorch's `nn.BatchNorm2d`), as one fused op: per
 * channel, training normalizes with the batch mean and biased variance over N·H·W values and
 * updates the running estimates (variance unbiased, weight `momentum`); eval mode uses the
 * running estimates. Sums run in float64 whatever the element type.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { type FloatDType, Tensor, allocFloat } from '../tensor.js';
import { BatchNorm, type BatchNormOptions } from './batch-norm.js';
import { registerLayer } from './registry.js';

/** Options of `BatchNorm2d` (the same as BatchNorm1d's). */
export type BatchNorm2dOptions = BatchNormOptions;

/**
 * Per-channel normalization of (N, C, H, W).
 *
 * @example
 * const bn = new BatchNorm2d(16);
 * bn.call(x);      // training: batch statistics, running estimates updated
 * bn.eval().call(x); // inference: running estimates
 */
export class BatchNorm2d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm2d', numFeatures, options);
  }

  forward(x: Tensor): Tensor {
    const C = this.numFeatures;
    if (x.ndim !== 4 || x.shape[1] !== C) {
      throw new ShapeError(`BatchNorm2d(${C}): expected input of shape (N, ${C}, H, W) but got ${formatShape(x.shape)}.`);
    }
    const [N, , H, W] = x.shape as [number, number, number, number];
    const plane = H * W;
    const count = N * plane;
    const useBatch = this.training || this.runningMean === null || this.runningVar === null;
    if (useBatch && count <= 1 && this.training) {
      throw new ShapeError(`BatchNorm2d(${C}): training needs more than one value per channel; got input of shape ${formatShape(x.shape)}.`);
    }
    const xd = x.data;
    const mean = new Float64Array(C);
    const invStd = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      let mu: number, v: number;
      if (useBatch) {
        let s = 0;
        for (let n = 0; n < N; n++) {
          const off = (n * C + c) * plane;
          for (let t = 0; t < plane; t++) s += xd[off + t]!;
        }
        mu = s / count;
        let q = 0;
        for (let n = 0; n < N; n++) {
          const off = (n * C + c) * plane;
          for (let t = 0; t < plane; t++) {
            const d = xd[off + t]! - mu;
            q += d * d;
          }
        }
        v = q / count;
        if (this.training && this.runningMean !== null && this.runningVar !== null) {
          const m = this.momentum;
          this.runningMean.data[c] = (1 - m) * this.runningMean.data[c]! + m * mu;
          this.runningVar.data[c] = (1 - m) * this.runningVar.data[c]! + m * v * (count / (count - 1));
        }
      } else {
        mu = this.runningMean!.data[c]!;
        v = this.runningVar!.data[c]!;
      }
      mean[c] = mu;
      invStd[c] = 1 / Math.sqrt(v + this.eps);
    }
    const gamma = this.weight, beta = this.bias;
    const out = allocFloat(x.dtype, x.size);
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < C; c++) {
        const scale = invStd[c]! * (gamma === null ? 1 : gamma.data[c]!);
        const shift = (beta === null ? 0 : beta.data[c]!) - mean[c]! * scale;
        const off = (n * C + c) * plane;
        for (let t = 0; t < plane; t++) out[off + t] = xd[off + t]! * scale + shift;
      }
    }
    const parents = gamma !== null && beta !== null ? [x, gamma, beta] : [x];
    return Tensor.fromOp(out, x.shape, parents, (gy) => {
      const g = gy.data;
      const gx = x.requiresGrad ? allocFloat(x.dtype, x.size) : null;
      const gGamma = gamma !== null && gamma.requiresGrad ? allocFloat(gamma.dtype, C) : null;
      const gBeta = beta !== null && beta.requiresGrad ? allocFloat(beta.dtype, C) : null;
      for (let c = 0; c < C; c++) {
        const mu = mean[c]!, is = invStd[c]!;
        let sumG = 0, sumGX = 0;
        for (let n = 0; n < N; n++) {
          const off = (n * C + c) * plane;
          for (let t = 0; t < plane; t++) {
            sumG += g[off + t]!;
            sumGX += g[off + t]! * (xd[off + t]! - mu) * is;
          }
        }
        if (gGamma !== null) gGamma[c] = sumGX;
        if (gBeta !== null) gBeta[c] = sumG;
        if (gx === null) continue;
        const scale = is * (gamma === null ? 1 : gamma.data[c]!);
        for (let n = 0; n < N; n++) {
          const off = (n * C + c) * plane;
          if (useBatch) {
            // d/dx of the normalization through the batch mean and variance.
            const a = sumG / count, b = sumGX / count;
            for (let t = 0; t < plane; t++) gx[off + t] = scale * (g[off + t]! - a - (xd[off + t]! - mu) * is * b);
          } else {
            for (let t = 0; t < plane; t++) gx[off + t] = scale * g[off + t]!;
          }
        }
      }
      const grads: (Tensor | null)[] = [gx === null ? null : Tensor.fromData(gx, x.shape)];
      if (gamma !== null && beta !== null) {
        grads.push(gGamma === null ? null : Tensor.fromData(gGamma, gamma.shape), gBeta === null ? null : Tensor.fromData(gBeta, beta.shape));
      }
      return grads;
    });
  }
}

registerLayer('BatchNorm2d', (c) => new BatchNorm2d(c.numFeatures as number, {
  eps: c.eps as number, momentum: c.momentum as number, affine: c.affine as boolean, trackRunningStats: c.trackRunningStats as boolean, dtype: c.dtype as FloatDType,
}));
