/**
 * Which estimator converts how: transformers map a Block to a Block, final models add the
 * graph outputs. Pipeline and ColumnTransformer recurse through this table.
 */
import type { Estimator } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type Column, asColumns, asMatrix, type ModelOutputs, type OutputSink, matrixBlock, stateOf } from './blocks.js';
import { votingClassifier, votingRegressor } from './voting.js';
import { datetimeFeatures } from './datetime.js';
import { kMeans, pca } from './decomposition.js';
import { linearClassifier, linearRegressor } from './linear.js';
import { bernoulliNB, gaussianNB, multinomialNB } from './naive-bayes.js';
import { mlpClassifier, mlpRegressor } from './nn-mlp.js';
import { kNeighborsClassifier, kNeighborsRegressor } from './neighbors.js';
import { maxAbsScaler, minMaxScaler, oneHotEncoder, ordinalEncoder, robustScaler, simpleImputer, standardScaler } from './preprocessing.js';
import { svc, svr } from './svm.js';
import { countVectorizer, tfidfTransformer, tfidfVectorizer } from './text.js';
import { cartEnsemble, gradientBoostingClassifier, gradientBoostingRegressor } from './trees.js';

type AnyEstimator = Estimator<any, any>;
type TransformerConverter = (g: GraphBuilder, est: AnyEstimator, X: Block) => Block;
type ModelConverter = (g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink) => ModelOutputs;

const TRANSFORMERS: Record<string, TransformerConverter> = {
  StandardScaler: standardScaler,
  MinMaxScaler: minMaxScaler,
  RobustScaler: robustScaler,
  MaxAbsScaler: maxAbsScaler,
  SimpleImputer: simpleImputer,
  OneHotEncoder: oneHotEncoder,
  OrdinalEncoder: ordinalEncoder,
  PCA: pca,
  DatetimeFeatures: datetimeFeatures,
  CountVectorizer: countVectorizer,
  TfidfVectorizer: tfidfVectorizer,
  TfidfTransformer: tfidfTransformer,
  Pipeline: pipelineTransform,
  ColumnTransformer: columnTransformer,
};

const MODELS: Record<string, ModelConverter> = {
  LinearRegression: linearRegressor,
  Ridge: linearRegressor,
  Lasso: linearRegressor,
  ElasticNet: linearRegressor,
  LogisticRegression: linearClassifier,
  LinearSVC: linearClassifier,
  SGDClassifier: linearClassifier,
  SGDRegressor: linearRegressor,
  SVC: svc,
  SVR: svr,
  KNeighborsClassifier: kNeighborsClassifier,
  KNeighborsRegressor: kNeighborsRegressor,
  GaussianNB: gaussianNB,
  MultinomialNB: multinomialNB,
  BernoulliNB: bernoulliNB,
  DecisionTreeClassifier: cartEnsemble,
  DecisionTreeRegressor: cartEnsemble,
  RandomForestClassifier: cartEnsemble,
  RandomForestRegressor: cartEnsemble,
  ExtraTreesClassifier: cartEnsemble,
  ExtraTreesRegressor: cartEnsemble,
  GradientBoostingClassifier: gradientBoostingClassifier,
  GradientBoostingRegressor: gradientBoostingRegressor,
  KMeans: kMeans,
  MiniBatchKMeans: kMeans,
  VotingClassifier: votingClassifier,
  VotingRegressor: votingRegressor,
  MLPClassifier: mlpClassifier,
  MLPRegressor: mlpRegressor,
};

/** Class names toOnnx converts: final models, then transformers. */
export function supportedNames(): { models: string[]; transformers: string[] } {
  return { models: Object.keys(MODELS), transformers: Object.keys(TRANSFORMERS) };
}

function supportedList(): string {
  const { models, transformers } = supportedNames();
  return `models: ${models.join(', ')}; transformers: ${transformers.join(', ')}`;
}

