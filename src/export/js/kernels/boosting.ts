/**
 * Histogram gradient boosting (GradientBoostingClassifier/Regressor) as flat typed arrays.
 * A numeric node sends x left when `x < threshold`, NaN follows the node's default side and a
 * categorical node tests x's category against a bitset, as the native predictor does. Rows
 * without NaN walk four at a time without branches (leaves point to themselves and a right
 * child follows its left sibling), which is what makes the native predictor fast too.
 */
import type { BoostedForest, Label } from '../../../learn/index.js';
import { typed } from '../literals.js';
import { type Kernel, argmaxBody } from './kernel.js';

export interface BoosterState {
  forest: BoostedForest;
  baseMargin: Float64Array;
  categories: Float64Array[];
  classes?: Label[];
  loss: string;
}

/** Depth of each tree. */
function depths(f: BoostedForest): Int32Array {
  const out = new Int32Array(f.roots.length);
  f.roots.forEach((root, t) => {
    const stack = [root, 0];
    while (stack.length) {
      const depth = stack.pop()!;
      const n = stack.pop()!;
      if (depth > out[t]!) out[t] = depth;
      if (f.feature[n]! >= 0) stack.push(f.left[n]!, depth + 1, f.right[n]!, depth + 1);
    }
  });
  return out;
}

function declarations(s: BoosterState, fast: boolean): string[] {
  const f = s.forest;
  const N = f.feature.length;
  const out = [
    `/** ${f.roots.length} trees, ${N} nodes; FEATURE is -1 on a leaf. */`,
    `const ROOTS = ${typed('Int32Array', f.roots)};`,
    `const FEATURE = ${typed('Int32Array', f.feature)};`,
    `const THRESHOLD = ${typed('Float64Array', f.threshold)};`,
    `const LEFT = ${typed('Int32Array', f.left)};`,
    `const RIGHT = ${typed('Int32Array', f.right)};`,
    `const DEFAULT_LEFT = ${typed('Uint8Array', f.defaultLeft)};`,
    `const VALUE = ${typed('Float64Array', f.value)};`,
    `const BASE_MARGIN = ${typed('Float64Array', s.baseMargin)};`,
  ];
  if (fast) {
    out.push(
      '/** For the branch-free walk a leaf loops to itself (NaN threshold, so x >= threshold is false): every row takes DEPTH[t] steps. */',
      `const DEPTH = ${typed('Int32Array', depths(f))};`,
      'const STEP_FEATURE = FEATURE.map((feat) => (feat < 0 ? 0 : feat));',
      'const STEP_LEFT = LEFT.map((left, n) => (FEATURE[n] < 0 ? n : left));',
      'const STEP_THRESHOLD = THRESHOLD.map((t, n) => (FEATURE[n] < 0 ? NaN : t));',
    );
  }
  if (f.catBits.length > 0) {
    out.push(
      `const CAT_OFFSET = ${typed('Int32Array', f.catOffset)};`,
      `const CAT_BITS = ${typed('Int32Array', f.catBits)};`,
      `const CATEGORIES = [${s.categories.map((c) => typed('Float64Array', c ?? [])).join(', ')}];`,
      `/** Position of v in the sorted categories a, or -1. */
function indexOfSorted(a, v) {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = a[mid];
    if (m < v) lo = mid + 1;
    else if (m > v) hi = mid - 1;
    else return mid;
  }
  return -1;
}`,
    );
  }
  const cats = f.catBits.length > 0;
  out.push(`/** The leaf row x[o …] reaches in the tree rooted at n. */
function leafOf(x, o, n) {
  let feat = FEATURE[n];
  while (feat >= 0) {
    const v = x[o + feat];
    let left;
    if (v !== v) left = DEFAULT_LEFT[n] === 1;${cats ? `
    else if (CAT_OFFSET[n] >= 0) {
      const b = indexOfSorted(CATEGORIES[feat], v);
      left = b < 0 ? DEFAULT_LEFT[n] === 1 : ((CAT_BITS[CAT_OFFSET[n] + (b >>> 5)] >>> (b & 31)) & 1) === 1;
    }` : ''}
    else left = v < THRESHOLD[n];
    n = left ? LEFT[n] : RIGHT[n];
    feat = FEATURE[n];
  }
  return n;
}`);
  return out;
}

