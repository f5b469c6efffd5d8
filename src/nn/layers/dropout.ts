/** Dropout: zeroes each element with probability p in training and scales the rest by 1/(1−p). */
import { Module } from '../module.js';
import { Tensor, allocFloat } from '../tensor.js';
import { mul } from '../ops/elementwise.js';
import { type Rng, defaultRng, rngFrom } from '../random.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `Dropout`. */
export interface DropoutOptions {
  /** Seed or generator for the masks (default: the nn default generator). */
  seed?: number | Rng;
}

/** Inverted dropout (PyTorch's `nn.Dropout`); the identity in eval mode. */
export class Dropout extends Module {
  readonly p: number;
  /** Own generator when seeded; otherwise masks come from the nn default generator at call time. */
  private readonly rng: Rng | null;

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super();
    if (!(p >= 0 && p < 1)) throw new RangeError(`Dropout: p must be in [0, 1) (got ${p}).`);
    this.p = p;
    this.rng = options.seed === undefined ? null : rngFrom(options.seed);
  }

  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    const mask = allocFloat(x.dtype, x.size);
    const keep = 1 - this.p;
    const scale = 1 / keep;
    const rng = this.rng ?? defaultRng();
    for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < keep ? scale : 0;
    return mul(x, Tensor.fromData(mask, x.shape));
  }

  spec(): LayerSpec {
    return { type: 'Dropout', config: { p: this.p } };
  }
}

registerLayer('Dropout', (c) => new Dropout(c.p as number));
