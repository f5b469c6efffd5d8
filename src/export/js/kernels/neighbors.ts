/**
 * k-nearest neighbors by brute force over the training points embedded in the module: the
 * same distances as the native search (ties in distance go to the lower training index), then
 * uniform or 1/distance weights.
 */
import { KNeighborsClassifier, type KNeighborsRegressor, type Label, resolveMetric } from '../../../learn/index.js';
import { fittedState } from '../fitted-state.js';
import { num, typed } from '../literals.js';
import { type Kernel, argmaxBody, copyBody } from './kernel.js';

interface NeighborsState {
  fitX: Float64Array;
  nSamples: number;
  nFeatures: number;
  classes?: Label[];
  codes?: Int32Array;
  y?: Float64Array;
}

/** Statements computing the reduced distance `r` between x[o …] and training point t. */
function reducedDistance(kind: string, p: number): string[] {
  const loop = (acc: string): string[] => ['let r = 0;', 'const to = t * D;', `for (let j = 0; j < D; j++) ${acc}`];
  switch (kind) {
    case 'l2':
      return loop('{\n  const d = x[o + j] - FIT_X[to + j];\n  r += d * d;\n}');
    case 'l1':
      return loop('r += Math.abs(x[o + j] - FIT_X[to + j]);');
    case 'linf':
      return loop('r = Math.max(r, Math.abs(x[o + j] - FIT_X[to + j]));');
    default:
      return loop(`r += Math.abs(x[o + j] - FIT_X[to + j]) ** ${num(p)};`);
  }
}

function toDistance(kind: string, p: number): string {
  return kind === 'l2' ? 'Math.sqrt(dist[j])' : kind === 'lp' ? `dist[j] ** ${num(1 / p)}` : 'dist[j]';
}

export function neighborsKernel(est: KNeighborsClassifier | KNeighborsRegressor): Kernel {
  const s = fittedState<NeighborsState>(est);
  const { nNeighbors: k, weights } = est.params;
  const metric = resolveMetric(est.params.metric, est.params.p, est.constructor.name);
  const classifier = est instanceof KNeighborsClassifier;
  const C = s.classes?.length ?? 1;
  const declarations = [
    `/** The ${s.nSamples} training points, row-major. */`,
    `const FIT_X = ${typed('Float64Array', s.fitX)};`,
    classifier ? `const CODES = ${typed('Int32Array', s.codes!)};` : `const FIT_Y = ${typed('Float64Array', s.y!)};`,
    `const dist = new Float64Array(${k});`,
    `const idx = new Int32Array(${k});`,
    `const weight = new Float64Array(${k});`,
  ];
  const indent = (lines: string[], by: string): string[] => lines.flatMap((l) => l.split('\n')).map((l) => by + l);
  const weigh = weights === 'uniform'
    ? [`  weight.fill(1);`]
    : [
      '  let exact = false;',
      `  for (let j = 0; j < ${k}; j++) if (dist[j] === 0) exact = true;`,
      `  for (let j = 0; j < ${k}; j++) weight[j] = exact ? (dist[j] === 0 ? 1 : 0) : 1 / dist[j];`,
    ];
  const combine = classifier
    ? [
      `  s.fill(0, i * ${C}, (i + 1) * ${C});`,
      '  let total = 0;',
      `  for (let j = 0; j < ${k}; j++) {`,
      `    s[i * ${C} + CODES[idx[j]]] += weight[j];`,
      '    total += weight[j];',
      '  }',
      `  for (let c = 0; c < ${C}; c++) s[i * ${C} + c] /= total;`,
    ]
    : [
      '  let sum = 0;',
      '  let den = 0;',
      `  for (let j = 0; j < ${k}; j++) {`,
      '    sum += weight[j] * FIT_Y[idx[j]];',
      '    den += weight[j];',
      '  }',
      `  s[i] = ${weights === 'uniform' ? `sum / ${k}` : 'sum / den'};`,
    ];
  const score = [
    'for (let i = 0; i < n; i++) {',
    '  const o = i * D;',
    '  let found = 0;',
    `  for (let t = 0; t < ${s.nSamples}; t++) {`,
    ...indent(reducedDistance(metric.kind, metric.p), '    '),
    `    if (found === ${k} && !(r < dist[${k - 1}])) continue;`,
    `    let j = found < ${k} ? found++ : ${k - 1};`,
    '    for (; j > 0 && dist[j - 1] > r; j--) {',
    '      dist[j] = dist[j - 1];',
    '      idx[j] = idx[j - 1];',
    '    }',
    '    dist[j] = r;',
    '    idx[j] = t;',
    '  }',
    `  for (let j = 0; j < ${k}; j++) dist[j] = ${toDistance(metric.kind, metric.p)};`,
    ...weigh,
    ...combine,
    '}',
  ].join('\n');
  if (!classifier) return { task: 'regression', width: 1, input: 'Float64Array', allowNaN: false, declarations, score };
  return {
    task: 'classification', width: C, input: 'Float64Array', allowNaN: false, declarations, score, classes: s.classes!,
    label: argmaxBody(C), proba: copyBody(C),
  };
}
