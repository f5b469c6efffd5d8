/**
 * Elkan's accelerated k-means: the same iterates as Lloyd's, but each point keeps an upper bound
 * on the distance to its center and a lower bound on the distance to every other center; with
 * the triangle inequality and half the center-to-center distances, most distance computations
 * are skipped once the centers settle.
 */
import { gemmF64 } from '../../kernels/index.js';
import { type KMeansRun, ROW_BLOCK, inertiaOf, rowSqNorms, sameLabels, sqDist, updateCenters } from './kmeans-core.js';

/** Elkan's k-means from `init` (k × d); `xNorms` are the squared row norms of x. */
export function elkanKMeans(
  x: Float64Array, n: number, d: number, init: Float64Array, k: number, maxIter: number, tol: number, xNorms = rowSqNorms(x, n, d),
): KMeansRun {
  let centers = init.slice();
  let next = new Float64Array(k * d);
  const shift = new Float64Array(k);
  const labels = new Int32Array(n);
  const old = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * k);
  const half = new Float64Array(k * k); // half center-center distances
  const nearestHalf = new Float64Array(k); // half distance to the closest other center

  const centerDistances = (): void => {
    for (let a = 0; a < k; a++) {
      let m = Infinity;
      for (let b = 0; b < k; b++) {
        const h = a === b ? 0 : 0.5 * Math.sqrt(sqDist(centers, a, centers, b, d));
        half[a * k + b] = h;
        if (a !== b && h < m) m = h;
      }
      nearestHalf[a] = m;
    }
  };

  // Initial bounds: all distances from GEMMs on blocks of rows (‖x‖² − 2x·c + ‖c‖²), loosened by
  // a bound on their rounding error so they stay valid lower bounds; the nearest center, and
  // any center the loosened bounds cannot rule out, then get exact distances (first index on
  // ties).
  const cNorms = rowSqNorms(centers, k, d);
  let cMax = 0;
  for (let c = 0; c < k; c++) cMax = Math.max(cMax, cNorms[c]!);
  const slack = 4 * (d + 2) * Number.EPSILON;
  const approx = new Float64Array(Math.min(n, ROW_BLOCK) * k);
  for (let start = 0; start < n; start += ROW_BLOCK) {
    const rows = Math.min(ROW_BLOCK, n - start);
    gemmF64(rows, k, d, x, start * d, d, centers, 0, d, approx, 0, k, { transB: true });
    for (let r = 0; r < rows; r++) {
      const i = start + r;
      const xn = xNorms[i]!;
      const ao = r * k;
      for (let c = 0; c < k; c++) {
        const v = xn - 2 * approx[ao + c]! + cNorms[c]!;
        approx[ao + c] = v > 0 ? v : 0;
      }
      const lo = i * k;
      let guess = 0;
      for (let c = 1; c < k; c++) if (approx[ao + c]! < approx[ao + guess]!) guess = c;
      const margin = slack * (xn + cMax);
      let best = guess;
      let bestD = Math.sqrt(sqDist(x, i, centers, guess, d));
      lower[lo + guess] = bestD;
      for (let c = 0; c < k; c++) {
        if (c === guess) continue;
        const bound = Math.sqrt(Math.max(0, approx[ao + c]! - margin));
        if (bound > bestD) {
          lower[lo + c] = bound;
          continue;
        }
        const dc = Math.sqrt(sqDist(x, i, centers, c, d));
        lower[lo + c] = dc;
        if (dc < bestD || (dc === bestD && c < best)) {
          bestD = dc;
          best = c;
        }
      }
      labels[i] = best;
      upper[i] = bestD;
    }
  }

  const assign = (): void => {
    for (let i = 0; i < n; i++) {
      let label = labels[i]!;
      let u = upper[i]!;
      if (u <= nearestHalf[label]!) continue;
      let tight = false;
      const lo = i * k;
      for (let c = 0; c < k; c++) {
        if (c === label || u <= lower[lo + c]! || u <= half[label * k + c]!) continue;
        if (!tight) {
          u = Math.sqrt(sqDist(x, i, centers, label, d));
          lower[lo + label] = u;
          tight = true;
          if (u <= lower[lo + c]! || u <= half[label * k + c]!) continue;
        }
        const dc = Math.sqrt(sqDist(x, i, centers, c, d));
        lower[lo + c] = dc;
        if (dc < u) {
          label = c;
          u = dc;
        }
      }
      labels[i] = label;
      upper[i] = u;
    }
  };

  let strict = false;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    if (iter > 0) assign();
    const moved = updateCenters(x, n, d, labels, centers, k, next, shift);
    [centers, next] = [next, centers];
    // Move the bounds with the centers.
    for (let i = 0; i < n; i++) {
      upper[i]! += shift[labels[i]!]!;
      const lo = i * k;
      for (let c = 0; c < k; c++) {
        const v = lower[lo + c]! - shift[c]!;
        lower[lo + c] = v > 0 ? v : 0;
      }
    }
    centerDistances();
    if (sameLabels(labels, old)) {
      strict = true;
      break;
    }
    if (moved <= tol) break;
    old.set(labels);
  }
  if (!strict) assign();
  return { labels, centers, inertia: inertiaOf(x, d, centers, labels, 0, n), nIter: Math.min(iter + 1, maxIter) };
}
