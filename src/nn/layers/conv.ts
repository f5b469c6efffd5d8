/**
 * Convolution layers (PyTorch's `nn.Conv1d`/`nn.Conv2d`): learned weight (Cout, Cin/groups, k…)
 * and bias, with stride, padding ('valid', 'same' or explicit), dilation and groups, over the
 * im2col + GEMM op in conv-op.ts. Weights start as in PyTorch: U(−1/√fanIn, 1/√fanIn).
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module, Parameter } from '../module.js';
import { type FloatDType, type Tensor, allocFloat } from '../tensor.js';
import { defaultLayerInit } from '../init.js';
import { type Rng, rngFrom } from '../random.js';
import { conv1d, conv2d } from './conv-op.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** A size per spatial axis, or one for all. */
export type SizeArg = number | readonly number[];

/** Options shared by `Conv1d` and `Conv2d`. */
export interface ConvOptions {
  stride?: SizeArg;
  /** Zero padding per side, or 'valid' (none) or 'same' (output size = input size; stride 1). */
  padding?: SizeArg | 'valid' | 'same';
  dilation?: SizeArg;
  /** Split channels into this many independent groups (both channel counts divisible by it). */
  groups?: number;
  /** Learn an additive bias (default true). */
  bias?: boolean;
  dtype?: FloatDType;
  /** Seed or generator for the initial weights (default: the nn default generator). */
  seed?: number | Rng;
}

function expand(layer: string, name: string, v: SizeArg, dims: number, min: number): number[] {
  const out = typeof v === 'number' ? new Array<number>(dims).fill(v) : [...v];
  if (out.length !== dims || out.some((d) => !Number.isInteger(d) || d < min)) {
    throw new RangeError(`${layer}: ${name} must be an integer ≥ ${min} or ${dims} of them (got ${JSON.stringify(v)}).`);
  }
  return out;
}

/** Shared construction and checks of the N-d convolutions (N = 1, 2). */
abstract class ConvNd extends Module {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: number[];
  readonly stride: number[];
  readonly padding: number[];
  readonly dilation: number[];
  readonly groups: number;
  /** The padding option as given (kept for `spec`). */
  protected readonly paddingArg: SizeArg | 'valid' | 'same';
  weight: Parameter;
  bias: Parameter | null;

