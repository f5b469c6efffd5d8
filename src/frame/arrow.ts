/**
 * Conversion between Arrow vectors and frame Columns. Numeric vectors of one chunk without
 * missing values are wrapped without copying; the rest is copied once into the column layout.
 */
import * as arrow from 'apache-arrow';
import { Column, type DType } from './column.js';
import { ColumnTypeError } from './errors.js';

type AnyData = arrow.Data<any>;

function validityOf(d: AnyData): Uint8Array | null {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return null;
  const n = d.length;
  const out = new Uint8Array(n);
  const bits = d.nullBitmap;
  const off = d.offset;
  for (let i = 0; i < n; i++) {
    const j = i + off;
    out[i] = (bits[j >> 3]! >> (j & 7)) & 1;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A Utf8 vector built directly (offsets + bytes), much faster than Arrow's generic builder. */
function utf8Vector(values: readonly (string | null)[]): arrow.Vector {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let valid: Uint8Array | null = null;
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === null || s === undefined) {
      valid ??= new Uint8Array(n).fill(1);
      valid[i] = 0;
    } else chars += s.length;
  }
  // Up to 3 bytes per UTF-16 unit; shrink at the end.
  let bytes = new Uint8Array(Math.max(16, chars * 3));
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s !== null && s !== undefined && s.length) {
      let ascii = true;
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        bytes[at + k] = c;
      }
      if (ascii) at += s.length;
      else at += encoder.encodeInto(s, bytes.subarray(at)).written;
    }
    offsets[i + 1] = at;
  }
  bytes = bytes.slice(0, at);
  return arrow.makeVector(
    arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: nullsOf(valid), nullBitmap: bitmapOf(valid, n), valueOffsets: offsets, data: bytes } as any),
  );
}

function decodeStrings(d: AnyData, out: (string | null)[], at: number): void {
  const n = d.length;
  const offsets = d.valueOffsets as Int32Array | BigInt64Array;
  const bytes = d.values as Uint8Array;
  const valid = validityOf(d);
  const o = (i: number): number => Number(offsets[d.offset + i]!);
  const start = o(0);
  const end = o(n);
  // ASCII fast path: decode the whole buffer once and slice (byte offsets = char offsets).
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const all = utf8.decode(bytes.subarray(start, end));
    for (let i = 0; i < n; i++) out[at + i] = valid && !valid[i] ? null : all.slice(o(i) - start, o(i + 1) - start);
  } else {
    for (let i = 0; i < n; i++) out[at + i] = valid && !valid[i] ? null : utf8.decode(bytes.subarray(o(i), o(i + 1)));
  }
}

/** Epoch ms of a 64-bit integer buffer (BigInt64Array) or a pair-of-int32 view, scaled by `div`. */
function int64ToFloat(values: BigInt64Array | Int32Array, offset: number, n: number, scale: number, out: Float64Array, at: number): void {
  const words =
    values instanceof BigInt64Array ? new Int32Array(values.buffer, values.byteOffset + offset * 8, n * 2) : values.subarray(offset * 2, offset * 2 + n * 2);
  for (let i = 0; i < n; i++) out[at + i] = (words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0)) * scale;
}

function dtypeOfArrow(type: arrow.DataType, name: string): DType {
  if (arrow.DataType.isFloat(type)) return type.precision === arrow.Precision.DOUBLE ? 'float64' : 'float32';
  if (arrow.DataType.isInt(type)) {
    if (type.bitWidth < 32 || (type.bitWidth === 32 && type.isSigned)) return 'int32';
    return 'float64'; // uint32 / int64 / uint64: narrowed to int32 later when the values fit
  }
  if (arrow.DataType.isBool(type)) return 'bool';
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) return 'string';
  if (arrow.DataType.isDictionary(type)) return 'category';
  if (arrow.DataType.isDate(type)) return type.unit === arrow.DateUnit.DAY ? 'date' : 'datetime';
  if (arrow.DataType.isTimestamp(type)) return 'datetime';
  if (arrow.DataType.isDecimal(type)) return 'float64';
  if (arrow.DataType.isNull(type)) return 'float64';
  throw new ColumnTypeError(name, `Column '${name}' has Arrow type ${String(type)}, which frames do not hold; cast it in SQL (e.g. CAST(${name} AS VARCHAR)) first.`);
}

function timeScale(type: arrow.DataType): number {
  if (arrow.DataType.isDate(type)) return type.unit === arrow.DateUnit.DAY ? 86400000 : 1;
  if (arrow.DataType.isTimestamp(type)) {
    switch (type.unit) {
      case arrow.TimeUnit.SECOND:
        return 1000;
      case arrow.TimeUnit.MILLISECOND:
        return 1;
      case arrow.TimeUnit.MICROSECOND:
        return 1e-3;
      default:
        return 1e-6;
    }
  }
  return 1;
}

