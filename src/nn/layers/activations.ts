/** Activation layers: modules over the element-wise and softmax primitives. */
import { Module } from '../module.js';
import type { Tensor } from '../tensor.js';
import { gelu, leakyRelu, relu, sigmoid, silu, tanh } from '../ops/elementwise.js';
import { logSoftmax, softmax } from '../ops/softmax.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** max(x, 0). */
export class ReLU extends Module {
  forward(x: Tensor): Tensor { return relu(x); }
  spec(): LayerSpec { return { type: 'ReLU', config: {} }; }
}

/** max(x, slope·x). */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) { super(); }
  forward(x: Tensor): Tensor { return leakyRelu(x, this.negativeSlope); }
  spec(): LayerSpec { return { type: 'LeakyReLU', config: { negativeSlope: this.negativeSlope } }; }
}

/** Exact GELU x·Φ(x). */
export class GELU extends Module {
  forward(x: Tensor): Tensor { return gelu(x); }
  spec(): LayerSpec { return { type: 'GELU', config: {} }; }
}

/** SiLU (swish) x·σ(x). */
export class SiLU extends Module {
  forward(x: Tensor): Tensor { return silu(x); }
  spec(): LayerSpec { return { type: 'SiLU', config: {} }; }
}

/** Hyperbolic tangent. */
export class Tanh extends Module {
  forward(x: Tensor): Tensor { return tanh(x); }
  spec(): LayerSpec { return { type: 'Tanh', config: {} }; }
}

/** Logistic sigmoid. */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor { return sigmoid(x); }
  spec(): LayerSpec { return { type: 'Sigmoid', config: {} }; }
}

/** Softmax along `dim` (default the last). */
export class Softmax extends Module {
  constructor(readonly dim = -1) { super(); }
  forward(x: Tensor): Tensor { return softmax(x, this.dim); }
  spec(): LayerSpec { return { type: 'Softmax', config: { dim: this.dim } }; }
}

/** Log-softmax along `dim` (default the last). */
export class LogSoftmax extends Module {
  constructor(readonly dim = -1) { super(); }
  forward(x: Tensor): Tensor { return logSoftmax(x, this.dim); }
  spec(): LayerSpec { return { type: 'LogSoftmax', config: { dim: this.dim } }; }
}

/** Passes its input through. */
export class Identity extends Module {
  forward(x: Tensor): Tensor { return x; }
  spec(): LayerSpec { return { type: 'Identity', config: {} }; }
}

registerLayer('ReLU', () => new ReLU());
registerLayer('LeakyReLU', (c) => new LeakyReLU(c.negativeSlope as number));
registerLayer('GELU', () => new GELU());
registerLayer('SiLU', () => new SiLU());
registerLayer('Tanh', () => new Tanh());
registerLayer('Sigmoid', () => new Sigmoid());
registerLayer('Softmax', (c) => new Softmax(c.dim as number));
registerLayer('LogSoftmax', (c) => new LogSoftmax(c.dim as number));
registerLayer('Identity', () => new Identity());
