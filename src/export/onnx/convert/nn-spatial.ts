/**
 * Convolution and pooling layers as ONNX. float32 graphs use Conv, MaxPool, AveragePool and
 * GlobalAveragePool; ONNX Runtime has no double kernel for Conv or the average pools, so
 * float64 graphs build them from strided Slices: one slice of the padded input per kernel
 * offset, concatenated and multiplied by the unrolled kernel (im2col as a graph), or summed
 * and divided (average pooling). AdaptiveAvgPool2d averages each of its windows with ReduceMean.
 */
import type { AdaptiveAvgPool2d, AnyModule, AvgPool2d, Conv1d, Conv2d, MaxPool1d, MaxPool2d, Tensor } from '../../../nn/index.js';
import type { NnGraph, NnStep } from './nn-context.js';

/** Every kernel offset (one index per spatial axis), first axis slowest. */
function offsets(kernel: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const k of kernel) out = out.flatMap((o) => Array.from({ length: k }, (_, i) => [...o, i]));
  return out;
}

/** x zero-padded by `pad` on both sides of each spatial axis (x itself when there is no padding). */
function padded(ng: NnGraph, x: string, pad: readonly number[]): string {
  if (pad.every((p) => p === 0)) return x;
  return ng.g.op('Pad', [x, ng.ints('pads', [0, 0, ...pad, 0, 0, ...pad])]);
}

/** The window element at kernel offset `k` of every output position: a strided slice [N, C, out…]. */
function windowSlice(ng: NnGraph, x: string, k: readonly number[], stride: readonly number[], dilation: readonly number[], outSize: readonly number[]): string {
  const starts = k.map((ki, i) => ki * dilation[i]!);
  const ends = starts.map((st, i) => st + stride[i]! * (outSize[i]! - 1) + 1);
  const axes = k.map((_, i) => i + 2);
  return ng.g.op('Slice', [x, ng.ints('starts', starts), ng.ints('ends', ends), ng.ints('axes', axes), ng.ints('steps', [...stride])]);
}

interface ConvGeometry {
  stride: readonly number[];
  padding: readonly number[];
  dilation: readonly number[];
  groups: number;
}

/** Convolution by slices and MatMul (float64). */
function convBySlices(ng: NnGraph, x: string, s: NnStep, weight: Tensor, bias: Tensor | null, geo: ConvGeometry): string {
  const g = ng.g;
  const [cout, cinG, ...kernel] = weight.shape as number[];
  const sp = kernel.length;
  const outSize = s.outShape.slice(2);
  const coutG = cout! / geo.groups;
  const ks = offsets(kernel);
  const K = ks.length;
  const xp = padded(ng, x, geo.padding);
  const channelsLast = [0, ...Array.from({ length: sp }, (_, i) => i + 2), 1];
  const parts: string[] = [];
  for (let grp = 0; grp < geo.groups; grp++) {
    const xg = geo.groups === 1 ? xp : g.op('Slice', [xp, ng.ints('starts', [grp * cinG!]), ng.ints('ends', [(grp + 1) * cinG!]), ng.ints('axes', [1])]);
    const patches = ks.map((k) => windowSlice(ng, xg, k, geo.stride, geo.dilation, outSize));
    const cols = g.op('Transpose', [patches.length === 1 ? patches[0]! : g.op('Concat', patches, { axis: { int: 1 } })], { perm: { ints: channelsLast } });
    // Row k·cinG + ci of the unrolled kernel holds W[co, ci, k] for every output channel co of the group.
    const w = new Float64Array(K * cinG! * coutG);
    for (let co = 0; co < coutG; co++) {
      for (let ci = 0; ci < cinG!; ci++) {
        for (let k = 0; k < K; k++) w[(k * cinG! + ci) * coutG + co] = weight.data[((grp * coutG + co) * cinG! + ci) * K + k]!;
      }
    }
    parts.push(g.op('MatMul', [cols, ng.weights('kernel', [K * cinG!, coutG], w)]));
  }
  let y = parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: { int: -1 } });
  if (bias !== null) y = g.op('Add', [y, ng.weights('bias', [cout!], bias.data)]);
  return g.op('Transpose', [y], { perm: { ints: [0, sp + 1, ...Array.from({ length: sp }, (_, i) => i + 1)] } });
}

