/**
 * Hash joins on one or more key columns: both sides' keys are factorized together into dense
 * codes, the right side is bucketed by code (a counting sort), and each left row walks its
 * bucket. Missing keys match each other, as in pandas' merge.
 */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { factorize } from '../keys.js';
import { take } from './take.js';

export type JoinHow = 'inner' | 'left' | 'right' | 'outer' | 'semi' | 'anti';

export interface JoinOptions {
  /** Key column(s) present in both frames. */
  on?: string | readonly string[];
  /** Key column(s) of the left frame (with rightOn, when the names differ). */
  leftOn?: string | readonly string[];
  rightOn?: string | readonly string[];
  /** Kind of join (default 'inner'). */
  how?: JoinHow;
  /** Appended to clashing non-key column names (default ['_x', '_y'], like pandas). */
  suffixes?: readonly [string, string];
}

const asList = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/** Left/right row pairs of a join (-1 where one side has no row). */
export function joinIndices(
  leftKeys: readonly Column[],
  rightKeys: readonly Column[],
  how: JoinHow,
): { left: Int32Array; right: Int32Array } {
  const nl = leftKeys[0]!.length;
  const nr = rightKeys[0]!.length;
  const { codes, count } = factorize(leftKeys.map((c, k) => [c, rightKeys[k]!]), true);
  const lc = codes[0]!;
  const rc = codes[1]!;
  if (how === 'right') {
    const swapped = probe(rc, lc, count, 'left');
    return { left: swapped.right, right: swapped.left };
  }
  const base = probe(lc, rc, count, how === 'outer' ? 'left' : how);
  if (how !== 'outer') return base;
  // Outer: left join plus the unmatched right rows.
  const seen = new Uint8Array(nr);
  for (let i = 0; i < base.right.length; i++) if (base.right[i]! >= 0) seen[base.right[i]!] = 1;
  let extra = 0;
  for (let j = 0; j < nr; j++) if (!seen[j]) extra++;
  const left = new Int32Array(base.left.length + extra);
  const right = new Int32Array(base.left.length + extra);
  left.set(base.left);
  right.set(base.right);
  let w = base.left.length;
  for (let j = 0; j < nr; j++) {
    if (!seen[j]) {
      left[w] = -1;
      right[w++] = j;
    }
  }
  void nl;
  return { left, right };
}

function probe(lc: Int32Array, rc: Int32Array, count: number, how: 'inner' | 'left' | 'semi' | 'anti'): { left: Int32Array; right: Int32Array } {
  // Bucket right rows by code.
  const start = new Int32Array(count + 1);
  for (let j = 0; j < rc.length; j++) start[rc[j]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, count);
  const rows = new Int32Array(rc.length);
  for (let j = 0; j < rc.length; j++) rows[fill[rc[j]!]!++] = j;
  const nl = lc.length;
  if (how === 'semi' || how === 'anti') {
    const want = how === 'semi';
    let m = 0;
    const keep = new Int32Array(nl);
    for (let i = 0; i < nl; i++) {
      const c = lc[i]!;
      if (start[c + 1]! > start[c]! === want) keep[m++] = i;
    }
    return { left: keep.slice(0, m), right: new Int32Array(0) };
  }
  let total = 0;
  for (let i = 0; i < nl; i++) {
    const c = lc[i]!;
    const k = start[c + 1]! - start[c]!;
    total += k === 0 ? (how === 'left' ? 1 : 0) : k;
  }
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  let w = 0;
  for (let i = 0; i < nl; i++) {
    const c = lc[i]!;
    const s = start[c]!;
    const e = start[c + 1]!;
    if (s === e) {
      if (how === 'left') {
        left[w] = i;
        right[w++] = -1;
      }
      continue;
    }
    for (let j = s; j < e; j++) {
      left[w] = i;
      right[w++] = rows[j]!;
    }
  }
  return { left, right };
}

