/**
 * The file `strata train` saves and `predict`/`evaluate` load: the whole fitted pipeline
 * (preprocessing built from the inferred schema + the model) with what it was trained on.
 * Written to a temp file and renamed, so a crash never leaves half a model.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Estimator, type ModelFile, type Pipeline } from '../learn/index.js';
// Registers the nn estimators (mlp-classifier, mlp-regressor) so their model files load anywhere.
import '../nn/index.js';
import { openStore } from './store/open.js';
import { readModelVersionFile } from './record-training.js';

export type { ModelFile };

/** Where models go when --save is not given: $STRATA_HOME/models or ./.strata/models. */
export function defaultModelPath(model: string, now = new Date()): string {
  const home = process.env.STRATA_HOME ?? '.strata';
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return join(home, 'models', `${model}-${stamp}.json`);
}

export function saveModelFile(path: string, file: ModelFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file));
  renameSync(tmp, path);
}

export function loadModelFile(path: string): { file: ModelFile; pipeline: Pipeline } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Model file '${path}' cannot be read; pass the path that strata train printed as 'saved'.`);
  }
  return parseModelFile(text, path);
}

/**
 * MODEL as the CLI takes it: a saved model file, or a registry reference NAME, NAME:VERSION or
 * NAME@ALIAS resolved in the tracking store.
 */
export async function loadModel(ref: string, storeUri?: string): Promise<{ file: ModelFile; pipeline: Pipeline }> {
  if (existsSync(ref) || ref.endsWith('.json')) return loadModelFile(ref);
  const store = await openStore(storeUri);
  try {
    return parseModelFile((await readModelVersionFile(store, ref)).toString('utf8'), ref);
  } finally {
    await store.close();
  }
}

/** Parses model file text (from disk or the registry); `path` names it in errors. */
export function parseModelFile(text: string, path: string): { file: ModelFile; pipeline: Pipeline } {
  let file: ModelFile;
  try {
    file = JSON.parse(text) as ModelFile;
  } catch {
    throw new Error(`'${path}' is not a Strata model file (it is not JSON).`);
  }
  if (file?.format !== 'strata-model') throw new Error(`'${path}' is not a Strata model file (no format 'strata-model').`);
  return { file, pipeline: Estimator.fromJSON<Pipeline>(file.pipeline) };
}
