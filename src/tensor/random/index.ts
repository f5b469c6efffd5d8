/**
 * Seeded random numbers for the tensor stratum (NumPy's `numpy.random.Generator`):
 * `defaultRng(seed)` gives a `Generator` over xoshiro256**, identical on every platform.
 */
export type { BitGenerator, BitGeneratorState, Seed } from './bit-generator.js';
export { Xoshiro256StarStar } from './xoshiro256.js';
export { SplitMix64 } from './splitmix64.js';
export { Generator, defaultRng } from './generator.js';
export type { ChoiceOptions, FloatDraw, IntDraw, IntegersOptions } from './generator.js';
export type { Size } from './size.js';
export type { Shuffleable } from './shuffle.js';
// Samplers as free functions over any BitGenerator, for code that draws one value at a time.
export { standardNormal } from './normal.js';
export { standardExponential, laplace, logistic, geometric } from './inversion.js';
export { standardGamma, chisquare, studentT } from './gamma.js';
export { beta } from './beta.js';
export { binomialSampler, type DiscreteSampler } from './binomial.js';
export { poissonSampler } from './poisson.js';
export { boundedInteger } from './bounded.js';
