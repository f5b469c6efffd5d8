/**
 * Kernel SVMs (SVC one-vs-one with votes, SVR) as float64 kernel matrices against the support
 * vectors, then MatMuls with the dual coefficients, as the native predict computes them.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, labelFromScores, squaredDistances, stateOf } from './blocks.js';

type AnyEstimator = Estimator<any, any>;

interface KernelSpec {
  kernel: 'linear' | 'poly' | 'rbf' | 'sigmoid';
  gamma: number;
  degree: number;
  coef0: number;
}

/** K(X, SV) as [N, nSV]. */
function kernelMatrix(g: GraphBuilder, X: string, sv: Float64Array, nSV: number, p: number, spec: KernelSpec): string {
  if (spec.kernel === 'rbf') {
    const d2 = squaredDistances(g, X, g.doubles('support_vectors', [1, nSV, p], sv));
    return g.op('Exp', [g.op('Mul', [d2, g.doubles('neg_gamma', [], [-spec.gamma])])]);
  }
  // γ goes into the matrix rather than a Mul after the MatMul: ONNX Runtime would fold that
  // scalar into a float32 alpha and lose precision.
  const scale = spec.kernel === 'linear' ? 1 : spec.gamma;
  const svt = new Float64Array(p * nSV);
  for (let k = 0; k < nSV; k++) for (let j = 0; j < p; j++) svt[j * nSV + k] = sv[k * p + j]! * scale;
  const dot = g.op('MatMul', [X, g.doubles('support_vectors_t', [p, nSV], svt)]);
  if (spec.kernel === 'linear') return dot;
  const inner = g.op('Add', [dot, g.doubles('coef0', [], [spec.coef0])]);
  if (spec.kernel === 'poly') return g.op('Pow', [inner, g.doubles('degree', [], [spec.degree])]);
  if (spec.kernel === 'sigmoid') return g.op('Tanh', [inner]);
  throw new OnnxExportError(`SVM kernel '${String(spec.kernel)}' cannot be exported; supported kernels: linear, poly, rbf, sigmoid.`);
}

export function svr(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  checkWidth(s.nFeatures, X, 'SVR');
  const nSV = s.support.length as number;
  const K = kernelMatrix(g, asMatrix(g, X, 'SVR'), s.supportVectors, nSV, s.nFeatures, s.kernel);
  const y = g.op('Add', [g.op('MatMul', [K, g.doubles('dual_coef', [nSV, 1], s.dualCoef)]), g.doubles('intercept', [1, 1], [s.intercept])]);
  sink(y, 'prediction', 'float64', ['N', 1]);
  return { task: 'regression' };
}

/** SVC: `label` by one-vs-one votes (first class on ties) and `scores` as decisionFunction. */
export function svc(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  checkWidth(s.nFeatures, X, 'SVC');
  const classes = s.classes as Label[];
  const nClasses = classes.length;
  const nSV = s.support.length as number;
  const start = [0];
  for (let c = 0; c < nClasses; c++) start.push(start[c]! + s.nSupport[c]!);
  const P = (nClasses * (nClasses - 1)) / 2;
  const coef = new Float64Array(nSV * P);
  const voteFor = new Float64Array(P * nClasses);
  const voteAgainst = new Float64Array(P * nClasses);
  const confidence = new Float64Array(P * nClasses);
  let pair = 0;
  for (let a = 0; a < nClasses; a++) {
    for (let b = a + 1; b < nClasses; b++) {
      for (let k = start[a]!; k < start[a + 1]!; k++) coef[k * P + pair] = s.dualCoef[(b - 1) * nSV + k];
      for (let k = start[b]!; k < start[b + 1]!; k++) coef[k * P + pair] = s.dualCoef[a * nSV + k];
      voteFor[pair * nClasses + a] = 1;
      voteAgainst[pair * nClasses + b] = 1;
      confidence[pair * nClasses + a] = 1;
      confidence[pair * nClasses + b] = -1;
      pair++;
    }
  }
  const K = kernelMatrix(g, asMatrix(g, X, 'SVC'), s.supportVectors, nSV, s.nFeatures, s.kernel);
  const dec = g.op('Add', [g.op('MatMul', [K, g.doubles('dual_coef', [nSV, P], coef)]), g.doubles('intercept', [1, P], s.intercept)]);
  const wins = g.op('Cast', [g.op('Greater', [dec, g.doubles('zero', [], [0])])], { to: { int: 11 } });
  const losses = g.op('Sub', [g.doubles('one', [], [1]), wins]);
  const votes = g.op('Add', [
    g.op('MatMul', [wins, g.doubles('vote_for', [P, nClasses], voteFor)]),
    g.op('MatMul', [losses, g.doubles('vote_against', [P, nClasses], voteAgainst)]),
  ]);
  const label = labelFromScores(g, votes, classes, 'SVC');
  sink(label.value, 'label', label.type, ['N']);
  if (nClasses === 2) {
    sink(g.op('Neg', [dec]), 'scores', 'float64', ['N', 1]);
  } else if (est.params.decisionFunctionShape === 'ovo') {
    sink(dec, 'scores', 'float64', ['N', P]);
  } else {
    const conf = g.op('MatMul', [dec, g.doubles('confidence', [P, nClasses], confidence)]);
    const scaled = g.op('Div', [conf, g.op('Mul', [g.doubles('three', [], [3]), g.op('Add', [g.op('Abs', [conf]), g.doubles('one', [], [1])])])]);
    sink(g.op('Add', [votes, scaled]), 'scores', 'float64', ['N', nClasses]);
  }
  return { task: 'classification', classes };
}
