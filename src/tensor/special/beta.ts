/**
 * The beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) and its logarithm. The numerics come from @stdlib;
 * each function is lifted to broadcast NdArrays.
 */
import stdlibBeta from '@stdlib/math-base-special-beta';
import stdlibBetaln from '@stdlib/math-base-special-betaln';
import { type BinaryUfunc, binary } from './ufunc.js';

/**
 * The beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) for a, b ≥ 0 (+∞ when either is 0; NaN for
 * negative arguments). Underflows to 0 for large arguments: use {@link betaln} there.
 *
 * @example
 * beta(2, 3); // 0.08333333333333333 (1/12)
 */
export const beta: BinaryUfunc = binary((a, b) => stdlibBeta(a, b));

/**
 * log B(a, b) for a, b ≥ 0, accurate where B itself under- or overflows.
 *
 * @example
 * betaln(1000, 1000); // -1388.482601635902
 */
export const betaln: BinaryUfunc = binary((a, b) => stdlibBetaln(a, b));
