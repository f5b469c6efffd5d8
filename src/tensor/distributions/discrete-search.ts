/** Quantiles of distributions on the integers, by search on their CDF or survival function. */

/**
 * The least integer k in [lower, upper] with `holds(k)`, where `holds` is false then true as k
 * grows and holds(upper) is taken as true. Starts at `guess`, gallops outwards by doubling
 * steps until the answer is bracketed, then bisects: O(log |answer - guess|) evaluations.
 */
export function leastInteger(holds: (k: number) => boolean, lower: number, upper: number, guess: number): number {
  let k = Number.isFinite(guess) ? Math.round(guess) : lower;
  k = Math.min(Math.max(k, lower), upper);
  let lo: number; // holds(lo) is false (lower - 1 counts as false)
  let hi: number; // holds(hi) is true
  if (k === upper || holds(k)) {
    hi = k;
    let step = 1;
    lo = hi - step;
    while (lo >= lower && holds(lo)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < lower) lo = lower - 1;
  } else {
    lo = k;
    let step = 1;
    hi = Math.min(lo + step, upper);
    while (hi < upper && !holds(hi)) {
      lo = hi;
      step *= 2;
      hi = Math.min(lo + step, upper);
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
