/**
 * Recurrent layers (PyTorch's `nn.LSTM` and `nn.GRU`, unidirectional): a stack of `numLayers`
 * layers, each a fused op over the whole sequence (recurrent-op.ts). Parameters carry PyTorch's
 * names (`weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`, …), so state dicts line up
 * with PyTorch's; all start as U(−1/√H, 1/√H).
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Module, Parameter } from '../module.js';
import { type FloatDType, Tensor, allocFloat } from '../tensor.js';
import { concat, narrow, swapAxes } from '../ops/shape.js';
import { uniform } from '../init.js';
import { type Rng, rngFrom } from '../random.js';
import { type RecurrentWeights, gruLayer, lstmLayer } from './recurrent-op.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** Options of `LSTM` and `GRU`. */
export interface RecurrentOptions {
  /** Stacked layers (default 1). */
  numLayers?: number;
  /** Learn biases b_ih and b_hh (default true). */
  bias?: boolean;
  /** Input and output as (N, T, features) instead of (T, N, features) (default false, as PyTorch). */
  batchFirst?: boolean;
  dtype?: FloatDType;
  /** Seed or generator for the initial weights (default: the nn default generator). */
  seed?: number | Rng;
}

abstract class RecurrentBase<S> extends Module<[Tensor, S?], [Tensor, S]> {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly batchFirst: boolean;

