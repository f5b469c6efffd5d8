/**
 * GraphBuilder: collects nodes, constants (initializers), inputs and outputs of one ONNX graph
 * in the order they are added — a converter adds a node only after the nodes that produce its
 * inputs, so the node list is topologically sorted by construction — and writes the ModelProto.
 */
import { AttributeType, DataType, ModelProto } from './proto.js';

/** Element types Strata writes. */
export type ElemType = 'float32' | 'float64' | 'int64' | 'int32' | 'string' | 'bool' | 'uint8';

/** A dimension: a fixed size, or a symbolic name such as 'N' (the batch). */
export type Dim = number | string;

const DATA_TYPE: Record<ElemType, number> = {
  float32: DataType.FLOAT, float64: DataType.DOUBLE, int64: DataType.INT64, int32: DataType.INT32,
  string: DataType.STRING, bool: DataType.BOOL, uint8: DataType.UINT8,
};

/** DataType number → element type name (and names for the types Strata does not write). */
export const ELEM_TYPE_NAME: Record<number, string> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128', 16: 'bfloat16',
};

type TensorValues = ArrayLike<number> | readonly string[] | readonly boolean[] | BigInt64Array;

/** A TensorProto object (protobufjs plain-object form). */
export interface TensorObject {
  name?: string;
  dims: number[];
  dataType: number;
  rawData?: Uint8Array;
  stringData?: Uint8Array[];
}

const utf8 = new TextEncoder();

/** A TensorProto with `values` (row-major) of element type `type` and shape `dims`. */
export function makeTensor(type: ElemType, dims: readonly number[], values: TensorValues, name?: string): TensorObject {
  const size = dims.reduce((a, b) => a * b, 1);
  if (values.length !== size) throw new Error(`ONNX tensor '${name ?? ''}': ${values.length} values for shape [${dims.join(', ')}].`);
  const t: TensorObject = { dims: [...dims], dataType: DATA_TYPE[type] };
  if (name !== undefined) t.name = name;
  if (type === 'string') {
    t.stringData = (values as readonly string[]).map((s) => utf8.encode(String(s)));
    return t;
  }
  const width = type === 'float64' || type === 'int64' ? 8 : type === 'float32' || type === 'int32' ? 4 : 1;
  const bytes = new Uint8Array(size * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < size; i++) {
    const v = values[i] as number | boolean | bigint;
    switch (type) {
      case 'float64': view.setFloat64(i * 8, v as number, true); break;
      case 'float32': view.setFloat32(i * 4, v as number, true); break;
      case 'int64': view.setBigInt64(i * 8, typeof v === 'bigint' ? v : BigInt(v as number), true); break;
      case 'int32': view.setInt32(i * 4, v as number, true); break;
      case 'bool': bytes[i] = v ? 1 : 0; break;
      case 'uint8': bytes[i] = v as number; break;
    }
  }
  t.rawData = bytes;
  return t;
}

/** An attribute value, tagged with its ONNX attribute type. */
export type Attr =
  | { int: number }
  | { float: number }
  | { string: string }
  | { ints: readonly number[] }
  | { floats: readonly number[] }
  | { strings: readonly string[] }
  | { tensor: TensorObject };

function attributeProto(name: string, a: Attr): Record<string, unknown> {
  if ('int' in a) return { name, type: AttributeType.INT, i: a.int };
  if ('float' in a) return { name, type: AttributeType.FLOAT, f: a.float };
  if ('string' in a) return { name, type: AttributeType.STRING, s: utf8.encode(a.string) };
  if ('ints' in a) return { name, type: AttributeType.INTS, ints: [...a.ints] };
  if ('floats' in a) return { name, type: AttributeType.FLOATS, floats: [...a.floats] };
  if ('strings' in a) return { name, type: AttributeType.STRINGS, strings: a.strings.map((s) => utf8.encode(s)) };
  return { name, type: AttributeType.TENSOR, t: a.tensor };
}

/** The ai.onnx.ml domain. */
export const ML = 'ai.onnx.ml';
/** ONNX Runtime's own operators (Tokenizer), version 1. */
export const MICROSOFT = 'com.microsoft';

export interface ValueInfo {
  name: string;
  type: ElemType;
  shape: Dim[];
}

