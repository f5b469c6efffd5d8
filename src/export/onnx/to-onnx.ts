/**
 * toOnnx: a fitted estimator or Pipeline as ONNX bytes. The graph takes one [N, 1] input per
 * raw column the model reads (named and typed as in training: text categories as strings,
 * numbers as float64), runs the preprocessing and the model in float64 with standard operators
 * (ai.onnx.ml TreeEnsemble for trees, ONNX Runtime's Tokenizer for text), and outputs plain
 * tensors (no ZipMap).
 */
import { type Estimator, type Category, kebabName } from '../../learn/index.js';
import { type AnyModule, Module } from '../../nn/index.js';
import { type Block, type Column, stateOf } from './convert/blocks.js';
import { type NnOnnxOptions, nnModuleToOnnx } from './convert/nn-module.js';
import { categoryInputType } from './convert/preprocessing.js';
import { activeSteps, convertModel, convertTransformer, requireEstimator, supportedNames } from './convert/registry.js';
import { OnnxExportError } from './errors.js';
import { type ElemType, GraphBuilder } from './graph.js';
import type { OnnxInputSpec, ToOnnxOptions } from './types.js';

type AnyEstimator = Estimator<any, any>;

/** ai.onnx opset written by default, and the range accepted (ONNX Runtime 1.30 runs up to 26). */
const DEFAULT_OPSET = 21;
const MAX_OPSET = 26;
/** IR version 10 goes with opset 21 and ai.onnx.ml 5. */
const IR_VERSION = 10;
const ML_OPSET = 5;
const PRODUCER_VERSION = '0.1.0';

/** What toOnnx converts, by class name: `{ models, transformers }` (Pipeline and ColumnTransformer among the transformers). */
export function onnxSupport(): { models: string[]; transformers: string[] } {
  return supportedNames();
}

/** Marks a date/time column: float64 epoch milliseconds in the graph. */
const DATETIME = 'datetime';
type ColumnType = ElemType | typeof DATETIME;

/** The element type each of `columns` needs, from the first step that reads them. */
function columnTypes(step: unknown, columns: readonly string[], out: Map<string, ColumnType>): void {
  const set = (j: number, t: ColumnType): void => {
    if (!out.has(columns[j]!)) out.set(columns[j]!, t);
  };
  if (typeof step !== 'object' || step === null || !('isFitted' in step)) {
    columns.forEach((_, j) => set(j, 'float64'));
    return;
  }
  const est = step as AnyEstimator;
  switch (est.constructor.name) {
    case 'Pipeline': {
      const first = activeSteps(est)[0];
      columnTypes(first ? first[1] : 'passthrough', columns, out);
      return;
    }
    case 'ColumnTransformer': {
      const ct = est as unknown as { namedTransformers: Record<string, unknown>; columnsByTransformer: Record<string, string[]> };
      for (const [name, cols] of Object.entries(ct.columnsByTransformer)) columnTypes(ct.namedTransformers[name], cols, out);
      return;
    }
    case 'SimpleImputer': {
      const stats = stateOf<{ statistics: Category[] }>(est).statistics;
      stats.forEach((v, j) => set(j, typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'float64'));
      return;
    }
    case 'OneHotEncoder':
      stateOf<{ features: { categories: Category[] }[] }>(est).features.forEach((f, j) => set(j, categoryInputType(f.categories)));
      return;
    case 'CountVectorizer':
    case 'TfidfVectorizer':
      columns.forEach((_, j) => set(j, 'string'));
      return;
    case 'DatetimeFeatures':
      columns.forEach((_, j) => set(j, DATETIME));
      return;
    case 'OrdinalEncoder':
      stateOf<{ categories: Category[][] }>(est).categories.forEach((c, j) => set(j, categoryInputType(c)));
      return;
    default:
      columns.forEach((_, j) => set(j, 'float64'));
  }
}

