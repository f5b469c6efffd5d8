/** A Strata pipeline (a model file from `strata train` or an upload) as a served model. */
import { ColumnTransformer, DataError, ParamError, Table, type Pipeline } from '../learn/index.js';
import type { ModelFile, ModelSignature } from '../track/index.js';
import type { NdArray } from '../tensor/index.js';
import type { Batch } from './batch.js';
import { invalidInput } from './errors.js';
import { fieldOfKind, fieldsFromSignature, type FieldKind, type InputField, type OutputField } from './fields.js';
import { standardOutputs, type Prediction, type PredictionValue, type ServedModel } from './served-model.js';

/**
 * Field kinds when no registry signature says them: the columns `columnTransformerFromSchema`
 * put in its 'numeric' group take numbers, the rest take any label.
 */
function fieldsFromPipeline(features: readonly string[], pipeline: Pipeline): InputField[] {
  const first = pipeline.getParams().steps[0]?.[1];
  const numeric = new Set<string>();
  if (first instanceof ColumnTransformer) {
    for (const [name, , cols] of first.getParams().transformers) {
      if (name === 'numeric') for (const c of Array.isArray(cols) ? cols : [cols]) if (typeof c === 'string') numeric.add(c);
    }
  }
  return features.map((name) => fieldOfKind(name, (numeric.has(name) ? 'number' : 'label') as FieldKind));
}

const predictionValues = (raw: readonly unknown[] | NdArray): PredictionValue[] =>
  (Array.isArray(raw) ? raw : Array.from((raw as NdArray).toFloat64Array())) as PredictionValue[];

export class NativeModel implements ServedModel {
  readonly platform = 'strata' as const;
  readonly task: 'classification' | 'regression';
  readonly inputs: readonly InputField[];
  readonly outputs: readonly OutputField[];
  readonly classes: readonly PredictionValue[] | null;
  readonly #withProbabilities: boolean;
  /** Input field names, in the order the pipeline's table takes them. */
  readonly #names: readonly string[];

  constructor(
    readonly name: string,
    readonly version: string,
    readonly file: ModelFile,
    readonly pipeline: Pipeline,
    signature: ModelSignature | null,
    readonly loadSeconds: number,
  ) {
    this.task = file.task;
    const signed = signature && file.features.every((f) => signature.inputs.some((s) => s.name === f));
    this.inputs = signed
      ? fieldsFromSignature(file.features.map((f) => signature.inputs.find((s) => s.name === f)!))
      : fieldsFromPipeline(file.features, pipeline);
    const steps = pipeline.params.steps;
    const final = pipeline.finalEstimator;
    if (!final || typeof final.predict !== 'function') throw invalidInput(`The model's pipeline ends in '${String(steps[steps.length - 1]?.[1])}', not an estimator that predicts.`, 'model.pipeline');
    this.#names = this.inputs.map((f) => f.name);
    this.#withProbabilities = file.task === 'classification' && typeof final.predictProba === 'function';
    this.classes = file.task === 'classification' ? (pipeline.classes as PredictionValue[] | undefined) ?? null : null;
    this.outputs = standardOutputs(this.task, this.classes, this.#withProbabilities);
  }

  /**
   * What `pipeline.predict` and `pipeline.predictProba` compute, with the preprocessing and the
   * model's scores computed once for both (`Pipeline.predictWithProba`).
   */
  predict(batch: Batch): Prediction {
    const names = this.#names;
    const columns = new Array<unknown[]>(names.length);
    for (let j = 0; j < names.length; j++) columns[j] = batch.columns[names[j]!]!;
    const table = new Table(names, columns, true, batch.rows);
    try {
      if (!this.#withProbabilities) return { predictions: predictionValues(this.pipeline.predict(table)) };
      const { labels, proba } = this.pipeline.predictWithProba(table);
      const k = proba!.shape[1]!;
      const direct = proba!.dtype === 'float64' && proba!.isContiguous;
      const flat = direct ? (proba!.data as Float64Array) : proba!.toFloat64Array();
      const start = direct ? proba!.offset : 0;
      const probabilities = new Array<number[]>(batch.rows);
      for (let i = 0; i < batch.rows; i++) {
        const row = new Array<number>(k);
        for (let j = 0; j < k; j++) row[j] = flat[start + i * k + j]!;
        probabilities[i] = row;
      }
      return { predictions: predictionValues(labels), probabilities };
    } catch (err) {
      // The pipeline's own checks (an unseen category with handleUnknown 'error', text where a
      // number is needed) are the caller's input errors; anything else is a server fault.
      if (err instanceof DataError || err instanceof ParamError) throw invalidInput(err.message);
      throw err;
    }
  }
}
