/**
 * Lloyd's k-means iteration: assign every point to its nearest center, move each center to the
 * mean of its points; stop when the labels stop changing or the centers move less than `tol`
 * (total squared shift). Same stopping rule and iteration count as scikit-learn.
 */
import { type KMeansRun, assignLabels, inertiaOf, sameLabels, updateCenters } from './kmeans-core.js';

export function lloydKMeans(x: Float64Array, n: number, d: number, init: Float64Array, k: number, maxIter: number, tol: number): KMeansRun {
  let centers = init.slice();
  let next = new Float64Array(k * d);
  const shift = new Float64Array(k);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n);
  const old = new Int32Array(n).fill(-1);
  let strict = false;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    next.fill(0);
    counts.fill(0);
    assignLabels(x, n, d, centers, k, labels, false, { sums: next, counts });
    const moved = updateCenters(x, n, d, labels, centers, k, next, shift, counts);
    [centers, next] = [next, centers];
    if (sameLabels(labels, old)) {
      strict = true;
      break;
    }
    if (moved <= tol) break;
    old.set(labels);
  }
  // Labels for the final centers (unchanged after a strict convergence) and their exact inertia.
  const inertia = strict ? inertiaOf(x, d, centers, labels, 0, n) : assignLabels(x, n, d, centers, k, labels);
  return { labels, centers, inertia, nIter: Math.min(iter + 1, maxIter) };
}
