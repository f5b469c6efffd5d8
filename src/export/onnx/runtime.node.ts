/**
 * OnnxModel: any .onnx file run by onnxruntime-node behind the predict interface of native
 * models (async, since ONNX Runtime runs asynchronously). Node only.
 */
import { readFile } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import type { Label } from '../../learn/index.js';
import { toEpochMs } from '../../learn/preprocessing/timestamps.js';
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { readOnnx } from './read.js';
import type { OnnxModelInfo, OnnxTensorInfo } from './types.js';

/**
 * What predict takes: rows of objects, columns by name, a frame (anything with `columnNames`
 * and `column(name).toArray()`), or — for a model whose single input is a matrix or whose
 * inputs are positional — rows of numbers / a 2-d NdArray.
 */
export type OnnxInput =
  | readonly Readonly<Record<string, unknown>>[]
  | Readonly<Record<string, ArrayLike<unknown>>>
  | { readonly columnNames: readonly string[]; column(name: string): { toArray(): readonly unknown[] } }
  | readonly (readonly number[])[]
  | NdArray;

/** One output: numbers as an NdArray (its shape as returned), labels and strings as arrays. */
export type OnnxOutput = NdArray | Label[];

type Columns = { names: string[]; get(name: string): readonly unknown[] | undefined; rows: number; matrix?: { data: Float64Array; cols: number } };

function isNdArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'shape' in x && typeof (x as NdArray).toFloat64Array === 'function';
}

/** Normalizes every accepted input to column access by name (and a matrix when numeric rows were given). */
function columnsOf(X: OnnxInput): Columns {
  if (isNdArray(X) || (Array.isArray(X) && (X.length === 0 || Array.isArray(X[0])))) {
    const nd = isNdArray(X) ? X : null;
    const rows = nd ? nd.shape[0]! : (X as number[][]).length;
    const cols = nd ? (nd.shape[1] ?? 1) : (X as number[][])[0]?.length ?? 0;
    const data = nd ? nd.toFloat64Array() : Float64Array.from((X as number[][]).flat());
    const names = Array.from({ length: cols }, (_, j) => `x${j}`);
    const get = (name: string): number[] | undefined => {
      const j = names.indexOf(name);
      return j < 0 ? undefined : Array.from({ length: rows }, (_, i) => data[i * cols + j]!);
    };
    return { names, get, rows, matrix: { data, cols } };
  }
  if (Array.isArray(X)) {
    const rows = X as Record<string, unknown>[];
    const names = Object.keys(rows[0] ?? {});
    return { names, rows: rows.length, get: (name) => (rows.length && name in rows[0]! ? rows.map((r) => r[name]) : undefined) };
  }
  if (typeof (X as { column?: unknown }).column === 'function' && 'columnNames' in X) {
    const frame = X as { columnNames: readonly string[]; column(name: string): { toArray(): readonly unknown[] } };
    const names = [...frame.columnNames];
    const first = names[0] ? frame.column(names[0]).toArray().length : 0;
    return { names, rows: first, get: (name) => (names.includes(name) ? frame.column(name).toArray() : undefined) };
  }
  const cols = X as Record<string, ArrayLike<unknown>>;
  const names = Object.keys(cols);
  return { names, rows: names.length ? cols[names[0]!]!.length : 0, get: (name) => (name in cols ? Array.from(cols[name]!) : undefined) };
}

function tensorFor(info: OnnxTensorInfo, values: readonly unknown[], dims: number[]): ort.Tensor {
  const where = `input '${info.name}'`;
  const num = (v: unknown, i: number): number => {
    if (v === null || v === undefined) return NaN;
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number.NaN;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    if (Number.isNaN(n) && typeof v === 'string') throw new Error(`OnnxModel: ${where} takes numbers, but row ${i} holds text ${JSON.stringify(v)}.`);
    return n;
  };
  switch (info.type) {
    case 'float32': return new ort.Tensor('float32', Float32Array.from(values, num), dims);
    case 'float64': return new ort.Tensor('float64', Float64Array.from(values, num), dims);
    case 'int64': return new ort.Tensor('int64', BigInt64Array.from(values, (v, i) => BigInt(Math.trunc(num(v, i)))), dims);
    case 'int32': return new ort.Tensor('int32', Int32Array.from(values, num), dims);
    case 'bool': return new ort.Tensor('bool', Uint8Array.from(values, (v) => (v === true || v === 1 || v === 'true' ? 1 : 0)), dims);
    case 'string': return new ort.Tensor('string', values.map((v) => (v === null || v === undefined ? '' : String(v))), dims);
    default: throw new Error(`OnnxModel: ${where} has element type ${info.type}, which OnnxModel cannot feed.`);
  }
}

function outputOf(t: ort.Tensor): OnnxOutput {
  const dims = t.dims.map(Number);
  const data = t.data as unknown;
  if (t.type === 'string') return Array.from(data as string[]);
  if (t.type === 'bool') return Array.from(data as Uint8Array, (v) => v === 1);
  if (t.type === 'int64' || t.type === 'uint64') return fromTyped(Float64Array.from(data as BigInt64Array, Number), dims);
  if (t.type === 'float32') return fromTyped(Float64Array.from(data as Float32Array), dims);
  if (t.type === 'float64') return fromTyped((data as Float64Array).slice(), dims);
  return fromTyped(Float64Array.from(data as ArrayLike<number>), dims);
}

