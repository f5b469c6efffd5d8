/**
 * The SQL functions the run filter compiles to (see query/filter-sql.ts), defined the same way
 * on both stores: `strata_num(text)` reads text as a number (NULL when it is not one, or NaN),
 * `strata_like(text, pattern)` is case-sensitive LIKE with `\` as escape, `strata_ilike` ignores case.
 */
import type Database from 'better-sqlite3';

const NUMERIC_TEXT = /^\s*[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|Infinity)\s*$/;

export function textToNumber(t: unknown): number | null {
  if (typeof t === 'number') return Number.isNaN(t) ? null : t;
  if (typeof t !== 'string' || !NUMERIC_TEXT.test(t)) return null;
  return Number(t);
}

const likeCache = new Map<string, RegExp>();

/** A LIKE pattern as a regular expression: `%` any run, `_` one character, `\` escapes the next. */
export function likePattern(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = likeCache.get(cacheKey);
  if (re) return re;
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) src += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '%') src += '[\\s\\S]*';
    else if (c === '_') src += '[\\s\\S]';
    else src += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  re = new RegExp(`^${src}$`, ignoreCase ? 'iu' : 'u');
  if (likeCache.size > 500) likeCache.clear();
  likeCache.set(cacheKey, re);
  return re;
}

export function registerSqliteFunctions(db: Database.Database): void {
  db.function('strata_num', { deterministic: true }, (t: unknown) => textToNumber(t));
  const like = (ignoreCase: boolean) => (t: unknown, p: unknown): number | null =>
    t === null || p === null ? null : likePattern(String(p), ignoreCase).test(String(t)) ? 1 : 0;
  db.function('strata_like', { deterministic: true }, like(false));
  db.function('strata_ilike', { deterministic: true }, like(true));
}

/** DDL for PostgreSQL (run at open, under the schema lock); no `?` in it, which the driver would number as a placeholder. */
export const POSTGRES_FUNCTIONS: readonly string[] = [
  `CREATE OR REPLACE FUNCTION strata_num(t TEXT) RETURNS DOUBLE PRECISION LANGUAGE plpgsql IMMUTABLE AS $$
   DECLARE v DOUBLE PRECISION;
   BEGIN
     IF t IS NULL OR t !~ '^\\s*[-+]{0,1}(([0-9]+\\.{0,1}[0-9]*|\\.[0-9]+)([eE][-+]{0,1}[0-9]+){0,1}|Infinity)\\s*$' THEN RETURN NULL; END IF;
     v := t::DOUBLE PRECISION;
     RETURN v;
   EXCEPTION WHEN others THEN RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION strata_like(t TEXT, p TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$ SELECT t LIKE p $$`,
  `CREATE OR REPLACE FUNCTION strata_ilike(t TEXT, p TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$ SELECT t ILIKE p $$`,
];
