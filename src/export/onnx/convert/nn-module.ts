/**
 * nn models to ONNX: a Sequential (nested ones included), a single layer, or a Module whose
 * forward applies its children in registration order, exported in eval mode. The model is run
 * natively on two small probe batches first: that gives every layer's input and output shape,
 * marks which output axes follow the batch (left dynamic in the file), and checks that a custom
 * Module really is the chain of its children.
 */
import { type AnyModule, MultiheadAttention, Sequential, Tensor, noGrad } from '../../../nn/index.js';
import { kebabName } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import { type Dim, GraphBuilder } from '../graph.js';
import { type NnDType, NnGraph, type NnStep } from './nn-context.js';
import { ELEMENTWISE_LAYERS } from './nn-layers.js';
import { multiheadAttention, recurrent, transformerEncoderLayer } from './nn-sequence.js';
import { SPATIAL_LAYERS } from './nn-spatial.js';

/** Options of `toOnnx` for an nn model. */
export interface NnOnnxOptions {
  /**
   * Shape of the model's input. Numbers only: one sample's shape, and the batch dimension 'N'
   * is prepended (e.g. [1, 28, 28] → ['N', 1, 28, 28]). With one string among them, that axis is
   * the batch, named by the string (e.g. [20, 'N', 8] for a time-major LSTM).
   */
  inputShape: readonly (number | string)[];
  /** Element type of the graph: 'float32' (default, as nn models) or 'float64'. */
  dtype?: NnDType;
  /** Graph name (default: the model's kebab-case class name). */
  name?: string;
  /** ai.onnx opset to declare, 21 (default) to 26. */
  opset?: number;
}

/** The file-level settings toOnnx decided (opset checked there). */
export interface NnFileSettings {
  opset: number;
  irVersion: number;
  producerVersion: string;
}

const CHAIN_LAYERS: Record<string, (ng: NnGraph, layer: AnyModule, s: NnStep) => string> = {
  ...ELEMENTWISE_LAYERS,
  ...SPATIAL_LAYERS,
  TransformerEncoderLayer: (ng, l, s) => transformerEncoderLayer(ng, l, s.x),
};
/** Layers returning (output, state): supported as the model itself or its last layer. */
const RECURRENT = ['LSTM', 'GRU'];

/** Layer class names toOnnx converts in nn models. */
export function nnLayerNames(): string[] {
  return [...Object.keys(CHAIN_LAYERS), ...RECURRENT, 'MultiheadAttention'];
}

/** Whether `m` is converted as one layer (rather than walked as a container of its children). */
const isLayer = (m: AnyModule): boolean => m.constructor.name in CHAIN_LAYERS || RECURRENT.includes(m.constructor.name) || m instanceof MultiheadAttention;

function supported(): string {
  return `supported layers: ${nnLayerNames().join(', ')}; containers: Sequential, or a Module whose forward applies its children in order`;
}

interface Step {
  layer: AnyModule;
  path: string;
  /** Inputs and outputs of the two probes. */
  in: [Tensor, Tensor];
  out: [unknown, unknown];
}

const isTensor = (v: unknown): v is Tensor => v instanceof Tensor;

function sameValues(a: unknown, b: unknown): boolean {
  if (isTensor(a) && isTensor(b)) {
    if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return false;
    let scale = 1;
    for (let i = 0; i < a.size; i++) scale = Math.max(scale, Math.abs(b.data[i]!));
    for (let i = 0; i < a.size; i++) if (!(Math.abs(a.data[i]! - b.data[i]!) <= 1e-6 * scale)) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValues(v, b[i]));
  return false;
}

