/**
 * The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x) and their
 * inverses in x, with SciPy's argument order (a first).
 *
 * @stdlib evaluates P and Q for shapes a < 100. For larger shapes it sends x > 1000 with a
 * close to x to an asymptotic series meant for x ≫ a, which is wrong by up to 2% (P(1000,
 * 1010) = 0.6195 instead of 0.6277), so there the series for P (x < a) or the continued
 * fraction for Q (x ≥ a) is summed here, scaled by a prefix that keeps its digits for large a.
 * The inverses start from @stdlib's inverse (wrong in far tails and for large a, e.g.
 * gammainccinv(0.5, 1e-300) = 691.9 instead of 686.9) and polish it with Newton steps on
 * log P or log Q against the functions here, so they are as accurate as the forward ones.
 */
import stdlibGammainc from '@stdlib/math-base-special-gammainc';
import stdlibGammaincinv from '@stdlib/math-base-special-gammaincinv';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import { LARGE_SHAPE, gammaDensity, gammaSeriesPrefix } from './gamma-density.js';
import { type BinaryUfunc, binary } from './ufunc.js';

const EPS = 2.220446049250313e-16;
const TINY = 1e-300;
/**
 * Terms (or fractions) summed at most. Near x = a the terms fall off like exp(-n²/2a), so about
 * 8.6·√a are needed there (8,600 at a = 1e6; a few ms of work at a = 1e10); far from x = a
 * far fewer. The cap only guards against a NaN loop.
 */
function maxTerms(a: number): number {
  return 20 * Math.sqrt(a) + 1000;
}

/** P(a, x) by its power series, x^a e^(-x)/Γ(a+1) · Σ xⁿ/((a+1)…(a+n)); converges for x < a. */
function lowerSeries(a: number, x: number): number {
  const prefix = gammaSeriesPrefix(a, x);
  if (prefix === 0) return 0;
  let term = 1;
  let sum = 1;
  const limit = maxTerms(a);
  for (let n = 1; n < limit; n++) {
    term *= x / (a + n);
    sum += term;
    if (term <= sum * EPS) break;
  }
  return prefix * sum;
}

/** Q(a, x) by its continued fraction (modified Lentz), for x ≥ a. */
function upperFraction(a: number, x: number): number {
  const prefix = gammaSeriesPrefix(a, x) * a; // x^a e^(-x) / Γ(a)
  if (prefix === 0) return 0;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = maxTerms(a);
  for (let i = 1; i < limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return prefix * h;
}

/** P(a, x) (upper = false) or Q(a, x) (upper = true), with SciPy's values at the edges. */
export function regularizedGamma(a: number, x: number, upper: boolean): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a < 0 || x < 0) return NaN;
  if (a === 0) {
    // The limit as a → 0 is a point mass at 0: P = 1 for every x > 0 (undefined at x = 0).
    if (x === 0) return NaN;
    return upper ? 0 : 1;
  }
  if (a === Infinity) return NaN;
  if (x === Infinity) return upper ? 0 : 1;
  if (x === 0) return upper ? 1 : 0;
  if (a < LARGE_SHAPE) return stdlibGammainc(x, a, true, upper);
  // Sum whichever of P, Q is the smaller (≲ 1/2), so the complement loses nothing.
  if (x < a) {
    const p = lowerSeries(a, x);
    return upper ? 1 - p : p;
  }
  const q = upperFraction(a, x);
  return upper ? q : 1 - q;
}

/**
 * A starting point for the inverse when @stdlib's is unusable: x^a/Γ(a+1) ≈ t in the lower
 * tail, and a plus a few standard deviations of e^(-x) decay in the upper tail.
 */
function initialGuess(a: number, t: number, upper: boolean): number {
  if (!upper) return Math.exp((Math.log(t) + stdlibGammaln(a + 1)) / a);
  return a + Math.max(0, -Math.log(t)) + Math.sqrt(a * Math.max(1, -Math.log(t)));
}

/** The x with P(a, x) = y (upper = false) or Q(a, x) = y (upper = true). */
export function regularizedGammaInverse(a: number, y: number, upper: boolean): number {
  if (Number.isNaN(a) || Number.isNaN(y) || a <= 0 || a === Infinity || y < 0 || y > 1) return NaN;
  if (y === 0) return upper ? Infinity : 0;
  if (y === 1) return upper ? 0 : Infinity;
  // Solve in the smaller tail: 1 - y is exact for y ≥ 1/2, and a small target keeps its digits.
  let tailUpper = upper;
  let t = y;
  if (y > 0.5) {
    tailUpper = !upper;
    t = 1 - y;
  }
  let x = stdlibGammaincinv(t, a, tailUpper);
  if (!(x > 0 && x < Infinity)) {
    if (!tailUpper && x === 0 && regularizedGamma(a, Number.MIN_VALUE, false) >= t) return 0;
    x = initialGuess(a, t, tailUpper);
  }
  // Newton's method on log F(a, x) = log t in u = log x, kept inside a bracket [lo, hi].
  const logT = Math.log(t);
  let lo = 0;
  let hi = Infinity;
  for (let iter = 0; iter < 200; iter++) {
    const f = regularizedGamma(a, x, tailUpper);
    const r = Math.log(f) - logT;
    if (r === 0) return x;
    // P grows with x and Q falls, so the sign of r says which side of the root x is on.
    if (r > 0 !== tailUpper) hi = x;
    else lo = x;
    const slope = ((tailUpper ? -1 : 1) * x * gammaDensity(a, x)) / f; // d log F / d log x
    let next = x * Math.exp(-r / slope);
    if (!(next > lo && next < hi)) {
      // Newton left the bracket (or F underflowed): bisect it, geometrically where possible.
      next = lo > 0 && hi < Infinity ? Math.sqrt(lo * hi) : lo > 0 ? lo * 16 : hi / 16;
    }
    if (Math.abs(next - x) <= 4 * EPS * x) return next;
    if (next === 0 || next === Infinity) return next;
    x = next;
  }
  return x;
}

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a) for a ≥ 0, x ≥ 0
 * (SciPy's `gammainc`; NaN outside). It is the CDF of a Gamma(a, 1) variable at x.
 *
 * @example
 * gammainc(1, 2); // 0.8646647167633873 (1 - e⁻²)
 */
export const gammainc: BinaryUfunc = binary((a, x) => regularizedGamma(a, x, false));

/**
 * The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x) (SciPy's `gammaincc`),
 * accurate far in the upper tail.
 *
 * @example
 * gammaincc(1, 50); // 1.9287498479639178e-22 (e⁻⁵⁰)
 */
export const gammaincc: BinaryUfunc = binary((a, x) => regularizedGamma(a, x, true));

/**
 * The inverse of P(a, ·): the x ≥ 0 with gammainc(a, x) = y, for a > 0 and y in [0, 1]
 * (SciPy's `gammaincinv`; 0 at y = 0, +∞ at y = 1, NaN outside).
 *
 * @example
 * gammaincinv(1, 0.5); // 0.6931471805599453 (log 2)
 */
export const gammaincinv: BinaryUfunc = binary((a, y) => regularizedGammaInverse(a, y, false));

/**
 * The inverse of Q(a, ·): the x ≥ 0 with gammaincc(a, x) = y, for a > 0 and y in [0, 1]
 * (SciPy's `gammainccinv`), accurate for tiny y.
 *
 * @example
 * gammainccinv(1, 1e-20); // 46.051701859880914 (-log 1e-20)
 */
export const gammainccinv: BinaryUfunc = binary((a, y) => regularizedGammaInverse(a, y, true));
