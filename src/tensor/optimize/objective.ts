/**
 * The objective as the optimizers see it: one wrapper over the user's `fun`, `jac`,
 * `funAndGrad` or finite differences, that checks what they return and counts evaluations.
 */
import { NdArray } from '../ndarray.js';
import { ShapeError, ValueError } from '../errors.js';
import type { Box } from './bounds.js';
import { type FiniteDifferenceScheme, finiteDifferenceGradient } from './finite-difference.js';

/** The function to minimize: takes the variables, returns a number. */
export type ObjectiveFunction = (x: Float64Array) => number;

/** The gradient of the objective: one partial derivative per variable. */
export type GradientFunction = (x: Float64Array) => Float64Array | ArrayLike<number> | NdArray;

/** Value and gradient computed together (typical of ML losses). */
export interface ValueAndGradient {
  value: number;
  grad: Float64Array | ArrayLike<number> | NdArray;
}

export type ValueAndGradientFunction = (x: Float64Array) => ValueAndGradient;

export interface ObjectiveSpec {
  fun?: ObjectiveFunction | null | undefined;
  jac?: GradientFunction | FiniteDifferenceScheme | undefined;
  funAndGrad?: ValueAndGradientFunction | undefined;
  /** Absolute finite-difference step (default: relative, see finiteDifferenceGradient). */
  eps?: number | undefined;
}

export interface Evaluation {
  f: number;
  g: Float64Array;
}

/** Counted, checked access to the objective. Every call gets its own copy of x. */
export class Objective {
  /** Calls of `fun` or `funAndGrad` (finite-difference evaluations included), like SciPy's nfev. */
  nfev = 0;
  /** Gradient evaluations (analytic, combined, or by finite differences), like SciPy's njev. */
  njev = 0;
  private readonly fun: ObjectiveFunction | null;
  private readonly jac: GradientFunction | null;
  private readonly funAndGrad: ValueAndGradientFunction | null;
  private readonly scheme: FiniteDifferenceScheme;
  private readonly eps: number | undefined;

  constructor(
    spec: ObjectiveSpec,
    readonly n: number,
    private readonly box: Box | null,
  ) {
    const { fun, jac, funAndGrad } = spec;
    if (fun !== undefined && fun !== null && typeof fun !== 'function') {
      throw new ValueError(`fun must be a function (x: Float64Array) => number, got ${typeof fun}.`);
    }
    if (funAndGrad !== undefined && typeof funAndGrad !== 'function') {
      throw new ValueError(`funAndGrad must be a function (x) => ({ value, grad }), got ${typeof funAndGrad}.`);
    }
    if ((fun === undefined || fun === null) && funAndGrad === undefined) {
      throw new ValueError('Nothing to minimize: pass fun, or pass null as fun and give the funAndGrad option.');
    }
    if (jac !== undefined && typeof jac !== 'function' && jac !== '2-point' && jac !== '3-point') {
      const hint = jac === (true as unknown) ? ' (for SciPy\'s jac=True, return { value, grad } from the funAndGrad option)' : '';
      throw new ValueError(`jac must be a gradient function, '2-point' or '3-point', got ${JSON.stringify(jac)}${hint}.`);
    }
    if (jac !== undefined && funAndGrad !== undefined) {
      throw new ValueError('Give either jac or funAndGrad, not both: both would supply the gradient.');
    }
    this.fun = fun ?? null;
    this.funAndGrad = funAndGrad ?? null;
    this.jac = typeof jac === 'function' ? jac : null;
    this.scheme = typeof jac === 'string' ? jac : '2-point';
    this.eps = spec.eps;
  }

  /** True when gradients come from finite differences. */
  get numericGradient(): boolean {
    return this.jac === null && this.funAndGrad === null;
  }

  value(x: Float64Array): number {
    this.nfev++;
    if (this.fun !== null) return toNumber(this.fun(x.slice()), 'fun');
    return toNumber(checkPair(this.funAndGrad!(x.slice())).value, 'funAndGrad(x).value');
  }

  valueAndGrad(x: Float64Array): Evaluation {
    if (this.funAndGrad !== null) {
      this.nfev++;
      this.njev++;
      const r = checkPair(this.funAndGrad(x.slice()));
      return { f: toNumber(r.value, 'funAndGrad(x).value'), g: this.toGradient(r.grad, 'funAndGrad(x).grad') };
    }
    const f = this.value(x);
    this.njev++;
    if (this.jac !== null) return { f, g: this.toGradient(this.jac(x.slice()), 'jac') };
    const g = finiteDifferenceGradient((xt) => this.value(xt), x, {
      scheme: this.scheme,
      f0: f,
      box: this.box,
      ...(this.eps === undefined ? {} : { absStep: this.eps }),
    });
    return { f, g };
  }

  /** Throws a clear error unless the value (and gradient, when asked) at the start point is finite. */
  checkStart(x0: Float64Array, withGradient: boolean): Evaluation | number {
    const ev = withGradient ? this.valueAndGrad(x0) : this.value(x0);
    const f = typeof ev === 'number' ? ev : ev.f;
    if (!Number.isFinite(f)) {
      throw new ValueError(
        `The objective is ${f} at the starting point x0 = [${formatVector(x0)}]; ` +
          'it must be finite there. Start from a point inside the function\'s domain.',
      );
    }
    if (typeof ev !== 'number') {
      for (let i = 0; i < ev.g.length; i++) {
        if (!Number.isFinite(ev.g[i])) {
          throw new ValueError(
            `The gradient is ${ev.g[i]} in component ${i} at the starting point x0 = [${formatVector(x0)}]; ` +
              'it must be finite there. Check the gradient function or move x0.',
          );
        }
      }
    }
    return ev;
  }

  private toGradient(grad: unknown, what: string): Float64Array {
    let g: Float64Array;
    if (grad instanceof NdArray) g = grad.toFloat64Array();
    else if (grad instanceof Float64Array) g = grad.slice();
    else if (grad !== null && typeof grad === 'object' && typeof (grad as ArrayLike<number>).length === 'number') {
      g = Float64Array.from(grad as ArrayLike<number>);
    } else {
      throw new ValueError(`${what} must return an array of ${this.n} numbers, got ${grad === null ? 'null' : typeof grad}.`);
    }
    if (g.length !== this.n) {
      throw new ShapeError(`${what} returned ${g.length} values for ${this.n} variables; return one partial derivative per variable.`);
    }
    return g;
  }
}

function checkPair(r: ValueAndGradient): ValueAndGradient {
  if (r === null || typeof r !== 'object' || !('value' in r) || !('grad' in r)) {
    throw new ValueError('funAndGrad must return an object { value: number, grad: number[] | Float64Array }.');
  }
  return r;
}

function toNumber(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof NdArray && v.size === 1) return v.toFloat64Array()[0]!;
  const got = v instanceof NdArray ? `an NdArray of shape (${v.shape.join(', ')})` : v === null ? 'null' : typeof v;
  throw new ValueError(`${what} must return a single number, got ${got}; reduce the loss to a scalar (e.g. sum or mean).`);
}

export function formatVector(x: Float64Array, max = 6): string {
  const parts = Array.from(x.subarray(0, max), (v) => String(v));
  if (x.length > max) parts.push(`… (${x.length} values)`);
  return parts.join(', ');
}
