/** Parameter checks for the distributions; each error names the parameter and its valid range. */
import { ValueError } from '../errors.js';

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : `${JSON.stringify(value)} (${typeof value})`;
}

/** A finite number. */
export function requireFinite(dist: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${dist}: ${name} must be a finite number, got ${describe(value)}.`);
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(dist: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ValueError(`${dist}: ${name} must be a finite number > 0, got ${describe(value)}.`);
  }
  return value;
}

/** A finite number ≥ 0. */
export function requireNonNegative(dist: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValueError(`${dist}: ${name} must be a finite number ≥ 0, got ${describe(value)}.`);
  }
  return value;
}

/** A probability: a number in [0, 1]. */
export function requireProbability(dist: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ValueError(`${dist}: ${name} must be a probability in [0, 1], got ${describe(value)}.`);
  }
  return value;
}

/** A whole number ≥ 0 that a float64 holds exactly. */
export function requireCount(dist: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValueError(`${dist}: ${name} must be a whole number ≥ 0, got ${describe(value)}.`);
  }
  return value;
}