/** Names of the features `est` was fitted on, in order. */
function featureNames(est: AnyEstimator): string[] {
  if (est.constructor.name === 'VotingClassifier' || est.constructor.name === 'VotingRegressor') {
    const first = (est.params as { estimators: [string, unknown][] }).estimators[0];
    if (first) return featureNames(requireEstimator(first[1], `${est.constructor.name} member '${first[0]}'`));
  }
  if (est.constructor.name === 'Pipeline') {
    const first = activeSteps(est)[0];
    if (first) return featureNames(requireEstimator(first[1], `Pipeline step '${first[0]}'`));
  }
  const s = stateOf<{ featureNamesIn?: string[]; featureNames?: string[]; nFeatures?: number }>(est);
  if (Array.isArray(s.featureNamesIn)) return s.featureNamesIn;
  if (Array.isArray(s.featureNames)) return s.featureNames;
  if (typeof s.nFeatures === 'number') return Array.from({ length: s.nFeatures }, (_, j) => `x${j}`);
  // A text vectorizer reads one column of documents.
  if (est.constructor.name === 'CountVectorizer' || est.constructor.name === 'TfidfVectorizer') return ['text'];
  throw new OnnxExportError(`${est.constructor.name}: cannot tell how many features it takes; pass options.inputs.`);
}

const INPUT_TYPES: readonly string[] = ['float64', 'float32', 'int64', 'string', 'bool'];

interface PlannedInput extends OnnxInputSpec {
  /** A date/time column fed as epoch milliseconds. */
  datetime: boolean;
}

function planned(name: string, t: ColumnType | undefined): PlannedInput {
  return t === DATETIME ? { name, type: 'float64', datetime: true } : { name, type: (t ?? 'float64') as OnnxInputSpec['type'], datetime: false };
}

/** The raw input columns of the graph: names and types, with options.inputs applied. */
function planInputs(model: AnyEstimator, first: AnyEstimator, specs: readonly OnnxInputSpec[] | undefined): PlannedInput[] {
  for (const spec of specs ?? []) {
    if (typeof spec?.name !== 'string' || spec.name === '' || !INPUT_TYPES.includes(spec.type)) {
      throw new OnnxExportError(`options.inputs: each entry needs a name and a type (one of ${INPUT_TYPES.join(', ')}); got ${JSON.stringify(spec)}.`);
    }
  }
  const types = new Map<string, ColumnType>();
  if (first.constructor.name === 'ColumnTransformer') {
    const byTransformer = (first as unknown as { columnsByTransformer: Record<string, string[]> }).columnsByTransformer;
    const used = new Set(Object.values(byTransformer).flat());
    const names = stateOf<{ featureNamesIn: string[] }>(first).featureNamesIn.filter((c) => used.has(c));
    columnTypes(first, names, types);
    for (const spec of specs ?? []) {
      if (!used.has(spec.name)) {
        throw new OnnxExportError(`options.inputs names column '${spec.name}', which ${kebabName(model.constructor.name)} does not read; its columns: ${names.join(', ')}.`);
      }
      if (types.get(spec.name) !== DATETIME) types.set(spec.name, spec.type);
    }
    return names.map((name) => planned(name, types.get(name)));
  }
  const names = featureNames(first);
  columnTypes(first, names, types);
  if (specs) {
    if (specs.length !== names.length) {
      throw new OnnxExportError(`options.inputs has ${specs.length} entries but ${first.constructor.name} takes ${names.length} features; give one entry per feature, in order.`);
    }
    return specs.map((spec, j) => (types.get(names[j]!) === DATETIME ? planned(spec.name, DATETIME) : { name: spec.name, type: spec.type, datetime: false }));
  }
  return names.map((name) => planned(name, types.get(name)));
}

