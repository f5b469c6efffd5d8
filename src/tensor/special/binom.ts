/**
 * Binomial coefficients: `binom` for real arguments (SciPy's `binom`), `comb` for counting
 * (0 outside 0 ≤ k ≤ n, SciPy's `comb(exact=False)`) and `combln`, its logarithm, which stays
 * finite where the coefficient itself overflows.
 */
import stdlibGamma from '@stdlib/math-base-special-gamma';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibBetaln from '@stdlib/math-base-special-betaln';
import stdlibBinomcoefln from '@stdlib/math-base-special-binomcoefln';
import { type BinaryUfunc, binary } from './ufunc.js';

/** Below this many factors the product formula is used: exact for integers, accurate for reals. */
const PRODUCT_TERMS = 30;

/** Sign of Γ(x) for x not a pole: negative on (-1, 0), (-3, -2), … */
function gammaSign(x: number): number {
  return x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** C(n, k) as a product of k factors, (n-k+1)/1 · (n-k+2)/2 · … · n/k; k a small integer ≥ 0. */
function productBinom(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

function binomScalar(n: number, k: number): number {
  if (Number.isNaN(n) || Number.isNaN(k)) return NaN;
  // Γ(n+1) has a pole at negative integers n: the coefficient is undefined there (SciPy: NaN).
  if (n < 0 && Number.isInteger(n)) return NaN;
  if (Number.isInteger(k)) {
    if (k < 0) return 0;
    if (Number.isInteger(n)) {
      if (k > n) return 0;
      const kk = Math.min(k, n - k);
      if (kk < PRODUCT_TERMS) return productBinom(n, kk);
      return Math.exp(stdlibBinomcoefln(n, kk));
    }
    if (k < PRODUCT_TERMS) return productBinom(n, k);
  }
  const m = n - k;
  // 1/Γ(m+1) vanishes when m is a negative integer.
  if (Number.isInteger(m) && m < 0) return 0;
  if (k + 1 > 0 && m + 1 > 0) return Math.exp(-Math.log1p(n) - stdlibBetaln(m + 1, k + 1));
  if (Math.abs(n) < 170 && Math.abs(k) < 170 && Math.abs(m) < 170) {
    return stdlibGamma(n + 1) / (stdlibGamma(k + 1) * stdlibGamma(m + 1));
  }
  const sign = gammaSign(n + 1) * gammaSign(k + 1) * gammaSign(m + 1);
  return sign * Math.exp(stdlibGammaln(n + 1) - stdlibGammaln(k + 1) - stdlibGammaln(m + 1));
}

/**
 * The binomial coefficient Γ(n+1) / (Γ(k+1) Γ(n-k+1)) for real n and k (SciPy's `binom`):
 * exact for small integer arguments, 0 where 1/Γ vanishes (k a negative integer, or k > n
 * for integer n ≥ 0), NaN for negative integer n.
 *
 * @example
 * binom(5, 2); // 10
 * binom(2.5, 2); // 1.875
 */
export const binom: BinaryUfunc = binary(binomScalar);

/**
 * The number of ways to choose k of n items, as a float (SciPy's `comb(n, k)`): `binom(n, k)`
 * for 0 ≤ k ≤ n, and 0 otherwise. Overflows to +∞ past about 1e308: use {@link combln}.
 *
 * @example
 * comb(10, 3); // 120
 * comb(3, 5); // 0
 */
export const comb: BinaryUfunc = binary((n, k) => {
  if (Number.isNaN(n) || Number.isNaN(k)) return NaN;
  if (k > n || n < 0 || k < 0) return 0;
  return binomScalar(n, k);
});

/**
 * log C(n, k) for 0 ≤ k ≤ n (real or integer), finite where C(n, k) overflows; -∞ outside.
 *
 * @example
 * combln(10, 3); // 4.787491742782046 (log 120)
 * combln(1e6, 5e5); // 693140.0470130637
 */
export const combln: BinaryUfunc = binary((n, k) => {
  if (Number.isNaN(n) || Number.isNaN(k)) return NaN;
  if (k > n || n < 0 || k < 0) return -Infinity;
  if (k === 0 || k === n) return 0;
  if (Number.isInteger(n) && Number.isInteger(k)) return stdlibBinomcoefln(n, k);
  return -Math.log1p(n) - stdlibBetaln(n - k + 1, k + 1);
});
