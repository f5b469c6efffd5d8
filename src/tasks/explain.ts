/**
 * Explanations of a fitted tabular pipeline in terms of its raw input columns: permutation
 * importance (model-agnostic: shuffle one raw column, measure the score drop) and, when the
 * final model is gradient boosting, exact TreeSHAP values summed over each column's encoded
 * features (one-hot slots, date parts, TF-IDF terms).
 */
import { ColumnTransformer, type Label, type Pipeline, type Table, permutationImportance } from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';
import { outputSources } from './feature-sources.js';

export interface FeatureImportance {
  /** Raw input column. */
  feature: string;
  /** Mean drop of the score when the column is shuffled (in the scorer's units, greater is more important). */
  importance: number;
  /** Standard deviation of the drop over the repeats. */
  std: number;
}

export interface ShapSummary {
  /** What each output explains: the prediction (regression), the second class's log-odds (binary) or each class's margin. */
  outputs: string[];
  /** Input columns, the order of the last axis of `values`. */
  features: string[];
  /** Expected model output (in margin units) per output. */
  expectedValue: number[];
  /** Mean |SHAP value| per input column, summed over outputs, largest first. */
  meanAbs: { feature: string; value: number }[];
  /** rows × outputs × features; with `expectedValue` each row sums to the model's raw output. Only for rows given to `explain`. */
  values?: number[][][];
}

export interface TabularExplanation {
  /** 'training': a seeded sample of the training rows, computed when the model was created; 'given': the rows passed to explain. */
  source: 'training' | 'given';
  rows: number;
  /** Scorer of the permutation importance (scikit-learn's name). */
  scoring: string;
  baselineScore: number;
  /** Per input column, most important first. */
  importance: FeatureImportance[];
  /** TreeSHAP attribution, when the final model is gradient boosting. */
  shap?: ShapSummary;
}

/** The permutation-importance scorer that matches an AutoML metric. */
export function scoringFor(metric: string, classes: readonly Label[] | undefined): string {
  switch (metric) {
    case 'roc_auc': return (classes?.length ?? 2) > 2 ? 'roc_auc_ovr' : 'roc_auc';
    case 'log_loss': return 'neg_log_loss';
    case 'rmse': return 'neg_root_mean_squared_error';
    case 'mae': return 'neg_mean_absolute_error';
    default: return metric;
  }
}

interface ShapModel {
  shapValues(X: NdArray): NdArray;
}

function shapSummary(pipeline: Pipeline, X: Table, features: readonly string[], classes: readonly Label[] | undefined, keepValues: boolean): ShapSummary | undefined {
  const steps = pipeline.params.steps;
  const pre = steps[0]?.[1];
  const model = pipeline.finalEstimator as Partial<ShapModel> | null;
  if (steps.length !== 2 || !(pre instanceof ColumnTransformer) || typeof model?.shapValues !== 'function') return undefined;
  const encoded = pre.transform(X);
  const phi = model.shapValues(encoded);
  const sources = outputSources(pre);
  const F = sources.length;
  const rows = X.numRows;
  const K = phi.ndim === 3 ? phi.shape[1]! : 1;
  const data = phi.toFloat64Array();
  const column = new Map(features.map((f, j) => [f, j]));
  const slot = sources.map((s) => column.get(s)!);
  const P = features.length;
  const values: number[][][] = [];
  const meanAbs = new Float64Array(P);
  const expectedValue = new Array<number>(K).fill(0);
  for (let i = 0; i < rows; i++) {
    const row: number[][] = [];
    for (let k = 0; k < K; k++) {
      const base = (i * K + k) * (F + 1);
      const summed = new Array<number>(P).fill(0);
      for (let f = 0; f < F; f++) summed[slot[f]!] += data[base + f]!;
      for (let j = 0; j < P; j++) meanAbs[j] += Math.abs(summed[j]!) / rows;
      if (i === 0) expectedValue[k] = data[base + F]!;
      row.push(summed);
    }
    if (keepValues) values.push(row);
  }
  const outputs = classes === undefined ? ['prediction'] : K === 1 ? [String(classes[1])] : classes.map(String);
  return {
    outputs,
    features: [...features],
    expectedValue,
    meanAbs: features.map((feature, j) => ({ feature, value: meanAbs[j]! })).sort((a, b) => b.value - a.value),
    ...(keepValues ? { values } : {}),
  };
}

export interface ExplainOptions {
  source: 'training' | 'given';
  scoring: string;
  seed: number;
  classes?: readonly Label[];
  /** Shuffles per column (default 5). */
  nRepeats?: number;
}

/** Permutation importance of each raw column of X (and TreeSHAP where the model supports it). */
export function explainPipeline(pipeline: Pipeline, X: Table, y: readonly Label[], features: readonly string[], options: ExplainOptions): TabularExplanation {
  const imp = permutationImportance(pipeline, X, [...y], { scoring: options.scoring, nRepeats: options.nRepeats ?? 5, seed: options.seed });
  const importance = imp.featureNames
    .map((feature, j) => ({ feature, importance: imp.importancesMean[j]!, std: imp.importancesStd[j]! }))
    .sort((a, b) => b.importance - a.importance);
  const shap = shapSummary(pipeline, X, features, options.classes, options.source === 'given');
  return {
    source: options.source, rows: X.numRows, scoring: options.scoring, baselineScore: imp.baselineScore, importance,
    ...(shap ? { shap } : {}),
  };
}
