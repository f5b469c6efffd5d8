/**
 * SHAP values of tree ensembles with the exact path-dependent TreeSHAP algorithm (Lundberg,
 * Erion & Lee 2018, "Consistent individualized feature attribution for tree ensembles",
 * Algorithm 2). Feature absence is modelled by the training cover (hessian sums) of the
 * branches, so for each row the values plus the expected value add up to the raw margin.
 *
 * The walk keeps, per recursion level, the path of unique features met so far with the
 * fraction of "zero" (feature absent: cover-weighted) and "one" (feature present: follows x)
 * paths and the permutation weights; leaves credit each feature on the path with its
 * weighted difference. Cost per row and tree is O(leaves · depth²).
 */
import type { Forest } from './predictor.js';
import { goesLeft } from './predictor.js';

/** Depth of the deepest tree (a leaf root has depth 0). */
export function forestDepth(f: Forest): number {
  let maxDepth = 0;
  for (let t = 0; t < f.roots.length; t++) {
    const stack: number[] = [f.roots[t]!, 0];
    while (stack.length) {
      const d = stack.pop()!;
      const n = stack.pop()!;
      if (d > maxDepth) maxDepth = d;
      if (f.feature[n]! >= 0) stack.push(f.left[n]!, d + 1, f.right[n]!, d + 1);
    }
  }
  return maxDepth;
}

/** Cover-weighted mean output of each tree, summed per output: E[f(X)] − base margin. */
export function expectedTreeValues(f: Forest): Float64Array {
  const out = new Float64Array(f.outputs);
  for (let t = 0; t < f.roots.length; t++) {
    const root = f.roots[t]!;
    const rootCover = f.cover[root]!;
    let s = 0;
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (f.feature[n]! >= 0) stack.push(f.left[n]!, f.right[n]!);
      else s += f.value[n]! * (rootCover > 0 ? f.cover[n]! / rootCover : 1);
    }
    out[t % f.outputs] += s;
  }
  return out;
}

/**
 * SHAP values of row-major X: `rows × outputs × (cols + 1)`, the last entry of each output
 * being the expected value (base margin plus mean tree outputs), so each row's entries sum to
 * its raw margin.
 */
export function shapValues(
  f: Forest, categories: readonly Float64Array[], x: Float64Array, rows: number, cols: number, baseMargin: Float64Array,
): Float64Array {
  const K = f.outputs;
  const width = cols + 1;
  const out = new Float64Array(rows * K * width);
  const depth = forestDepth(f);
  const seg = depth + 2;
  const cap = seg * (depth + 2);
  const D = new Int32Array(cap);
  const Z = new Float64Array(cap);
  const O = new Float64Array(cap);
  const W = new Float64Array(cap);
  const bias = expectedTreeValues(f);
  const { feature, left, right, cover, value } = f;

  let xo = 0;
  let phi = 0;

  // Appends (pi, pz, po) to the path at [at, at+len) and updates the permutation weights.
  const extend = (at: number, len: number, pz: number, po: number, pi: number): void => {
    D[at + len] = pi;
    Z[at + len] = pz;
    O[at + len] = po;
    W[at + len] = len === 0 ? 1 : 0;
    for (let i = len - 1; i >= 0; i--) {
      W[at + i + 1] += (po * W[at + i]! * (i + 1)) / (len + 1);
      W[at + i] = (pz * W[at + i]! * (len - i)) / (len + 1);
    }
  };
  // Removes element i from a path of length len (+1 stored elements: indices 0..len-1).
  const unwind = (at: number, len: number, i: number): void => {
    const l = len - 1;
    const oi = O[at + i]!;
    const zi = Z[at + i]!;
    let n = W[at + l]!;
    for (let j = l - 1; j >= 0; j--) {
      if (oi !== 0) {
        const t = W[at + j]!;
        W[at + j] = (n * (l + 1)) / ((j + 1) * oi);
        n = t - (W[at + j]! * zi * (l - j)) / (l + 1);
      } else {
        W[at + j] = (W[at + j]! * (l + 1)) / (zi * (l - j));
      }
    }
    for (let j = i; j < l; j++) {
      D[at + j] = D[at + j + 1]!;
      Z[at + j] = Z[at + j + 1]!;
      O[at + j] = O[at + j + 1]!;
    }
  };
  // Sum of the weights the path would have with element i unwound.
  const unwoundSum = (at: number, len: number, i: number): number => {
    const l = len - 1;
    const oi = O[at + i]!;
    const zi = Z[at + i]!;
    let n = W[at + l]!;
    let total = 0;
    for (let j = l - 1; j >= 0; j--) {
      if (oi !== 0) {
        const t = (n * (l + 1)) / ((j + 1) * oi);
        total += t;
        n = W[at + j]! - (t * zi * (l - j)) / (l + 1);
      } else {
        total += (W[at + j]! * (l + 1)) / (zi * (l - j));
      }
    }
    return total;
  };
  const recurse = (node: number, level: number, parentLen: number, pz: number, po: number, pi: number): void => {
    const at = level * seg;
    if (level > 0) {
      const from = at - seg;
      for (let i = 0; i < parentLen; i++) {
        D[at + i] = D[from + i]!;
        Z[at + i] = Z[from + i]!;
        O[at + i] = O[from + i]!;
        W[at + i] = W[from + i]!;
      }
    }
    extend(at, parentLen, pz, po, pi);
    let len = parentLen + 1;
    const feat = feature[node]!;
    if (feat < 0) {
      const v = value[node]!;
      for (let i = 1; i < len; i++) {
        const w = unwoundSum(at, len, i);
        out[phi + D[at + i]!] += w * (O[at + i]! - Z[at + i]!) * v;
      }
      return;
    }
    const hot = goesLeft(f, categories, node, x[xo + feat]!) ? left[node]! : right[node]!;
    const cold = hot === left[node]! ? right[node]! : left[node]!;
    let iz = 1;
    let io = 1;
    for (let k = 1; k < len; k++) {
      if (D[at + k] === feat) {
        iz = Z[at + k]!;
        io = O[at + k]!;
        unwind(at, len, k);
        len--;
        break;
      }
    }
    const rj = cover[node]!;
    recurse(hot, level + 1, len, (iz * cover[hot]!) / rj, io, feat);
    recurse(cold, level + 1, len, (iz * cover[cold]!) / rj, 0, feat);
  };

  for (let r = 0; r < rows; r++) {
    xo = r * cols;
    for (let t = 0; t < f.roots.length; t++) {
      phi = (r * K + (t % K)) * width;
      recurse(f.roots[t]!, 0, 0, 1, 1, -1);
    }
    for (let k = 0; k < K; k++) out[(r * K + k) * width + cols] = baseMargin[k]! + bias[k]!;
  }
  return out;
}
