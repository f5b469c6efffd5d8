/**
 * The pieces every k-means variant shares: nearest-center assignment, the M-step (means of the
 * assigned points, relocating empty clusters to the farthest points as scikit-learn does),
 * center shifts and inertia. All matrices are row-major Float64Arrays (n × d, k × d).
 */
import { gemmF64 } from '../../kernels/index.js';

/** Squared Euclidean distance between row a of x and row b of y. */
export function sqDist(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  const xo = a * d;
  const yo = b * d;
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = x[xo + j]! - y[yo + j]!;
    s += t * t;
  }
  return s;
}

/** Per-cluster sums of the assigned rows (k × d) and their counts, zeroed by the caller. */
export interface ClusterSums {
  sums: Float64Array;
  counts: Float64Array;
}

function addRow(x: Float64Array, i: number, d: number, c: number, sums: Float64Array, counts: Float64Array): void {
  counts[c] += 1;
  const xo = i * d;
  const co = c * d;
  for (let j = 0; j < d; j++) sums[co + j] += x[xo + j]!;
}

/** Rows per GEMM block of the distance computations (keeps the block and its products in cache). */
export const ROW_BLOCK = 1024;

/** ‖row‖² of each row of a row-major n × d matrix. */
export function rowSqNorms(x: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0, o = i * d; j < d; j++) s += x[o + j]! * x[o + j]!;
    out[i] = s;
  }
  return out;
}

/**
 * Assigns every point to its nearest center (first on ties), writing labels, and returns the
 * inertia Σ‖x − c_label‖² (0 when `withInertia` is false), or NaN when x holds a NaN or ±Infinity
 * (its products with the centers are then not finite). As scikit-learn's Lloyd does, the
 * nearest center minimizes ‖c‖² − 2·x·c, the products x·c coming from a GEMM per block of rows;
 * the inertia is summed from exact distances. With `sums`, each row is also added to its
 * cluster's sum while it is in cache (the M-step's first half, for `updateCenters`).
 */
export function assignLabels(
  x: Float64Array, n: number, d: number, centers: Float64Array, k: number, labels: Int32Array, withInertia = true,
  sums?: ClusterSums,
): number {
  const cNorms = rowSqNorms(centers, k, d);
  const dots = new Float64Array(Math.min(n, ROW_BLOCK) * k);
  let inertia = 0;
  let finite = 0;
  for (let start = 0; start < n; start += ROW_BLOCK) {
    const rows = Math.min(ROW_BLOCK, n - start);
    gemmF64(rows, k, d, x, start * d, d, centers, 0, d, dots, 0, k, { transB: true });
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      finite += dots[o]! * 0;
      let best = cNorms[0]! - 2 * dots[o]!;
      let label = 0;
      for (let c = 1; c < k; c++) {
        const v = cNorms[c]! - 2 * dots[o + c]!;
        if (v < best) {
          best = v;
          label = c;
        }
      }
      labels[start + r] = label;
    }
    if (withInertia) inertia += inertiaOf(x, d, centers, labels, start, start + rows);
    if (sums) for (let i = start; i < start + rows; i++) addRow(x, i, d, labels[i]!, sums.sums, sums.counts);
  }
  return finite === 0 ? inertia : NaN;
}

/**
 * Σ‖x_i − c_{labels_i}‖² over rows [from, to). Two rows at a time, each summed in coordinate
 * order, so the two sums proceed independently.
 */
export function inertiaOf(x: Float64Array, d: number, centers: Float64Array, labels: Int32Array, from: number, to: number): number {
  let s = 0;
  let i = from;
  for (; i + 2 <= to; i += 2) {
    const ao = i * d;
    const bo = ao + d;
    const ac = labels[i]! * d;
    const bc = labels[i + 1]! * d;
    let a = 0;
    let b = 0;
    for (let j = 0; j < d; j++) {
      const ta = x[ao + j]! - centers[ac + j]!;
      const tb = x[bo + j]! - centers[bc + j]!;
      a += ta * ta;
      b += tb * tb;
    }
    s += a;
    s += b;
  }
  if (i < to) s += sqDist(x, i, centers, labels[i]!, d);
  return s;
}

/**
 * New centers = means of the points in each cluster under `labels`; a cluster left empty takes
 * the point farthest from its own (old) center, which leaves its former cluster (scikit-learn's
 * rule). Returns Σ‖new − old‖² over centers and fills `shift` with each ‖new − old‖. When
 * `counts` is given, `out` already holds the per-cluster sums (from `assignLabels`).
 */
export function updateCenters(
  x: Float64Array, n: number, d: number, labels: Int32Array, old: Float64Array, k: number,
  out: Float64Array, shift: Float64Array, counts?: Float64Array,
): number {
  if (!counts) {
    out.fill(0);
    counts = new Float64Array(k);
    for (let i = 0; i < n; i++) addRow(x, i, d, labels[i]!, out, counts);
  }
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length > 0) {
    const far = Array.from({ length: n }, (_, i) => i)
      .map((i) => [sqDist(x, i, old, labels[i]!, d), i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, empty.length);
    empty.forEach((c, e) => {
      const i = far[e]![1];
      const from = labels[i]!;
      for (let j = 0; j < d; j++) {
        out[from * d + j]! -= x[i * d + j]!;
        out[c * d + j] = x[i * d + j]!;
      }
      counts[from]! -= 1;
      counts[c] = 1;
    });
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    const co = c * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      if (counts[c]! > 0) out[co + j]! /= counts[c]!;
      const t = out[co + j]! - old[co + j]!;
      s += t * t;
    }
    shift[c] = Math.sqrt(s);
    total += s;
  }
  return total;
}

/** The result of one k-means run from one initialization. */
export interface KMeansRun {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  nIter: number;
}

export function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two labelings are the same partition up to renaming (scikit-learn's _is_same_clustering). */
export function sameClustering(a: Int32Array, b: Int32Array, k: number): boolean {
  const map = new Int32Array(k).fill(-1);
  for (let i = 0; i < a.length; i++) {
    const m = map[a[i]!]!;
    if (m === -1) map[a[i]!] = b[i]!;
    else if (m !== b[i]) return false;
  }
  return true;
}
