/**
 * The Barnes–Hut t-SNE objective (van der Maaten 2014): attraction over the sparse P exactly,
 * repulsion from a quadtree in O(n log n). Same gradient formula as the exact method; the KL
 * value is computed over P's non-zeros, as scikit-learn does.
 */
import type { SparseP } from './affinities.js';
import { QuadTree } from './quadtree.js';

const FLOAT32_TINY = 1.1754943508222875e-38;

export function barnesHutKlGradient(P: SparseP, y: Float64Array, n: number, angle: number, grad: Float64Array, withError: boolean): number {
  const tree = new QuadTree(y, n);
  const neg = new Float64Array(2 * n);
  const f = new Float64Array(2);
  // Depth-first over ≤ 40 levels keeps at most 3 siblings per level on the stack.
  const stack = new Int32Array(4 * 64 + 8);
  let sumQ = 0;
  const theta2 = angle * angle;
  for (let i = 0; i < n; i++) {
    f[0] = 0;
    f[1] = 0;
    sumQ += tree.repulsion(i, theta2, f, stack);
    neg[2 * i] = f[0]!;
    neg[2 * i + 1] = f[1]!;
  }
  let kl = 0;
  for (let i = 0; i < n; i++) {
    let fx = 0;
    let fy = 0;
    const yx = y[2 * i]!;
    const yy = y[2 * i + 1]!;
    for (let t = P.indptr[i]!; t < P.indptr[i + 1]!; t++) {
      const j = P.indices[t]!;
      const p = P.values[t]!;
      const dx = yx - y[2 * j]!;
      const dy = yy - y[2 * j + 1]!;
      const q = 1 / (1 + dx * dx + dy * dy);
      if (withError) kl += p * Math.log(Math.max(p, FLOAT32_TINY) / Math.max(q / sumQ, FLOAT32_TINY));
      fx += p * q * dx;
      fy += p * q * dy;
    }
    grad[2 * i] = 4 * (fx - neg[2 * i]! / sumQ);
    grad[2 * i + 1] = 4 * (fy - neg[2 * i + 1]! / sumQ);
  }
  return kl;
}
