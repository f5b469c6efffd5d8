/** Stacking frames: by rows (union of columns) or side by side. */
import { Column, type DType } from '../column.js';
import { DataFrame } from '../dataframe.js';
import { ColumnTypeError, FrameError } from '../errors.js';

function commonDType(name: string, parts: readonly Column[]): DType {
  const present = parts.filter((c) => c.nullCount < c.length || c.length === 0);
  const types = new Set((present.length ? present : parts).map((c) => c.dtype));
  if (types.size === 1) return [...types][0]!;
  const isNum = (d: DType): boolean => d === 'float64' || d === 'float32' || d === 'int32' || d === 'bool';
  const isStr = (d: DType): boolean => d === 'string' || d === 'category';
  const isTime = (d: DType): boolean => d === 'date' || d === 'datetime';
  const all = [...types];
  if (all.every(isNum)) return all.every((d) => d === 'int32' || d === 'bool') ? 'int32' : 'float64';
  if (all.every(isStr)) return all.every((d) => d === 'category') ? 'category' : 'string';
  if (all.every(isTime)) return 'datetime';
  const a = present.find((c) => c.dtype === all[0]);
  const b = present.find((c) => c.dtype !== all[0])!;
  const at = b.toArray().findIndex((v) => v !== null);
  throw new ColumnTypeError(
    name,
    `concat: column '${name}' is ${a?.dtype} in one frame but ${b.dtype} in another (e.g. value ${JSON.stringify(b.get(at))} at row ${at}); cast them to one type first.`,
  );
}

function concatColumn(name: string, parts: readonly Column[]): Column {
  const dtype = commonDType(name, parts);
  const cast = parts.map((c) => (c.dtype === dtype || (c.nullCount === c.length && dtype !== 'category') ? c : c.cast(dtype)));
  const n = cast.reduce((s, c) => s + c.length, 0);
  switch (dtype) {
    case 'string': {
      const out: (string | null)[] = [];
      for (const c of cast) {
        if (c.dtype === 'string') for (const v of c.data as (string | null)[]) out.push(v);
        else for (let i = 0; i < c.length; i++) out.push(null);
      }
      return Column.string(name, out);
    }
    case 'category': {
      const cats: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(n);
      let at = 0;
      for (const c of cast) {
        const local = c.categories ?? [];
        const remap = local.map((s) => {
          let k = index.get(s);
          if (k === undefined) {
            k = cats.length;
            cats.push(s);
            index.set(s, k);
          }
          return k;
        });
        const d = c.data as Int32Array;
        for (let i = 0; i < c.length; i++) codes[at + i] = c.dtype === 'category' && d[i]! >= 0 ? remap[d[i]!]! : -1;
        at += c.length;
      }
      return Column.category(name, codes, cats);
    }
    case 'int32':
    case 'bool': {
      const out = dtype === 'int32' ? new Int32Array(n) : new Uint8Array(n);
      const valid = new Uint8Array(n);
      let at = 0;
      let anyNull = false;
      for (const c of cast) {
        if (c.dtype === dtype) {
          out.set(c.data as Int32Array, at);
          valid.set(c.validMask(), at);
        }
        if (c.nullCount > 0 || c.dtype !== dtype) anyNull = true;
        at += c.length;
      }
      return new Column(name, dtype, out, anyNull ? valid : null);
    }
    default: {
      const out = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
      let at = 0;
      for (const c of cast) {
        if (c.dtype === dtype) out.set(c.data as Float64Array, at);
        else out.fill(NaN, at, at + c.length);
        at += c.length;
      }
      return new Column(name, dtype, out);
    }
  }
}

/**
 * Frames stacked by rows (axis 'rows', default): columns are the union in first-seen order,
 * missing ones filled with missing values, dtypes widened (int → float, category → string).
 * With axis 'columns' the frames sit side by side and must have equal row counts.
 *
 * @example
 * concat([jan, feb]).numRows === jan.numRows + feb.numRows;
 */
export function concat(frames: readonly DataFrame[], options: { axis?: 'rows' | 'columns' } = {}): DataFrame {
  if (frames.length === 0) throw new FrameError('concat needs at least one frame.');
  if (options.axis === 'columns') {
    const n = frames[0]!.numRows;
    frames.forEach((f, k) => {
      if (f.numRows !== n) throw new FrameError(`concat(axis 'columns'): frame ${k} has ${f.numRows} rows but frame 0 has ${n}.`);
    });
    return new DataFrame(frames.flatMap((f) => f.columns), n);
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const f of frames) for (const c of f.columnNames) if (!seen.has(c)) (seen.add(c), names.push(c));
  const total = frames.reduce((s, f) => s + f.numRows, 0);
  const cols = names.map((name) => {
    const parts = frames.map((f) => (f.has(name) ? f.column(name) : Column.nulls(name, f.numRows, frames.find((g) => g.has(name))!.column(name).dtype)));
    return concatColumn(name, parts);
  });
  return new DataFrame(cols, total);
}
