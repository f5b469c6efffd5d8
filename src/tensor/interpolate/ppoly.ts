/**
 * PPoly: a piecewise polynomial in the local power basis, like `scipy.interpolate.PPoly`.
 * On interval i, [x[i], x[i+1]), the value is Σ_j c[j, i] · (t − x[i])^(k−j), so row 0 of `c`
 * holds the highest power. `CubicSpline` is a PPoly of order 3.
 */
import { asArray } from '../create.js';
import { ShapeError, ValueError, formatShape } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { assertFiniteVector, assertMinPoints, assertStrictlyIncreasing, findInterval, toVector } from './validate.js';

/** How to evaluate outside [x[0], x[last]]: extend the end pieces, give NaN, or wrap around. */
export type Extrapolate = boolean | 'periodic';

export interface PPolyOptions {
  /** Default true: extend the first/last piece. false gives NaN outside; 'periodic' wraps. */
  extrapolate?: Extrapolate;
}

/** p·(p−1)·…·(p−nu+1), the factor d^nu/dt^nu brings down from t^p. */
function falling(p: number, nu: number): number {
  let f = 1;
  for (let i = 0; i < nu; i++) f *= p - i;
  return f;
}

/** nu-th derivative of piece i (of m pieces, order k) at local coordinate t, by Horner's rule. */
function pieceValue(coef: Float64Array, m: number, k: number, i: number, t: number, nu: number): number {
  let res = 0;
  for (let j = 0; j <= k - nu; j++) res = res * t + coef[j * m + i]! * falling(k - j, nu);
  return res;
}

function checkOrder(nu: number, what: string): void {
  if (!Number.isInteger(nu) || nu < 0) throw new ValueError(`${what} must be a non-negative integer, got ${nu}.`);
}

function checkExtrapolate(e: unknown): Extrapolate {
  if (e === true || e === false || e === 'periodic') return e;
  throw new ValueError(`extrapolate must be true, false or 'periodic', got ${JSON.stringify(e)}.`);
}

export class PPoly {
  /** Breakpoints, strictly increasing (length m + 1). */
  readonly x: Float64Array;
  /** Coefficients, shape (k + 1, m): row 0 multiplies the highest power. */
  readonly c: NdArray<'float64'>;
  readonly extrapolate: Extrapolate;
  /** c's data, row-major: coefficient j of interval i is coef[j * m + i]. */
  private readonly coef: Float64Array;
  /** First antiderivative, built on the first `integrate` call. */
  private anti: PPoly | undefined;

  /**
   * @param c - coefficients of shape (k + 1, m), highest power first
   * @param x - m + 1 strictly increasing breakpoints
   *
   * @example
   * // 2t on [0, 1), then 2 + (t − 1)² on [1, 2)
   * const p = new PPoly([[0, 1], [2, 0], [0, 2]], [0, 1, 2]);
   * p.evaluate(1.5); // 2.25
   */
  constructor(c: ArrayLikeInput, x: ArrayLikeInput, options: PPolyOptions = {}) {
    const ca = asArray(c);
    const xs = toVector(x, 'x', 'PPoly');
    if (ca.ndim !== 2) throw new ShapeError(`PPoly: c must be 2-D (order + 1, intervals), got shape ${formatShape(ca.shape)}.`);
    assertMinPoints(xs.length, 2, 'PPoly', ' (breakpoints)');
    if (ca.shape[1] !== xs.length - 1) {
      throw new ShapeError(`PPoly: c has ${ca.shape[1]} columns but x has ${xs.length} breakpoints; c needs one column per interval (${xs.length - 1}).`);
    }
    if (ca.shape[0] === 0) throw new ShapeError('PPoly: c needs at least one row of coefficients.');
    assertFiniteVector(xs, 'x', 'PPoly');
    assertStrictlyIncreasing(xs, 'x', 'PPoly');
    this.x = xs;
    this.coef = ca.toFloat64Array();
    this.c = new NdArray('float64', this.coef, ca.shape);
    this.extrapolate = checkExtrapolate(options.extrapolate ?? true);
  }

  /** Polynomial order k (3 for a cubic spline). */
  get order(): number {
    return this.c.shape[0]! - 1;
  }

  /** Number of intervals m. */
  get intervals(): number {
    return this.x.length - 1;
  }

  private valueAt(v: number, nu: number, extrapolate: Extrapolate): number {
    const xs = this.x;
    const last = xs.length - 1;
    if (Number.isNaN(v)) return NaN;
    if (extrapolate === 'periodic') {
      const period = xs[last]! - xs[0]!;
      const r = (v - xs[0]!) % period;
      v = xs[0]! + (r < 0 ? r + period : r);
    } else if (!extrapolate && (v < xs[0]! || v > xs[last]!)) {
      return NaN;
    }
    const i = findInterval(xs, v);
    return pieceValue(this.coef, this.intervals, this.order, i, v - xs[i]!, nu);
  }