function conv(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const c = layer as Conv1d | Conv2d;
  const geo = { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups };
  if (ng.dtype === 'float64') return convBySlices(ng, s.x, s, c.weight, c.bias, geo);
  const inputs = [s.x, ng.weights('weight', c.weight.shape, c.weight.data)];
  if (c.bias !== null) inputs.push(ng.weights('bias', c.bias.shape, c.bias.data));
  return ng.g.op('Conv', inputs, {
    kernel_shape: { ints: c.kernelSize }, strides: { ints: c.stride }, pads: { ints: [...c.padding, ...c.padding] },
    dilations: { ints: c.dilation }, group: { int: c.groups },
  });
}

function maxPool(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const p = layer as MaxPool1d | MaxPool2d;
  const list = (v: number | readonly number[]): number[] => (typeof v === 'number' ? [v] : [...v]);
  const pad = list(p.padding);
  return ng.g.op('MaxPool', [s.x], {
    kernel_shape: { ints: list(p.kernelSize) }, strides: { ints: list(p.stride) }, pads: { ints: [...pad, ...pad] }, dilations: { ints: list(p.dilation) },
  });
}

/** How many window elements of output position o fall inside an axis of `size` (count_include_pad = false). */
function insideCounts(size: number, out: number, kernel: number, stride: number, pad: number): number[] {
  return Array.from({ length: out }, (_, o) => {
    const start = o * stride - pad;
    return Math.min(start + kernel, size) - Math.max(start, 0);
  });
}

function avgPool(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const p = layer as AvgPool2d;
  const g = ng.g;
  if (ng.dtype === 'float32') {
    return g.op('AveragePool', [s.x], {
      kernel_shape: { ints: p.kernelSize }, strides: { ints: p.stride }, pads: { ints: [...p.padding, ...p.padding] }, count_include_pad: { int: p.countIncludePad ? 1 : 0 },
    });
  }
  const outSize = s.outShape.slice(2);
  const xp = padded(ng, s.x, p.padding);
  const slices = offsets(p.kernelSize).map((k) => windowSlice(ng, xp, k, p.stride, [1, 1], outSize));
  const sum = slices.reduce((acc, v) => g.op('Add', [acc, v]));
  if (p.countIncludePad) return g.op('Div', [sum, ng.scalar('window', p.kernelSize[0] * p.kernelSize[1])]);
  const rows = insideCounts(s.inShape[2]!, outSize[0]!, p.kernelSize[0], p.stride[0], p.padding[0]);
  const cols = insideCounts(s.inShape[3]!, outSize[1]!, p.kernelSize[1], p.stride[1], p.padding[1]);
  const counts = rows.flatMap((r) => cols.map((c) => r * c));
  return g.op('Div', [sum, ng.weights('counts', [outSize[0]!, outSize[1]!], counts)]);
}

/** Windows [⌊i·size/out⌋, ⌈(i+1)·size/out⌉), as PyTorch's adaptive pooling. */
function adaptiveWindows(size: number, out: number): [number, number][] {
  return Array.from({ length: out }, (_, i) => [Math.floor((i * size) / out), Math.ceil(((i + 1) * size) / out)]);
}

function adaptiveAvgPool(ng: NnGraph, layer: AnyModule, s: NnStep): string {
  const [outH, outW] = (layer as AdaptiveAvgPool2d).outputSize;
  const g = ng.g;
  if (outH === 1 && outW === 1 && ng.dtype === 'float32') return g.op('GlobalAveragePool', [s.x]);
  const axes = ng.ints('axes', [2, 3]);
  if (outH === 1 && outW === 1) return g.op('ReduceMean', [s.x, axes], { keepdims: { int: 1 } });
  const rows = adaptiveWindows(s.inShape[2]!, outH).map(([h0, h1]) => {
    const cells = adaptiveWindows(s.inShape[3]!, outW).map(([w0, w1]) => {
      const window = g.op('Slice', [s.x, ng.ints('starts', [h0, w0]), ng.ints('ends', [h1, w1]), axes]);
      return g.op('ReduceMean', [window, axes], { keepdims: { int: 1 } });
    });
    return cells.length === 1 ? cells[0]! : g.op('Concat', cells, { axis: { int: 3 } });
  });
  return rows.length === 1 ? rows[0]! : g.op('Concat', rows, { axis: { int: 2 } });
}

type Converter = (ng: NnGraph, layer: AnyModule, s: NnStep) => string;

export const SPATIAL_LAYERS: Record<string, Converter> = {
  Conv1d: conv,
  Conv2d: conv,
  MaxPool1d: maxPool,
  MaxPool2d: maxPool,
  AvgPool2d: avgPool,
  AdaptiveAvgPool2d: adaptiveAvgPool,
};
