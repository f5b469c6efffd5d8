/**
 * Differentiable pooling ops over (N, C, H, W) (and (N, C, L) through H = 1): max pooling keeps
 * each window's argmax for the backward pass; average and adaptive average pooling spread the
 * gradient evenly over their windows. The loops are in kernels/pooling.ts.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import {
  type PoolGeometry, adaptiveAvgPoolBackward, adaptiveAvgPoolForward, avgPoolBackward, avgPoolForward, convOutSize,
  maxPoolBackward, maxPoolForward,
} from '../../kernels/index.js';
import { Tensor, allocFloat, emptyFloat } from '../tensor.js';

/** Window of a 2-D pool: kernel, stride, padding, dilation per axis. */
export interface Pool2dParams {
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
}

function geometry(x: Tensor, p: Pool2dParams, layer: string): { g: PoolGeometry; outH: number; outW: number } {
  if (x.ndim !== 4) throw new ShapeError(`${layer}: expected input of shape (N, C, H, W) but got ${formatShape(x.shape)}.`);
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const g: PoolGeometry = {
    planes: N * C, height: H, width: W, kernelH: p.kernel[0], kernelW: p.kernel[1], strideH: p.stride[0], strideW: p.stride[1],
    padH: p.padding[0], padW: p.padding[1], dilationH: p.dilation[0], dilationW: p.dilation[1],
  };
  if (2 * g.padH > g.kernelH || 2 * g.padW > g.kernelW) {
    throw new RangeError(`${layer}: padding must be at most half the kernel size (kernel ${g.kernelH}×${g.kernelW}, padding ${g.padH}×${g.padW}).`);
  }
  const outH = convOutSize(H, g.kernelH, g.strideH, g.padH, g.dilationH), outW = convOutSize(W, g.kernelW, g.strideW, g.padW, g.dilationW);
  if (outH <= 0 || outW <= 0) throw new ShapeError(`${layer}: input of shape ${formatShape(x.shape)} is smaller than the pooling window ${g.kernelH}×${g.kernelW}.`);
  return { g, outH, outW };
}

/**
 * Argmax arrays of finished max pools, by length, for the next pool of the same size (a training
 * loop asks for the same sizes every step). An array returns here once the backward pass has
 * used it, or at once when no graph was recorded.
 */
const spareArgmax = new Map<number, Int32Array[]>();
const SPARES_PER_SIZE = 4;

function returnArgmax(a: Int32Array): void {
  const list = spareArgmax.get(a.length) ?? [];
  if (list.length < SPARES_PER_SIZE) list.push(a);
  spareArgmax.set(a.length, list);
}

/** Max pooling of x (N, C, H, W) → (N, C, outH, outW). */
export function maxPool2d(x: Tensor, p: Pool2dParams, layer = 'maxPool2d'): Tensor {
  const { g, outH, outW } = geometry(x, p, layer);
  const count = g.planes * outH * outW;
  const out = emptyFloat(x.dtype, count);
  let argmax: Int32Array | null = spareArgmax.get(count)?.pop() ?? new Int32Array(count); // every entry is written
  maxPoolForward(g, x.data, out, argmax);
  const result = Tensor.fromOp(out, [x.shape[0]!, x.shape[1]!, outH, outW], [x], (gy) => {
    // A second backward pass over the same graph finds the argmax handed back and recomputes it.
    const winners = argmax ?? new Int32Array(count);
    if (argmax === null) maxPoolForward(g, x.data, emptyFloat(x.dtype, count), winners);
    const gx = allocFloat(x.dtype, x.size);
    maxPoolBackward(g, gy.data, winners, gx);
    argmax = null;
    returnArgmax(winners);
    return [Tensor.fromData(gx, x.shape)];
  });
  if (!result.requiresGrad) {
    returnArgmax(argmax);
    argmax = null;
  }
  return result;
}

/** Average pooling of x (N, C, H, W) (no dilation); `countIncludePad` as PyTorch's count_include_pad. */
export function avgPool2d(x: Tensor, p: Omit<Pool2dParams, 'dilation'>, countIncludePad = true, layer = 'avgPool2d'): Tensor {
  const { g, outH, outW } = geometry(x, { ...p, dilation: [1, 1] }, layer);
  const out = allocFloat(x.dtype, g.planes * outH * outW);
  avgPoolForward(g, x.data, out, countIncludePad);
  return Tensor.fromOp(out, [x.shape[0]!, x.shape[1]!, outH, outW], [x], (gy) => {
    const gx = allocFloat(x.dtype, x.size);
    avgPoolBackward(g, gy.data, gx, countIncludePad);
    return [Tensor.fromData(gx, x.shape)];
  });
}

/** Adaptive average pooling of x (N, C, H, W) to (N, C, outH, outW) (PyTorch's window rule). */
export function adaptiveAvgPool2d(x: Tensor, outH: number, outW: number, layer = 'adaptiveAvgPool2d'): Tensor {
  if (x.ndim !== 4) throw new ShapeError(`${layer}: expected input of shape (N, C, H, W) but got ${formatShape(x.shape)}.`);
  const [N, C, H, W] = x.shape as [number, number, number, number];
  if (H === 0 || W === 0) throw new ShapeError(`${layer}: input of shape ${formatShape(x.shape)} has an empty spatial dimension.`);
  const out = allocFloat(x.dtype, N * C * outH * outW);
  adaptiveAvgPoolForward(N * C, H, W, outH, outW, x.data, out);
  return Tensor.fromOp(out, [N, C, outH, outW], [x], (gy) => {
    const gx = allocFloat(x.dtype, x.size);
    adaptiveAvgPoolBackward(N * C, H, W, outH, outW, gy.data, gx);
    return [Tensor.fromData(gx, x.shape)];
  });
}
