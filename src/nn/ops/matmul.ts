/**
 * Matrix products: `matmul` (2-d, batched with a shared right-hand matrix, or batched pairs) and
 * `linear` (x·Wᵀ + b fused into one op, the dense layer's whole forward and backward).
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { DTypeError } from '../../tensor/index.js';
import { Tensor, allocFloat } from '../tensor.js';
import { gemm } from './gemm.js';
import { reshape } from './shape.js';

function sameDType(a: Tensor, b: Tensor, what: string): void {
  if (a.dtype !== b.dtype) throw new DTypeError(`${what}: operands have dtypes ${a.dtype} and ${b.dtype}; convert one with .to('${a.dtype}').`);
}

/**
 * Matrix product. a (..., m, k) · b (k, n) → (..., m, n); a (..., m, k) · b (..., k, n) with equal
 * batch dimensions → (..., m, n); 1-d operands are treated as a row (a) or column (b) vector and
 * that dimension is dropped from the result.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  sameDType(a, b, 'matmul');
  if (a.ndim === 0 || b.ndim === 0) throw new ShapeError('matmul: operands must have at least one dimension; use mul for scalars.');
  if (a.ndim === 1) return reshape(matmul(reshape(a, [1, a.size]), b), b.ndim === 1 ? [] : [...b.shape.slice(0, -2), b.shape[b.ndim - 1]!]);
  if (b.ndim === 1) return reshape(matmul(a, reshape(b, [b.size, 1])), a.shape.slice(0, -1));
  const m = a.shape[a.ndim - 2]!;
  const k = a.shape[a.ndim - 1]!;
  const kb = b.shape[b.ndim - 2]!;
  const n = b.shape[b.ndim - 1]!;
  if (k !== kb) throw new ShapeError(`matmul: inner dimensions differ: ${formatShape(a.shape)} · ${formatShape(b.shape)} (${k} vs ${kb}).`);
  const batchShape = a.shape.slice(0, -2);
  const outShape = [...batchShape, m, n];
  if (b.ndim === 2) {
    const rows = a.size / k;
    const out = allocFloat(a.dtype, rows * n);
    gemm(false, false, rows, n, k, a.data, 0, b.data, 0, out, 0);
    return Tensor.fromOp(out, outShape, [a, b], (g) => {
      let ga: Tensor | null = null;
      let gb: Tensor | null = null;
      if (a.requiresGrad) {
        const t = allocFloat(a.dtype, a.size);
        gemm(false, true, rows, k, n, g.data, 0, b.data, 0, t, 0);
        ga = Tensor.fromData(t, a.shape);
      }
      if (b.requiresGrad) {
        const t = allocFloat(a.dtype, b.size);
        gemm(true, false, k, n, rows, a.data, 0, g.data, 0, t, 0);
        gb = Tensor.fromData(t, b.shape);
      }
      return [ga, gb];
    });
  }
  const bBatch = b.shape.slice(0, -2);
  if (bBatch.length !== batchShape.length || bBatch.some((d, i) => d !== batchShape[i])) {
    throw new ShapeError(`matmul: batch dimensions differ: ${formatShape(a.shape)} · ${formatShape(b.shape)}; give b the same leading dimensions as a (or make it 2-d).`);
  }
  let batches = 1;
  for (const d of batchShape) batches *= d;
  const out = allocFloat(a.dtype, batches * m * n);
  for (let i = 0; i < batches; i++) gemm(false, false, m, n, k, a.data, i * m * k, b.data, i * k * n, out, i * m * n);
  return Tensor.fromOp(out, outShape, [a, b], (g) => {
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (a.requiresGrad) {
      const t = allocFloat(a.dtype, a.size);
      for (let i = 0; i < batches; i++) gemm(false, true, m, k, n, g.data, i * m * n, b.data, i * k * n, t, i * m * k);
      ga = Tensor.fromData(t, a.shape);
    }
    if (b.requiresGrad) {
      const t = allocFloat(a.dtype, b.size);
      for (let i = 0; i < batches; i++) gemm(true, false, k, n, m, a.data, i * m * k, g.data, i * m * n, t, i * k * n);
      gb = Tensor.fromData(t, b.shape);
    }
    return [ga, gb];
  });
}

/**
 * x·Wᵀ + b for x (..., in), weight (out, in), bias (out) or null: PyTorch's `F.linear`.
 * `layer` names the caller in shape errors.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null, layer = 'linear'): Tensor {
  const outF = weight.shape[0]!;
  const inF = weight.shape[1]!;
  const last = x.shape[x.ndim - 1];
  if (x.ndim === 0 || last !== inF) {
    throw new ShapeError(`${layer}: expected input of shape (…, ${inF}) but got ${formatShape(x.shape)}.`);
  }
  sameDType(x, weight, layer);
  const rows = x.size / inF;
  const out = allocFloat(x.dtype, rows * outF);
  gemm(false, true, rows, outF, inF, x.data, 0, weight.data, 0, out, 0);
  if (bias !== null) {
    const bd = bias.data;
    for (let r = 0, p = 0; r < rows; r++) for (let j = 0; j < outF; j++, p++) out[p]! += bd[j]!;
  }
  const parents = bias === null ? [x, weight] : [x, weight, bias];
  return Tensor.fromOp(out, [...x.shape.slice(0, -1), outF], parents, (g) => {
    const gd = g.data;
    let gx: Tensor | null = null;
    let gw: Tensor | null = null;
    let gb: Tensor | null = null;
    if (x.requiresGrad) {
      const t = allocFloat(x.dtype, x.size);
      gemm(false, false, rows, inF, outF, gd, 0, weight.data, 0, t, 0);
      gx = Tensor.fromData(t, x.shape);
    }
    if (weight.requiresGrad) {
      const t = allocFloat(x.dtype, weight.size);
      gemm(true, false, outF, inF, rows, gd, 0, x.data, 0, t, 0);
      gw = Tensor.fromData(t, weight.shape);
    }
    if (bias !== null && bias.requiresGrad) {
      const acc = new Float64Array(outF);
      for (let r = 0, p = 0; r < rows; r++) for (let j = 0; j < outF; j++, p++) acc[j]! += gd[p]!;
      gb = Tensor.fromData(x.dtype === 'float64' ? acc : Float32Array.from(acc), bias.shape);
    }
    return [gx, gw, gb];
  });
}
