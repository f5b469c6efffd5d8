/**
 * Special functions (SciPy's `scipy.special`): gamma and beta families, error functions,
 * incomplete gamma/beta and their inverses, logistic helpers, binomial coefficients and a
 * stable logsumexp. Each element-wise function takes numbers (giving a number) or NdArrays
 * (giving a float64 NdArray of the broadcast shape).
 */
export { gamma, lgamma, gammaln, digamma, factorial } from './gamma.js';
export { erf, erfc, erfinv, erfcinv } from './erf.js';
export { beta, betaln } from './beta.js';
export { binom, comb, combln } from './binom.js';
export { gammainc, gammaincc, gammaincinv, gammainccinv } from './incomplete-gamma.js';
export { betainc, betaincc, betaincinv, betainccinv } from './incomplete-beta.js';
export { expit, logExpit, logit, log1pexp, softplus } from './logistic.js';
export { xlogy, xlog1py } from './xlogy.js';
export { logsumexp } from './logsumexp.js';
export type { LogsumexpOptions } from './logsumexp.js';
export type { NumOrArray, UnaryUfunc, BinaryUfunc, TernaryUfunc } from './ufunc.js';
