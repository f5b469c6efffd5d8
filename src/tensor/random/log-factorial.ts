/** log(k!) for the rejection tests of the binomial and Poisson samplers. */

const TABLE_SIZE = 128;
const TABLE = new Float64Array(TABLE_SIZE);
for (let k = 1; k < TABLE_SIZE; k++) TABLE[k] = TABLE[k - 1]! + Math.log(k);

const HALF_LOG_2PI = 0.9189385332046728;

/**
 * log(k!) for an integer k ≥ 0: a table below 128, Stirling's series above (error < 1e-17
 * relative there).
 *
 * @example
 * logFactorial(5); // Math.log(120)
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return TABLE[k]!;
  const inv = 1 / k;
  const inv2 = inv * inv;
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_2PI + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
