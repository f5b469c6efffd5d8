/**
 * Element-wise and dense nn layers as ONNX: Linear (Gemm / MatMul + Add), activations,
 * BatchNorm1d/2d in eval (BatchNormalization), LayerNorm (LayerNormalization), Embedding
 * (Gather), Flatten (Reshape); Dropout and Identity add nothing. float64 graphs avoid the
 * operators ONNX Runtime has no double kernel for (LeakyRelu, Gelu, Erf).
 */
import type { AnyModule, BatchNorm1d, BatchNorm2d, Embedding, Flatten, LayerNorm, LeakyReLU, Linear, LogSoftmax, Softmax } from '../../../nn/index.js';
import type { NnGraph, NnStep } from './nn-context.js';

/** x·Wᵀ + b over the last axis for W (out × in, row-major): Gemm for matrices, MatMul + Add for higher ranks. */
export function dense(ng: NnGraph, x: string, rank: number, weight: ArrayLike<number>, bias: ArrayLike<number> | null, out: number, inF: number): string {
  const g = ng.g;
  if (rank === 2) {
    const inputs = [x, ng.weights('weight', [out, inF], weight)];
    if (bias !== null) inputs.push(ng.weights('bias', [out], bias));
    return g.op('Gemm', inputs, { transB: { int: 1 } });
  }
  const wt = new Float64Array(inF * out);
  for (let o = 0; o < out; o++) for (let i = 0; i < inF; i++) wt[i * out + o] = weight[o * inF + i]!;
  const y = g.op('MatMul', [x, ng.weights('weight_t', [inF, out], wt)]);
  return bias === null ? y : g.op('Add', [y, ng.weights('bias', [out], bias)]);
}

export function linear(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const l = layer as Linear;
  return dense(ng, s.x, s.inShape.length, l.weight.data, l.bias?.data ?? null, l.outFeatures, l.inFeatures);
}

/** Exact GELU: the Gelu operator (opset 20) in float32, 0.5·x·(1 + erf(x/√2)) in float64. */
export function geluOf(ng: NnGraph, x: string): string {
  const g = ng.g;
  if (ng.dtype === 'float32') return g.op('Gelu', [x]);
  const e = ng.erf(g.op('Mul', [x, ng.scalar('sqrt1_2', Math.SQRT1_2)]));
  return g.op('Mul', [g.op('Mul', [ng.scalar('half', 0.5), x]), g.op('Add', [ng.scalar('one', 1), e])]);
}

export function reluOf(ng: NnGraph, x: string): string {
  return ng.g.op('Relu', [x]);
}

/**
 * x·σ(x). ONNX Runtime fuses Mul(x, Sigmoid(x)) into QuickGelu, which has no double kernel, so
 * float64 graphs compute x / (1 + e⁻ˣ) instead.
 */
function silu(ng: NnGraph, _layer: AnyModule, s: NnStep): string {
  const g = ng.g;
  if (ng.dtype === 'float32') return g.op('Mul', [s.x, g.op('Sigmoid', [s.x])]);
  return g.op('Div', [s.x, g.op('Add', [ng.scalar('one', 1), g.op('Exp', [g.op('Neg', [s.x])])])]);
}

function leakyRelu(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const slope = (layer as LeakyReLU).negativeSlope;
  const g = ng.g;
  if (ng.dtype === 'float32') return g.op('LeakyRelu', [s.x], { alpha: { float: slope } });
  return g.op('Where', [g.op('Greater', [s.x, ng.scalar('zero', 0)]), s.x, g.op('Mul', [s.x, ng.scalar('slope', slope)])]);
}

/**
 * BatchNorm1d/2d in eval mode. float32: BatchNormalization. float64 (whose epsilon attribute
 * would be rounded to float32): the native arithmetic with the running estimates as constants —
 * BatchNorm2d's per-channel scale and shift, BatchNorm1d's (x − mean) / √(var + eps)·w + b.
 */
