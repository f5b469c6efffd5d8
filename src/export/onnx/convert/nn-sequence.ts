/**
 * Sequence layers as ONNX: LSTM and GRU (the LSTM/GRU operators in float32, with PyTorch's
 * gate blocks reordered — ONNX LSTM is i,o,f,c where PyTorch is i,f,g,o; ONNX GRU is z,r,h
 * where PyTorch is r,z,n, with linear_before_reset = 1 — and unrolled over the time steps in
 * float64, which ONNX Runtime's LSTM/GRU kernels do not support), MultiheadAttention and
 * TransformerEncoderLayer (MatMul, Softmax, LayerNormalization).
 */
import type { AnyModule, GRU, LayerNorm, Linear, LSTM, MultiheadAttention, TransformerEncoderLayer } from '../../../nn/index.js';
import type { NnGraph } from './nn-context.js';
import { dense, geluOf, layerNormOf, reluOf } from './nn-layers.js';

/** What a recurrent layer leaves in the graph: output (as the layer lays it out), hN and, for LSTM, cN ((numLayers, N, H)). */
export interface RecurrentOutputs {
  output: string;
  hN: string;
  cN?: string;
}

/** Gate blocks of H rows taken from `w` (gates·H rows of `cols`) in the order `blocks`. */
function reorder(w: ArrayLike<number>, blocks: readonly number[], H: number, cols: number): Float64Array {
  const out = new Float64Array(blocks.length * H * cols);
  blocks.forEach((b, i) => {
    for (let r = 0; r < H * cols; r++) out[i * H * cols + r] = w[b * H * cols + r]!;
  });
  return out;
}

/** Transposes the first two axes of a rank-3 value. */
const swap01 = (ng: NnGraph, x: string): string => ng.g.op('Transpose', [x], { perm: { ints: [1, 0, 2] } });

interface LayerWeights {
  wIh: ArrayLike<number>;
  wHh: ArrayLike<number>;
  bIh: ArrayLike<number>;
  bHh: ArrayLike<number>;
  inF: number;
}

function layerWeights(r: LSTM | GRU, l: number, gates: number): LayerWeights {
  const byName = new Map(r.namedParameters());
  const H = r.hiddenSize;
  const zeros = new Float64Array(gates * H);
  return {
    wIh: byName.get(`weight_ih_l${l}`)!.data, wHh: byName.get(`weight_hh_l${l}`)!.data,
    bIh: byName.get(`bias_ih_l${l}`)?.data ?? zeros, bHh: byName.get(`bias_hh_l${l}`)?.data ?? zeros,
    inF: l === 0 ? r.inputSize : H,
  };
}

/** One layer by the ONNX operator: seq (T, N, in) → Y (T, N, H), Y_h and Y_c (1, N, H). */
function operatorLayer(ng: NnGraph, kind: 'LSTM' | 'GRU', seq: string, w: LayerWeights, H: number): string[] {
  const blocks = kind === 'LSTM' ? [0, 3, 1, 2] : [1, 0, 2];
  const G = blocks.length;
  const bias = new Float64Array(2 * G * H);
  bias.set(reorder(w.bIh, blocks, H, 1));
  bias.set(reorder(w.bHh, blocks, H, 1), G * H);
  const outs = ng.g.node(kind, [
    seq, ng.weights('W', [1, G * H, w.inF], reorder(w.wIh, blocks, H, w.inF)), ng.weights('R', [1, G * H, H], reorder(w.wHh, blocks, H, H)), ng.weights('B', [1, 2 * G * H], bias),
  ], { hidden_size: { int: H }, ...(kind === 'GRU' ? { linear_before_reset: { int: 1 } } : {}) }, { outputs: kind === 'LSTM' ? 3 : 2 });
  return [ng.g.op('Squeeze', [outs[0]!, ng.ints('axis1', [1])]), ...outs.slice(1)];
}