/** Rejects what is not an estimator (a custom function or object) with the supported list. */
export function requireEstimator(x: unknown, where: string): AnyEstimator {
  const ok = typeof x === 'object' && x !== null && typeof (x as AnyEstimator).toJSON === 'function' && 'isFitted' in (x as object);
  if (!ok) {
    const what = typeof x === 'function' ? 'a custom function' : x === null ? 'null' : typeof x === 'object' ? `a ${(x as object).constructor?.name ?? 'plain'} object` : `a ${typeof x}`;
    throw new OnnxExportError(`${where} is ${what}, which cannot be exported to ONNX; use Strata estimators (${supportedList()}).`);
  }
  const est = x as AnyEstimator;
  if (!est.isFitted) throw new OnnxExportError(`${est.constructor.name} is not fitted; call fit() before exporting it to ONNX.`);
  return est;
}

export function convertTransformer(g: GraphBuilder, est: AnyEstimator, X: Block, where: string): Block {
  const conv = TRANSFORMERS[est.constructor.name];
  if (!conv) {
    throw new OnnxExportError(`${where} (${est.constructor.name}) cannot be exported to ONNX; supported ${supportedList()}.`);
  }
  return conv(g, est, X);
}

/**
 * Converts a final estimator — a model, a Pipeline ending in one, or a transformer (whose
 * output becomes `transformed`) — sending its outputs to `sink`.
 */
export function convertModel(g: GraphBuilder, est: AnyEstimator, X: Block, where: string, sink: OutputSink): ModelOutputs {
  const conv = MODELS[est.constructor.name];
  if (conv) return conv(g, est, X, sink);
  if (est.constructor.name === 'Pipeline') {
    const steps = activeSteps(est);
    if (steps.length === 0) throw new OnnxExportError(`${where} is a pipeline with no steps to export.`);
    let out = X;
    for (const [name, step] of steps.slice(0, -1)) {
      out = convertTransformer(g, requireEstimator(step, `Pipeline step '${name}'`), out, `Pipeline step '${name}'`);
    }
    const [name, last] = steps[steps.length - 1]!;
    return convertModel(g, requireEstimator(last, `Pipeline step '${name}'`), out, `Pipeline step '${name}'`, sink);
  }
  const out = convertTransformer(g, est, X, where);
  const width = out.kind === 'matrix' ? out.width : out.columns.length;
  sink(asMatrix(g, out, where), 'transformed', 'float64', ['N', width]);
  return { task: 'transform' };
}

type Step = [name: string, estimator: unknown];

/** The steps of a fitted pipeline that do something (passthrough and null skipped). */
export function activeSteps(pipeline: AnyEstimator): Step[] {
  const steps = (pipeline.params as { steps: Step[] }).steps;
  return steps.filter(([, e]) => e !== null && e !== 'passthrough');
}

function pipelineTransform(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  let out = X;
  for (const [name, step] of activeSteps(est)) {
    out = convertTransformer(g, requireEstimator(step, `Pipeline step '${name}'`), out, `Pipeline step '${name}'`);
  }
  return out;
}

function columnTransformer(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf<{ featureNamesIn: string[] }>(est);
  const ct = est as unknown as { namedTransformers: Record<string, unknown>; columnsByTransformer: Record<string, string[]> };
  const available = new Map<string, Column>();
  for (const c of asColumns(g, X, s.featureNamesIn)) available.set(c.name, c);
  const parts: Block[] = [];
  for (const [name, cols] of Object.entries(ct.columnsByTransformer)) {
    const columns = cols.map((c) => {
      const found = available.get(c);
      if (!found) throw new OnnxExportError(`ColumnTransformer: transformer '${name}' reads column '${c}', which is not among the ONNX inputs (${[...available.keys()].join(', ')}).`);
      return found;
    });
    const step = ct.namedTransformers[name];
    const block: Block = { kind: 'columns', columns };
    parts.push(step === 'passthrough' ? block : convertTransformer(g, requireEstimator(step, `ColumnTransformer entry '${name}'`), block, `ColumnTransformer entry '${name}'`));
  }
  if (parts.length === 0) throw new OnnxExportError('ColumnTransformer selects no columns; nothing to export.');
  const matrices = parts.map((b) => asMatrix(g, b, 'ColumnTransformer output'));
  const width = parts.reduce((a, b) => a + (b.kind === 'matrix' ? b.width : b.columns.length), 0);
  return matrixBlock(matrices.length === 1 ? matrices[0]! : g.op('Concat', matrices, { axis: { int: 1 } }), width);
}
