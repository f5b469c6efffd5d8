/** Checks on what users log: keys, metric values, artifact names and model names. */
import { InvalidInputError } from './errors.js';

const KEY = /^[A-Za-z0-9_\-./: ]+$/;
export const MAX_KEY_LENGTH = 250;
export const MAX_ARTIFACT_NAME_LENGTH = 255;

/** A param, tag or metric key: 1–250 characters of letters, digits, `_ - . / : ` and spaces. */
export function checkKey(key: unknown, what: string): string {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidInputError(`${what} key must be a non-empty string, got ${JSON.stringify(key)}.`);
  if (key.length > MAX_KEY_LENGTH) throw new InvalidInputError(`${what} key '${key.slice(0, 40)}…' is ${key.length} characters; keep keys to ${MAX_KEY_LENGTH}.`);
  if (!KEY.test(key)) throw new InvalidInputError(`${what} key '${key}' has characters other than letters, digits, '_', '-', '.', '/', ':' and spaces; rename it.`);
  return key;
}

/** A metric value must be a number (NaN and ±Infinity are allowed); strings are rejected. */
export function checkMetricValue(key: string, value: unknown): number {
  if (typeof value !== 'number') {
    const shown = typeof value === 'string' ? `string '${value}'` : typeof value === 'bigint' ? `bigint ${value}` : `${value === null ? 'null' : typeof value}`;
    throw new InvalidInputError(`Metric '${key}' must be a number, got ${shown}; convert it with Number(…) first (NaN is allowed).`);
  }
  return value;
}

/** Steps are integers (0 when omitted). */
export function checkStep(key: string, step: unknown): number {
  if (step === undefined || step === null) return 0;
  if (typeof step !== 'number' || !Number.isSafeInteger(step)) throw new InvalidInputError(`Metric '${key}' step must be an integer, got ${JSON.stringify(step)}.`);
  return step;
}

/**
 * Artifact names are relative, slash-separated paths of letters, digits, `_ - .` (no `..`,
 * no leading `/`, no backslashes), at most 255 characters, so they can never leave the run.
 */
export function checkArtifactName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidInputError(`Artifact name must be a non-empty string, got ${JSON.stringify(name)}.`);
  if (name.length > MAX_ARTIFACT_NAME_LENGTH) {
    throw new InvalidInputError(`Artifact name '${name.slice(0, 40)}…' is ${name.length} characters; keep names to ${MAX_ARTIFACT_NAME_LENGTH}.`);
  }
  const parts = name.split('/');
  if (name.startsWith('/') || name.includes('\\') || parts.some((p) => p === '..' || p === '.' || p === '')) {
    throw new InvalidInputError(`Artifact name '${name}' must be a relative path without '.', '..', empty parts, a leading '/' or backslashes (e.g. 'plots/roc.json').`);
  }
  if (!parts.every((p) => /^[A-Za-z0-9_\-.]+$/.test(p))) {
    throw new InvalidInputError(`Artifact name '${name}' has characters other than letters, digits, '_', '-', '.' and '/'; rename it.`);
  }
  return name;
}

/** Registered model names and aliases: letters, digits, `_ - .`, at most 200 characters. */
export function checkModelName(name: unknown, what = 'Model name'): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_\-.]{1,200}$/.test(name)) {
    throw new InvalidInputError(`${what} ${JSON.stringify(name)} must be 1–200 letters, digits, '_', '-' or '.' (e.g. 'churn-model').`);
  }
  return name;
}

/** Param values are stored as text: strings as is, everything else as JSON. */
export function paramText(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  if (text === undefined) throw new InvalidInputError(`Param '${key}' (a ${typeof value}) cannot be stored; pass a string, number, boolean, array or plain object.`);
  if (text.length > 8000) throw new InvalidInputError(`Param '${key}' is ${text.length} characters as text; params hold at most 8000 — log large values as an artifact instead.`);
  return text;
}
