/** A lookup table of learned vectors (PyTorch's `nn.Embedding`), initialized N(0, 1). */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module, Parameter } from '../module.js';
import { type FloatDType, Tensor, allocFloat } from '../tensor.js';
import { indexSelect, reshape } from '../ops/shape.js';
import { normal } from '../init.js';
import { type Rng, rngFrom } from '../random.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `Embedding`. */
export interface EmbeddingOptions {
  /** An index whose vector stays zero and gets no gradient (e.g. padding tokens). */
  paddingIdx?: number;
  dtype?: FloatDType;
  seed?: number | Rng;
}

/** Maps integer indices (any shape) to vectors: (…) → (…, embeddingDim). */
export class Embedding extends Module<[Tensor | ArrayLike<number>]> {
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly paddingIdx: number | null;
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingOptions = {}) {
    super();
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    this.weight = new Parameter(allocFloat(options.dtype ?? 'float32', numEmbeddings * embeddingDim), [numEmbeddings, embeddingDim]);
    normal(this.weight, 0, 1, { rng: rngFrom(options.seed) });
    const pad = options.paddingIdx ?? null;
    if (pad !== null) {
      if (!Number.isInteger(pad) || pad < 0 || pad >= numEmbeddings) throw new RangeError(`Embedding: paddingIdx must be an integer in [0, ${numEmbeddings}) (got ${pad}).`);
      this.weight.data.fill(0, pad * embeddingDim, (pad + 1) * embeddingDim);
    }
    this.paddingIdx = pad;
  }

  /** `indices` holds integers in [0, numEmbeddings) (any float dtype). */
  forward(indices: Tensor | ArrayLike<number>): Tensor {
    const idx = 'shape' in indices ? indices.data : indices;
    const shape = 'shape' in indices ? indices.shape : [indices.length];
    for (let i = 0; i < idx.length; i++) {
      const v = idx[i]!;
      if (!Number.isInteger(v) || v < 0 || v >= this.numEmbeddings) {
        throw new ShapeError(`Embedding(${this.numEmbeddings}, ${this.embeddingDim}): index ${v} at position ${i} of the input ${formatShape(shape)} is not an integer in [0, ${this.numEmbeddings}).`);
      }
    }
    let rows = indexSelect(this.weight, idx);
    if (this.paddingIdx !== null) {
      // Masking the padding rows keeps their output zero and their gradient zero.
      const mask = allocFloat(rows.dtype, idx.length).fill(1);
      for (let i = 0; i < idx.length; i++) if (idx[i] === this.paddingIdx) mask[i] = 0;
      rows = rows.mul(Tensor.fromData(mask, [idx.length, 1]));
    }
    return reshape(rows, [...shape, this.embeddingDim]);
  }

  spec(): LayerSpec {
    return { type: 'Embedding', config: { numEmbeddings: this.numEmbeddings, embeddingDim: this.embeddingDim, paddingIdx: this.paddingIdx, dtype: this.weight.dtype } };
  }
}

registerLayer('Embedding', (c) => new Embedding(c.numEmbeddings as number, c.embeddingDim as number, { dtype: c.dtype as FloatDType, seed: 0, ...(c.paddingIdx === null || c.paddingIdx === undefined ? {} : { paddingIdx: c.paddingIdx as number }) }));
