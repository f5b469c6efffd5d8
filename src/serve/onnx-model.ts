/**
 * .onnx models (uploaded or named at start) as served models, run by ONNX Runtime through
 * `export`'s OnnxModel. The runtime (a native addon) is imported on the first ONNX model only,
 * so a server of native models never loads it.
 */
import type { OnnxModel } from '../export/onnx/runtime.node.js';
import type { NdArray } from '../tensor/index.js';
import type { Batch } from './batch.js';
import { invalidInput } from './errors.js';
import { fieldOfKind, type InputField, type OutputField, type V2Datatype } from './fields.js';
import { standardOutputs, type Prediction, type PredictionValue, type ServedModel } from './served-model.js';

const DATATYPE: Record<string, V2Datatype> = {
  float64: 'FP64', float32: 'FP32', float16: 'FP16', int64: 'INT64', int32: 'INT32', int16: 'INT16', int8: 'INT8',
  uint64: 'UINT64', uint32: 'UINT32', uint16: 'UINT16', uint8: 'UINT8', bool: 'BOOL', string: 'BYTES',
};

/**
 * One field per graph input of shape [N] or [N, 1]; a single matrix input [N, d] becomes the
 * fields x0 … x(d-1), fed in that order.
 */
function fieldsOf(model: OnnxModel): InputField[] {
  const inputs = model.inputs;
  const single = inputs.length === 1 ? inputs[0]! : null;
  const width = single && single.shape.length === 2 && typeof single.shape[1] === 'number' ? single.shape[1] : 1;
  if (single && width > 1) {
    return Array.from({ length: width }, (_, j) => ({ ...fieldOfKind(`x${j}`, 'number'), type: single.type, datatype: DATATYPE[single.type] ?? 'FP64' }));
  }
  return inputs.map((t) => {
    if (t.shape.length > 2 || (t.shape.length === 2 && t.shape[1] !== 1 && t.shape[1] !== null)) {
      throw invalidInput(`ONNX input '${t.name}' has shape [${t.shape.join(', ')}]; this server feeds one column per input ([N] or [N, 1]) or a single [N, d] matrix.`, 'model');
    }
    const kind = t.type === 'string' ? 'string' : t.type === 'bool' ? 'boolean' : DATATYPE[t.type] ? 'number' : null;
    if (kind === null) throw invalidInput(`ONNX input '${t.name}' has element type ${t.type}, which this server cannot feed.`, 'model');
    return { ...fieldOfKind(t.name, kind), type: t.type, datatype: DATATYPE[t.type]! };
  });
}

const asValues = (v: NdArray | PredictionValue[]): PredictionValue[] => (Array.isArray(v) ? v : Array.from(v.toFloat64Array()));

export class OnnxServedModel implements ServedModel {
  readonly platform = 'onnxruntime' as const;
  readonly task: 'classification' | 'regression' | null;
  readonly inputs: readonly InputField[];
  readonly outputs: readonly OutputField[];
  readonly classes: readonly PredictionValue[] | null;
  readonly #predictionOutput: string;
  readonly #hasProbabilities: boolean;

  constructor(
    readonly name: string,
    readonly version: string,
    readonly onnx: OnnxModel,
    readonly loadSeconds: number,
  ) {
    this.inputs = fieldsOf(onnx);
    const names = onnx.outputs.map((o) => o.name);
    this.#predictionOutput = names.includes('label') ? 'label' : names.includes('prediction') ? 'prediction' : names[0]!;
    this.#hasProbabilities = names.includes('probabilities');
    const task = onnx.info.metadata['strata.task'];
    this.task = task === 'classification' || task === 'regression' ? task : this.#predictionOutput === 'label' ? 'classification' : null;
    this.classes = (onnx.classes as PredictionValue[] | undefined) ?? null;
    this.outputs = standardOutputs(this.task, this.classes, this.#hasProbabilities && this.classes !== null);
  }

  async predict(batch: Batch): Promise<Prediction> {
    const columns: Record<string, unknown[]> = {};
    for (const f of this.inputs) columns[f.name] = batch.columns[f.name]!;
    const out = await this.onnx.run(columns);
    const raw = out[this.#predictionOutput]!;
    const predictions = asValues(raw as NdArray | PredictionValue[]);
    const proba = this.#hasProbabilities && this.classes ? (out.probabilities as NdArray) : null;
    if (!proba) return { predictions };
    const k = proba.shape[1]!;
    const flat = proba.toFloat64Array();
    const probabilities = new Array<number[]>(batch.rows);
    for (let i = 0; i < batch.rows; i++) probabilities[i] = Array.from(flat.subarray(i * k, (i + 1) * k));
    return { predictions, probabilities };
  }

  dispose(): Promise<void> {
    return this.onnx.close();
  }
}

/** Loads ONNX bytes; a file ONNX Runtime refuses is a 400 saying why. */
export async function loadOnnxModel(name: string, version: string, bytes: Uint8Array, startedAt: number): Promise<ServedModel> {
  const { OnnxModel } = await import('../export/onnx/runtime.node.js');
  let onnx: OnnxModel;
  try {
    onnx = await OnnxModel.load(bytes);
  } catch (err) {
    throw invalidInput(`The .onnx model cannot be loaded: ${err instanceof Error ? err.message : String(err)}`, 'model');
  }
  try {
    return new OnnxServedModel(name, version, onnx, (performance.now() - startedAt) / 1000);
  } catch (err) {
    await onnx.close();
    throw err;
  }
}
