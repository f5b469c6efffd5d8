/**
 * Downsampling of long metric series for charts: Largest-Triangle-Three-Buckets (Steinarsson
 * 2013) keeps the points that shape the line, so a 100,000-point curve drawn from 1,000 points
 * looks the same. Browser-safe.
 */
import { InvalidInputError } from '../errors.js';

/**
 * Indices of the points LTTB keeps: always the first and the last, then one per bucket — the
 * point that makes the largest triangle with the previous kept point and the next bucket's mean.
 * `xs` must be sorted ascending and every value finite.
 *
 * @example
 * lttbIndices([0, 1, 2, 3, 4], [0, 5, 0, 5, 0], 3); // [0, 1, 4] (or 3: the peaks tie)
 */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): number[] {
  const n = xs.length;
  if (ys.length !== n) throw new InvalidInputError(`lttb: ${n} x values but ${ys.length} y values; they must pair up.`);
  if (!Number.isSafeInteger(threshold) || threshold < 3) throw new InvalidInputError(`lttb: the number of points must be an integer ≥ 3, got ${threshold}.`);
  if (threshold >= n) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // the mean of the next bucket (the last point when this is the last bucket)
    let avgStart = Math.floor((i + 1) * every) + 1;
    let avgEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    if (avgStart >= n) { avgStart = n - 1; avgEnd = n; }
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) { avgX += xs[j]!; avgY += ys[j]!; }
    avgX /= avgEnd - avgStart;
    avgY /= avgEnd - avgStart;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    const ax = xs[a]!;
    const ay = ys[a]!;
    let best = -1;
    let next = start;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (ys[j]! - ay) - (ax - xs[j]!) * (avgY - ay));
      if (area > best) { best = area; next = j; }
    }
    out.push(next);
    a = next;
  }
  out.push(n - 1);
  return out;
}

export interface SeriesPoint {
  step: number;
  time: number;
  value: number;
}

/**
 * A series cut to about `points` points by LTTB over x = step (or time). Non-finite values
 * (NaN, ±Infinity) cannot sit on a line, so they are left out of LTTB and kept as they are
 * (evenly thinned to at most a tenth of `points`), so a chart can still mark them.
 *
 * @example
 * downsampleSeries(history, 1000).points.length; // ≤ 1000
 */
export function downsampleSeries<P extends SeriesPoint>(series: readonly P[], points: number, x: 'step' | 'time' = 'step'): { points: P[]; total: number; downsampled: boolean } {
  if (series.length <= points) return { points: [...series], total: series.length, downsampled: false };
  const finite: P[] = [];
  const other: P[] = [];
  for (const p of series) (Number.isFinite(p.value) ? finite : other).push(p);
  const keepOther = Math.max(1, Math.floor(points / 10));
  const marks = other.length <= keepOther ? other : Array.from({ length: keepOther }, (_, i) => other[Math.floor((i * other.length) / keepOther)]!);
  const budget = Math.max(3, points - marks.length);
  const xs = new Float64Array(finite.length);
  const ys = new Float64Array(finite.length);
  finite.forEach((p, i) => { xs[i] = p[x]; ys[i] = p.value; });
  const kept = finite.length <= budget ? finite : lttbIndices(xs, ys, budget).map((i) => finite[i]!);
  const merged = marks.length === 0 ? kept : [...kept, ...marks].sort((p, q) => p[x] - q[x] || p.time - q.time);
  return { points: merged, total: series.length, downsampled: true };
}
