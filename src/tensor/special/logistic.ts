/**
 * The logistic function and its relatives, written to stay finite and accurate for any
 * argument: expit (sigmoid), logExpit (log-sigmoid), logit (its inverse) and
 * log1pexp = softplus = log(1 + eˣ).
 */
import { type UnaryUfunc, unary } from './ufunc.js';

function expitScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function log1pexpScalar(x: number): number {
  // Each branch keeps full precision: below -37 log1p(eˣ) = eˣ to double precision; above 18
  // log1p(eˣ) = x + log1p(e⁻ˣ) ≈ x + e⁻ˣ, and above 33.3 the correction is below half an ulp.
  if (x <= -37) return Math.exp(x);
  if (x <= 18) return Math.log1p(Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}

/**
 * The logistic sigmoid 1/(1 + e⁻ˣ) (SciPy's `expit`), with no overflow for large |x|.
 *
 * @example
 * expit(0); // 0.5
 * expit(-800); // 0 (no NaN from e⁸⁰⁰)
 */
export const expit: UnaryUfunc = unary(expitScalar);

/**
 * log(expit(x)) = -log1pexp(-x) (SciPy's `log_expit`), accurate where expit(x) underflows.
 *
 * @example
 * logExpit(-800); // -800
 */
export const logExpit: UnaryUfunc = unary((x) => -log1pexpScalar(-x));

/**
 * The log-odds log(p / (1 - p)), inverse of {@link expit}, for p in [0, 1]: -∞ at 0, +∞ at 1,
 * NaN outside. Uses 2·atanh(2p - 1) near p = 1/2, where the ratio form loses digits.
 *
 * @example
 * logit(0.75); // 1.0986122886681096 (log 3)
 */
export const logit: UnaryUfunc = unary((p) => {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p > 0.3 && p < 0.65) return 2 * Math.atanh(2 * p - 1);
  return Math.log(p / (1 - p));
});

/**
 * log(1 + eˣ) without overflow or underflow (the softplus function; NumPy's
 * `logaddexp(0, x)`).
 *
 * @example
 * log1pexp(0); // 0.6931471805599453 (log 2)
 * log1pexp(1000); // 1000
 */
export const log1pexp: UnaryUfunc = unary(log1pexpScalar);

/**
 * The softplus activation log(1 + eˣ); another name for {@link log1pexp}.
 *
 * @example
 * softplus(-50); // 1.9287498479639178e-22
 */
export const softplus: UnaryUfunc = log1pexp;