function valueInfoProto(v: ValueInfo): Record<string, unknown> {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: DATA_TYPE[v.type],
        shape: { dim: v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export interface ModelOptions {
  /** Graph name. */
  name: string;
  irVersion: number;
  producerVersion: string;
  docString?: string;
  metadata?: Record<string, string>;
}

export class GraphBuilder {
  readonly #nodes: Record<string, unknown>[] = [];
  readonly #initializers: TensorObject[] = [];
  readonly #inputs: ValueInfo[] = [];
  readonly #outputs: ValueInfo[] = [];
  readonly #used = new Set<string>();
  readonly #opsets = new Map<string, number>();

  /** `opset` is the ai.onnx version; `mlOpset` the ai.onnx.ml version imported when an ML op is used. */
  constructor(readonly opset: number, readonly mlOpset: number) {
    this.#opsets.set('', opset);
  }

  /** A value name not used yet, from `prefix`. */
  fresh(prefix: string): string {
    const base = prefix.replace(/[^A-Za-z0-9_.:-]/g, '_') || 'v';
    let name = base;
    for (let k = 1; this.#used.has(name); k++) name = `${base}_${k}`;
    this.#used.add(name);
    return name;
  }

  /** Adds a constant tensor; returns its value name. */
  constant(prefix: string, type: ElemType, dims: readonly number[], values: TensorValues): string {
    const name = this.fresh(prefix);
    this.#initializers.push(makeTensor(type, dims, values, name));
    return name;
  }

  /** A double constant of shape `dims`. */
  doubles(prefix: string, dims: readonly number[], values: ArrayLike<number>): string {
    return this.constant(prefix, 'float64', dims, values);
  }

  /** An int64 constant (shapes, axes, indices). */
  int64s(prefix: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.constant(prefix, 'int64', dims, values);
  }

  /** Adds a node with `outputs` fresh outputs; returns their names. */
  node(opType: string, inputs: readonly string[], attrs: Record<string, Attr> = {}, options: { domain?: string; outputs?: number; name?: string } = {}): string[] {
    const domain = options.domain ?? '';
    if (domain === ML) this.#opsets.set(ML, this.mlOpset);
    if (domain === MICROSOFT) this.#opsets.set(MICROSOFT, 1);
    const outs = Array.from({ length: options.outputs ?? 1 }, () => this.fresh(`${options.name ?? opType}_out`));
    this.#nodes.push({
      input: [...inputs],
      output: outs,
      name: this.fresh(`${options.name ?? opType}`),
      opType,
      domain,
      attribute: Object.entries(attrs).map(([k, v]) => attributeProto(k, v)),
    });
    return outs;
  }

  /** A node with one output. */
  op(opType: string, inputs: readonly string[], attrs: Record<string, Attr> = {}, domain?: string): string {
    return this.node(opType, inputs, attrs, domain === undefined ? {} : { domain })[0]!;
  }

  /** Declares a graph input; its name must be unique. */
  input(name: string, type: ElemType, shape: Dim[]): string {
    if (this.#used.has(name)) throw new Error(`ONNX export: two inputs are named '${name}'; input names must be unique.`);
    this.#used.add(name);
    this.#inputs.push({ name, type, shape });
    return name;
  }

  /** Exposes `value` as graph output `name` (through an Identity node when the names differ). */
  output(value: string, name: string, type: ElemType, shape: Dim[]): void {
    if (value !== name) {
      if (this.#used.has(name)) throw new Error(`ONNX export: output name '${name}' is already used in the graph.`);
      this.#used.add(name);
      this.#nodes.push({ input: [value], output: [name], name: this.fresh(`${name}_identity`), opType: 'Identity', domain: '', attribute: [] });
    }
    this.#outputs.push({ name, type, shape });
  }

  /** The serialized ModelProto. */
  toBytes(options: ModelOptions): Uint8Array {
    const model = {
      irVersion: options.irVersion,
      opsetImport: [...this.#opsets].map(([domain, version]) => ({ domain, version })),
      producerName: 'strata',
      producerVersion: options.producerVersion,
      docString: options.docString ?? '',
      graph: {
        name: options.name,
        node: this.#nodes,
        initializer: this.#initializers,
        input: this.#inputs.map(valueInfoProto),
        output: this.#outputs.map(valueInfoProto),
      },
      metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    };
    const err = ModelProto.verify(model);
    if (err) throw new Error(`ONNX export produced an invalid ModelProto: ${err}`);
    return ModelProto.encode(ModelProto.fromObject(model)).finish();
  }
}
