/**
 * Multi-head attention (PyTorch's `nn.MultiheadAttention`, with kdim = vdim = embedDim), built
 * from the differentiable primitives: projections, batched matmuls, softmax and reshapes, so
 * its gradients come from theirs. Parameters carry PyTorch's names (`in_proj_weight`,
 * `in_proj_bias`, `out_proj.weight`, `out_proj.bias`), so a PyTorch state dict loads as is.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module, Parameter } from '../module.js';
import { type FloatDType, Tensor, allocFloat } from '../tensor.js';
import { add, mul } from '../ops/elementwise.js';
import { matmul, linear } from '../ops/matmul.js';
import { mean } from '../ops/reduce.js';
import { narrow, reshape, swapAxes, transpose } from '../ops/shape.js';
import { softmax } from '../ops/softmax.js';
import { xavierUniform } from '../init.js';
import { type Rng, rngFrom } from '../random.js';
import { Dropout } from './dropout.js';
import { Linear } from './linear.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `MultiheadAttention`. */
export interface MultiheadAttentionOptions {
  /** Dropout on the attention weights in training (default 0). */
  dropout?: number;
  /** Biases on the input and output projections (default true). */
  bias?: boolean;
  /** Inputs and output as (N, L, E) instead of (L, N, E) (default false, as PyTorch). */
  batchFirst?: boolean;
  dtype?: FloatDType;
  seed?: number | Rng;
}

/** Per-call options of `MultiheadAttention`. */
export interface AttentionCallOptions {
  /** (N, S): true marks a key position to ignore (padding). */
  keyPaddingMask?: ArrayLike<boolean | number>;
  /** (L, S): true marks a query/key pair that may not attend (e.g. a causal mask). */
  attnMask?: ArrayLike<boolean | number>;
  /** Return the attention weights averaged over heads, (N, L, S) (default true). */
  needWeights?: boolean;
}

/**
 * Attention of `numHeads` heads of size embedDim / numHeads: softmax(Q·Kᵀ/√d + mask)·V per head,
 * concatenated and projected. `call(query, key, value, options?)` → `[output, weights | null]`.
 *
 * @example
 * const mha = new MultiheadAttention(16, 4, { batchFirst: true, seed: 0 });
 * const [out, w] = mha.call(x, x, x); // x (N, L, 16) → out (N, L, 16), w (N, L, L)
 */
export class MultiheadAttention extends Module<[Tensor, Tensor, Tensor, AttentionCallOptions?], [Tensor, Tensor | null]> {
  readonly embedDim: number;
  readonly numHeads: number;
  readonly headDim: number;
  readonly batchFirst: boolean;
  readonly dropoutP: number;
  private readonly attnDropout: Dropout;

  constructor(embedDim: number, numHeads: number, options: MultiheadAttentionOptions = {}) {
    super();
    for (const [name, v] of [['embedDim', embedDim], ['numHeads', numHeads]] as const) {
      if (!Number.isInteger(v) || v <= 0) throw new RangeError(`MultiheadAttention: ${name} must be a positive integer (got ${v}).`);
    }
    if (embedDim % numHeads !== 0) throw new RangeError(`MultiheadAttention: embedDim (${embedDim}) must be divisible by numHeads (${numHeads}).`);
    this.embedDim = embedDim;
    this.numHeads = numHeads;
    this.headDim = embedDim / numHeads;
    this.batchFirst = options.batchFirst ?? false;
    this.dropoutP = options.dropout ?? 0;
    const dtype = options.dtype ?? 'float32';
    const rng = rngFrom(options.seed);
    const inProj = new Parameter(allocFloat(dtype, 3 * embedDim * embedDim), [3 * embedDim, embedDim]);
    xavierUniform(inProj, { rng });
    this.registerParameter('in_proj_weight', inProj);
    if (options.bias !== false) this.registerParameter('in_proj_bias', new Parameter(allocFloat(dtype, 3 * embedDim), [3 * embedDim]));
    const outProj = new Linear(embedDim, embedDim, { bias: options.bias !== false, dtype, seed: rng });
    if (outProj.bias !== null) outProj.bias.data.fill(0);
    this.registerModule('out_proj', outProj);
    this.attnDropout = new Dropout(this.dropoutP, { seed: rng.fork() });
  }

  private param(name: string): Parameter | null {
    return new Map(this.namedParameters()).get(name) ?? null;
  }

  private describe(): string {
    return `MultiheadAttention(${this.embedDim}, ${this.numHeads} heads)`;
  }

