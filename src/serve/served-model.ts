/** The one shape every served model has, whatever runs it (a Strata pipeline, ONNX Runtime). */
import type { Batch } from './batch.js';
import type { InputField, OutputField } from './fields.js';

export type PredictionValue = string | number | boolean;

export interface Prediction {
  predictions: PredictionValue[];
  /** Row i, column j: the probability of classes[j] (classifiers that give probabilities). */
  probabilities?: number[][];
}

export interface ServedModel {
  readonly name: string;
  readonly version: string;
  /** `strata` (a native pipeline) or `onnxruntime`. */
  readonly platform: 'strata' | 'onnxruntime';
  readonly task: 'classification' | 'regression' | null;
  readonly inputs: readonly InputField[];
  readonly outputs: readonly OutputField[];
  /** Class labels in probability-column order, for classifiers. */
  readonly classes: readonly PredictionValue[] | null;
  /** Seconds it took to read and build the model. */
  readonly loadSeconds: number;
  /** Predicts a checked batch; input errors it finds itself are thrown as 400s. */
  predict(batch: Batch): Prediction | Promise<Prediction>;
  /** Releases native resources (ONNX sessions). */
  dispose?(): Promise<void>;
}

/** Rows [start, end) of a prediction (to answer each request of a micro-batch). */
export function slicePrediction(p: Prediction, start: number, end: number): Prediction {
  const out: Prediction = { predictions: p.predictions.slice(start, end) };
  if (p.probabilities) out.probabilities = p.probabilities.slice(start, end);
  return out;
}

/** The v2 outputs of a model: `prediction` and, for classifiers with probabilities, `probabilities` [n, k]. */
export function standardOutputs(task: ServedModel['task'], classes: readonly PredictionValue[] | null, hasProbabilities: boolean): OutputField[] {
  const labelType = classes && classes.every((c) => typeof c === 'number' && Number.isInteger(c)) ? 'INT64' : classes && classes.every((c) => typeof c === 'boolean') ? 'BOOL' : 'BYTES';
  const out: OutputField[] = [{ name: 'prediction', datatype: task === 'classification' ? labelType : 'FP64', shape: [-1] }];
  if (hasProbabilities && classes) out.push({ name: 'probabilities', datatype: 'FP64', shape: [-1, classes.length] });
  return out;
}
