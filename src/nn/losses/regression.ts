/** Regression losses built from primitives: squared error, absolute error and Huber. */
import { ShapeError, formatShape } from '../../tensor/index.js';
import type { Tensor } from '../tensor.js';
import { abs, where } from '../ops/elementwise.js';
import { type Reduction, reduce } from './reduction.js';

function checkSame(input: Tensor, target: Tensor, what: string): void {
  if (input.size !== target.size || input.ndim !== target.ndim || input.shape.some((d, i) => d !== target.shape[i])) {
    throw new ShapeError(`${what}: input has shape ${formatShape(input.shape)} but target has shape ${formatShape(target.shape)}; they must be equal.`);
  }
}

/** Mean squared error (PyTorch's `mse_loss`). */
export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  checkSame(input, target, 'mseLoss');
  const d = input.sub(target);
  return reduce(d.mul(d), reduction);
}

/** Mean absolute error (PyTorch's `l1_loss`). */
export function l1Loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  checkSame(input, target, 'l1Loss');
  return reduce(abs(input.sub(target)), reduction);
}

/** Huber loss: ½d² where |d| < δ, else δ(|d| − ½δ) (PyTorch's `huber_loss`). */
export function huberLoss(input: Tensor, target: Tensor, delta = 1, reduction: Reduction = 'mean'): Tensor {
  checkSame(input, target, 'huberLoss');
  if (!(delta > 0)) throw new RangeError(`huberLoss: delta must be positive (got ${delta}).`);
  const d = input.sub(target);
  const a = abs(d);
  const m = a.detach().clone();
  for (let i = 0; i < m.size; i++) m.data[i] = m.data[i]! < delta ? 1 : 0;
  return reduce(where(m, d.mul(d).mul(0.5), a.sub(0.5 * delta).mul(delta)), reduction);
}
