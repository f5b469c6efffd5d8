/**
 * The pieces every k-means variant shares: nearest-center assignment, the M-step (means of the
 * assigned points, relocating empty clusters to the farthest points as scikit-learn does),
 * center shifts and inertia. All matrices are row-major Float64Arrays (n × d, k × d).
 */

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

/**
 * Assigns every point to its nearest center (first on ties), writing labels, and returns the
 * inertia Σ‖x − c_label‖².
 */
export function assignLabels(x: Float64Array, n: number, d: number, centers: Float64Array, k: number, labels: Int32Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let best = Infinity;
    let label = 0;
    for (let c = 0; c < k; c++) {
      const co = c * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = x[xo + j]! - centers[co + j]!;
        s += t * t;
      }
      if (s < best) {
        best = s;
        label = c;
      }
    }
    labels[i] = label;
    inertia += best;
  }
  return inertia;
}

/** Σ‖x_i − c_{labels_i}‖² (weighted when weights are given). */
export function inertiaOf(x: Float64Array, n: number, d: number, centers: Float64Array, labels: Int32Array, weights?: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (weights ? weights[i]! : 1) * sqDist(x, i, centers, labels[i]!, d);
  return s;
}

/**
 * New centers = means of the points in each cluster under `labels`; a cluster left empty takes
 * the point farthest from its own (old) center, which leaves its former cluster (scikit-learn's
 * rule). Returns Σ‖new − old‖² over centers and fills `shift` with each ‖new − old‖.
 */
export function updateCenters(
  x: Float64Array, n: number, d: number, labels: Int32Array, old: Float64Array, k: number,
  out: Float64Array, shift: Float64Array,
): number {
  out.fill(0);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c]! += 1;
    const xo = i * d;
    const co = c * d;
    for (let j = 0; j < d; j++) out[co + j]! += x[xo + j]!;
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