/** Values of `a`, with missing entries filled from `b` (same length). */
function coalesce(a: Column, b: Column): Column {
  if (a.nullCount === 0) return a;
  if (a.dtype !== b.dtype) {
    const common = a.dtype === 'category' || b.dtype === 'category' || a.dtype === 'string' || b.dtype === 'string' ? 'string' : 'float64';
    return coalesce(a.cast(common), b.cast(common));
  }
  const n = a.length;
  const idxA: number[] = [];
  const va = a.validMask();
  const vals = a.toArray();
  for (let i = 0; i < n; i++) if (!va[i]) idxA.push(i);
  for (const i of idxA) vals[i] = b.getUnchecked(i);
  return Column.from(a.name, vals, a.dtype === 'category' ? 'category' : undefined).cast(a.dtype);
}

/**
 * Joins two frames on key columns (pandas' `merge`). Output columns: the left frame's, then the
 * right frame's without its keys (when `on` is used); clashing names get suffixes. Row order:
 * inner/left/semi/anti follow the left frame (each left row followed by its matches in right
 * order), right follows the right frame, and outer is the left join followed by the unmatched
 * right rows. Sort the result when you need key order.
 *
 * @example
 * join(orders, customers, { on: 'customer_id', how: 'left' });
 */
export function join<L extends AnyRow, R extends AnyRow>(left: DataFrame<L>, right: DataFrame<R>, options: JoinOptions): DataFrame {
  const how = options.how ?? 'inner';
  if (!['inner', 'left', 'right', 'outer', 'semi', 'anti'].includes(how)) {
    throw new FrameError(`join: unknown how '${how}'; use inner, left, right, outer, semi or anti.`);
  }
  const on = asList(options.on);
  const lk = on.length ? on : asList(options.leftOn);
  const rk = on.length ? on : asList(options.rightOn);
  if (lk.length === 0 || lk.length !== rk.length) {
    throw new FrameError('join: give `on` (keys in both frames) or `leftOn` and `rightOn` with the same number of columns.');
  }
  left.requireColumns(lk, 'join (left frame)');
  right.requireColumns(rk, 'join (right frame)');
  const { left: li, right: ri } = joinIndices(
    lk.map((k) => left.column(k)),
    rk.map((k) => right.column(k)),
    how,
  );
  if (how === 'semi' || how === 'anti') return take(left, li);
  const [sx, sy] = options.suffixes ?? ['_x', '_y'];
  const sharedKeys = new Set(on);
  const rightCols = right.columns.filter((c) => !sharedKeys.has(c.name));
  const leftNames = new Set(left.columnNames);
  const rightNames = new Set(rightCols.map((c) => c.name));
  // The float64 output columns share one block, as a read's do: one large allocation that goes
  // back to the OS when freed, and a run of them converts to a column-major matrix without a copy.
  const coalesced = (c: Column): boolean => sharedKeys.has(c.name) && (how === 'right' || how === 'outer');
  const rows = li.length;
  const floats = [...left.columns.filter((c) => !coalesced(c)), ...rightCols].filter((c) => c.dtype === 'float64').length;
  const block = floats > 1 ? new Float64Array(floats * rows) : undefined;
  let slot = 0;
  const into = (c: Column): Float64Array | undefined => (block && c.dtype === 'float64' ? block.subarray(slot * rows, ++slot * rows) : undefined);
  const out: Column[] = [];
  for (const c of left.columns) {
    let col = coalesced(c) ? c.take(li) : c.take(li, into(c));
    if (coalesced(c)) col = coalesce(col, right.column(c.name).take(ri));
    out.push(rightNames.has(c.name) ? col.rename(c.name + sx) : col);
  }
  for (const c of rightCols) {
    const col = c.take(ri, into(c));
    out.push(leftNames.has(c.name) ? col.rename(c.name + sy) : col);
  }
  return left.withColumns(out, li.length);
}
