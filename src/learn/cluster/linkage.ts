/**
 * Hierarchical clustering trees. Ward, complete and average linkage use the nearest-neighbor
 * chain algorithm on a condensed distance matrix with Lance–Williams updates (O(n²) time and
 * memory); single linkage uses Prim's minimum spanning tree (O(n²) time, O(n) memory). Merges
 * are then sorted by height and relabelled with a union-find, so node n + i is the cluster made
 * by merge i (SciPy's `linkage` convention).
 */
import { type Metric, rdist, toDistance } from '../neighbors/metric.js';

export type Linkage = 'ward' | 'complete' | 'average' | 'single';

/** A dendrogram over n leaves: merge i joins children[2i] and children[2i+1] at height distances[i]. */
export interface Dendrogram {
  children: Int32Array;
  distances: Float64Array;
  /** Leaves under each merge. */
  sizes: Int32Array;
}

function condensedIndex(n: number, i: number, j: number): number {
  if (i > j) [i, j] = [j, i];
  return n * i - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Merges (a, b, height) in any order → sorted, relabelled dendrogram. */
function relabel(n: number, a: Int32Array, b: Int32Array, h: Float64Array): Dendrogram {
  const order = Array.from({ length: n - 1 }, (_, i) => i).sort((p, q) => h[p]! - h[q]! || p - q);
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const size = new Int32Array(2 * n - 1).fill(1);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const children = new Int32Array(2 * (n - 1));
  const distances = new Float64Array(n - 1);
  const sizes = new Int32Array(n - 1);
  order.forEach((m, i) => {
    const ra = find(a[m]!);
    const rb = find(b[m]!);
    children[2 * i] = Math.min(ra, rb);
    children[2 * i + 1] = Math.max(ra, rb);
    distances[i] = h[m]!;
    const id = n + i;
    parent[ra] = id;
    parent[rb] = id;
    size[id] = size[ra]! + size[rb]!;
    sizes[i] = size[id]!;
  });
  return { children, distances, sizes };
}

/** Single linkage from Prim's minimum spanning tree over the n × d points. */
function singleLinkage(x: Float64Array, n: number, d: number, metric: Metric): Dendrogram {
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n);
  const a = new Int32Array(n - 1);
  const b = new Int32Array(n - 1);
  const h = new Float64Array(n - 1);
  let current = 0;
  inTree[0] = 1;
  for (let e = 0; e < n - 1; e++) {
    let next = -1;
    let nextD = Infinity;
    for (let j = 0; j < n; j++) {
      if (inTree[j]) continue;
      const dist = toDistance(metric, rdist(metric, x, current, x, j, d));
      if (dist < best[j]!) {
        best[j] = dist;
        from[j] = current;
      }
      if (best[j]! < nextD || next < 0) {
        nextD = best[j]!;
        next = j;
      }
    }
    a[e] = from[next]!;
    b[e] = next;
    h[e] = nextD;
    inTree[next] = 1;
    current = next;
  }
  return relabel(n, a, b, h);
}

/** Ward, complete or average linkage by the nearest-neighbor chain. */
function chainLinkage(x: Float64Array, n: number, d: number, metric: Metric, linkage: Exclude<Linkage, 'single'>): Dendrogram {
  const D = new Float64Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) D[condensedIndex(n, i, j)] = toDistance(metric, rdist(metric, x, i, x, j, d));
  const size = new Float64Array(n).fill(1);
  const chain = new Int32Array(n);
  let len = 0;
  const a = new Int32Array(n - 1);
  const b = new Int32Array(n - 1);
  const h = new Float64Array(n - 1);
  for (let k = 0; k < n - 1; k++) {
    if (len === 0) {
      for (let i = 0; i < n; i++) {
        if (size[i]! > 0) {
          chain[0] = i;
          len = 1;
          break;
        }
      }
    }
    let xNode: number;
    let yNode: number;
    let dmin: number;
    for (;;) {
      xNode = chain[len - 1]!;
      // Prefer the previous chain element on ties, so the chain cannot cycle.
      if (len > 1) {
        yNode = chain[len - 2]!;
        dmin = D[condensedIndex(n, xNode, yNode)]!;
      } else {
        yNode = -1;
        dmin = Infinity;
      }
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === xNode) continue;
        const dist = D[condensedIndex(n, xNode, i)]!;
        if (dist < dmin) {
          dmin = dist;
          yNode = i;
        }
      }
      if (len > 1 && yNode === chain[len - 2]) break;
      chain[len++] = yNode;
    }
    len -= 2;
    if (xNode > yNode) [xNode, yNode] = [yNode, xNode];
    const nx = size[xNode]!;
    const ny = size[yNode]!;
    a[k] = xNode;
    b[k] = yNode;
    h[k] = dmin;
    size[xNode] = 0;
    size[yNode] = nx + ny;
    // The merged cluster lives on at index yNode.
    for (let i = 0; i < n; i++) {
      const ni = size[i]!;
      if (ni === 0 || i === yNode) continue;
      const ix = condensedIndex(n, i, xNode);
      const iy = condensedIndex(n, i, yNode);
      const dx = D[ix]!;
      const dy = D[iy]!;
      let v: number;
      if (linkage === 'complete') v = Math.max(dx, dy);
      else if (linkage === 'average') v = (nx * dx + ny * dy) / (nx + ny);
      else {
        const t = 1 / (nx + ny + ni);
        v = Math.sqrt((ni + nx) * t * dx * dx + (ni + ny) * t * dy * dy - ni * t * dmin * dmin);
      }
      D[iy] = v;
    }
  }
  return relabel(n, a, b, h);
}

/**
 * The full merge tree of n points (row-major n × d).
 * @example
 * const tree = linkageTree(X, n, d, 'ward', resolveMetric('euclidean', 2, 'demo'));
 */
export function linkageTree(x: Float64Array, n: number, d: number, linkage: Linkage, metric: Metric): Dendrogram {
  if (n === 1) return { children: new Int32Array(0), distances: new Float64Array(0), sizes: new Int32Array(0) };
  return linkage === 'single' ? singleLinkage(x, n, d, metric) : chainLinkage(x, n, d, metric, linkage);
}

/**
 * Flat clusters from the first n − nClusters merges, numbered in order of each cluster's first
 * sample (so sample 0 is in cluster 0).
 */
export function cutTree(tree: Dendrogram, n: number, nClusters: number): Int32Array {
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  for (let i = 0; i < n - nClusters; i++) {
    const id = n + i;
    parent[find(tree.children[2 * i]!)] = id;
    parent[find(tree.children[2 * i + 1]!)] = id;
  }
  const names = new Map<number, number>();
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (!names.has(r)) names.set(r, names.size);
    labels[i] = names.get(r)!;
  }
  return labels;
}
