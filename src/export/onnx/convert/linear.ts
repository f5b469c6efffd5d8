/**
 * Linear models as MatMul + Add in float64 (ai.onnx.ml's LinearRegressor has no double
 * kernel), with the logistic link and labels computed the way the native predict does.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, labelFromScores, labelType, stateOf } from './blocks.js';

type AnyEstimator = Estimator<any, any>;

/** X·Wᵀ + b for W of `k` rows × `p` columns (row-major), as [N, k]. */
export function affine(g: GraphBuilder, X: string, coef: ArrayLike<number>, intercept: ArrayLike<number>, k: number, p: number): string {
  const wt = new Float64Array(p * k);
  for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) wt[j * k + c] = coef[c * p + j]!;
  const xw = g.op('MatMul', [X, g.doubles('coef', [p, k], wt)]);
  return g.op('Add', [xw, g.doubles('intercept', [1, k], intercept)]);
}

/** Exposes [N, 1] `score` as the label: classes[1] where score > 0, else classes[0]. */
export function binaryLabel(g: GraphBuilder, score: string, classes: readonly Label[], who: string): { value: string; type: ReturnType<typeof labelType> } {
  const type = labelType(classes, who);
  const positive = g.op('Greater', [score, g.doubles('zero', [], [0])]);
  const idx = g.op('Cast', [g.op('Squeeze', [positive, g.int64s('axis1', [1])])], { to: { int: 7 } });
  const table = g.constant('classes', type, [classes.length], classes as any);
  return { value: g.op('Gather', [table, idx], { axis: { int: 0 } }), type };
}

export function linearRegressor(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const y = affine(g, asMatrix(g, X, who), s.coef, [s.intercept], 1, s.nFeatures);
  sink(y, 'prediction', 'float64', ['N', 1]);
  return { task: 'regression' };
}

/** The link from scores to class probabilities, or null when the model has none (margins only). */
function linkOf(est: AnyEstimator, s: Record<string, any>): 'softmax' | 'sigmoid' | 'modified_huber' | null {
  const who = est.constructor.name;
  if (who === 'LogisticRegression') return s.multinomial && s.intercept.length > 1 ? 'softmax' : 'sigmoid';
  if (who === 'SGDClassifier') return s.loss === 'log_loss' ? 'sigmoid' : s.loss === 'modified_huber' ? 'modified_huber' : null;
  return null;
}

/**
 * LogisticRegression (binary, one-vs-rest or multinomial), SGDClassifier and LinearSVC: the
 * label as the native predict picks it; probabilities where the loss gives them, else the
 * decision `scores`.
 */
export function linearClassifier(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const classes = s.classes as Label[];
  const k = s.intercept.length as number;
  const scores = affine(g, asMatrix(g, X, who), s.coef, s.intercept, k, s.nFeatures);
  const label = k === 1 ? binaryLabel(g, scores, classes, who) : labelFromScores(g, scores, classes, who);
  sink(label.value, 'label', label.type, ['N']);
  const link = linkOf(est, s);
  if (link === null) {
    sink(scores, 'scores', 'float64', ['N', k]);
    return { task: 'classification', classes };
  }
  let proba: string;
  if (link === 'softmax') {
    proba = g.op('Softmax', [scores], { axis: { int: 1 } });
  } else {
    const p = link === 'sigmoid'
      ? g.op('Sigmoid', [scores])
      : g.op('Div', [g.op('Add', [g.op('Clip', [scores, g.doubles('minus_one', [], [-1]), g.doubles('one', [], [1])]), g.doubles('one', [], [1])]), g.doubles('two', [], [2])]);
    if (k === 1) {
      proba = g.op('Concat', [g.op('Sub', [g.doubles('one', [], [1]), p]), p], { axis: { int: 1 } });
    } else {
      const sum = g.op('ReduceSum', [p, g.int64s('axis1', [1])], { keepdims: { int: 1 } });
      const normalized = g.op('Div', [p, sum]);
      // All-zero rows (far from every class) are uniform, as natively.
      const zero = g.op('Equal', [sum, g.doubles('zero', [], [0])]);
      proba = g.op('Where', [zero, g.doubles('uniform', [], [1 / classes.length]), normalized]);
    }
  }
  sink(proba, 'probabilities', 'float64', ['N', classes.length]);
  return { task: 'classification', classes };
}
