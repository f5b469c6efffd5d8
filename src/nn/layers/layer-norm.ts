/**
 * Layer normalization over the trailing `normalizedShape` dimensions (PyTorch's `nn.LayerNorm`):
 * (x − mean) / √(var + eps), biased variance, then an element-wise scale and shift.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module, Parameter } from '../module.js';
import { type FloatDType, type Tensor, allocFloat } from '../tensor.js';
import { mean } from '../ops/reduce.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `LayerNorm`. */
export interface LayerNormOptions {
  eps?: number;
  /** Learn an element-wise scale and shift (default true). */
  elementwiseAffine?: boolean;
  dtype?: FloatDType;
}

/** Normalizes each sample over its last dimensions. */
export class LayerNorm extends Module {
  readonly normalizedShape: readonly number[];
  readonly eps: number;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : normalizedShape.slice();
    this.eps = options.eps ?? 1e-5;
    const size = this.normalizedShape.reduce((a, b) => a * b, 1);
    const dtype = options.dtype ?? 'float32';
    const affine = options.elementwiseAffine ?? true;
    this.weight = affine ? new Parameter(allocFloat(dtype, size).fill(1), this.normalizedShape) : null;
    this.bias = affine ? new Parameter(allocFloat(dtype, size), this.normalizedShape) : null;
  }

  forward(x: Tensor): Tensor {
    const k = this.normalizedShape.length;
    const tail = x.shape.slice(x.ndim - k);
    if (x.ndim < k || tail.some((d, i) => d !== this.normalizedShape[i])) {
      throw new ShapeError(`LayerNorm${formatShape(this.normalizedShape)}: expected input of shape (…, ${this.normalizedShape.join(', ')}) but got ${formatShape(x.shape)}.`);
    }
    const axes = Array.from({ length: k }, (_, i) => x.ndim - k + i);
    const centered = x.sub(mean(x, axes, true));
    const v = mean(centered.mul(centered), axes, true);
    let y = centered.div(v.add(this.eps).sqrt());
    if (this.weight !== null && this.bias !== null) y = y.mul(this.weight).add(this.bias);
    return y;
  }

  spec(): LayerSpec {
    return { type: 'LayerNorm', config: { normalizedShape: this.normalizedShape.slice(), eps: this.eps, elementwiseAffine: this.weight !== null, dtype: this.weight?.dtype ?? 'float32' } };
  }
}

registerLayer('LayerNorm', (c) => new LayerNorm(c.normalizedShape as number[], c as LayerNormOptions));
