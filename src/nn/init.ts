/**
 * Weight initialization schemes (PyTorch's `torch.nn.init`), each filling a tensor in place from
 * a seeded generator. Fan-in is dimension 1 times the receptive field (dimensions 2…), fan-out
 * dimension 0 times it, as in PyTorch, so a Linear weight (out, in) has fan-in `in`.
 */
import { ShapeError, formatShape } from '../tensor/index.js';
import type { Tensor } from './tensor.js';
import { type Rng, rngFrom } from './random.js';

/** Nonlinearities `calculateGain` knows. */
export type Nonlinearity = 'linear' | 'conv1d' | 'conv2d' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/** Options shared by the schemes: the generator (a seed, an Rng, or the default). */
export interface InitOptions {
  rng?: number | Rng;
}

/** The recommended gain for a nonlinearity (PyTorch's `calculate_gain`). */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear': case 'conv1d': case 'conv2d': case 'sigmoid': return 1;
    case 'tanh': return 5 / 3;
    case 'relu': return Math.SQRT2;
    case 'leaky_relu': { const a = param ?? 0.01; return Math.sqrt(2 / (1 + a * a)); }
    case 'selu': return 3 / 4;
  }
}

/** [fanIn, fanOut] of a weight of at least 2 dimensions. */
export function fans(t: Tensor): [number, number] {
  if (t.ndim < 2) throw new ShapeError(`init: fan-in and fan-out need a tensor with at least 2 dimensions; got ${formatShape(t.shape)}.`);
  let receptive = 1;
  for (let i = 2; i < t.ndim; i++) receptive *= t.shape[i]!;
  return [t.shape[1]! * receptive, t.shape[0]! * receptive];
}

/** Fills with draws from U(low, high). */
export function uniform(t: Tensor, low = 0, high = 1, options: InitOptions = {}): Tensor {
  const rng = rngFrom(options.rng);
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = low + (high - low) * rng.uniform();
  return t;
}

/** Fills with draws from N(mean, std²). */
export function normal(t: Tensor, mean = 0, std = 1, options: InitOptions = {}): Tensor {
  const rng = rngFrom(options.rng);
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = mean + std * rng.normal();
  return t;
}

/** Fills with a constant. */
export function constant(t: Tensor, value: number): Tensor {
  t.data.fill(value);
  return t;
}

/** Glorot/Xavier uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)). */
export function xavierUniform(t: Tensor, options: InitOptions & { gain?: number } = {}): Tensor {
  const [fanIn, fanOut] = fans(t);
  const a = (options.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(t, -a, a, options);
}

/** Glorot/Xavier normal: N(0, gain²·2 / (fanIn + fanOut)). */
export function xavierNormal(t: Tensor, options: InitOptions & { gain?: number } = {}): Tensor {
  const [fanIn, fanOut] = fans(t);
  return normal(t, 0, (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut)), options);
}

/** Options of the Kaiming (He) schemes, as in PyTorch. */
export interface KaimingOptions extends InitOptions {
  /** Negative slope of the leaky ReLU that follows (default 0). */
  a?: number;
  mode?: 'fanIn' | 'fanOut';
  nonlinearity?: Nonlinearity;
}

function kaimingStd(t: Tensor, options: KaimingOptions): number {
  const [fanIn, fanOut] = fans(t);
  const fan = options.mode === 'fanOut' ? fanOut : fanIn;
  return calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0) / Math.sqrt(fan);
}

/** Kaiming (He) uniform: U(−b, b) with b = gain·√(3 / fan). */
export function kaimingUniform(t: Tensor, options: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd(t, options);
  return uniform(t, -bound, bound, options);
}

/** Kaiming (He) normal: N(0, gain² / fan). */
export function kaimingNormal(t: Tensor, options: KaimingOptions = {}): Tensor {
  return normal(t, 0, kaimingStd(t, options), options);
}

/**
 * PyTorch's default init of Linear and convolution layers: weight kaimingUniform with a = √5
 * (U(−1/√fanIn, 1/√fanIn)), bias U(−1/√fanIn, 1/√fanIn).
 */
export function defaultLayerInit(weight: Tensor, bias: Tensor | null, options: InitOptions = {}): void {
  const rng = rngFrom(options.rng);
  kaimingUniform(weight, { a: Math.sqrt(5), rng });
  if (bias !== null) {
    const [fanIn] = fans(weight);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform(bias, -bound, bound, { rng });
  }
}