  forward(query: Tensor, key: Tensor, value: Tensor, options: AttentionCallOptions = {}): [Tensor, Tensor | null] {
    const E = this.embedDim, h = this.numHeads, d = this.headDim;
    const layout = this.batchFirst ? 'N, L, E' : 'L, N, E';
    for (const [name, t] of [['query', query], ['key', key], ['value', value]] as const) {
      if (t.ndim !== 3 || t.shape[2] !== E) {
        throw new ShapeError(`${this.describe()}: expected ${name} of shape (${layout.replace('E', String(E))}) but got ${formatShape(t.shape)}.`);
      }
    }
    // Work batch-first: (N, L, E).
    const q0 = this.batchFirst ? query : swapAxes(query, 0, 1);
    const k0 = this.batchFirst ? key : swapAxes(key, 0, 1);
    const v0 = this.batchFirst ? value : swapAxes(value, 0, 1);
    const N = q0.shape[0]!, L = q0.shape[1]!, S = k0.shape[1]!;
    if (k0.shape[0] !== N || v0.shape[0] !== N || v0.shape[1] !== S) {
      throw new ShapeError(`${this.describe()}: query, key and value must share the batch size and key and value the length; got ${formatShape(query.shape)}, ${formatShape(key.shape)}, ${formatShape(value.shape)}.`);
    }
    const w = this.param('in_proj_weight')!, b = this.param('in_proj_bias');
    const project = (x: Tensor, part: number, len: number): Tensor => {
      const y = linear(x, narrow(w, 0, part * E, (part + 1) * E), b === null ? null : narrow(b, 0, part * E, (part + 1) * E), this.describe());
      // (N, len, E) → (N·h, len, d)
      return reshape(transpose(reshape(y, [N, len, h, d]), [0, 2, 1, 3]), [N * h, len, d]);
    };
    const q = project(q0, 0, L), k = project(k0, 1, S), v = project(v0, 2, S);
    let scores = mul(matmul(q, transpose(k, [0, 2, 1])), 1 / Math.sqrt(d)); // (N·h, L, S)
    const mask = this.additiveMask(options, N, L, S, scores.dtype);
    if (mask !== null) scores = add(scores, mask);
    let attn = softmax(scores, -1);
    const weights = attn;
    attn = this.attnDropout.call(attn);
    const ctx = reshape(transpose(reshape(matmul(attn, v), [N, h, L, d]), [0, 2, 1, 3]), [N, L, E]);
    let out = (this.namedChildren().find(([n]) => n === 'out_proj')![1] as Linear).call(ctx);
    if (!this.batchFirst) out = swapAxes(out, 0, 1);
    const needWeights = options.needWeights ?? true;
    return [out, needWeights ? mean(reshape(weights, [N, h, L, S]), 1) : null];
  }

  /** The masks as one additive (N·h, L, S) constant (−∞ where attention is not allowed), or null. */
  private additiveMask(options: AttentionCallOptions, N: number, L: number, S: number, dtype: FloatDType): Tensor | null {
    const { keyPaddingMask: kpm, attnMask: am } = options;
    if (kpm === undefined && am === undefined) return null;
    if (kpm !== undefined && kpm.length !== N * S) throw new ShapeError(`${this.describe()}: keyPaddingMask must have N·S = ${N}·${S} entries (shape (N, S)) but has ${kpm.length}.`);
    if (am !== undefined && am.length !== L * S) throw new ShapeError(`${this.describe()}: attnMask must have L·S = ${L}·${S} entries (shape (L, S)) but has ${am.length}.`);
    const h = this.numHeads;
    const m = allocFloat(dtype, N * h * L * S);
    for (let n = 0; n < N; n++) {
      for (let head = 0; head < h; head++) {
        for (let i = 0; i < L; i++) {
          const row = ((n * h + head) * L + i) * S;
          for (let j = 0; j < S; j++) {
            if ((kpm !== undefined && kpm[n * S + j]) || (am !== undefined && am[i * S + j])) m[row + j] = -Infinity;
          }
        }
      }
    }
    return Tensor.fromData(m, [N * h, L, S]);
  }

  spec(): LayerSpec {
    return {
      type: 'MultiheadAttention',
      config: { embedDim: this.embedDim, numHeads: this.numHeads, dropout: this.dropoutP, bias: this.param('in_proj_bias') !== null, batchFirst: this.batchFirst, dtype: this.param('in_proj_weight')!.dtype },
    };
  }
}

registerLayer('MultiheadAttention', (c) => new MultiheadAttention(c.embedDim as number, c.numHeads as number, {
  dropout: c.dropout as number, bias: c.bias as boolean, batchFirst: c.batchFirst as boolean, dtype: c.dtype as FloatDType, seed: 0,
}));
