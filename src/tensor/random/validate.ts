/** Parameter checks shared by the samplers; each error names the method, the parameter and the fix. */
import { ValueError } from '../errors.js';

export function requireFinite(method: string, name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${method}(): ${name} must be a finite number, got ${String(value)}.`);
  }
  return value;
}

/** value ≥ 0 (a scale of 0 gives a point mass, as in NumPy). */
export function requireNonNegative(method: string, name: string, value: number): number {
  requireFinite(method, name, value);
  if (value < 0) throw new ValueError(`${method}(): ${name} must be >= 0, got ${value}.`);
  return value;
}

/** value > 0. */
export function requirePositive(method: string, name: string, value: number): number {
  requireFinite(method, name, value);
  if (value <= 0) throw new ValueError(`${method}(): ${name} must be > 0, got ${value}.`);
  return value;
}

/** A probability in [0, 1]. */
export function requireProbability(method: string, name: string, value: number): number {
  requireFinite(method, name, value);
  if (value < 0 || value > 1) throw new ValueError(`${method}(): ${name} must be in [0, 1], got ${value}.`);
  return value;
}

/** An integer in [min, max]. */
export function requireInteger(method: string, name: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValueError(`${method}(): ${name} must be an integer, got ${String(value)}.`);
  }
  if (value < min || value > max) {
    throw new ValueError(`${method}(): ${name} must be in [${min}, ${max}], got ${value}.`);
  }
  return value;
}

/** Tolerance on |sum(p) − 1|, the square root of machine epsilon, as NumPy uses. */
export const PROBABILITY_SUM_TOL = Math.sqrt(Number.EPSILON);

/**
 * A probability vector: finite, non-negative entries that sum to 1 within 1.5e-8. Returns a
 * Float64Array copy.
 */
export function requireProbabilities(method: string, name: string, p: ArrayLike<number>, expectedLength?: number): Float64Array {
  const out = Float64Array.from(p as ArrayLike<number>);
  if (expectedLength !== undefined && out.length !== expectedLength) {
    throw new ValueError(`${method}(): ${name} has ${out.length} entries but the population has ${expectedLength}; give one probability per item.`);
  }
  if (out.length === 0) throw new ValueError(`${method}(): ${name} is empty; give at least one probability.`);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new ValueError(`${method}(): ${name}[${i}] = ${v}; probabilities must be finite and non-negative.`);
    }
    sum += v;
  }
  if (Math.abs(sum - 1) > PROBABILITY_SUM_TOL) {
    throw new ValueError(`${method}(): ${name} must sum to 1, but sums to ${Number(sum.toPrecision(12))}; divide by the sum to normalize.`);
  }
  return out;
}