/** Walks `m` on both probes, appending the layers to convert to `steps`; returns the two outputs. */
function plan(m: AnyModule, x: [Tensor, Tensor], path: string, steps: Step[], top: boolean): [unknown, unknown] {
  const name = m.constructor.name;
  const where = path === '' ? name : `layer '${path}' (${name})`;
  if (m instanceof Sequential || (!isLayer(m) && m.children().length > 0)) {
    const children = m instanceof Sequential ? m.layers.map((l, i) => [String(i), l] as const) : m.namedChildren();
    let h: [unknown, unknown] = x;
    children.forEach(([childName, child], i) => {
      if (!isTensor(h[0]) || !isTensor(h[1])) {
        const prev = children[i - 1]!;
        throw new OnnxExportError(`${where}: ${prev[1].constructor.name} returns (output, state), so it can only be the last layer; its output cannot feed ${child.constructor.name}.`);
      }
      h = plan(child, h as [Tensor, Tensor], path === '' ? childName : `${path}.${childName}`, steps, false);
    });
    if (!(m instanceof Sequential)) {
      let native: [unknown, unknown];
      try {
        native = [m.call(x[0]), m.call(x[1])];
      } catch (err) {
        throw new OnnxExportError(`${where}: running its forward on the probe input failed (${err instanceof Error ? err.message : String(err)}).`);
      }
      if (!sameValues(native[0], h[0]) || !sameValues(native[1], h[1])) {
        throw new OnnxExportError(
          `${where}: its forward is not its children applied in order (${children.map(([n, c]) => `${n}: ${c.constructor.name}`).join(' → ')}), so it cannot be exported as a chain; put its layers in a Sequential (${supported()}).`,
        );
      }
    }
    return h;
  }
  if (m instanceof MultiheadAttention && !top) {
    throw new OnnxExportError(`${where}: MultiheadAttention takes (query, key, value), so it cannot sit inside a chain; export it on its own, or use TransformerEncoderLayer in a Sequential.`);
  }
  if (!isLayer(m)) {
    throw new OnnxExportError(`${where} cannot be exported to ONNX; ${supported()}.`);
  }
  const run = (t: Tensor): unknown => {
    try {
      return m instanceof MultiheadAttention ? m.call(t, t, t) : m.call(t);
    } catch (err) {
      throw new OnnxExportError(`${where}: running it on the probe input of shape [${t.shape.join(', ')}] failed (${err instanceof Error ? err.message : String(err)}); check options.inputShape.`);
    }
  };
  const out: [unknown, unknown] = [run(x[0]), run(x[1])];
  steps.push({ layer: m, path, in: x, out });
  return out;
}

/** The first layer that will read the graph input. */
function firstLeaf(m: AnyModule): AnyModule {
  let cur = m;
  for (;;) {
    const next = cur instanceof Sequential ? cur.layers[0] : isLayer(cur) ? undefined : cur.children()[0];
    if (next === undefined) return cur;
    cur = next;
  }
}

/** Deterministic values in [-2, 2) (or integer indices below `indices`) for a probe of `shape`. */
function probe(shape: readonly number[], dtype: NnDType, seed: number, indices: number | null): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    data[i] = indices === null ? u * 4 - 2 : Math.floor(u * indices);
  }
  return Tensor.fromData(data, shape);
}

/** Dims of a value from its shapes on the two probes: axes that changed follow the batch. */
function symbolic(a: readonly number[], b: readonly number[], batch: string): Dim[] {
  return a.map((d, i) => (d === b[i] ? d : d === 2 && b[i] === 3 ? batch : `${batch}*${d / 2}`));
}

function shapeOf(v: unknown): number[] {
  return isTensor(v) ? [...v.shape] : shapeOf((v as unknown[])[0]);
}

/**
 * Converts an nn model (eval mode) to ONNX bytes. Input `input` of options.inputShape with a
 * dynamic batch (int64 indices when the model starts with Embedding; `query`, `key`, `value`
 * for a MultiheadAttention); output `output`, plus `h_n` (and `c_n`) when the model ends with
 * an LSTM/GRU, or `weights` for MultiheadAttention.
 */
