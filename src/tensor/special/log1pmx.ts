/** log(1 + x) - x without cancellation near x = 0 (an internal building block). */

/** Below this |x| the power series is used; above it log1p(x) - x loses under one digit. */
const SERIES_LIMIT = 0.25;

/**
 * log(1 + x) - x for x ≥ -1, accurate to a few ulps everywhere (the plain difference loses
 * all digits as x → 0, where the value is about -x²/2).
 */
export function log1pmx(x: number): number {
  if (Math.abs(x) >= SERIES_LIMIT) return Math.log1p(x) - x;
  // -x²/2 + x³/3 - x⁴/4 + …, alternating and converging geometrically for |x| < 1/4.
  let power = x * x;
  let sum = -power / 2;
  for (let k = 3; k < 60; k++) {
    power *= -x;
    const term = power / k;
    sum -= term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return sum;
}
