/**
 * The network under MLPClassifier/MLPRegressor: dense layers with one hidden activation,
 * float64, initialized as scikit-learn does (Glorot uniform for weights and biases, with factor
 * 2 instead of 6 for the logistic activation). Weights are stored (out, in) per layer.
 */
import { Linear } from '../layers/linear.js';
import { Tensor, noGrad } from '../tensor.js';
import { relu, sigmoid, tanh } from '../ops/elementwise.js';
import { linear } from '../ops/matmul.js';
import { uniform } from '../init.js';
import type { Rng } from '../random.js';
import type { MLPActivation } from './mlp-params.js';

/** The weights of a fitted network, (out × in) row-major per layer. */
export interface MLPWeights {
  layerSizes: number[];
  coefs: Float64Array[];
  intercepts: Float64Array[];
}

/** Dense layers of the given sizes (inputs first, outputs last), initialized from `rng`. */
export function buildLayers(sizes: readonly number[], activation: MLPActivation, rng: Rng): Linear[] {
  const layers: Linear[] = [];
  const factor = activation === 'logistic' ? 2 : 6;
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fanIn = sizes[i]!;
    const fanOut = sizes[i + 1]!;
    const layer = new Linear(fanIn, fanOut, { dtype: 'float64', seed: rng });
    const bound = Math.sqrt(factor / (fanIn + fanOut));
    uniform(layer.weight, -bound, bound, { rng });
    uniform(layer.bias!, -bound, bound, { rng });
    layers.push(layer);
  }
  return layers;
}

/** Applies the hidden activation. */
export function activate(x: Tensor, activation: MLPActivation): Tensor {
  switch (activation) {
    case 'relu': return relu(x);
    case 'tanh': return tanh(x);
    case 'logistic': return sigmoid(x);
    case 'identity': return x;
  }
}

/** The network's raw outputs (before the output activation) for x (n × inputs). */
export function forwardLayers(layers: readonly Linear[], x: Tensor, activation: MLPActivation): Tensor {
  let h = x;
  layers.forEach((layer, i) => {
    h = layer.call(h);
    if (i + 1 < layers.length) h = activate(h, activation);
  });
  return h;
}

/** Copies of the layers' weights. */
export function snapshot(layers: readonly Linear[]): MLPWeights {
  return {
    layerSizes: [layers[0]!.inFeatures, ...layers.map((l) => l.outFeatures)],
    coefs: layers.map((l) => Float64Array.from(l.weight.data)),
    intercepts: layers.map((l) => Float64Array.from(l.bias!.data)),
  };
}

/** Raw outputs of a saved network for rows of x (row-major n × inputs). */
export function predictRaw(w: MLPWeights, x: Float64Array, rows: number, activation: MLPActivation): Tensor {
  return noGrad(() => {
    let h = Tensor.fromData(x, [rows, w.layerSizes[0]!]);
    for (let i = 0; i < w.coefs.length; i++) {
      const W = Tensor.fromData(w.coefs[i]!, [w.layerSizes[i + 1]!, w.layerSizes[i]!]);
      const b = Tensor.fromData(w.intercepts[i]!, [w.layerSizes[i + 1]!]);
      h = linear(h, W, b);
      if (i + 1 < w.coefs.length) h = activate(h, activation);
    }
    return h;
  });
}
