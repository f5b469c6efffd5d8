/**
 * Numerical integration (SciPy's `scipy.integrate`): rules for sampled data — `trapezoid`,
 * `simpson`, `cumulativeTrapezoid` — and adaptive Gauss–Kronrod `quad` for functions.
 */
export { trapezoid } from './trapezoid.js';
export { simpson } from './simpson.js';
export type { SimpsonEven, SimpsonOptions } from './simpson.js';
export { cumulativeTrapezoid } from './cumulative-trapezoid.js';
export type { CumulativeTrapezoidOptions } from './cumulative-trapezoid.js';
export type { SampledOptions } from './sampled.js';
export { quad } from './quad.js';
export type { QuadOptions, QuadResult } from './quad.js';
export { IntegrationError } from './integration-error.js';
export type { QuadStatus } from './integration-error.js';
