/**
 * `Sequential`: a stack of layers applied in order (PyTorch's `nn.Sequential`) with Keras'
 * training API on top — `compile`, `fit`, `evaluate`, `predict` — and saving to one JSON string
 * (layer specs plus base64 weights). Children are named 0, 1, … as in PyTorch's state dicts.
 */
import type { NdArray, NestedArray } from '../../tensor/index.js';
import { Module, type AnyModule } from '../module.js';
import { Tensor, tensor, type FloatDType } from '../tensor.js';
import { type LayerSpec, buildLayer, isSavable } from '../layers/registry.js';
import { type EncodedTensor, decodeTensor, encodeTensor } from '../serialize.js';
import { type CompileConfig, type Compiled, compileConfig } from './compile.js';
import { type FitOptions, type History, evaluateModel, fitModel, predictModel } from './fit.js';
import type { Logs } from './callbacks.js';

/** Data `fit`/`evaluate`/`predict` accept. */
export type DataInput = Tensor | NdArray | NestedArray | ArrayLike<number>;

/** The saved form of a Sequential model. */
export interface SequentialJSON {
  format: 'strata-nn-sequential';
  version: 1;
  layers: LayerSpec[];
  weights: Record<string, EncodedTensor>;
}

/**
 * Layers in order; trainable with `compile` + `fit`.
 *
 * @example
 * manualSeed(0);
 * const model = new Sequential([new Linear(64, 32), new ReLU(), new Linear(32, 10)]);
 * model.compile({ optimizer: 'adam', lr: 1e-3, loss: 'crossentropy', metrics: ['accuracy'] });
 * const history = await model.fit(x, y, { epochs: 20, batchSize: 32, validationSplit: 0.1 });
 */
export class Sequential extends Module {
  private readonly layerList: AnyModule[] = [];
  private compiled: Compiled | null = null;

  constructor(layers: readonly AnyModule[] = []) {
    super();
    for (const l of layers) this.add(l);
  }

  /** Appends a layer. */
  add(layer: AnyModule): this {
    this.registerModule(String(this.layerList.length), layer);
    this.layerList.push(layer);
    return this;
  }

  /** The layers, in order. */
  get layers(): readonly AnyModule[] {
    return this.layerList;
  }

  forward(x: Tensor): Tensor {
    let h = x;
    for (const l of this.layerList) h = l.call(h) as Tensor;
    return h;
  }

  /** Sets the optimizer, loss and metrics for `fit`/`evaluate` (rebuilds the optimizer). */
  compile(config: CompileConfig): this {
    this.compiled = compileConfig(config, this.parameters());
    return this;
  }

  private requireCompiled(what: string): Compiled {
    if (this.compiled === null) throw new Error(`Sequential.${what}: call compile({ optimizer, loss }) first.`);
    return this.compiled;
  }

  private dtype(): FloatDType {
    return this.parameters()[0]?.dtype ?? 'float32';
  }

  private asTensor(v: DataInput): Tensor {
    if (v instanceof Tensor) return v.dtype === this.dtype() ? v : v.to(this.dtype());
    return tensor(v as NestedArray, { dtype: this.dtype() });
  }

  /** Trains on (x, y) for `epochs`; resolves to the per-epoch metric curves. */
  fit(x: DataInput, y: DataInput, options: FitOptions = {}): Promise<History> {
    const compiled = this.requireCompiled('fit');
    const opts = options.validationData === undefined ? options : { ...options, validationData: [this.asTensor(options.validationData[0]), this.asTensor(options.validationData[1])] as [Tensor, Tensor] };
    return fitModel(this, compiled, this.asTensor(x), this.asTensor(y), opts);
  }

  /** Loss and compiled metrics on (x, y). */
  evaluate(x: DataInput, y: DataInput, options: { batchSize?: number } = {}): Logs {
    return evaluateModel(this, this.requireCompiled('evaluate'), this.asTensor(x), this.asTensor(y), options.batchSize);
  }

  /** Outputs for x (eval mode, no graph). */
  predict(x: DataInput, options: { batchSize?: number } = {}): Tensor {
    return predictModel(this, this.asTensor(x), options.batchSize);
  }

  /** Layer specs and weights as a JSON-safe object. */
  toJSON(): SequentialJSON {
    const layers = this.layerList.map((l, i) => {
      if (!isSavable(l)) throw new Error(`Sequential.save: layer ${i} (${l.constructor.name}) cannot describe itself; give it a spec() method and registerLayer its type.`);
      return l.spec();
    });
    const weights: Record<string, EncodedTensor> = {};
    for (const [k, t] of Object.entries(this.stateDict())) weights[k] = encodeTensor(t);
    return { format: 'strata-nn-sequential', version: 1, layers, weights };
  }

  /** The model as one JSON string (write it with any file API). */
  save(): string {
    return JSON.stringify(this.toJSON());
  }

  /** Rebuilds a model written by `save`/`toJSON` (not compiled). */
  static load(json: string | SequentialJSON): Sequential {
    const doc = (typeof json === 'string' ? JSON.parse(json) : json) as SequentialJSON;
    if (doc?.format !== 'strata-nn-sequential') throw new SyntaxError("Sequential.load: expected JSON with format 'strata-nn-sequential' (written by Sequential.save).");
    const model = new Sequential(doc.layers.map((s) => buildLayer(s)));
    model.loadStateDict(Object.fromEntries(Object.entries(doc.weights).map(([k, e]) => [k, decodeTensor(e)])));
    return model;
  }
}