  constructor(dims: number, inChannels: number, outChannels: number, kernelSize: SizeArg, options: ConvOptions) {
    super();
    const layer = `Conv${dims}d`;
    for (const [name, v] of [['inChannels', inChannels], ['outChannels', outChannels]] as const) {
      if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${layer}: ${name} must be a positive integer (got ${v}).`);
    }
    const groups = options.groups ?? 1;
    if (!Number.isInteger(groups) || groups <= 0 || inChannels % groups !== 0 || outChannels % groups !== 0) {
      throw new RangeError(`${layer}: groups must be a positive integer dividing inChannels (${inChannels}) and outChannels (${outChannels}) (got ${groups}).`);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.groups = groups;
    this.kernelSize = expand(layer, 'kernelSize', kernelSize, dims, 1);
    this.stride = expand(layer, 'stride', options.stride ?? 1, dims, 1);
    this.dilation = expand(layer, 'dilation', options.dilation ?? 1, dims, 1);
    this.paddingArg = options.padding ?? 0;
    const pad = this.paddingArg;
    if (pad === 'valid') this.padding = new Array<number>(dims).fill(0);
    else if (pad === 'same') {
      if (this.stride.some((s) => s !== 1)) throw new RangeError(`${layer}: padding 'same' needs stride 1 (got stride ${JSON.stringify(this.stride)}).`);
      const total = this.kernelSize.map((k, i) => this.dilation[i]! * (k - 1));
      if (total.some((t) => t % 2 !== 0)) throw new RangeError(`${layer}: padding 'same' needs an odd (dilated) kernel size so both sides pad equally (kernel ${JSON.stringify(this.kernelSize)}).`);
      this.padding = total.map((t) => t / 2);
    } else this.padding = expand(layer, 'padding', pad, dims, 0);
    const dtype = options.dtype ?? 'float32';
    const wShape = [outChannels, inChannels / groups, ...this.kernelSize];
    this.weight = new Parameter(allocFloat(dtype, wShape.reduce((a, b) => a * b, 1)), wShape);
    this.bias = options.bias === false ? null : new Parameter(allocFloat(dtype, outChannels), [outChannels]);
    defaultLayerInit(this.weight, this.bias, { rng: rngFrom(options.seed) });
  }

  /** The layer's name with its main sizes, for error messages. */
  protected describe(): string {
    return `${this.constructor.name}(${this.inChannels}→${this.outChannels}, kernel ${this.kernelSize.join('×')})`;
  }

  protected checkInput(x: Tensor, dims: number): void {
    const names = dims === 1 ? 'L' : 'H, W';
    if (x.ndim !== dims + 2 || x.shape[1] !== this.inChannels) {
      throw new ShapeError(`${this.describe()}: expected input of shape (N, ${this.inChannels}, ${names}) but got ${formatShape(x.shape)}.`);
    }
  }

  spec(): LayerSpec {
    return {
      type: this.constructor.name,
      config: {
        inChannels: this.inChannels, outChannels: this.outChannels, kernelSize: this.kernelSize, stride: this.stride,
        padding: this.paddingArg, dilation: this.dilation, groups: this.groups, bias: this.bias !== null, dtype: this.weight.dtype,
      },
    };
  }
}

/**
 * 2-D convolution: input (N, Cin, H, W) → (N, Cout, outH, outW) with
 * outH = ⌊(H + 2·padH − dilationH·(kh − 1) − 1) / strideH⌋ + 1 (likewise W).
 *
 * @example
 * const conv = new Conv2d(1, 16, 3, { padding: 1, seed: 0 });
 * conv.call(zeros([8, 1, 28, 28])).shape; // [8, 16, 28, 28]
 */
export class Conv2d extends ConvNd {
  constructor(inChannels: number, outChannels: number, kernelSize: SizeArg, options: ConvOptions = {}) {
    super(2, inChannels, outChannels, kernelSize, options);
  }

  forward(x: Tensor): Tensor {
    this.checkInput(x, 2);
    return conv2d(x, this.weight, this.bias, {
      stride: this.stride as [number, number], padding: this.padding as [number, number], dilation: this.dilation as [number, number], groups: this.groups,
    }, this.describe());
  }
}

/**
 * 1-D convolution: input (N, Cin, L) → (N, Cout, outL), outL as for one axis of `Conv2d`.
 *
 * @example
 * const conv = new Conv1d(4, 8, 5, { padding: 'same', seed: 0 });
 * conv.call(zeros([2, 4, 100])).shape; // [2, 8, 100]
 */
export class Conv1d extends ConvNd {
  constructor(inChannels: number, outChannels: number, kernelSize: SizeArg, options: ConvOptions = {}) {
    super(1, inChannels, outChannels, kernelSize, options);
  }

  forward(x: Tensor): Tensor {
    this.checkInput(x, 1);
    return conv1d(x, this.weight, this.bias, { stride: this.stride[0]!, padding: this.padding[0]!, dilation: this.dilation[0]!, groups: this.groups }, this.describe());
  }
}

function fromSpec(make: (inC: number, outC: number, k: SizeArg, o: ConvOptions) => Module) {
  return (c: Record<string, unknown>) => make(c.inChannels as number, c.outChannels as number, c.kernelSize as number[], {
    stride: c.stride as number[], padding: c.padding as SizeArg | 'valid' | 'same', dilation: c.dilation as number[],
    groups: c.groups as number, bias: c.bias as boolean, dtype: c.dtype as FloatDType, seed: 0,
  });
}

registerLayer('Conv2d', fromSpec((i, o, k, opts) => new Conv2d(i, o, k, opts)));
registerLayer('Conv1d', fromSpec((i, o, k, opts) => new Conv1d(i, o, k, opts)));
