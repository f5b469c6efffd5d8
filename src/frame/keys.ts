/**
 * Key encoding shared by group-by, join, dedupe, value counts and pivots: `factorize` turns one
 * or more key columns (possibly from several frames at once) into dense int32 codes, and
 * `sortKey` turns a column into float64 keys that order like its values, so every multi-key
 * sort compares numbers only.
 */
import { Column, type DType } from './column.js';
import { ColumnTypeError } from './errors.js';

/** Dense codes per part (-1 = missing when nulls are dropped) and the number of distinct keys. */
export interface Factorized {
  codes: Int32Array[];
  count: number;
}

/** Largest value range for which integer keys use a direct lookup table instead of a hash map. */
const TABLE_LIMIT = 1 << 22;

type KeyFamily = 'number' | 'string' | 'bool';
function familyOf(d: DType): KeyFamily {
  if (d === 'string' || d === 'category') return 'string';
  if (d === 'bool') return 'bool';
  return 'number';
}

/**
 * Codes for one key column spread over `parts` (e.g. the left and right key of a join), with
 * codes numbered by first appearance across the parts. Missing values get code -1, or their own
 * code when `nullsAsKey` is set.
 */
export function factorizeColumn(parts: readonly Column[], nullsAsKey = false): Factorized {
  const fam = familyOf(parts[0]!.dtype);
  for (const p of parts) {
    if (familyOf(p.dtype) !== fam) {
      throw new ColumnTypeError(
        p.name,
        `Key columns '${parts[0]!.name}' (${parts[0]!.dtype}) and '${p.name}' (${p.dtype}) hold different types; cast one (df.cast) so both hold ${fam === 'string' ? 'strings' : 'numbers'}.`,
      );
    }
  }
  let count = 0;
  let nullCode = -1;
  const codeForNull = (): number => {
    if (!nullsAsKey) return -1;
    if (nullCode < 0) nullCode = count++;
    return nullCode;
  };
  const out: Int32Array[] = [];
  if (fam === 'string') {
    const map = new Map<string, number>();
    for (const p of parts) {
      const n = p.length;
      const codes = new Int32Array(n);
      if (p.dtype === 'category') {
        const cats = p.categories!;
        const remap = new Int32Array(cats.length).fill(-2);
        const d = p.data as Int32Array;
        for (let i = 0; i < n; i++) {
          const c = d[i]!;
          if (c < 0) {
            codes[i] = codeForNull();
            continue;
          }
          let r = remap[c]!;
          if (r === -2) {
            const s = cats[c]!;
            const k = map.get(s);
            if (k === undefined) {
              r = count++;
              map.set(s, r);
            } else r = k;
            remap[c] = r;
          }
          codes[i] = r;
        }
      } else {
        const d = p.data as (string | null)[];
        for (let i = 0; i < n; i++) {
          const s = d[i];
          if (s === null || s === undefined) {
            codes[i] = codeForNull();
            continue;
          }
          let k = map.get(s);
          if (k === undefined) {
            k = count++;
            map.set(s, k);
          }
          codes[i] = k;
        }
      }
      out.push(codes);
    }
    return { codes: out, count };
  }
  // Numbers (int32, floats, bools, temporal): a lookup table over the range when the values are
  // small integers, else a hash map.
  const allInt = parts.every((p) => p.dtype === 'int32' || p.dtype === 'bool');
  let lo = Infinity;
  let hi = -Infinity;
  if (allInt) {
    for (const p of parts) {
      const d = p.data as Int32Array | Uint8Array;
      for (let i = 0; i < d.length; i++) {
        const v = d[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (allInt && hi - lo < TABLE_LIMIT) {
    const table = new Int32Array(Math.max(0, hi - lo + 1)).fill(-1);
    for (const p of parts) {
      const d = p.data as Int32Array | Uint8Array;
      const valid = p.validity;
      const n = d.length;
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        if (valid !== null && !valid[i]) {
          codes[i] = codeForNull();
          continue;
        }
        const t = d[i]! - lo;
        let k = table[t]!;
        if (k < 0) {
          k = count++;
          table[t] = k;
        }
        codes[i] = k;
      }
      out.push(codes);
    }
    return { codes: out, count };
  }
  const map = new Map<number, number>();
  for (const p of parts) {
    const f = p.toFloat64();
    const n = f.length;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = f[i]!;
      if (v !== v) {
        codes[i] = codeForNull();
        continue;
      }
      let k = map.get(v);
      if (k === undefined) {
        k = count++;
        map.set(v, k);
      }
      codes[i] = k;
    }
    out.push(codes);
  }
  return { codes: out, count };
}

/**
 * Codes for the combination of several key columns. `columns[k][p]` is key column k of part p.
 * A row whose key has a missing value gets -1 unless `nullsAsKey`.
 */
export function factorize(columns: readonly (readonly Column[])[], nullsAsKey = false): Factorized {
  if (columns.length === 0) throw new Error('factorize needs at least one key column.');
  let acc = factorizeColumn(columns[0]!, nullsAsKey);
  for (let k = 1; k < columns.length; k++) {
    const next = factorizeColumn(columns[k]!, nullsAsKey);
    const m = next.count;
    const combined: Int32Array[] = [];
    // Compose codes: acc * m + next, then densify (the product may be sparse or large).
    const map = new Map<number, number>();
    const useTable = acc.count * m <= TABLE_LIMIT;
    const table = useTable ? new Int32Array(acc.count * m).fill(-1) : null;
    let count = 0;
    for (let p = 0; p < acc.codes.length; p++) {
      const a = acc.codes[p]!;
      const b = next.codes[p]!;
      const n = a.length;
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        const y = b[i]!;
        if (x < 0 || y < 0) {
          codes[i] = -1;
          continue;
        }
        const key = x * m + y;
        let c: number;
        if (table) {
          c = table[key]!;
          if (c < 0) table[key] = c = count++;
        } else {
          const got = map.get(key);
          if (got === undefined) map.set(key, (c = count++));
          else c = got;
        }
        codes[i] = c;
      }
      combined.push(codes);
    }
    acc = { codes: combined, count };
  }
  return acc;
}

/** Groups of one key column with codes already in ascending key order (see `sortedIntGroups`). */
export interface SortedGroups {
  /** Group of each row, numbered in ascending key order; -1 for a missing key. */
  codes: Int32Array;
  count: number;
  /** The first row of each group. */
  first: Int32Array;
  /** Rows per group. */
  sizes: Int32Array;
}

/**
 * Group codes for a single int32 or bool key whose values span a small range, numbered in
 * ascending key order: the key minus its minimum indexes a table directly, so there is no hashing
 * and no sort of the groups afterwards (two passes over the rows, three when the range has gaps). Rows with a missing key
 * get -1. Returns null when the fast path does not apply (other dtypes, no present values, or a
 * range much wider than the number of rows); callers then use `factorize` and sort.
 *
 * @example
 * sortedIntGroups(Column.from('k', [5, 3, 5])); // codes [1, 0, 1], count 2, first [1, 0], sizes [1, 2]
 */
export function sortedIntGroups(col: Column): SortedGroups | null {
  if (col.dtype !== 'int32' && col.dtype !== 'bool') return null;
  const d = col.data as Int32Array | Uint8Array;
  const valid = col.validity;
  const n = d.length;
  if (valid === null) minMax(d);
  else minMaxPresent(d, valid);
  const lo = rangeLo;
  if (rangeHi < lo) return null;
  const span = rangeHi - lo + 1;
  if (span > TABLE_LIMIT || span > Math.max(2 * n, 1 << 16)) return null;
  // Pass 2: each row's offset into the value range (its code if every value in the range is
  // present), rows per value and the first row holding each value.
  const codes = new Int32Array(n);
  const slot = new Int32Array(span);
  const firstBySlot = new Int32Array(span);
  if (valid === null) offsetsAndCounts(d, lo, codes, slot, firstBySlot);
  else offsetsAndCountsPresent(d, valid, lo, codes, slot, firstBySlot);
  // Present values in ascending order get codes 0, 1, …; `slot` becomes the offset → code table.
  const sizesAll = new Int32Array(Math.min(span, n));
  const firstAll = new Int32Array(sizesAll.length);
  let count = 0;
  for (let t = 0; t < span; t++) {
    const c = slot[t]!;
    if (c === 0) continue;
    sizesAll[count] = c;
    firstAll[count] = firstBySlot[t]!;
    slot[t] = count++;
  }
  // Pass 3, only when some value in the range is absent: offsets → codes.
  if (count < span) remapCodes(codes, slot);
  return { codes, count, first: firstAll.slice(0, count), sizes: sizesAll.slice(0, count) };
}

// The passes of sortedIntGroups, one loop per function so that V8 optimizes each while it runs
// (on-stack replacement) without deoptimizing on code after the loop it has not seen yet.
// minMax/minMaxPresent hand their result back through these two module variables: a returned
// object literal would be code after the loop without type feedback, and deoptimize the loop.
let rangeLo = 0;
let rangeHi = 0;
function minMax(d: Int32Array | Uint8Array): void {
  let lo = 2147483647;
  let hi = -2147483648;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  rangeLo = lo;
  rangeHi = hi;
}
function minMaxPresent(d: Int32Array | Uint8Array, valid: Uint8Array): void {
  let lo = 2147483647;
  let hi = -2147483648;
  for (let i = 0; i < d.length; i++) {
    if (valid[i] === 0) continue;
    const v = d[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  rangeLo = lo;
  rangeHi = hi;
}
function offsetsAndCounts(d: Int32Array | Uint8Array, lo: number, codes: Int32Array, slot: Int32Array, firstBySlot: Int32Array): void {
  for (let i = 0; i < d.length; i++) {
    const t = d[i]! - lo;
    codes[i] = t;
    if (slot[t]!++ === 0) firstBySlot[t] = i;
  }
}
function offsetsAndCountsPresent(d: Int32Array | Uint8Array, valid: Uint8Array, lo: number, codes: Int32Array, slot: Int32Array, firstBySlot: Int32Array): void {
  for (let i = 0; i < d.length; i++) {
    if (valid[i] === 0) {
      codes[i] = -1;
      continue;
    }
    const t = d[i]! - lo;
    codes[i] = t;
    if (slot[t]!++ === 0) firstBySlot[t] = i;
  }
}
function remapCodes(codes: Int32Array, table: Int32Array): void {
  for (let i = 0; i < codes.length; i++) {
    const t = codes[i]!;
    if (t >= 0) codes[i] = table[t]!;
  }
}

/** For each code, the first row that has it (codes numbered 0..count-1). */
export function firstRows(codes: Int32Array, count: number): Int32Array {
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0 && first[c]! < 0) first[c] = i;
  }
  return first;
}

/**
 * Float64 keys that sort like the column's values (NaN for missing): numbers as themselves,
 * booleans as 0/1, dates as epoch ms, strings (and categories, by their labels) as their rank.
 */
export function sortKey(col: Column): Float64Array {
  if (col.dtype !== 'string' && col.dtype !== 'category') return col.toFloat64();
  const { codes, count } = factorizeColumn([col]);
  const c = codes[0]!;
  const labels = new Array<string>(count);
  const first = firstRows(c, count);
  for (let k = 0; k < count; k++) labels[k] = col.getUnchecked(first[k]!) as string;
  const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => compareStrings(labels[a]!, labels[b]!));
  const rank = new Float64Array(count);
  order.forEach((k, r) => (rank[k] = r));
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i]! < 0 ? NaN : rank[c[i]!]!;
  return out;
}