/**
 * A Column from an Arrow vector. Single-chunk float64/float32/int32 vectors without missing
 * values share their buffer with the column.
 */
export function columnFromArrow(name: string, vector: arrow.Vector): Column {
  const type = vector.type as arrow.DataType;
  const dtype = dtypeOfArrow(type, name);
  const chunks = vector.data as AnyData[];
  const n = vector.length;
  // Zero-copy path.
  if (chunks.length === 1 && chunks[0]!.nullCount === 0) {
    const d = chunks[0]!;
    const v = d.values;
    if (v instanceof Float64Array && dtype === 'float64') return Column.float64(name, v.subarray(d.offset, d.offset + d.length));
    if (v instanceof Float32Array && dtype === 'float32') return Column.float32(name, v.subarray(d.offset, d.offset + d.length));
    if (v instanceof Int32Array && dtype === 'int32' && arrow.DataType.isInt(type)) return Column.int32(name, v.subarray(d.offset, d.offset + d.length));
  }
  if (dtype === 'string') {
    const out = new Array<string | null>(n);
    let at = 0;
    for (const d of chunks) {
      decodeStrings(d, out, at);
      at += d.length;
    }
    return Column.string(name, out);
  }
  if (dtype === 'category') return categoryFromArrow(name, chunks, n);
  if (dtype === 'bool') {
    const out = new Uint8Array(n);
    const valid = new Uint8Array(n).fill(1);
    let at = 0;
    let anyNull = false;
    for (const d of chunks) {
      const bits = d.values as Uint8Array;
      for (let i = 0; i < d.length; i++) {
        const j = i + d.offset;
        out[at + i] = (bits[j >> 3]! >> (j & 7)) & 1;
      }
      const v = validityOf(d);
      if (v) {
        anyNull = true;
        valid.set(v, at);
      }
      at += d.length;
    }
    return Column.bool(name, out, anyNull ? valid : null);
  }
  if (dtype === 'int32') {
    const out = new Int32Array(n);
    const valid = new Uint8Array(n).fill(1);
    let at = 0;
    let anyNull = false;
    for (const d of chunks) {
      const vals = d.values as ArrayLike<number>;
      for (let i = 0; i < d.length; i++) out[at + i] = vals[d.offset + i]!;
      const v = validityOf(d);
      if (v) {
        anyNull = true;
        valid.set(v, at);
      }
      at += d.length;
    }
    return Column.int32(name, out, anyNull ? valid : null);
  }
  // float64 / float32 / 64-bit ints / decimals / temporal: into a float array with NaN for missing.
  const out = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  const is64 = arrow.DataType.isInt(type) && type.bitWidth === 64;
  const isTemporal = dtype === 'date' || dtype === 'datetime';
  const scale = timeScale(type);
  let at = 0;
  let anyNull = false;
  for (const d of chunks) {
    const vals = d.values;
    if (arrow.DataType.isNull(type)) out.fill(NaN, at, at + d.length);
    else if (arrow.DataType.isDecimal(type)) {
      for (let i = 0; i < d.length; i++) out[at + i] = Number(vector.get(at + i));
    } else if (vals instanceof BigInt64Array || vals instanceof BigUint64Array || (is64 && vals instanceof Int32Array) || (isTemporal && scale !== 86400000 && vals instanceof Int32Array)) {
      if (vals instanceof BigUint64Array) for (let i = 0; i < d.length; i++) out[at + i] = Number(vals[d.offset + i]!) * scale;
      else int64ToFloat(vals as BigInt64Array | Int32Array, d.offset, d.length, scale, out as Float64Array, at);
    } else {
      const v = vals as ArrayLike<number>;
      for (let i = 0; i < d.length; i++) out[at + i] = v[d.offset + i]! * scale;
    }
    const valid = validityOf(d);
    if (valid) {
      anyNull = true;
      for (let i = 0; i < d.length; i++) if (!valid[i]) out[at + i] = NaN;
    }
    at += d.length;
  }
  if (isTemporal) return Column.temporal(name, out as Float64Array, dtype);
  if (dtype === 'float32') return Column.float32(name, out as Float32Array);
  // 64-bit integers whose values all fit int32 become int32 columns.
  if (arrow.DataType.isInt(type)) {
    const f = out as Float64Array;
    let fits = true;
    for (let i = 0; i < n; i++) {
      const x = f[i]!;
      if (x !== x) continue;
      if (x > 2147483647 || x < -2147483648) {
        fits = false;
        break;
      }
    }
    if (fits) {
      const ints = new Int32Array(n);
      let valid: Uint8Array | null = null;
      for (let i = 0; i < n; i++) {
        const x = f[i]!;
        if (x !== x) {
          valid ??= new Uint8Array(n).fill(1);
          valid[i] = 0;
        } else ints[i] = x;
      }
      return Column.int32(name, ints, anyNull ? valid : null);
    }
  }
  return Column.float64(name, out as Float64Array);
}