/** Body of scoreBlock: the base margin plus the trees' leaf values, in tree order. */
function scoreBody(K: number, trees: number, fast: boolean): string {
  const lines = [
    'for (let r = 0; r < n; r++) {',
    `  for (let k = 0; k < ${K}; k++) s[r * ${K} + k] = BASE_MARGIN[k];`,
    '}',
    'let r = 0;',
  ];
  if (fast) {
    lines.push(
      'rows: for (; r + 4 <= n; r += 4) {',
      '  const x0 = r * D;',
      '  for (let i = x0, end = x0 + 4 * D; i < end; i++) {',
      '    if (x[i] !== x[i]) {',
      '      for (let j = r; j < r + 4; j++) general(x, j, s);',
      '      continue rows;',
      '    }',
      '  }',
      '  const x1 = x0 + D;',
      '  const x2 = x1 + D;',
      '  const x3 = x2 + D;',
      `  const o0 = r * ${K};`,
      `  for (let t = 0; t < ${trees}; t++) {`,
      '    let a = ROOTS[t];',
      '    let b = a;',
      '    let c = a;',
      '    let d = a;',
      '    for (let step = DEPTH[t]; step > 0; step--) {',
      '      a = STEP_LEFT[a] + (x[x0 + STEP_FEATURE[a]] >= STEP_THRESHOLD[a]);',
      '      b = STEP_LEFT[b] + (x[x1 + STEP_FEATURE[b]] >= STEP_THRESHOLD[b]);',
      '      c = STEP_LEFT[c] + (x[x2 + STEP_FEATURE[c]] >= STEP_THRESHOLD[c]);',
      '      d = STEP_LEFT[d] + (x[x3 + STEP_FEATURE[d]] >= STEP_THRESHOLD[d]);',
      '    }',
      `    const k = ${K === 1 ? '0' : `t % ${K}`};`,
      '    s[o0 + k] += VALUE[a];',
      `    s[o0 + ${K} + k] += VALUE[b];`,
      `    s[o0 + ${2 * K} + k] += VALUE[c];`,
      `    s[o0 + ${3 * K} + k] += VALUE[d];`,
      '  }',
      '}',
    );
  }
  lines.push('for (; r < n; r++) general(x, r, s);');
  return lines.join('\n');
}

function generalWalk(K: number, trees: number): string {
  return `/** One row through every tree, any feature values. */
function general(x, r, s) {
  const o = r * D;
  for (let t = 0; t < ${trees}; t++) s[r * ${K} + ${K === 1 ? '0' : `(t % ${K})`}] += VALUE[leafOf(x, o, ROOTS[t])];
}`;
}

/** Whether every split's right child directly follows its left child (needed by the branch-free walk). */
function adjacentChildren(f: BoostedForest): boolean {
  for (let n = 0; n < f.feature.length; n++) if (f.feature[n]! >= 0 && f.right[n] !== f.left[n]! + 1) return false;
  return true;
}

export function boostingKernel(s: BoosterState): Kernel {
  const f = s.forest;
  const K = f.outputs;
  const fast = f.catBits.length === 0 && adjacentChildren(f);
  const decls = [...declarations(s, fast), generalWalk(K, f.roots.length)];
  const score = scoreBody(K, f.roots.length, fast);
  if (!s.classes) {
    if (s.loss === 'poisson') decls.push('/** Poisson loss: the prediction is exp of the margin. */');
    return {
      task: 'regression', width: 1, input: 'Float64Array', allowNaN: true, declarations: decls,
      score: s.loss === 'poisson' ? `${score}\nfor (let i = 0; i < n; i++) s[i] = Math.exp(s[i]);` : score,
    };
  }
  const C = s.classes.length;
  return {
    task: 'classification', width: K, input: 'Float64Array', allowNaN: true, declarations: decls, score, classes: s.classes,
    label: K === 1 ? 'return s[o] > 0 ? 1 : 0;' : argmaxBody(K),
    proba: K === 1
      ? ['const p1 = 1 / (1 + Math.exp(-s[o]));', 'p[0] = 1 - p1;', 'p[1] = p1;'].join('\n')
      : [
        'let max = -Infinity;',
        `for (let k = 0; k < ${C}; k++) if (s[o + k] > max) max = s[o + k];`,
        'let z = 0;',
        `for (let k = 0; k < ${C}; k++) z += p[k] = Math.exp(s[o + k] - max);`,
        `for (let k = 0; k < ${C}; k++) p[k] = p[k] / z;`,
      ].join('\n'),
  };
}

