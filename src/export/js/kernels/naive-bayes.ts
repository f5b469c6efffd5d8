/**
 * Naive Bayes classifiers: the joint log likelihood of each class (Gaussian: a quadratic form;
 * multinomial and Bernoulli: linear in the features), then the normalized posterior.
 */
import { BernoulliNB, GaussianNB, type Label, type MultinomialNB } from '../../../learn/index.js';
import { bernoulliLinearForm } from '../../../learn/naive-bayes/bernoulli-nb.js';
import { fittedState } from '../fitted-state.js';
import { num, typed } from '../literals.js';
import { type Kernel, argmaxBody } from './kernel.js';

interface DiscreteState {
  classes: Label[];
  nFeatures: number;
  featureLogProb: Float64Array;
  classLogPrior: Float64Array;
}

/** p = exp(jll − logsumexp(jll)), as the native predictProba. */
function posterior(C: number): string {
  return [
    'let max = -Infinity;',
    `for (let c = 0; c < ${C}; c++) max = Math.max(max, s[o + c]);`,
    'let sum = 0;',
    `for (let c = 0; c < ${C}; c++) sum += Math.exp(s[o + c] - max);`,
    'const lse = Number.isFinite(max) ? max + Math.log(sum) : max;',
    `for (let c = 0; c < ${C}; c++) p[c] = Math.exp(s[o + c] - lse);`,
  ].join('\n');
}

/** jll = X·Wᵀ + b, row by row (multinomial and Bernoulli). */
function linearScores(C: number): string {
  return [
    'for (let i = 0; i < n; i++) {',
    '  const o = i * D;',
    `  for (let c = 0; c < ${C}; c++) {`,
    '    let z = 0;',
    '    for (let j = 0; j < D; j++) z += PREPARE * WEIGHTS[c * D + j];',
    `    s[i * ${C} + c] = z + BIAS[c];`,
    '  }',
    '}',
  ].join('\n');
}

export function naiveBayesKernel(est: GaussianNB | MultinomialNB | BernoulliNB): Kernel {
  if (est instanceof GaussianNB) {
    const s = fittedState<{ classes: Label[]; nFeatures: number; theta: Float64Array; variance: Float64Array; classPrior: Float64Array }>(est);
    const C = s.classes.length;
    const p = s.nFeatures;
    const base = new Float64Array(C);
    for (let l = 0; l < C; l++) {
      let norm = 0;
      for (let j = 0; j < p; j++) norm += Math.log(2 * Math.PI * s.variance[l * p + j]!);
      base[l] = Math.log(s.classPrior[l]!) - 0.5 * norm;
    }
    return {
      task: 'classification', width: C, input: 'Float64Array', allowNaN: false, classes: s.classes,
      declarations: [
        `const THETA = ${typed('Float64Array', s.theta)};`,
        `const VARIANCE = ${typed('Float64Array', s.variance)};`,
        '/** log prior − ½ Σ log(2π variance), per class. */',
        `const BASE = ${typed('Float64Array', base)};`,
      ],
      score: [
        'for (let i = 0; i < n; i++) {',
        '  const o = i * D;',
        `  for (let c = 0; c < ${C}; c++) {`,
        '    let q = 0;',
        '    for (let j = 0; j < D; j++) q += (x[o + j] - THETA[c * D + j]) ** 2 / VARIANCE[c * D + j];',
        `    s[i * ${C} + c] = BASE[c] - 0.5 * q;`,
        '  }',
        '}',
      ].join('\n'),
      label: argmaxBody(C),
      proba: posterior(C),
    };
  }
  const s = fittedState<DiscreteState>(est);
  const C = s.classes.length;
  const p = s.nFeatures;
  let w = s.featureLogProb;
  let b = s.classLogPrior;
  let prepare = 'x[o + j]';
  const checks: string[] = [];
  if (est instanceof BernoulliNB) {
    ({ weights: w, bias: b } = bernoulliLinearForm(s.featureLogProb, s.classLogPrior, C, p));
    const t = est.params.binarize;
    if (t !== null) prepare = `(x[o + j] > ${num(t)} ? 1 : 0)`;
  } else {
    checks.push(
      'for (let i = 0; i < n * D; i++) {',
      "  if (x[i] < 0) throw new RangeError(`MultinomialNB needs non-negative features; feature ${i % D} of row ${Math.floor(i / D)} is ${x[i]}`);",
      '}',
    );
  }
  return {
    task: 'classification', width: C, input: 'Float64Array', allowNaN: false, classes: s.classes,
    declarations: [`const WEIGHTS = ${typed('Float64Array', w)};`, `const BIAS = ${typed('Float64Array', b)};`],
    score: [...checks, linearScores(C).replace('PREPARE', prepare)].join('\n'),
    label: argmaxBody(C),
    proba: posterior(C),
  };
}