function batchNorm(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const bn = layer as BatchNorm1d | BatchNorm2d;
  const C = bn.numFeatures;
  const g = ng.g;
  const weight = bn.weight?.data ?? new Float64Array(C).fill(1);
  const bias = bn.bias?.data ?? new Float64Array(C);
  const paramShape = [C, ...new Array<number>(s.inShape.length - 2).fill(1)];
  const { runningMean, runningVar } = bn;
  if (runningMean === null || runningVar === null) {
    // Without running estimates, eval mode normalizes with the batch's own statistics, as natively.
    const axes = ng.ints('axes', [0, ...Array.from({ length: s.inShape.length - 2 }, (_, i) => i + 2)]);
    const centered = g.op('Sub', [s.x, g.op('ReduceMean', [s.x, axes], { keepdims: { int: 1 } })]);
    const v = g.op('ReduceMean', [g.op('Mul', [centered, centered]), axes], { keepdims: { int: 1 } });
    const normalized = g.op('Div', [centered, g.op('Sqrt', [g.op('Add', [v, ng.scalar('eps', bn.eps)])])]);
    return g.op('Add', [g.op('Mul', [normalized, ng.weights('bn_scale', paramShape, weight)]), ng.weights('bn_bias', paramShape, bias)]);
  }
  if (ng.dtype === 'float32') {
    return g.op('BatchNormalization', [
      s.x, ng.weights('bn_scale', [C], weight), ng.weights('bn_bias', [C], bias), ng.weights('bn_mean', [C], runningMean.data), ng.weights('bn_var', [C], runningVar.data),
    ], { epsilon: { float: bn.eps } });
  }
  if (bn.constructor.name === 'BatchNorm2d') {
    const scale = new Float64Array(C), shift = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      scale[c] = (1 / Math.sqrt(runningVar.data[c]! + bn.eps)) * weight[c]!;
      shift[c] = bias[c]! - runningMean.data[c]! * scale[c]!;
    }
    return g.op('Add', [g.op('Mul', [s.x, ng.weights('bn_scale', paramShape, scale)]), ng.weights('bn_shift', paramShape, shift)]);
  }
  const std = Float64Array.from(runningVar.data, (v) => Math.sqrt(v + bn.eps));
  const normalized = g.op('Div', [g.op('Sub', [s.x, ng.weights('bn_mean', paramShape, runningMean.data)]), ng.weights('bn_std', paramShape, std)]);
  return g.op('Add', [g.op('Mul', [normalized, ng.weights('bn_scale', paramShape, weight)]), ng.weights('bn_bias', paramShape, bias)]);
}

/**
 * LayerNorm over the trailing normalizedShape axes: LayerNormalization in float32; in float64
 * the native steps (centre, mean square, divide by √(var + eps), scale, shift), since the
 * operator's epsilon attribute is a float32 and moves results by more than 1e-9.
 */
export function layerNormOf(ng: NnGraph, ln: LayerNorm, x: string): string {
  const shape = ln.normalizedShape;
  const size = shape.reduce((a, b) => a * b, 1);
  const scale = ln.weight?.data ?? null;
  const shift = ln.bias?.data ?? null;
  const g = ng.g;
  if (ng.dtype === 'float32') {
    return g.op('LayerNormalization', [x, ng.weights('ln_scale', shape, scale ?? new Float64Array(size).fill(1)), ng.weights('ln_bias', shape, shift ?? new Float64Array(size))], {
      axis: { int: -shape.length }, epsilon: { float: ln.eps },
    });
  }
  const axes = ng.ints('axes', shape.map((_, i) => i - shape.length));
  const centered = g.op('Sub', [x, g.op('ReduceMean', [x, axes], { keepdims: { int: 1 } })]);
  const v = g.op('ReduceMean', [g.op('Mul', [centered, centered]), axes], { keepdims: { int: 1 } });
  const y = g.op('Div', [centered, g.op('Sqrt', [g.op('Add', [v, ng.scalar('eps', ln.eps)])])]);
  return scale === null || shift === null ? y : g.op('Add', [g.op('Mul', [y, ng.weights('ln_scale', shape, scale)]), ng.weights('ln_bias', shape, shift)]);
}

function embedding(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const e = layer as Embedding;
  const table = Float64Array.from(e.weight.data);
  // The native layer outputs zeros for the padding index whatever its row holds.
  if (e.paddingIdx !== null) table.fill(0, e.paddingIdx * e.embeddingDim, (e.paddingIdx + 1) * e.embeddingDim);
  const g = ng.g;
  const idx = s.x === ng.indexInput ? s.x : g.op('Cast', [s.x], { to: { int: 7 } });
  return g.op('Gather', [ng.weights('embedding', [e.numEmbeddings, e.embeddingDim], table), idx], { axis: { int: 0 } });
}

function flatten(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const start = (layer as Flatten).startDim;
  return ng.g.op('Reshape', [s.x, ng.ints('shape', [...new Array<number>(start).fill(0), -1])]);
}

type Converter = (ng: NnGraph, layer: AnyModule, s: NnStep) => string;

/** Converters of the layers that map one tensor to one tensor, by class name. */
export const ELEMENTWISE_LAYERS: Record<string, Converter> = {
  Linear: linear,
  ReLU: (ng, _l, s) => reluOf(ng, s.x),
  LeakyReLU: leakyRelu,
  GELU: (ng, _l, s) => geluOf(ng, s.x),
  SiLU: silu,
  Tanh: (ng, _l, s) => ng.g.op('Tanh', [s.x]),
  Sigmoid: (ng, _l, s) => ng.g.op('Sigmoid', [s.x]),
  Softmax: (ng, l, s) => ng.g.op('Softmax', [s.x], { axis: { int: (l as Softmax).dim } }),
  LogSoftmax: (ng, l, s) => ng.g.op('LogSoftmax', [s.x], { axis: { int: (l as LogSoftmax).dim } }),
  Identity: (_ng, _l, s) => s.x,
  Dropout: (_ng, _l, s) => s.x,
  BatchNorm1d: batchNorm,
  BatchNorm2d: batchNorm,
  LayerNorm: (ng, l, s) => layerNormOf(ng, l as LayerNorm, s.x),
  Embedding: embedding,
  Flatten: flatten,
};