  /**
   * The value (or the nu-th derivative) at x.
   *
   * @param x - a number (returns a number) or any array (returns an NdArray of the same shape)
   * @param nu - derivative order (default 0)
   * @param extrapolate - overrides the object's setting for this call
   *
   * @example
   * const p = new PPoly([[1], [0], [0]], [0, 2]); // t²
   * p.evaluate(1.5);      // 2.25
   * p.evaluate([1, 2], 1).toArray(); // [2, 4]
   */
  evaluate(x: number, nu?: number, extrapolate?: Extrapolate): number;
  evaluate(x: ArrayLikeInput, nu?: number, extrapolate?: Extrapolate): NdArray<'float64'>;
  evaluate(x: ArrayLikeInput, nu = 0, extrapolate: Extrapolate = this.extrapolate): number | NdArray<'float64'> {
    checkOrder(nu, 'Derivative order nu');
    const e = checkExtrapolate(extrapolate);
    if (typeof x === 'number') return this.valueAt(x, nu, e);
    const a = asArray(x);
    const v = a.toFloat64Array();
    for (let i = 0; i < v.length; i++) v[i] = this.valueAt(v[i]!, nu, e);
    return new NdArray('float64', v, a.shape);
  }

  /**
   * The piecewise polynomial of the nu-th derivative (order k − nu; a zero polynomial past k).
   *
   * @example
   * new PPoly([[1], [0], [0]], [0, 2]).derivative().evaluate(1); // 2
   */
  derivative(nu = 1): PPoly {
    checkOrder(nu, 'Derivative order nu');
    const k = this.order;
    const m = this.intervals;
    const rows = Math.max(1, k + 1 - nu);
    const out = new Float64Array(rows * m);
    if (nu <= k) {
      for (let j = 0; j < rows; j++) {
        const f = falling(k - j, nu);
        for (let i = 0; i < m; i++) out[j * m + i] = this.coef[j * m + i]! * f;
      }
    }
    return new PPoly(new NdArray('float64', out, [rows, m]), this.x, { extrapolate: this.extrapolate });
  }

  /**
   * The nu-th antiderivative: zero at x[0] and continuous (with its first nu − 1 derivatives)
   * across the breakpoints. Periodic extrapolation becomes extrapolate = false, as in SciPy.
   *
   * @example
   * new PPoly([[1], [0], [0]], [0, 3]).antiderivative().evaluate(3); // 9 (= 3³/3)
   */
  antiderivative(nu = 1): PPoly {
    checkOrder(nu, 'Antiderivative order nu');
    if (nu === 0) return new PPoly(this.c, this.x, { extrapolate: this.extrapolate });
    const k = this.order;
    const m = this.intervals;
    const rows = k + 1 + nu;
    const out = new Float64Array(rows * m);
    for (let j = 0; j <= k; j++) {
      // power p = k − j becomes p + nu: divide by (p+1)(p+2)…(p+nu)
      const f = falling(k - j + nu, nu);
      for (let i = 0; i < m; i++) out[j * m + i] = this.coef[j * m + i]! / f;
    }
    // Fill the constant, t, …, t^(nu−1) coefficients of pieces 1.. so derivatives 0..nu−1 join up.
    let fact = 1;
    const facts: number[] = [];
    for (let d = 0; d < nu; d++) {
      facts.push(fact);
      fact *= d + 1;
    }
    for (let i = 1; i < m; i++) {
      const h = this.x[i]! - this.x[i - 1]!;
      for (let d = nu - 1; d >= 0; d--) {
        const leftEnd = pieceValue(out, m, rows - 1, i - 1, h, d);
        const rightStart = pieceValue(out, m, rows - 1, i, 0, d);
        out[(rows - 1 - d) * m + i] += (leftEnd - rightStart) / facts[d]!;
      }
    }
    return new PPoly(new NdArray('float64', out, [rows, m]), this.x, {
      extrapolate: this.extrapolate === 'periodic' ? false : this.extrapolate,
    });
  }

  /**
   * The definite integral from a to b (negative when b < a). With extrapolate = false, limits
   * outside [x[0], x[last]] give NaN; with 'periodic' whole periods are counted.
   *
   * @example
   * new PPoly([[1], [0], [0]], [0, 3]).integrate(0, 3); // 9
   */
  integrate(a: number, b: number, extrapolate: Extrapolate = this.extrapolate): number {
    const e = checkExtrapolate(extrapolate);
    if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
    let sign = 1;
    if (b < a) {
      [a, b] = [b, a];
      sign = -1;
    }
    this.anti ??= this.antiderivative(1);
    const anti = this.anti;
    const xs = this.x;
    const xs0 = xs[0]!;
    const xe = xs[xs.length - 1]!;
    const span = (lo: number, hi: number, ext: boolean): number => {
      if (!ext && (lo < xs0 || hi > xe)) return NaN;
      return anti.evaluate(hi, 0, ext) - anti.evaluate(lo, 0, ext);
    };
    if (e !== 'periodic') return sign * span(a, b, e);
    const period = xe - xs0;
    const nPeriods = Math.floor((b - a) / period);
    const left = b - a - nPeriods * period;
    let total = nPeriods > 0 ? nPeriods * span(xs0, xe, false) : 0;
    const r = (a - xs0) % period;
    const a0 = xs0 + (r < 0 ? r + period : r);
    const b0 = a0 + left;
    if (b0 <= xe) total += span(a0, b0, false);
    else total += span(a0, xe, false) + span(xs0, xs0 + left + a0 - xe, false);
    return sign * total;
  }
}