/** Code-point order, like Python's str comparison. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A stable ordering of rows by several float keys (NaN last whatever the direction), as an
 * Int32Array of row indices. `rows` restricts and seeds the order (default 0..n-1).
 */
export function orderBy(keys: readonly Float64Array[], descending: readonly boolean[], n: number, rows?: Int32Array): Int32Array {
  const idx = rows ? rows.slice() : new Int32Array(n).map((_, i) => i);
  if (keys.length === 0) return idx;
  if (keys.length === 1) {
    const k = keys[0]!;
    const sign = descending[0] ? -1 : 1;
    // Missing values go last; sort the rest by value with the row as tie-break (stable).
    let w = 0;
    const nulls: number[] = [];
    for (let i = 0; i < idx.length; i++) {
      const r = idx[i]!;
      if (k[r] !== k[r]) nulls.push(r);
      else idx[w++] = r;
    }
    const head = idx.subarray(0, w);
    head.sort((a, b) => {
      const x = k[a]!;
      const y = k[b]!;
      return x < y ? -sign : x > y ? sign : a - b;
    });
    for (let i = 0; i < nulls.length; i++) idx[w + i] = nulls[i]!;
    return idx;
  }
  const m = keys.length;
  const signs = descending.map((d) => (d ? -1 : 1));
  idx.sort((a, b) => {
    for (let j = 0; j < m; j++) {
      const k = keys[j]!;
      const x = k[a]!;
      const y = k[b]!;
      if (x === y) continue;
      const xn = x !== x;
      const yn = y !== y;
      if (xn || yn) {
        if (xn && yn) continue;
        return xn ? 1 : -1;
      }
      return x < y ? -signs[j]! : signs[j]!;
    }
    return a - b;
  });
  return idx;
}
