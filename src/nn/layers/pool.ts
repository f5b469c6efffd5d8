/**
 * Pooling layers (PyTorch's `nn.MaxPool1d`, `nn.MaxPool2d`, `nn.AvgPool2d`,
 * `nn.AdaptiveAvgPool2d`): no parameters, windows as in PyTorch (stride defaults to the kernel
 * size; padding at most half the kernel; floor rounding of the output size).
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module } from '../module.js';
import type { Tensor } from '../tensor.js';
import { adaptiveAvgPool2d, avgPool2d, maxPool2d } from './pool-op.js';
import { type LayerSpec, registerLayer } from './registry.js';

type Pair = number | readonly [number, number] | readonly number[];

function pair(layer: string, name: string, v: Pair, min: number): [number, number] {
  const out = typeof v === 'number' ? [v, v] : [...v];
  if (out.length !== 2 || out.some((d) => !Number.isInteger(d) || d < min)) {
    throw new RangeError(`${layer}: ${name} must be an integer ≥ ${min} or two of them (got ${JSON.stringify(v)}).`);
  }
  return out as [number, number];
}

function single(layer: string, name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${layer}: ${name} must be an integer ≥ ${min} (got ${v}).`);
  return v;
}

/** Options of the 2-D pools. */
export interface Pool2dOptions {
  /** Default: the kernel size. */
  stride?: Pair;
  padding?: Pair;
}

function checkRank(layer: string, x: Tensor, rank: number, names: string): void {
  if (x.ndim !== rank) throw new ShapeError(`${layer}: expected input of shape (N, C, ${names}) but got ${formatShape(x.shape)}.`);
}

/**
 * 2-D max pooling: (N, C, H, W) → (N, C, outH, outW).
 *
 * @example
 * new MaxPool2d(2).call(zeros([1, 16, 28, 28])).shape; // [1, 16, 14, 14]
 */
export class MaxPool2d extends Module {
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];

  constructor(kernelSize: Pair, options: Pool2dOptions & { dilation?: Pair } = {}) {
    super();
    this.kernelSize = pair('MaxPool2d', 'kernelSize', kernelSize, 1);
    this.stride = pair('MaxPool2d', 'stride', options.stride ?? this.kernelSize, 1);
    this.padding = pair('MaxPool2d', 'padding', options.padding ?? 0, 0);
    this.dilation = pair('MaxPool2d', 'dilation', options.dilation ?? 1, 1);
  }

  forward(x: Tensor): Tensor {
    const layer = `MaxPool2d(${this.kernelSize.join('×')})`;
    checkRank(layer, x, 4, 'H, W');
    return maxPool2d(x, { kernel: this.kernelSize, stride: this.stride, padding: this.padding, dilation: this.dilation }, layer);
  }

  spec(): LayerSpec {
    return { type: 'MaxPool2d', config: { kernelSize: this.kernelSize, stride: this.stride, padding: this.padding, dilation: this.dilation } };
  }
}

/**
 * 1-D max pooling: (N, C, L) → (N, C, outL).
 *
 * @example
 * new MaxPool1d(2).call(zeros([4, 8, 50])).shape; // [4, 8, 25]
 */
export class MaxPool1d extends Module {
  readonly kernelSize: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;

  constructor(kernelSize: number, options: { stride?: number; padding?: number; dilation?: number } = {}) {
    super();
    this.kernelSize = single('MaxPool1d', 'kernelSize', kernelSize, 1);
    this.stride = single('MaxPool1d', 'stride', options.stride ?? kernelSize, 1);
    this.padding = single('MaxPool1d', 'padding', options.padding ?? 0, 0);
    this.dilation = single('MaxPool1d', 'dilation', options.dilation ?? 1, 1);
  }

  forward(x: Tensor): Tensor {
    const layer = `MaxPool1d(${this.kernelSize})`;
    checkRank(layer, x, 3, 'L');
    const [N, C, L] = x.shape as [number, number, number];
    const y = maxPool2d(x.reshape([N, C, 1, L]), {
      kernel: [1, this.kernelSize], stride: [1, this.stride], padding: [0, this.padding], dilation: [1, this.dilation],
    }, layer);
    return y.reshape([N, C, y.shape[3]!]);
  }

  spec(): LayerSpec {
    return { type: 'MaxPool1d', config: { kernelSize: this.kernelSize, stride: this.stride, padding: this.padding, dilation: this.dilation } };
  }
}

/**
 * 2-D average pooling: (N, C, H, W) → (N, C, outH, outW). `countIncludePad` (default true, as in
 * PyTorch) divides by the whole window, padding included.
 *
 * @example
 * new AvgPool2d(2).call(zeros([1, 3, 8, 8])).shape; // [1, 3, 4, 4]
 */
export class AvgPool2d extends Module {
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly countIncludePad: boolean;

  constructor(kernelSize: Pair, options: Pool2dOptions & { countIncludePad?: boolean } = {}) {
    super();
    this.kernelSize = pair('AvgPool2d', 'kernelSize', kernelSize, 1);
    this.stride = pair('AvgPool2d', 'stride', options.stride ?? this.kernelSize, 1);
    this.padding = pair('AvgPool2d', 'padding', options.padding ?? 0, 0);
    this.countIncludePad = options.countIncludePad ?? true;
  }

  forward(x: Tensor): Tensor {
    const layer = `AvgPool2d(${this.kernelSize.join('×')})`;
    checkRank(layer, x, 4, 'H, W');
    return avgPool2d(x, { kernel: this.kernelSize, stride: this.stride, padding: this.padding }, this.countIncludePad, layer);
  }

  spec(): LayerSpec {
    return { type: 'AvgPool2d', config: { kernelSize: this.kernelSize, stride: this.stride, padding: this.padding, countIncludePad: this.countIncludePad } };
  }
}

/**
 * Adaptive average pooling to a fixed output size: (N, C, H, W) → (N, C, outH, outW), windows
 * [⌊i·H/outH⌋, ⌈(i+1)·H/outH⌉) as in PyTorch.
 *
 * @example
 * new AdaptiveAvgPool2d(1).call(zeros([2, 64, 7, 7])).shape; // [2, 64, 1, 1]
 */
export class AdaptiveAvgPool2d extends Module {
  readonly outputSize: [number, number];

  constructor(outputSize: Pair) {
    super();
    this.outputSize = pair('AdaptiveAvgPool2d', 'outputSize', outputSize, 1);
  }

  forward(x: Tensor): Tensor {
    const layer = `AdaptiveAvgPool2d(${this.outputSize.join('×')})`;
    checkRank(layer, x, 4, 'H, W');
    return adaptiveAvgPool2d(x, this.outputSize[0], this.outputSize[1], layer);
  }

  spec(): LayerSpec {
    return { type: 'AdaptiveAvgPool2d', config: { outputSize: this.outputSize } };
  }
}

registerLayer('MaxPool2d', (c) => new MaxPool2d(c.kernelSize as number[], { stride: c.stride as number[], padding: c.padding as number[], dilation: c.dilation as number[] }));
registerLayer('MaxPool1d', (c) => new MaxPool1d(c.kernelSize as number, { stride: c.stride as number, padding: c.padding as number, dilation: c.dilation as number }));
registerLayer('AvgPool2d', (c) => new AvgPool2d(c.kernelSize as number[], { stride: c.stride as number[], padding: c.padding as number[], countIncludePad: c.countIncludePad as boolean }));
registerLayer('AdaptiveAvgPool2d', (c) => new AdaptiveAvgPool2d(c.outputSize as number[]));
