/** Strata model files (as `strata train` saves them) from bytes, checked well enough to serve. */
import { Estimator, Pipeline } from '../learn/index.js';
import type { ModelFile } from '../track/index.js';
import { invalidInput } from './errors.js';

/** Parses and rebuilds a model file; every problem is a 400 that says what is wrong. */
export function parseModelFile(content: unknown): { file: ModelFile; pipeline: Pipeline } {
  let file: unknown = content;
  if (content instanceof Uint8Array || typeof content === 'string') {
    try {
      file = JSON.parse(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
    } catch {
      throw invalidInput('The model is not JSON; upload the file `strata train --save` wrote, or an .onnx file as application/octet-stream.', 'model');
    }
  }
  const f = file as Partial<ModelFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== 'strata-model') throw invalidInput("The model has no \"format\": \"strata-model\"; upload the file `strata train --save` wrote.", 'model.format');
  if (f.version !== 1) throw invalidInput(`The model file has version ${JSON.stringify(f.version)}; this server reads version 1.`, 'model.version');
  if (f.task !== 'classification' && f.task !== 'regression') throw invalidInput(`The model's task ${JSON.stringify(f.task)} must be 'classification' or 'regression'.`, 'model.task');
  if (!Array.isArray(f.features) || f.features.length === 0 || !f.features.every((c) => typeof c === 'string') || new Set(f.features).size !== f.features.length) {
    throw invalidInput("The model's features must be a non-empty list of distinct column names.", 'model.features');
  }
  if (typeof f.pipeline !== 'object' || f.pipeline === null) throw invalidInput('The model file has no pipeline.', 'model.pipeline');
  let pipeline: unknown;
  try {
    pipeline = Estimator.fromJSON(f.pipeline);
  } catch (err) {
    throw invalidInput(`The model's pipeline cannot be rebuilt: ${err instanceof Error ? err.message : String(err)}`, 'model.pipeline');
  }
  if (!(pipeline instanceof Pipeline)) throw invalidInput('The model file\'s pipeline is not a Pipeline; save models with `strata train`.', 'model.pipeline');
  return { file: f as ModelFile, pipeline };
}