/** One layer unrolled over T steps with PyTorch's equations: seq (T, N, in) → [Y (T, N, H), h_T (1, N, H), c_T (1, N, H)]. */
function unrolledLayer(ng: NnGraph, kind: 'LSTM' | 'GRU', seq: string, w: LayerWeights, H: number, T: number): string[] {
  const g = ng.g;
  const G = kind === 'LSTM' ? 4 : 3;
  const xp = dense(ng, seq, 3, w.wIh, w.bIh, G * H, w.inF); // (T, N, G·H)
  const hw = ng.weights('R_t', [H, G * H], transpose(w.wHh, G * H, H));
  const bHh = ng.weights('b_hh', [G * H], w.bHh);
  const split = ng.ints('split', new Array<number>(G).fill(H));
  const sig = (v: string): string => g.op('Sigmoid', [v]);
  let h: string | null = null;
  let c: string | null = null;
  const hs: string[] = [];
  for (let t = 0; t < T; t++) {
    const xt = g.op('Gather', [xp, ng.ints('t', [t])], { axis: { int: 0 } }); // (1, N, G·H)
    const hp = h === null ? bHh : g.op('Add', [g.op('MatMul', [h, hw]), bHh]);
    if (kind === 'LSTM') {
      const [i, f, gg, o] = g.node('Split', [g.op('Add', [xt, hp]), split], { axis: { int: -1 } }, { outputs: 4 }) as [string, string, string, string];
      const fresh = g.op('Mul', [sig(i), g.op('Tanh', [gg])]);
      c = c === null ? fresh : g.op('Add', [g.op('Mul', [sig(f), c]), fresh]);
      h = g.op('Mul', [sig(o), g.op('Tanh', [c])]);
    } else {
      const [xr, xz, xn] = g.node('Split', [xt, split], { axis: { int: -1 } }, { outputs: 3 }) as [string, string, string];
      const [hr, hz, hn] = g.node('Split', [hp, split], { axis: { int: -1 } }, { outputs: 3 }) as [string, string, string];
      const r = sig(g.op('Add', [xr, hr]));
      const z = sig(g.op('Add', [xz, hz]));
      const n = g.op('Tanh', [g.op('Add', [xn, g.op('Mul', [r, hn])])]);
      const keep = g.op('Sub', [ng.scalar('one', 1), z]);
      h = h === null ? g.op('Mul', [keep, n]) : g.op('Add', [g.op('Mul', [keep, n]), g.op('Mul', [z, h])]);
    }
    hs.push(h);
  }
  const y = hs.length === 1 ? hs[0]! : g.op('Concat', hs, { axis: { int: 0 } });
  return kind === 'LSTM' ? [y, h!, c!] : [y, h!];
}

function transpose(w: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = w[r * cols + c]!;
  return out;
}

/** An LSTM or GRU over x as the layer lays it out ((T, N, in), or (N, T, in) with batchFirst). */
export function recurrent(ng: NnGraph, layer: AnyModule, x: string, inShape: readonly number[]): RecurrentOutputs {
  const r = layer as LSTM | GRU;
  const kind = r.kind;
  const H = r.hiddenSize;
  const T = inShape[r.batchFirst ? 1 : 0]!;
  let seq = r.batchFirst ? swap01(ng, x) : x;
  const hs: string[] = [];
  const cs: string[] = [];
  for (let l = 0; l < r.numLayers; l++) {
    const w = layerWeights(r, l, kind === 'LSTM' ? 4 : 3);
    const outs = ng.dtype === 'float32' ? operatorLayer(ng, kind, seq, w, H) : unrolledLayer(ng, kind, seq, w, H, T);
    seq = outs[0]!;
    hs.push(outs[1]!);
    if (kind === 'LSTM') cs.push(outs[2]!);
  }
  const cat = (v: string[]): string => (v.length === 1 ? v[0]! : ng.g.op('Concat', v, { axis: { int: 0 } }));
  return { output: r.batchFirst ? swap01(ng, seq) : seq, hN: cat(hs), ...(kind === 'LSTM' ? { cN: cat(cs) } : {}) };
}

function child<M>(m: AnyModule, name: string): M {
  return m.namedChildren().find(([n]) => n === name)![1] as M;
}

/**
 * Attention over batch-first values query (N, L, E), key and value (N, S, E): the output
 * (N, L, E) and the weights averaged over heads (N, L, S).
 */
