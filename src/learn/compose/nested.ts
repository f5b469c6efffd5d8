/**
 * JSON for estimators that hold other estimators (Pipeline, ColumnTransformer, search objects).
 * A nested estimator is written as `{ "$estimator": <its toJSON()> }` with every key that starts
 * with `$` escaped by one more `$`, so the base `decode` passes it through untouched and
 * `reviveEstimators` can rebuild it exactly with `Estimator.fromJSON`.
 */
import { Estimator, type EstimatorJSON, kebabName } from '../base/estimator.js';
import { type Encoded, encode } from '../base/serialize.js';

const KEY = '$estimator';

function escapeKeys(v: Encoded): Encoded {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(escapeKeys);
  const out: { [k: string]: Encoded } = {};
  for (const [k, x] of Object.entries(v)) out[k.startsWith('$') ? `$${k}` : k] = escapeKeys(x);
  return out;
}

function unescapeKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(unescapeKeys);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k.startsWith('$') ? k.slice(1) : k] = unescapeKeys(x);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** Like `encode`, but nested estimators become `{ $estimator: … }` with their full JSON. */
export function encodeWithEstimators(value: unknown): Encoded {
  if (value instanceof Estimator) return { [KEY]: escapeKeys(value.toJSON() as unknown as Encoded) };
  if (Array.isArray(value)) return value.map(encodeWithEstimators);
  if (isPlainObject(value)) {
    const out: { [k: string]: Encoded } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeWithEstimators(v);
    return out;
  }
  return encode(value);
}

/**
 * The JSON document of an estimator that holds other estimators: as the base `toJSON`, but
 * with its params written by `encodeWithEstimators`. `state` is the already encoded fitted
 * state (null when unfitted).
 */
export function nestedEstimatorJSON(className: string, params: object, state: Encoded | null): EstimatorJSON {
  return { format: 'strata-estimator', version: 1, type: kebabName(className), params: encodeWithEstimators(params), state };
}

/** The inverse of `encodeWithEstimators`, applied after the base `decode`. */
export function reviveEstimators(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveEstimators);
  if (isPlainObject(value)) {
    if (KEY in value && Object.keys(value).length === 1) {
      return Estimator.fromJSON(unescapeKeys(value[KEY]) as EstimatorJSON);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = reviveEstimators(v);
    return out;
  }
  return value;
}