  constructor(readonly kind: 'LSTM' | 'GRU', gates: number, inputSize: number, hiddenSize: number, options: RecurrentOptions) {
    super();
    const numLayers = options.numLayers ?? 1;
    for (const [name, v] of [['inputSize', inputSize], ['hiddenSize', hiddenSize], ['numLayers', numLayers]] as const) {
      if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${kind}: ${name} must be a positive integer (got ${v}).`);
    }
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.batchFirst = options.batchFirst ?? false;
    const dtype = options.dtype ?? 'float32';
    const rng = rngFrom(options.seed);
    const bound = 1 / Math.sqrt(hiddenSize);
    const G = gates * hiddenSize;
    const make = (name: string, shape: number[]): Parameter => {
      const p = new Parameter(allocFloat(dtype, shape.reduce((a, b) => a * b, 1)), shape);
      uniform(p, -bound, bound, { rng });
      this.registerParameter(name, p);
      return p;
    };
    for (let l = 0; l < numLayers; l++) {
      const inF = l === 0 ? inputSize : hiddenSize;
      make(`weight_ih_l${l}`, [G, inF]);
      make(`weight_hh_l${l}`, [G, hiddenSize]);
      if (options.bias !== false) {
        make(`bias_ih_l${l}`, [G]);
        make(`bias_hh_l${l}`, [G]);
      }
    }
  }

  /**
   * Layer l's weights, looked up by name on every call (so `to(dtype)`, which replaces the
   * parameters, is picked up).
   */
  protected weights(l: number): RecurrentWeights {
    const byName = new Map(this.namedParameters());
    return {
      wIh: byName.get(`weight_ih_l${l}`)!, wHh: byName.get(`weight_hh_l${l}`)!,
      bIh: byName.get(`bias_ih_l${l}`) ?? null, bHh: byName.get(`bias_hh_l${l}`) ?? null,
    };
  }

  protected describe(): string {
    return `${this.kind}(${this.inputSize}→${this.hiddenSize}${this.numLayers > 1 ? `, ${this.numLayers} layers` : ''})`;
  }

  /** The input as time-major (T, N, I), checking its shape. */
  protected timeMajor(x: Tensor): Tensor {
    if (x.ndim !== 3 || x.shape[2] !== this.inputSize) {
      throw new ShapeError(`${this.describe()}: expected input of shape (${this.batchFirst ? 'N, T' : 'T, N'}, ${this.inputSize}) but got ${formatShape(x.shape)}.`);
    }
    const dtype = this.weights(0).wIh.dtype;
    if (x.dtype !== dtype) throw new TypeError(`${this.describe()}: the input is ${x.dtype} but the weights are ${dtype}; convert one with .to('${dtype}').`);
    return this.batchFirst ? swapAxes(x, 0, 1) : x;
  }

  /** A state (numLayers, N, H), given or zeros, checked. */
  protected state(s: Tensor | undefined, batch: number, what: string, dtype: FloatDType): Tensor {
    const shape = [this.numLayers, batch, this.hiddenSize];
    if (s === undefined) return Tensor.fromData(allocFloat(dtype, this.numLayers * batch * this.hiddenSize), shape);
    if (s.ndim !== 3 || s.shape.some((d, i) => d !== shape[i])) {
      throw new ShapeError(`${this.describe()}: expected ${what} of shape ${formatShape(shape)} but got ${formatShape(s.shape)}.`);
    }
    return s;
  }

  /** Layer l's slice (N, H) of a (numLayers, N, H) state. */
  protected layerState(s: Tensor, l: number): Tensor {
    return this.numLayers === 1 ? s.reshape(s.shape.slice(1)) : narrow(s, 0, l, l + 1).reshape(s.shape.slice(1));
  }

  protected output(y: Tensor): Tensor {
    return this.batchFirst ? swapAxes(y, 0, 1) : y;
  }

  spec(): LayerSpec {
    const w = this.weights(0);
    return {
      type: this.kind,
      config: { inputSize: this.inputSize, hiddenSize: this.hiddenSize, numLayers: this.numLayers, bias: w.bIh !== null, batchFirst: this.batchFirst, dtype: w.wIh.dtype },
    };
  }
}

/**
 * Long short-term memory. `call(x, [h0, c0]?)` → `[output, [hN, cN]]`: output (T, N, H) (or
 * (N, T, H) with batchFirst) holds the last layer's h at every step; hN and cN (numLayers, N, H)
 * the final states of every layer. Missing initial states are zeros.
 *
 * @example
 * const lstm = new LSTM(8, 32, { numLayers: 2, batchFirst: true, seed: 0 });
 * const [out, [h, c]] = lstm.call(x); // x (N, T, 8) → out (N, T, 32), h and c (2, N, 32)
 */
export class LSTM extends RecurrentBase<[Tensor, Tensor]> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super('LSTM', 4, inputSize, hiddenSize, options);
  }

  forward(x: Tensor, state?: [Tensor, Tensor]): [Tensor, [Tensor, Tensor]] {
    let seq = this.timeMajor(x);
    const [T, N] = seq.shape as [number, number];
    const h0 = this.state(state?.[0], N, 'h0', x.dtype);
    const c0 = this.state(state?.[1], N, 'c0', x.dtype);
    const hs: Tensor[] = [], cs: Tensor[] = [];
    for (let l = 0; l < this.numLayers; l++) {
      const packed = lstmLayer(seq, this.layerState(h0, l), this.layerState(c0, l), this.weights(l));
      seq = narrow(packed, 0, 0, T);
      hs.push(narrow(packed, 0, T - 1, T));
      cs.push(narrow(packed, 0, T, T + 1));
    }
    return [this.output(seq), [concat(hs, 0), concat(cs, 0)]];
  }
}

/**
 * Gated recurrent unit. `call(x, h0?)` → `[output, hN]`, shapes as for `LSTM`.
 *
 * @example
 * const gru = new GRU(8, 16, { seed: 0 });
 * const [out, h] = gru.call(x); // x (T, N, 8) → out (T, N, 16), h (1, N, 16)
 */
export class GRU extends RecurrentBase<Tensor> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super('GRU', 3, inputSize, hiddenSize, options);
  }

  forward(x: Tensor, state?: Tensor): [Tensor, Tensor] {
    let seq = this.timeMajor(x);
    const [T, N] = seq.shape as [number, number];
    const h0 = this.state(state, N, 'h0', x.dtype);
    const hs: Tensor[] = [];
    for (let l = 0; l < this.numLayers; l++) {
      seq = gruLayer(seq, this.layerState(h0, l), this.weights(l));
      hs.push(narrow(seq, 0, T - 1, T));
    }
    return [this.output(seq), concat(hs, 0)];
  }
}

const build = (make: (i: number, h: number, o: RecurrentOptions) => Module<never[], unknown>) => (c: Record<string, unknown>) =>
  make(c.inputSize as number, c.hiddenSize as number, { numLayers: c.numLayers as number, bias: c.bias as boolean, batchFirst: c.batchFirst as boolean, dtype: c.dtype as FloatDType, seed: 0 });
registerLayer('LSTM', build((i, h, o) => new LSTM(i, h, o)));
registerLayer('GRU', build((i, h, o) => new GRU(i, h, o)));
