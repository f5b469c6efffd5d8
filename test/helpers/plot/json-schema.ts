/**
 * A small JSON-Schema (draft 7 subset) validator, enough to check chart specs against the
 * Vega-Lite schema in tests: $ref, type, enum, const, anyOf/oneOf/allOf, properties,
 * additionalProperties, patternProperties, required, items, min/max(Items). Returns the deepest
 * error path found, or null when the value conforms.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Schema = Record<string, unknown> | boolean;

export interface SchemaIssue {
  path: string;
  message: string;
  depth: number;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Validates `value` against `schema` (whose `$ref`s point into `root.definitions`). */
export function validateJsonSchema(value: unknown, schema: Schema, root: Record<string, unknown> = schema as Record<string, unknown>, path = '$'): SchemaIssue | null {
  const depth = path.split(/[.[]/).length;
  if (schema === true) return null;
  if (schema === false) return { path, message: 'no value allowed here', depth };
  let s = schema;
  while (typeof s['$ref'] === 'string') {
    const ref = s['$ref'] as string;
    const name = decodeURIComponent(ref.replace('#/definitions/', ''));
    const next = (root['definitions'] as Record<string, Schema>)[name];
    if (next === undefined) return { path, message: `unknown $ref ${ref}`, depth };
    if (typeof next === 'boolean') return validateJsonSchema(value, next, root, path);
    s = { ...next, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
  }
  if (s['type'] !== undefined) {
    const types = Array.isArray(s['type']) ? (s['type'] as string[]) : [s['type'] as string];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return { path, message: `expected ${types.join('|')}, got ${t}`, depth };
  }
  if (Array.isArray(s['enum']) && !(s['enum'] as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value))) return { path, message: `${JSON.stringify(value)} not in ${JSON.stringify(s['enum'])}`, depth };
  if ('const' in s && JSON.stringify(s['const']) !== JSON.stringify(value)) return { path, message: `expected ${JSON.stringify(s['const'])}`, depth };
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!Array.isArray(s[key])) continue;
    let best: SchemaIssue | null = null;
    let ok = false;
    for (const sub of s[key] as Schema[]) {
      const e = validateJsonSchema(value, sub, root, path);
      if (e === null) {
        ok = true;
        break;
      }
      if (best === null || e.depth > best.depth) best = e;
    }
    if (!ok) return best ?? { path, message: `matches none of ${key}`, depth };
  }
  if (Array.isArray(s['allOf'])) for (const sub of s['allOf'] as Schema[]) {
    const e = validateJsonSchema(value, sub, root, path);
    if (e) return e;
  }
  const t = typeOf(value);
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (s['properties'] ?? {}) as Record<string, Schema>;
    for (const r of (s['required'] ?? []) as string[]) if (!(r in obj)) return { path, message: `missing required property '${r}'`, depth };
    const patterns = Object.entries((s['patternProperties'] ?? {}) as Record<string, Schema>);
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      if (k in props) {
        const e = validateJsonSchema(v, props[k]!, root, `${path}.${k}`);
        if (e) return e;
        continue;
      }
      const pat = patterns.find(([p]) => new RegExp(p).test(k));
      if (pat) {
        const e = validateJsonSchema(v, pat[1], root, `${path}.${k}`);
        if (e) return e;
        continue;
      }
      const extra = s['additionalProperties'];
      if (extra === false) return { path: `${path}.${k}`, message: `unknown property '${k}'`, depth: depth + 1 };
      if (extra !== undefined && extra !== true) {
        const e = validateJsonSchema(v, extra as Schema, root, `${path}.${k}`);
        if (e) return e;
      }
    }
  }
  if (t === 'array') {
    const arr = value as unknown[];
    if (typeof s['minItems'] === 'number' && arr.length < (s['minItems'] as number)) return { path, message: `needs at least ${s['minItems']} items`, depth };
    if (typeof s['maxItems'] === 'number' && arr.length > (s['maxItems'] as number)) return { path, message: `allows at most ${s['maxItems']} items`, depth };
    if (Array.isArray(s['items'])) {
      const items = s['items'] as Schema[];
      for (let i = 0; i < Math.min(items.length, arr.length); i++) {
        const e = validateJsonSchema(arr[i], items[i]!, root, `${path}[${i}]`);
        if (e) return e;
      }
    } else if (s['items'] !== undefined) {
      // Inline data can be large: checking the first rows is enough for a spec test.
      for (let i = 0; i < Math.min(arr.length, 20); i++) {
        const e = validateJsonSchema(arr[i], s['items'] as Schema, root, `${path}[${i}]`);
        if (e) return e;
      }
    }
  }
  if (t === 'number' || t === 'integer') {
    const n = value as number;
    if (typeof s['minimum'] === 'number' && n < (s['minimum'] as number)) return { path, message: `must be ≥ ${s['minimum']}`, depth };
    if (typeof s['maximum'] === 'number' && n > (s['maximum'] as number)) return { path, message: `must be ≤ ${s['maximum']}`, depth };
  }
  return null;
}

/** The Vega-Lite JSON schema that ships with the installed vega-lite package (read once). */
let vegaLiteSchema: Record<string, unknown> | undefined;
export function loadVegaLiteSchema(): Record<string, unknown> {
  vegaLiteSchema ??= JSON.parse(readFileSync(fileURLToPath(new URL('../../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
  return vegaLiteSchema;
}
