/**
 * Naive Bayes classifiers: the joint log likelihood in float64 (Gaussian by direct squared
 * differences, the discrete models as X·Wᵀ + b), then Softmax for the class probabilities.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import { bernoulliLinearForm } from '../../../learn/naive-bayes/bernoulli-nb.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, labelFromScores, stateOf } from './blocks.js';
import { affine } from './linear.js';

type AnyEstimator = Estimator<any, any>;

function finish(g: GraphBuilder, jll: string, classes: Label[], who: string, sink: OutputSink): ModelOutputs {
  const label = labelFromScores(g, jll, classes, who);
  sink(label.value, 'label', label.type, ['N']);
  sink(g.op('Softmax', [jll], { axis: { int: 1 } }), 'probabilities', 'float64', ['N', classes.length]);
  return { task: 'classification', classes };
}

export function gaussianNB(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  checkWidth(s.nFeatures, X, 'GaussianNB');
  const p = s.nFeatures as number;
  const classes = s.classes as Label[];
  const c = classes.length;
  const base = new Float64Array(c);
  for (let l = 0; l < c; l++) {
    let norm = 0;
    for (let j = 0; j < p; j++) norm += Math.log(2 * Math.PI * s.variance[l * p + j]);
    base[l] = Math.log(s.classPrior[l]) - 0.5 * norm;
  }
  const M = asMatrix(g, X, 'GaussianNB');
  const diff = g.op('Sub', [g.op('Unsqueeze', [M, g.int64s('axis1', [1])]), g.doubles('theta', [1, c, p], s.theta)]);
  const q = g.op('ReduceSum', [g.op('Div', [g.op('Mul', [diff, diff]), g.doubles('variance', [1, c, p], s.variance)]), g.int64s('axis2', [2])], { keepdims: { int: 0 } });
  const jll = g.op('Sub', [g.doubles('log_norm', [1, c], base), g.op('Mul', [q, g.doubles('half', [], [0.5])])]);
  return finish(g, jll, classes, 'GaussianNB', sink);
}

export function multinomialNB(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  checkWidth(s.nFeatures, X, 'MultinomialNB');
  const classes = s.classes as Label[];
  const jll = affine(g, asMatrix(g, X, 'MultinomialNB'), s.featureLogProb, s.classLogPrior, classes.length, s.nFeatures);
  return finish(g, jll, classes, 'MultinomialNB', sink);
}

export function bernoulliNB(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  checkWidth(s.nFeatures, X, 'BernoulliNB');
  const p = s.nFeatures as number;
  const classes = s.classes as Label[];
  const c = classes.length;
  const { weights: w, bias: b } = bernoulliLinearForm(s.featureLogProb, s.classLogPrior, c, p);
  let M = asMatrix(g, X, 'BernoulliNB');
  const t = est.params.binarize as number | null;
  if (t !== null) M = g.op('Cast', [g.op('Greater', [M, g.doubles('binarize', [], [t])])], { to: { int: 11 } });
  return finish(g, affine(g, M, w, b, c, p), classes, 'BernoulliNB', sink);
}