/**
 * A loaded ONNX model. `predict` returns labels (`label` output) for classifiers and numbers
 * for everything else; `predictProba` the `probabilities` output.
 *
 * @example
 * const model = await OnnxModel.load('churn.onnx');
 * await model.predict([{ age: 41, plan: 'pro' }]);   // ['yes']
 * await model.predictProba(rows);                     // NdArray [rows, classes]
 * await model.close();
 */
export class OnnxModel {
  readonly #session: ort.InferenceSession;
  /** The decoded file: opsets, inputs, outputs, nodes, metadata. */
  readonly info: OnnxModelInfo;

  /** Inputs that take date/times as epoch milliseconds (Dates and ISO strings are converted). */
  readonly #datetimes: Set<string>;

  private constructor(session: ort.InferenceSession, info: OnnxModelInfo) {
    this.#session = session;
    this.info = info;
    const raw = info.metadata['strata.datetime_inputs'];
    this.#datetimes = new Set(raw === undefined ? [] : (JSON.parse(raw) as string[]));
  }

  /** Loads a model from a file path or from bytes. */
  static async load(source: string | Uint8Array): Promise<OnnxModel> {
    const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
    const info = readOnnx(bytes);
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes);
    } catch (err) {
      const what = typeof source === 'string' ? `'${source}'` : 'the model bytes';
      throw new Error(`ONNX Runtime cannot load ${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return new OnnxModel(session, info);
  }

  get inputs(): OnnxTensorInfo[] {
    return this.info.inputs;
  }

  get outputs(): OnnxTensorInfo[] {
    return this.info.outputs;
  }

  /** The class labels in `probabilities` column order, when the file records them (Strata does). */
  get classes(): Label[] | undefined {
    const raw = this.info.metadata['strata.classes'];
    return raw === undefined ? undefined : (JSON.parse(raw) as Label[]);
  }

  /** The feeds for X: one [N, 1] column per input by name, or the whole matrix for a single [N, d] input. */
  #feeds(X: OnnxInput): Record<string, ort.Tensor> {
    const cols = columnsOf(X);
    const feeds: Record<string, ort.Tensor> = {};
    const inputs = this.info.inputs;
    const single = inputs.length === 1 ? inputs[0]! : null;
    const width = single && single.shape.length === 2 && typeof single.shape[1] === 'number' ? single.shape[1] : null;
    if (single && width !== null && width > 1) {
      const data = cols.matrix ?? matrixFrom(cols);
      if (data.cols !== width) throw new Error(`OnnxModel: input '${single.name}' takes ${width} features per row, got ${data.cols}.`);
      feeds[single.name] = tensorFor(single, Array.from(data.data), [cols.rows, width]);
      return feeds;
    }
    inputs.forEach((info, j) => {
      // Positional data (numeric rows) feeds the inputs in order.
      const values = cols.matrix ? cols.get(`x${j}`) : cols.get(info.name);
      if (values === undefined) {
        throw new Error(`OnnxModel: the data has no column '${info.name}'. The model reads: ${inputs.map((i) => i.name).join(', ')}; got: ${cols.names.join(', ') || 'no columns'}.`);
      }
      const dims = info.shape.length === 1 ? [cols.rows] : [cols.rows, 1];
      feeds[info.name] = tensorFor(info, this.#datetimes.has(info.name) ? values.map((v, i) => toEpochMs(v, info.name, i, 'OnnxModel')) : values, dims);
    });
    return feeds;
  }

  /** Every tensor output of the model on X, by name (sequence and map outputs such as ZipMap are skipped). */
  async run(X: OnnxInput): Promise<Record<string, OnnxOutput>> {
    const fetches = this.info.outputs.filter((o) => o.type !== 'sequence' && o.type !== 'map').map((o) => o.name);
    const results = await this.#session.run(this.#feeds(X), fetches);
    return Object.fromEntries(Object.entries(results).map(([name, t]) => [name, outputOf(t)]));
  }

  /** Labels (classifiers, clusterers: the `label` output) or values ([N]; the first output otherwise). */
  async predict(X: OnnxInput): Promise<Label[] | NdArray> {
    const out = await this.run(X);
    // Strata's names first, then those skl2onnx writes.
    const key = ['label', 'prediction', 'output_label', 'variable'].find((k) => k in out) ?? Object.keys(out)[0]!;
    const v = out[key]!;
    if (Array.isArray(v)) return v;
    if (key === 'label' || key === 'output_label') return Array.from(v.toFloat64Array());
    return v.ndim === 2 && v.shape[1] === 1 ? fromTyped(v.toFloat64Array(), [v.shape[0]!]) : v;
  }

  /** Class probabilities [N, classes] (the `probabilities` output). */
  async predictProba(X: OnnxInput): Promise<NdArray> {
    const out = await this.run(X);
    const p = out.probabilities ?? out.output_probability ?? out.probability;
    if (p === undefined || Array.isArray(p)) {
      throw new Error(`OnnxModel: the model has no probabilities tensor output (outputs: ${this.info.outputs.map((o) => o.name).join(', ')}).`);
    }
    return p;
  }

  /** Frees the ONNX Runtime session. */
  async close(): Promise<void> {
    await this.#session.release();
  }
}

function matrixFrom(cols: Columns): { data: Float64Array; cols: number } {
  const data = new Float64Array(cols.rows * cols.names.length);
  cols.names.forEach((name, j) => {
    cols.get(name)!.forEach((v, i) => (data[i * cols.names.length + j] = v === null || v === undefined ? NaN : Number(v)));
  });
  return { data, cols: cols.names.length };
}