function attentionCore(ng: NnGraph, mha: MultiheadAttention, q0: string, k0: string, v0: string): { output: string; weights: string } {
  const g = ng.g;
  const E = mha.embedDim, h = mha.numHeads, d = mha.headDim;
  const params = new Map(mha.namedParameters());
  const w = params.get('in_proj_weight')!.data;
  const b = params.get('in_proj_bias')?.data ?? null;
  const heads = ng.ints('heads_shape', [0, 0, h, d]);
  // The 1/√d score scale is folded into the query projection: a Mul after MatMul would be fused
  // by ONNX Runtime into FusedMatMul, whose float32 alpha moves float64 results by ~1e-8.
  const scale = 1 / Math.sqrt(d);
  const project = (x: string, part: number, perm: number[], factor: number): string => {
    const wp = Float64Array.from(w.subarray(part * E * E, (part + 1) * E * E), (v) => v * factor);
    const bp = b === null ? null : Float64Array.from(b.subarray(part * E, (part + 1) * E), (v) => v * factor);
    return g.op('Transpose', [g.op('Reshape', [dense(ng, x, 3, wp, bp, E, E), heads])], { perm: { ints: perm } });
  };
  const q = project(q0, 0, [0, 2, 1, 3], scale); // (N, h, L, d)
  const kT = project(k0, 1, [0, 2, 3, 1], 1); // (N, h, d, S)
  const v = project(v0, 2, [0, 2, 1, 3], 1); // (N, h, S, d)
  const scores = g.op('MatMul', [q, kT]);
  const attn = g.op('Softmax', [scores], { axis: { int: -1 } });
  const ctx = g.op('Reshape', [g.op('Transpose', [g.op('MatMul', [attn, v])], { perm: { ints: [0, 2, 1, 3] } }), ng.ints('embed_shape', [0, 0, E])]);
  const outProj = child<Linear>(mha, 'out_proj');
  const output = dense(ng, ctx, 3, outProj.weight.data, outProj.bias?.data ?? null, E, E);
  return { output, weights: g.op('ReduceMean', [attn, ng.ints('heads_axis', [1])], { keepdims: { int: 0 } }) };
}

/** MultiheadAttention on query, key and value laid out as the layer expects; output in the same layout, weights (N, L, S). */
export function multiheadAttention(ng: NnGraph, layer: AnyModule, query: string, key: string, value: string): { output: string; weights: string } {
  const mha = layer as MultiheadAttention;
  if (mha.batchFirst) return attentionCore(ng, mha, query, key, value);
  const r = attentionCore(ng, mha, swap01(ng, query), swap01(ng, key), swap01(ng, value));
  return { output: swap01(ng, r.output), weights: r.weights };
}

/** TransformerEncoderLayer in eval mode: self-attention and feed-forward blocks with residuals, post- or pre-norm. */
export function transformerEncoderLayer(ng: NnGraph, layer: AnyModule, x: string): string {
  const t = layer as TransformerEncoderLayer;
  const g = ng.g;
  const attn = child<MultiheadAttention>(t, 'self_attn');
  const norm1 = child<LayerNorm>(t, 'norm1'), norm2 = child<LayerNorm>(t, 'norm2');
  const lin1 = child<Linear>(t, 'linear1'), lin2 = child<Linear>(t, 'linear2');
  const selfAttention = (v: string): string => multiheadAttention(ng, attn, v, v, v).output;
  const feedForward = (v: string): string => {
    const hidden = dense(ng, v, 3, lin1.weight.data, lin1.bias?.data ?? null, lin1.outFeatures, lin1.inFeatures);
    const act = t.options.activation === 'gelu' ? geluOf(ng, hidden) : reluOf(ng, hidden);
    return dense(ng, act, 3, lin2.weight.data, lin2.bias?.data ?? null, lin2.outFeatures, lin2.inFeatures);
  };
  if (t.options.normFirst) {
    const y = g.op('Add', [x, selfAttention(layerNormOf(ng, norm1, x))]);
    return g.op('Add', [y, feedForward(layerNormOf(ng, norm2, y))]);
  }
  const y = layerNormOf(ng, norm1, g.op('Add', [x, selfAttention(x)]));
  return layerNormOf(ng, norm2, g.op('Add', [y, feedForward(y)]));
}