/**
 * Converts a fitted estimator or Pipeline to ONNX.
 *
 * Inputs: one [N, 1] tensor per raw column the model reads — numbers float64 (NaN missing),
 * text and categories string ('' missing), booleans bool, date/times float64 epoch ms.
 * Outputs: classifiers `label` [N] (the labels' own type: string, int64, float64 or bool)
 * and `probabilities` [N, classes] float64 in `classes` order (LinearSVC and SVC give `scores`
 * instead); regressors `prediction` [N, 1]; KMeans `label` [N] int64 and `distances` [N, k];
 * a pipeline ending in a transformer `transformed` [N, width]. OneHotEncoder and
 * OrdinalEncoder with handleUnknown 'error' encode unknown categories as unknown (zeros / NaN)
 * in ONNX, since a graph cannot throw.
 *
 * An nn model (any Module) takes `{ inputShape, dtype }` instead and is converted in eval mode
 * by convert/nn-module.ts (input `input`, output `output`, float32 unless dtype 'float64').
 *
 * @throws OnnxExportError for an unfitted model, an unsupported estimator or a custom step,
 *   listing what is supported.
 * @example
 * const bytes = toOnnx(pipeline, { name: 'churn' });
 * writeFileSync('churn.onnx', bytes);
 * const cnn = toOnnx(sequential, { inputShape: [1, 28, 28] });   // input ['N', 1, 28, 28] float32
 */
export function toOnnx(model: AnyModule, options: NnOnnxOptions): Uint8Array;
export function toOnnx(model: AnyEstimator, options?: ToOnnxOptions): Uint8Array;
export function toOnnx(model: AnyEstimator | AnyModule, options: ToOnnxOptions | NnOnnxOptions = {}): Uint8Array {
  const opset = options.opset ?? DEFAULT_OPSET;
  if (!Number.isInteger(opset) || opset < DEFAULT_OPSET || opset > MAX_OPSET) {
    throw new OnnxExportError(`options.opset must be an integer from ${DEFAULT_OPSET} to ${MAX_OPSET} (what ONNX Runtime 1.30 runs), got ${opset}.`);
  }
  if (model instanceof Module) {
    return nnModuleToOnnx(model, options as NnOnnxOptions, { opset, irVersion: IR_VERSION, producerVersion: PRODUCER_VERSION });
  }
  const est = requireEstimator(model, 'The model');
  const opts = options as ToOnnxOptions;
  let steps: [string, AnyEstimator][];
  if (est.constructor.name === 'Pipeline') {
    steps = activeSteps(est).map(([name, e]) => [name, requireEstimator(e, `Pipeline step '${name}'`)]);
    if (steps.length === 0) throw new OnnxExportError('The pipeline has no steps to export.');
  } else steps = [['model', est]];
  const g = new GraphBuilder(opset, ML_OPSET);
  const inputs = planInputs(est, steps[0]![1], opts.inputs);
  const columns: Column[] = inputs.map((spec) => ({ value: g.input(spec.name, spec.type, ['N', 1]), type: spec.type, name: spec.name }));
  let X: Block = { kind: 'columns', columns };
  for (const [name, step] of steps.slice(0, -1)) {
    X = convertTransformer(g, step, X, `Pipeline step '${name}'`);
  }
  const [lastName, last] = steps[steps.length - 1]!;
  const outputs = convertModel(g, last, X, steps.length > 1 ? `Pipeline step '${lastName}'` : 'The model', (value, name, type, shape) => g.output(value, name, type, shape));
  const metadata: Record<string, string> = { 'strata.model': kebabName((steps.length > 1 ? last : est).constructor.name), 'strata.task': outputs.task };
  if (outputs.classes) metadata['strata.classes'] = JSON.stringify(outputs.classes);
  const datetimes = inputs.filter((i) => i.datetime).map((i) => i.name);
  if (datetimes.length) metadata['strata.datetime_inputs'] = JSON.stringify(datetimes);
  return g.toBytes({
    name: opts.name ?? kebabName(est.constructor.name),
    irVersion: IR_VERSION,
    producerVersion: PRODUCER_VERSION,
    docString: `${kebabName(est.constructor.name)} exported by Strata`,
    metadata,
  });
}
