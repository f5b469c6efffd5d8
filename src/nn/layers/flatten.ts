/** Flattens all dimensions from `startDim` on (default 1: keep the batch dimension). */
import { Module } from '../module.js';
import type { Tensor } from '../tensor.js';
import { flatten } from '../ops/shape.js';
import { type LayerSpec, registerLayer } from './registry.js';

/** (N, d1, d2, …) → (N, d1·d2·…). */
export class Flatten extends Module {
  constructor(readonly startDim = 1) { super(); }
  forward(x: Tensor): Tensor { return flatten(x, this.startDim); }
  spec(): LayerSpec { return { type: 'Flatten', config: { startDim: this.startDim } }; }
}

registerLayer('Flatten', (c) => new Flatten(c.startDim as number));
