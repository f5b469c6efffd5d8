/**
 * Frozen probability distributions (SciPy's `scipy.stats.norm(...)` and friends): each has
 * cdf, sf, ppf, isf, mean, variance, std, median, interval and rvs, plus pdf/logpdf
 * (continuous) or pmf/logpmf (discrete). Methods take numbers or NdArrays.
 */
export { Distribution, ContinuousDistribution, DiscreteDistribution } from './distribution.js';
export type { Size } from './distribution.js';
export type { RandomSource, RandomSourceOrSeed } from './random-source.js';
export { Normal } from './normal.js';
export { StudentT } from './student-t.js';
export { Chi2 } from './chi2.js';
export { FDist } from './f.js';
export { Gamma } from './gamma.js';
export { Beta } from './beta.js';
export { Binomial } from './binomial.js';
export { Poisson } from './poisson.js';
export { Uniform } from './uniform.js';
export { Exponential } from './exponential.js';