function categoryFromArrow(name: string, chunks: AnyData[], n: number): Column {
  // Merge the chunks' dictionaries into one list of categories.
  const categories: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(n);
  let at = 0;
  for (const d of chunks) {
    const dict = d.dictionary as arrow.Vector | undefined;
    const local = dict ? (columnFromArrow(name, dict).cast('string').data as (string | null)[]) : [];
    const remap = local.map((s) => {
      if (s === null) return -1;
      let k = index.get(s);
      if (k === undefined) {
        k = categories.length;
        categories.push(s);
        index.set(s, k);
      }
      return k;
    });
    const vals = d.values as ArrayLike<number>;
    const valid = validityOf(d);
    for (let i = 0; i < d.length; i++) codes[at + i] = valid && !valid[i] ? -1 : remap[Number(vals[d.offset + i])] ?? -1;
    at += d.length;
  }
  return Column.category(name, codes, categories);
}

function bitmapOf(valid: Uint8Array | null, n: number): Uint8Array | undefined {
  if (valid === null) return undefined;
  const bits = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (valid[i]) bits[i >> 3]! |= 1 << (i & 7);
  return bits;
}

function nullsOf(valid: Uint8Array | null): number {
  if (valid === null) return 0;
  let c = 0;
  for (let i = 0; i < valid.length; i++) if (!valid[i]) c++;
  return c;
}

/** An Arrow vector of the column; float64/float32/int32 storage is shared when nothing is missing. */
export function columnToArrow(col: Column): arrow.Vector {
  const n = col.length;
  switch (col.dtype) {
    case 'float64':
    case 'float32': {
      const d = col.data as Float64Array | Float32Array;
      const type = col.dtype === 'float64' ? new arrow.Float64() : new arrow.Float32();
      const valid = col.nullCount ? col.validMask() : null;
      return arrow.makeVector(arrow.makeData({ type, length: n, nullCount: nullsOf(valid), nullBitmap: bitmapOf(valid, n), data: d } as any));
    }
    case 'int32':
      return arrow.makeVector(
        arrow.makeData({ type: new arrow.Int32(), length: n, nullCount: nullsOf(col.validity), nullBitmap: bitmapOf(col.validity, n), data: col.data as Int32Array } as any),
      );
    case 'bool': {
      const d = col.data as Uint8Array;
      const bits = new Uint8Array(Math.ceil(n / 8));
      for (let i = 0; i < n; i++) if (d[i]) bits[i >> 3]! |= 1 << (i & 7);
      return arrow.makeVector(
        arrow.makeData({ type: new arrow.Bool(), length: n, nullCount: nullsOf(col.validity), nullBitmap: bitmapOf(col.validity, n), data: bits } as any),
      );
    }
    case 'string':
      return utf8Vector(col.data as (string | null)[]);
    case 'category': {
      const codes = col.data as Int32Array;
      const valid = col.nullCount ? col.validMask() : null;
      const dictionary = arrow.vectorFromArray(col.categories as string[], new arrow.Utf8());
      const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
      const safe = valid ? codes.map((c) => (c < 0 ? 0 : c)) : codes;
      return arrow.makeVector(arrow.makeData({ type, length: n, nullCount: nullsOf(valid), nullBitmap: bitmapOf(valid, n), data: safe, dictionary } as any));
    }
    case 'date':
    case 'datetime': {
      const ms = col.data as Float64Array;
      const valid = col.nullCount ? col.validMask() : null;
      if (col.dtype === 'date') {
        const days = new Int32Array(n);
        for (let i = 0; i < n; i++) days[i] = ms[i] === ms[i] ? Math.floor(ms[i]! / 86400000) : 0;
        return arrow.makeVector(arrow.makeData({ type: new arrow.DateDay(), length: n, nullCount: nullsOf(valid), nullBitmap: bitmapOf(valid, n), data: days } as any));
      }
      const big = new BigInt64Array(n);
      const words = new Int32Array(big.buffer);
      for (let i = 0; i < n; i++) {
        const v = ms[i]!;
        if (v !== v) continue;
        const hi = Math.floor(v / 4294967296);
        words[2 * i] = v - hi * 4294967296;
        words[2 * i + 1] = hi;
      }
      return arrow.makeVector(
        arrow.makeData({ type: new arrow.TimestampMillisecond(), length: n, nullCount: nullsOf(valid), nullBitmap: bitmapOf(valid, n), data: big } as any),
      );
    }
  }
}
