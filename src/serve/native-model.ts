/** A Strata pipeline (a model file from `strata train` or an upload) as a served model. */
import { ColumnTransformer, DataError, ParamError, Table, type Pipeline, type StepEstimator, type TableInput } from '../learn/index.js';
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

export class NativeModel implements ServedModel {
  readonly platform = 'strata' as const;
  readonly task: 'classification' | 'regression';
  readonly inputs: readonly InputField[];
  readonly outputs: readonly OutputField[];
  readonly classes: readonly PredictionValue[] | null;
  #withProbabilities: boolean;
  readonly #transformers: StepEstimator[];
  readonly #final: StepEstimator;

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
    this.#final = final;
    this.#transformers = steps.slice(0, -1).map(([, e]) => e).filter((e): e is StepEstimator => e !== null && (e as unknown) !== 'passthrough');
    this.#withProbabilities = file.task === 'classification' && typeof final.predictProba === 'function';
    this.classes = file.task === 'classification' ? (pipeline.classes as PredictionValue[] | undefined) ?? null : null;
    this.outputs = standardOutputs(this.task, this.classes, this.#withProbabilities);
  }

  /**
   * What `pipeline.predict` and `pipeline.predictProba` compute, with the preprocessing run once
   * for both instead of once each.
   */
  predict(batch: Batch): Prediction {
    const names = this.inputs.map((f) => f.name);
    let Xt: TableInput = new Table(names, names.map((n) => batch.columns[n]!), true, batch.rows);
    try {
      for (const step of this.#transformers) Xt = typeof step.transformTable === 'function' ? step.transformTable(Xt) : step.transform!(Xt);
      const raw = this.#final.predict!(Xt);
      const predictions = (Array.isArray(raw) ? raw : Array.from((raw as NdArray).toFloat64Array())) as PredictionValue[];
      if (!this.#withProbabilities) return { predictions };
      const proba = this.#final.predictProba!(Xt);
      const k = proba.shape[1]!;
      const flat = proba.toFloat64Array();
      const probabilities = new Array<number[]>(batch.rows);
      for (let i = 0; i < batch.rows; i++) probabilities[i] = Array.from(flat.subarray(i * k, (i + 1) * k));
      return { predictions, probabilities };
    } catch (err) {
      // The pipeline's own checks (an unseen category with handleUnknown 'error', text where a
      // number is needed) are the caller's input errors; anything else is a server fault.
      if (err instanceof DataError || err instanceof ParamError) throw invalidInput(err.message);
      throw err;
    }
  }
}
