/** Loads reference values written by the scripts in bench/reference/ (see common.py there). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../bench/reference/fixtures/', import.meta.url));

function revive(value: unknown): unknown {
  if (value === 'nan') return NaN;
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/** The `cases` object of fixtures/<name>.json, with "nan"/"inf"/"-inf" turned back into numbers. */
export function loadFixture<T = any>(name: string): T {
  const doc = JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as { cases: unknown };
  return revive(doc.cases) as T;
}
