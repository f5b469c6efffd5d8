/** One-dimensional interpolation (NumPy's `interp`, SciPy's `interp1d`, `CubicSpline`, `PPoly`). */
export { interp } from './interp.js';
export type { InterpOptions } from './interp.js';
export { Interp1d, interp1d } from './interp1d.js';
export type { Interp1dKind, Interp1dOptions } from './interp1d.js';
export { PPoly } from './ppoly.js';
export type { Extrapolate, PPolyOptions } from './ppoly.js';
export { CubicSpline } from './cubic-spline.js';
export type { CubicSplineOptions, SplineBoundary, SplineEnd } from './cubic-spline.js';
