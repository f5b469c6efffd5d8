/** `minimizeScalar`: one entry point to the scalar minimizers, like `scipy.optimize.minimize_scalar`. */
import { ValueError } from '../errors.js';
import { boundedMinimize } from './bounded.js';
import { brentMinimize } from './brent.js';
import { goldenMinimize } from './golden.js';
import type { BracketOption } from './bracketed-minimum.js';
import type { ScalarMinimizeResult } from './result.js';
import { type ScalarFunction, checkFunction } from './scalar-function.js';

export type MinimizeScalarMethod = 'brent' | 'bounded' | 'golden';

export interface MinimizeScalarOptions {
  /** Default 'bounded' when `bounds` is given, else 'brent'. */
  method?: MinimizeScalarMethod;
  /** brent/golden: [a, b] to search for a bracket from, or [a, b, c] with f(b) < f(a), f(c). */
  bracket?: BracketOption;
  /** bounded: the interval [lo, hi] (required). */
  bounds?: readonly [number, number];
  /** brent/golden: relative x tolerance (1.48e-8 / 1.49e-8). */
  xtol?: number;
  /** bounded: absolute x tolerance (1e-5). */
  xatol?: number;
  /** Iteration limit (brent 500, golden 5000; bounded: evaluations, 500). */
  maxIter?: number;
}

/**
 * Minimizes a function of one variable.
 *
 * @example
 * minimizeScalar((x) => (x - 2) * x * (x + 2) ** 2).x;                            // 1.28077640...
 * minimizeScalar((x) => Math.cos(x), { bounds: [0, 5] }).x;                        // ≈ π
 */
export function minimizeScalar(f: ScalarFunction, options: MinimizeScalarOptions = {}): ScalarMinimizeResult {
  checkFunction(f);
  const method = options.method ?? (options.bounds !== undefined ? 'bounded' : 'brent');
  const pick = <K extends keyof MinimizeScalarOptions>(...keys: K[]): Pick<MinimizeScalarOptions, K> => {
    const out: Partial<MinimizeScalarOptions> = {};
    for (const k of keys) if (options[k] !== undefined) (out as Record<string, unknown>)[k] = options[k];
    return out as Pick<MinimizeScalarOptions, K>;
  };
  switch (method) {
    case 'brent':
    case 'golden': {
      if (options.bounds !== undefined) {
        throw new ValueError(`Method '${method}' does not take bounds; use method 'bounded' (or give a bracket instead).`);
      }
      if (options.xatol !== undefined) throw new ValueError(`Option 'xatol' belongs to method 'bounded'; '${method}' takes xtol.`);
      const opts = pick('bracket', 'xtol', 'maxIter');
      return method === 'brent' ? brentMinimize(f, opts) : goldenMinimize(f, opts);
    }
    case 'bounded': {
      if (options.bounds === undefined) throw new ValueError("Method 'bounded' needs bounds: [lo, hi].");
      if (options.bracket !== undefined) throw new ValueError("Method 'bounded' does not take a bracket; give bounds only.");
      if (options.xtol !== undefined) throw new ValueError("Option 'xtol' belongs to 'brent'/'golden'; 'bounded' takes xatol.");
      return boundedMinimize(f, options.bounds, pick('xatol', 'maxIter'));
    }
    default:
      throw new ValueError(`Unknown method ${JSON.stringify(method)}; use one of 'brent', 'bounded', 'golden'.`);
  }
}
