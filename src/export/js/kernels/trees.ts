/**
 * Decision trees and forests (random forests, extra trees) as flat typed arrays, all trees in
 * one set, walked with `x <= threshold` on float32 features as the native trees do.
 * Classifier forests store each leaf's class shares and average them; a single classifier
 * tree keeps the raw class weights, so its label is the heaviest class exactly as natively.
 */
import type { FlatTree, Label } from '../../../learn/index.js';
import { nodeOutputs } from '../../../learn/ensemble/forest/forest.js';
import { typed } from '../literals.js';
import { type Kernel, argmaxBody, copyBody } from './kernel.js';

function flatten(trees: readonly FlatTree[], values: (t: FlatTree) => Float64Array): string[] {
  const total = trees.reduce((a, t) => a + t.nodeCount, 0);
  const stride = trees[0]!.valueStride;
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total);
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const value = new Float64Array(total * stride);
  const roots = new Int32Array(trees.length);
  let base = 0;
  trees.forEach((t, i) => {
    roots[i] = base;
    const v = values(t);
    for (let n = 0; n < t.nodeCount; n++) {
      const leaf = t.left[n] === -1;
      feature[base + n] = leaf ? 0 : t.feature[n]!;
      threshold[base + n] = leaf ? 0 : t.threshold[n]!;
      left[base + n] = leaf ? -1 : base + t.left[n]!;
      right[base + n] = leaf ? -1 : base + t.right[n]!;
    }
    value.set(v, base * stride);
    base += t.nodeCount;
  });
  return [
    `/** ${trees.length} tree${trees.length > 1 ? 's' : ''}, ${total} nodes; a leaf has LEFT = -1. */`,
    `const ROOTS = ${typed('Int32Array', roots)};`,
    `const FEATURE = ${typed('Int32Array', feature)};`,
    `const THRESHOLD = ${typed('Float64Array', threshold)};`,
    `const LEFT = ${typed('Int32Array', left)};`,
    `const RIGHT = ${typed('Int32Array', right)};`,
    `const VALUE = ${typed('Float64Array', value)};`,
  ];
}

/** Body of scoreBlock: the sum (or mean) over trees of each row's leaf values. */
function walk(trees: number, k: number, mean: boolean): string {
  const add = k === 1 ? 's[i] += VALUE[node];' : `for (let c = 0; c < ${k}; c++) s[i * ${k} + c] += VALUE[node * ${k} + c];`;
  return [
    `s.fill(0, 0, n * ${k});`,
    'for (let i = 0; i < n; i++) {',
    '  const o = i * D;',
    `  for (let t = 0; t < ${trees}; t++) {`,
    '    let node = ROOTS[t];',
    '    while (LEFT[node] !== -1) node = x[o + FEATURE[node]] <= THRESHOLD[node] ? LEFT[node] : RIGHT[node];',
    `    ${add}`,
    '  }',
    ...(mean ? [`  for (let c = 0; c < ${k}; c++) s[i * ${k} + c] /= ${trees};`] : []),
    '}',
  ].join('\n');
}

export function treeRegressorKernel(trees: readonly FlatTree[]): Kernel {
  return {
    task: 'regression', width: 1, input: 'Float32Array', allowNaN: false,
    declarations: flatten(trees, (t) => t.value),
    score: walk(trees.length, 1, trees.length > 1),
  };
}

export function treeClassifierKernel(trees: readonly FlatTree[], classes: Label[], forest: boolean): Kernel {
  const k = classes.length;
  const kernel: Kernel = {
    task: 'classification', width: k, input: 'Float32Array', allowNaN: false, classes,
    declarations: flatten(trees, forest ? (t) => nodeOutputs(t, true) : (t) => t.value),
    score: walk(trees.length, k, forest),
    label: argmaxBody(k),
    proba: forest
      ? copyBody(k)
      : [
        'let sum = 0;',
        `for (let c = 0; c < ${k}; c++) sum += s[o + c];`,
        'if (sum === 0) sum = 1;',
        `for (let c = 0; c < ${k}; c++) p[c] = s[o + c] / sum;`,
      ].join('\n'),
  };
  return kernel;
}
