/**
 * One Transformer encoder layer (PyTorch's `nn.TransformerEncoderLayer`): self-attention and a
 * two-layer feed-forward block, each with dropout, a residual connection and layer
 * normalization — after each block (post-norm, PyTorch's default) or before it (`normFirst`).
 * Children carry PyTorch's names (`self_attn`, `linear1`, `linear2`, `norm1`, `norm2`), so a
 * PyTorch state dict loads as is.
 */
import { Module } from '../module.js';
import type { FloatDType, Tensor } from '../tensor.js';
import { add, gelu, relu } from '../ops/elementwise.js';
import { type Rng, rngFrom } from '../random.js';
import { type AttentionCallOptions, MultiheadAttention } from './attention.js';
import { Dropout } from './dropout.js';
import { LayerNorm } from './layer-norm.js';
import { Linear } from './linear.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `TransformerEncoderLayer`. */
export interface TransformerEncoderLayerOptions {
  /** Width of the feed-forward block (default 2048, as PyTorch). */
  dimFeedforward?: number;
  /** Dropout after attention, inside and after the feed-forward block (default 0.1). */
  dropout?: number;
  activation?: 'relu' | 'gelu';
  layerNormEps?: number;
  /** (N, L, E) instead of (L, N, E) (default false). */
  batchFirst?: boolean;
  /** Normalize before each block instead of after (default false). */
  normFirst?: boolean;
  dtype?: FloatDType;
  seed?: number | Rng;
}

/**
 * Self-attention + feed-forward with residuals and layer norms; input and output (L, N, E), or
 * (N, L, E) with batchFirst. `call(x, { attnMask, keyPaddingMask })`.
 *
 * @example
 * const layer = new TransformerEncoderLayer(32, 4, { dimFeedforward: 64, batchFirst: true, seed: 0 });
 * layer.call(x).shape; // same as x: (N, L, 32)
 */
export class TransformerEncoderLayer extends Module<[Tensor, AttentionCallOptions?], Tensor> {
  readonly dModel: number;
  readonly nhead: number;
  readonly options: Required<Omit<TransformerEncoderLayerOptions, 'seed' | 'dtype'>> & { dtype: FloatDType };

  constructor(dModel: number, nhead: number, options: TransformerEncoderLayerOptions = {}) {
    super();
    this.dModel = dModel;
    this.nhead = nhead;
    const dtype = options.dtype ?? 'float32';
    this.options = {
      dimFeedforward: options.dimFeedforward ?? 2048, dropout: options.dropout ?? 0.1, activation: options.activation ?? 'relu',
      layerNormEps: options.layerNormEps ?? 1e-5, batchFirst: options.batchFirst ?? false, normFirst: options.normFirst ?? false, dtype,
    };
    if (!['relu', 'gelu'].includes(this.options.activation)) throw new RangeError(`TransformerEncoderLayer: activation must be 'relu' or 'gelu' (got '${String(this.options.activation)}').`);
    const o = this.options;
    const rng = rngFrom(options.seed);
    this.registerModule('self_attn', new MultiheadAttention(dModel, nhead, { dropout: o.dropout, batchFirst: o.batchFirst, dtype, seed: rng.fork() }));
    this.registerModule('linear1', new Linear(dModel, o.dimFeedforward, { dtype, seed: rng.fork() }));
    this.registerModule('dropout', new Dropout(o.dropout, { seed: rng.fork() }));
    this.registerModule('linear2', new Linear(o.dimFeedforward, dModel, { dtype, seed: rng.fork() }));
    this.registerModule('norm1', new LayerNorm(dModel, { eps: o.layerNormEps, dtype }));
    this.registerModule('norm2', new LayerNorm(dModel, { eps: o.layerNormEps, dtype }));
    this.registerModule('dropout1', new Dropout(o.dropout, { seed: rng.fork() }));
    this.registerModule('dropout2', new Dropout(o.dropout, { seed: rng.fork() }));
  }

  private child<M>(name: string): M {
    return this.namedChildren().find(([n]) => n === name)![1] as M;
  }

  forward(x: Tensor, options: AttentionCallOptions = {}): Tensor {
    const attn = this.child<MultiheadAttention>('self_attn');
    const norm1 = this.child<LayerNorm>('norm1'), norm2 = this.child<LayerNorm>('norm2');
    const selfAttention = (t: Tensor): Tensor => this.child<Dropout>('dropout1').call(attn.call(t, t, t, { ...options, needWeights: false })[0]);
    const feedForward = (t: Tensor): Tensor => {
      const hidden = this.child<Linear>('linear1').call(t);
      const act = this.options.activation === 'gelu' ? gelu(hidden) : relu(hidden);
      return this.child<Dropout>('dropout2').call(this.child<Linear>('linear2').call(this.child<Dropout>('dropout').call(act)));
    };
    if (this.options.normFirst) {
      const y = add(x, selfAttention(norm1.call(x)));
      return add(y, feedForward(norm2.call(y)));
    }
    const y = norm1.call(add(x, selfAttention(x)));
    return norm2.call(add(y, feedForward(y)));
  }

  spec(): LayerSpec {
    return { type: 'TransformerEncoderLayer', config: { dModel: this.dModel, nhead: this.nhead, ...this.options } };
  }
}

registerLayer('TransformerEncoderLayer', (c) => new TransformerEncoderLayer(c.dModel as number, c.nhead as number, { ...(c as TransformerEncoderLayerOptions), seed: 0 }));