export function nnModuleToOnnx(model: AnyModule, options: NnOnnxOptions, file: NnFileSettings): Uint8Array {
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') throw new OnnxExportError(`options.dtype must be 'float32' or 'float64' for nn models, got ${JSON.stringify(dtype)}.`);
  const raw = options.inputShape;
  const named = Array.isArray(raw) ? raw.filter((d) => typeof d === 'string') : [];
  if (!Array.isArray(raw) || raw.length === 0 || named.length > 1 || raw.some((d) => typeof d !== 'string' && !(Number.isInteger(d) && d > 0))) {
    throw new OnnxExportError(
      `toOnnx of an nn model needs options.inputShape: one sample's shape as positive integers (e.g. [1, 28, 28]; the batch is prepended), or the full shape with the batch axis named by one string (e.g. [20, 'N', 8]); got ${JSON.stringify(raw)}.`,
    );
  }
  const shape: Dim[] = named.length === 1 ? [...raw] : ['N', ...raw];
  const batch = shape.find((d): d is string => typeof d === 'string')!;
  const concrete = (b: number): number[] => shape.map((d) => (typeof d === 'string' ? b : d));
  const first = firstLeaf(model);
  const indices = first.constructor.name === 'Embedding' ? (first as unknown as { numEmbeddings: number }).numEmbeddings : null;
  const weightType = model.parameters()[0]?.dtype ?? 'float32';

  const modes = model.modules().map((m) => [m, m.training] as const);
  model.eval();
  const steps: Step[] = [];
  let out: [unknown, unknown];
  try {
    out = noGrad(() => plan(model, [probe(concrete(2), weightType, 1, indices), probe(concrete(3), weightType, 2, indices)], '', steps, true));
  } finally {
    for (const [m, mode] of modes) m.training = mode;
  }

  const g = new GraphBuilder(file.opset, 5);
  const ng = new NnGraph(g, dtype);
  const mha = model instanceof MultiheadAttention ? model : null;
  let x: string;
  if (mha) {
    x = g.input('query', dtype, shape);
  } else {
    x = g.input('input', indices === null ? dtype : 'int64', shape);
    if (indices !== null) ng.indexInput = x;
  }
  const outputs: { value: string; name: string; shape: Dim[] }[] = [];
  steps.forEach((step, i) => {
    const inShape = step.in[0].shape;
    const outShape = shapeOf(step.out[0]);
    const name = step.layer.constructor.name;
    const last = i === steps.length - 1;
    if (mha) {
      const r = multiheadAttention(ng, mha, x, g.input('key', dtype, shape), g.input('value', dtype, shape));
      const [o, w] = step.out as [[Tensor, Tensor], [Tensor, Tensor]];
      outputs.push({ value: r.output, name: 'output', shape: symbolic(o[0].shape, w[0].shape, batch) });
      outputs.push({ value: r.weights, name: 'weights', shape: symbolic(o[1].shape, w[1].shape, batch) });
    } else if (RECURRENT.includes(name)) {
      if (!last) throw new OnnxExportError(`layer '${step.path}' (${name}) returns (output, state), so it can only be the last layer.`);
      const r = recurrent(ng, step.layer, x, inShape);
      const [a, b] = step.out as [[Tensor, Tensor | [Tensor, Tensor]], [Tensor, Tensor | [Tensor, Tensor]]];
      outputs.push({ value: r.output, name: 'output', shape: symbolic(a[0].shape, b[0].shape, batch) });
      const states = (v: Tensor | [Tensor, Tensor]): Tensor[] => (isTensor(v) ? [v] : v);
      const [sa, sb] = [states(a[1]), states(b[1])];
      outputs.push({ value: r.hN, name: 'h_n', shape: symbolic(sa[0]!.shape, sb[0]!.shape, batch) });
      if (r.cN) outputs.push({ value: r.cN, name: 'c_n', shape: symbolic(sa[1]!.shape, sb[1]!.shape, batch) });
    } else {
      x = CHAIN_LAYERS[name]!(ng, step.layer, { x, inShape, outShape });
    }
  });
  if (outputs.length === 0) {
    if (!isTensor(out[0]) || !isTensor(out[1])) throw new OnnxExportError(`${model.constructor.name} does not return a tensor; ${supported()}.`);
    outputs.push({ value: x, name: 'output', shape: symbolic(out[0].shape, out[1].shape, batch) });
  }
  for (const o of outputs) g.output(o.value, o.name, dtype, o.shape);
  const modelName = kebabName(model.constructor.name);
  return g.toBytes({
    name: options.name ?? modelName,
    irVersion: file.irVersion,
    producerVersion: file.producerVersion,
    docString: `${modelName} (nn, eval mode) exported by Strata`,
    metadata: { 'strata.model': modelName, 'strata.task': 'nn', 'strata.dtype': dtype },
  });
}
