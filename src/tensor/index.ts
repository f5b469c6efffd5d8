/**
 * strata/tensor — n-dimensional arrays and scientific computing (the NumPy/SciPy layer).
 *
 * @example
 * import { array, arange, sum, matmul } from 'strata/tensor';
 * const a = arange(6).reshape(2, 3);
 * sum(a, 0);           // array([3., 5., 7.])
 * matmul(a, a.T);      // array([[ 5., 14.], [14., 50.]])
 */
export { NdArray, type NestedArray, type ArrayLikeInput, type Axis } from './ndarray.js';
export { type DType, type TypedArray, DTYPES, promoteTypes } from './dtype.js';
export { ShapeError, DTypeError, IndexError, LinAlgError, ValueError, formatShape } from './errors.js';
export { broadcastShapes } from './shape.js';
export { array, asArray, fromTyped, zeros, ones, full, zerosLike, arange, linspace, eye } from './create.js';
export {
  slice, newaxis, type SliceSpec, transpose, swapAxes, moveAxis, reshape, broadcastTo, broadcastArrays,
  squeeze, expandDims, atLeast2d,
} from './views.js';
export {
  add, sub, mul, div, pow, mod, floorDivide, maximum, minimum, fmax, fmin, arctan2, hypot,
  equal, notEqual, less, lessEqual, greater, greaterEqual, logicalAnd, logicalOr, logicalXor, logicalNot, where,
  negative, abs, sign, square, reciprocal, floor, ceil, round, trunc, sqrt, cbrt, exp, exp2, expm1,
  log, log2, log10, log1p, sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, arcsinh, arccosh, arctanh,
  isnan, isinf, isfinite, clip,
} from './elementwise.js';
export { sum, prod, min, max, any, all, mean, variance, std, argmin, argmax, cumsum, cumprod } from './reduce.js';
export { concatenate, stack, vstack, hstack, split, take, compress } from './join.js';
export { sort, argsort, unique, type UniqueResult, searchsorted, quantile, quantileSorted, percentile, median } from './sorting.js';
export { matmul, dot } from './matmul.js';
export { outer } from './linalg/outer.js';

import * as linalg from './linalg/index.js';
import * as random from './random/index.js';
import * as special from './special/index.js';
import * as distributions from './distributions/index.js';
import * as optimize from './optimize/index.js';
import * as fft from './fft/index.js';
import * as interpolate from './interpolate/index.js';
import * as integrate from './integrate/index.js';
/** SciPy-style namespaces: `linalg.svd`, `random.defaultRng`, `special.erf`, `distributions.Normal`, … */
export { linalg, random, special, distributions, optimize, fft, interpolate, integrate };
