/**
 * x·log(y) and x·log(1 + y) with the convention 0·log(0) = 0, as in entropies and
 * log-likelihoods (SciPy's `xlogy` and `xlog1py`).
 */
import { type BinaryUfunc, binary } from './ufunc.js';

/**
 * x·log(y), and 0 when x = 0 and y is not NaN (even for y = 0 or y = +∞).
 *
 * @example
 * xlogy(0, 0); // 0
 * xlogy(2, Math.E); // 2
 */
export const xlogy: BinaryUfunc = binary((x, y) => {
  if (x === 0 && !Number.isNaN(y)) return 0;
  return x * Math.log(y);
});

/**
 * x·log(1 + y) via log1p (accurate for tiny y), and 0 when x = 0 and y is not NaN.
 *
 * @example
 * xlog1py(0, -1); // 0
 * xlog1py(3, 1e-20); // ≈ 3e-20
 */
export const xlog1py: BinaryUfunc = binary((x, y) => {
  if (x === 0 && !Number.isNaN(y)) return 0;
  return x * Math.log1p(y);
});
