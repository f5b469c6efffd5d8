/**
 * The error function family: erf, erfc = 1 - erf (accurate in the far tail) and their inverses.
 * The numerics come from @stdlib; each function is lifted to NdArrays.
 */
import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import stdlibErfinv from '@stdlib/math-base-special-erfinv';
import stdlibErfcinv from '@stdlib/math-base-special-erfcinv';
import { type UnaryUfunc, unary } from './ufunc.js';

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(-t²) dt.
 *
 * @example
 * erf(1); // 0.8427007929497149
 */
export const erf: UnaryUfunc = unary((x) => stdlibErf(x));

/**
 * The complementary error function erfc(x) = 1 - erf(x), without cancellation for large x
 * (erfc(10) ≈ 2.09e-45, where 1 - erf(10) is 0).
 *
 * @example
 * erfc(10); // 2.088487583762545e-45
 */
export const erfc: UnaryUfunc = unary((x) => stdlibErfc(x));

/**
 * The inverse error function: erf(erfinv(y)) = y for y in [-1, 1]; ±∞ at ±1, NaN outside.
 *
 * @example
 * erfinv(0.5); // 0.4769362762044699
 */
export const erfinv: UnaryUfunc = unary((y) => stdlibErfinv(y));

/**
 * The inverse complementary error function: erfc(erfcinv(y)) = y for y in [0, 2]; +∞ at 0,
 * -∞ at 2, NaN outside. Accurate for tiny y, where erfinv(1 - y) would lose every digit.
 *
 * @example
 * erfcinv(1e-20); // 6.601580622355143
 */
export const erfcinv: UnaryUfunc = unary((y) => stdlibErfcinv(y));
