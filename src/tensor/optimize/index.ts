/**
 * strata/tensor optimize — SciPy's `optimize` for the tensor stratum: multivariate minimization
 * (L-BFGS-B with bounds, BFGS, Nelder–Mead), scalar root finding (Brent, bisection,
 * Newton/Halley/secant) and scalar minimization (Brent, golden section, bounded).
 *
 * @example
 * import { minimize, brentq, minimizeScalar } from './optimize/index.js';
 * minimize((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 * brentq((x) => Math.cos(x) - x, 0, 1);                            // 0.7390851332151559
 * minimizeScalar((x) => (x - 0.3) ** 2, { bounds: [0, 1] }).x;     // ≈ 0.3
 */
export { minimize, type MinimizeMethod, type MinimizeOptions } from './minimize.js';
export type { OptimizeResult, OptimizeCallback, RootResult, ScalarMinimizeResult } from './result.js';
export type {
  ObjectiveFunction, GradientFunction, ValueAndGradient, ValueAndGradientFunction,
} from './objective.js';
export type { Bound, BoundsInput } from './bounds.js';
export type { VectorInput } from './vector.js';
export { type FiniteDifferenceScheme, approxFprime, checkGrad } from './finite-difference.js';
export { brentq } from './brentq.js';
export type { BracketRootOptions } from './scalar-function.js';
export { bisect } from './bisect.js';
export { newton, type NewtonOptions } from './newton.js';
export { rootScalar, type RootScalarMethod, type RootScalarOptions } from './root-scalar.js';
export { minimizeScalar, type MinimizeScalarMethod, type MinimizeScalarOptions } from './minimize-scalar.js';
export { bracket, type Bracket, type BracketOptions } from './bracket.js';
export { ConvergenceError } from './errors.js';
