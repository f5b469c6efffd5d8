/**
 * Column: one typed, named column of a DataFrame (pandas' Series). Storage per dtype:
 *
 * | dtype              | `data`                         | missing values            |
 * |--------------------|--------------------------------|---------------------------|
 * | float64 / float32  | Float64Array / Float32Array    | NaN (as in pandas)        |
 * | int32              | Int32Array                     | `validity` byte = 0       |
 * | bool               | Uint8Array of 0/1              | `validity` byte = 0       |
 * | string             | `(string \| null)[]`           | null                      |
 * | category           | Int32Array codes into `categories` | code -1               |
 * | date / datetime    | Float64Array of epoch ms       | NaN                       |
 *
 * Numeric columns hand out their typed array (and an NdArray over it) without copying.
 * Columns are immutable: every operation returns a new column, which may share buffers.
 */
import { NdArray } from '../tensor/index.js';
import { ColumnTypeError, FrameError } from './errors.js';

export type DType = 'float64' | 'float32' | 'int32' | 'bool' | 'string' | 'category' | 'date' | 'datetime';
export const FRAME_DTYPES: readonly DType[] = ['float64', 'float32', 'int32', 'bool', 'string', 'category', 'date', 'datetime'];

export type NumericArray = Float64Array | Float32Array | Int32Array;
export type ColumnData = Float64Array | Float32Array | Int32Array | Uint8Array | (string | null)[];
/** A JS value as a column hands it out: null for missing. */
export type Scalar = number | string | boolean | Date | null;
/** What `Column.from` and `DataFrame.fromColumns` accept for one column. */
export type ColumnInput =
  | Column
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | readonly (number | string | boolean | Date | bigint | null | undefined)[];

export function isNumericDType(d: DType): d is 'float64' | 'float32' | 'int32' {
  return d === 'float64' || d === 'float32' || d === 'int32';
}
export function isTemporalDType(d: DType): d is 'date' | 'datetime' {
  return d === 'date' || d === 'datetime';
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}' (string)`;
  if (v instanceof Date) return `${isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()} (Date)`;
  if (typeof v === 'bigint') return `${v}n (bigint)`;
  if (typeof v === 'object') return `${Object.prototype.toString.call(v)} (object)`;
  return `${String(v)} (${typeof v})`;
}

export class Column {
  readonly name: string;
  readonly dtype: DType;
  /** The storage; see the table in the module comment. Treat it as read-only. */
  readonly data: ColumnData;
  /** For int32 and bool: 1 where a value is present, 0 where it is missing; null when none is missing. */
  readonly validity: Uint8Array | null;
  /** For category: the distinct values the codes point into. */
  readonly categories: readonly string[] | null;
  readonly length: number;
  private _nullCount = -1;

  /** Wraps storage without copying; most code wants `Column.from` or the typed factories. */
  constructor(name: string, dtype: DType, data: ColumnData, validity: Uint8Array | null = null, categories: readonly string[] | null = null) {
    this.name = name;
    this.dtype = dtype;
    this.data = data;
    this.validity = validity;
    this.categories = categories;
    this.length = data.length;
    if (validity !== null && validity.length !== data.length) {
      throw new FrameError(`Column '${name}': validity has ${validity.length} entries for ${data.length} values.`);
    }
  }

  // ---------------------------------------------------------------- factories

  /**
   * A float64 column over `values` (not copied); NaN marks missing values. A producer that
   * counted the NaNs while writing `values` passes `nanCount`, sparing a scan when `nullCount` is
   * asked (it is trusted, not checked).
   */
  static float64(name: string, values: Float64Array, nanCount?: number): Column {
    const col = new Column(name, 'float64', values);
    if (nanCount !== undefined) col._nullCount = nanCount;
    return col;
  }
  static float32(name: string, values: Float32Array): Column {
    return new Column(name, 'float32', values);
  }
  static int32(name: string, values: Int32Array, validity: Uint8Array | null = null): Column {
    return new Column(name, 'int32', values, normalizeValidity(validity));
  }
  static bool(name: string, values: Uint8Array, validity: Uint8Array | null = null): Column {
    return new Column(name, 'bool', values, normalizeValidity(validity));
  }
  static string(name: string, values: (string | null)[]): Column {
    return new Column(name, 'string', values);
  }
  /** A categorical column: `codes` index `categories`; -1 is missing. */
  static category(name: string, codes: Int32Array, categories: readonly string[]): Column {
    return new Column(name, 'category', codes, null, categories);
  }
  /** A date (day resolution) or datetime column over epoch milliseconds; NaN is missing. */
  static temporal(name: string, ms: Float64Array, dtype: 'date' | 'datetime' = 'datetime'): Column {
    return new Column(name, dtype, ms);
  }

  /**
   * A column from JS values or a typed array, inferring the dtype like pandas: integers without
   * missing values → int32, other numbers → float64 (null → NaN), strings → string, booleans →
   * bool, Dates → datetime. Mixing kinds throws a ColumnTypeError naming the row and value.
   *
   * @example
   * Column.from('x', [1, 2, null]).dtype;   // 'float64'
   * Column.from('s', ['a', null]).toArray(); // ['a', null]
   */
  static from(name: string, values: ColumnInput, dtype?: DType): Column {
    if (values instanceof Column) return dtype && dtype !== values.dtype ? values.rename(name).cast(dtype) : values.rename(name);
    let col: Column;
    if (values instanceof Float64Array) col = Column.float64(name, values);
    else if (values instanceof Float32Array) col = Column.float32(name, values);
    else if (values instanceof Int32Array) col = Column.int32(name, values);
    else if (values instanceof BigInt64Array) col = fromBigInts(name, values);
    else if (values instanceof Uint32Array) col = Column.float64(name, Float64Array.from(values));
    else if (values instanceof Int16Array || values instanceof Int8Array || values instanceof Uint8Array || values instanceof Uint16Array) {
      col = Column.int32(name, Int32Array.from(values));
    } else if (Array.isArray(values)) col = fromValues(name, values, dtype);
    else throw new FrameError(`Column '${name}': cannot make a column from ${describeValue(values)}; pass an array or a typed array.`);
    return dtype && dtype !== col.dtype ? col.cast(dtype) : col;
  }

  /** A column of `n` missing values of `dtype`. */
  static nulls(name: string, n: number, dtype: DType = 'float64'): Column {
    switch (dtype) {
      case 'float64':
      case 'date':
      case 'datetime':
        return new Column(name, dtype, new Float64Array(n).fill(NaN));
      case 'float32':
        return Column.float32(name, new Float32Array(n).fill(NaN));
      case 'int32':
        return new Column(name, 'int32', new Int32Array(n), new Uint8Array(n));
      case 'bool':
        return new Column(name, 'bool', new Uint8Array(n), new Uint8Array(n));
      case 'string':
        return Column.string(name, new Array<string | null>(n).fill(null));
      case 'category':
        return Column.category(name, new Int32Array(n).fill(-1), []);
    }
  }

  /** A column of `n` copies of `value`. */
  static full(name: string, n: number, value: Scalar): Column {
    if (value === null) return Column.nulls(name, n);
    if (typeof value === 'number') return Column.float64(name, new Float64Array(n).fill(value));
    if (typeof value === 'boolean') return Column.bool(name, new Uint8Array(n).fill(value ? 1 : 0));
    if (value instanceof Date) return Column.temporal(name, new Float64Array(n).fill(value.getTime()));
    return Column.category(name, new Int32Array(n), [value]).cast('string');
  }

  // ---------------------------------------------------------------- access

  /** True when row i holds a missing value. */
  isNull(i: number): boolean {
    switch (this.dtype) {
      case 'int32':
      case 'bool':
        return this.validity !== null && this.validity[i] === 0;
      case 'string':
        return (this.data as (string | null)[])[i] === null;
      case 'category':
        return (this.data as Int32Array)[i]! < 0;
      default:
        return Number.isNaN((this.data as Float64Array)[i]);
    }
  }

  /** The value at row i as JS (number, string, boolean, Date) or null when missing. */
  get(i: number): Scalar {
    if (i < 0 || i >= this.length || !Number.isInteger(i)) {
      throw new FrameError(`Row ${i} is out of range for column '${this.name}' with ${this.length} rows.`);
    }
    return this.getUnchecked(i);
  }

  /** `get` without the bounds check, for loops that know i is in range. */
  getUnchecked(i: number): Scalar {
    switch (this.dtype) {
      case 'float64':
      case 'float32': {
        const v = (this.data as Float64Array)[i]!;
        return Number.isNaN(v) ? null : v;
      }
      case 'int32':
        return this.validity !== null && this.validity[i] === 0 ? null : (this.data as Int32Array)[i]!;
      case 'bool':
        return this.validity !== null && this.validity[i] === 0 ? null : (this.data as Uint8Array)[i] === 1;
      case 'string':
        return (this.data as (string | null)[])[i]!;
      case 'category': {
        const c = (this.data as Int32Array)[i]!;
        return c < 0 ? null : this.categories![c]!;
      }
      case 'date':
      case 'datetime': {
        const v = (this.data as Float64Array)[i]!;
        return Number.isNaN(v) ? null : new Date(v);
      }
    }
  }

  /** Number of missing values. */
  get nullCount(): number {
    if (this._nullCount < 0) {
      switch (this.dtype) {
        case 'int32':
        case 'bool':
          this._nullCount = this.validity === null ? 0 : countZeros(this.validity);
          break;
        case 'string':
          this._nullCount = countNulls(this.data as (string | null)[]);
          break;
        case 'category':
          this._nullCount = countNegative(this.data as Int32Array);
          break;
        default:
          this._nullCount = countNaN(this.data as Float64Array | Float32Array);
      }
    }
    return this._nullCount;
  }

  /** 1 where a value is present, 0 where it is missing. */
  validMask(): Uint8Array {
    const n = this.length;
    if ((this.dtype === 'int32' || this.dtype === 'bool') && this.validity !== null) return this.validity;
    const out = new Uint8Array(n);
    if (this.nullCount === 0) return out.fill(1);
    for (let i = 0; i < n; i++) out[i] = this.isNull(i) ? 0 : 1;
    return out;
  }

  /** All values as JS values, null for missing. */
  toArray(): Scalar[] {
    const n = this.length;
    const out = new Array<Scalar>(n);
    if (this.dtype === 'string') {
      const d = this.data as (string | null)[];
      for (let i = 0; i < n; i++) out[i] = d[i]!;
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = this.getUnchecked(i);
    return out;
  }

  [Symbol.iterator](): Iterator<Scalar> {
    return this.toArray()[Symbol.iterator]();
  }

  /**
   * The numeric values as a typed array: float columns and int32 columns without missing values
   * hand out their storage (no copy); int32 with missing values, bool and temporal columns give a
   * Float64Array with NaN for missing (temporal: epoch ms). Strings throw.
   */
  toTypedArray(): NumericArray {
    switch (this.dtype) {
      case 'float64':
      case 'float32':
        return this.data as Float64Array | Float32Array;
      case 'int32':
        if (this.validity === null) return this.data as Int32Array;
        return this.toFloat64();
      default:
        return this.toFloat64();
    }
  }

  /**
   * Values as float64 with NaN for missing. Shares the storage of float64 and temporal columns.
   * Category columns give their codes (NaN for missing); string columns throw.
   */
  toFloat64(): Float64Array {
    const n = this.length;
    switch (this.dtype) {
      case 'float64':
      case 'date':
      case 'datetime':
        return this.data as Float64Array;
      case 'float32':
        return Float64Array.from(this.data as Float32Array);
      case 'int32':
      case 'bool': {
        const d = this.data as Int32Array | Uint8Array;
        const out = new Float64Array(n);
        const v = this.validity;
        if (v === null) for (let i = 0; i < n; i++) out[i] = d[i]!;
        else for (let i = 0; i < n; i++) out[i] = v[i] ? d[i]! : NaN;
        return out;
      }
      case 'category': {
        const d = this.data as Int32Array;
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = d[i]! < 0 ? NaN : d[i]!;
        return out;
      }
      case 'string':
        throw new ColumnTypeError(
          this.name,
          `Column '${this.name}' holds strings and has no numeric values; encode it first (getDummies, or cast('category') and use its codes), or leave it out of the columns.`,
        );
    }
  }

  /**
   * The column as a 1-d NdArray: float64/float32/int32 (no missing values) and bool (no missing
   * values) share storage; other columns are converted to float64 with NaN for missing.
   *
   * @example
   * const df = DataFrame.fromColumns({ x: new Float64Array([1, 2]) });
   * df.column('x').toNdArray().data === df.column('x').data; // true: no copy
   */
  toNdArray(dtype?: 'float64' | 'float32' | 'int32'): NdArray {
    let nd: NdArray;
    if (this.dtype === 'bool' && this.validity === null) nd = new NdArray('bool', this.data as Uint8Array, [this.length]);
    else {
      const t = this.toTypedArray();
      const d = t instanceof Float64Array ? 'float64' : t instanceof Float32Array ? 'float32' : 'int32';
      nd = new NdArray(d, t, [this.length]);
    }
    return dtype && dtype !== nd.dtype ? nd.astype(dtype) : nd;
  }

  // ---------------------------------------------------------------- reshaping

  /** The same values under another name (storage shared). */
  rename(name: string): Column {
    if (name === this.name) return this;
    const c = new Column(name, this.dtype, this.data, this.validity, this.categories);
    c._nullCount = this._nullCount;
    return c;
  }

  /** Rows start..end (end exclusive) as a view sharing storage. */
  slice(start: number, end: number = this.length): Column {
    const s = Math.max(0, Math.min(this.length, start));
    const e = Math.max(s, Math.min(this.length, end));
    const data = Array.isArray(this.data) ? this.data.slice(s, e) : (this.data as Float64Array).subarray(s, e);
    const validity = this.validity === null ? null : normalizeValidity(this.validity.subarray(s, e));
    return new Column(this.name, this.dtype, data, validity, this.categories);
  }

  /**
   * Rows picked by index; an index of -1 gives a missing value (int32 and bool columns grow a
   * validity mask). A float64 column writes into `into` when given (indices.length long, e.g. a
   * slice of a block shared by several columns); other dtypes ignore it.
   */
  take(indices: Int32Array | readonly number[], into?: Float64Array): Column {
    const n = indices.length;
    const len = this.length;
    let hasMissing = false;
    for (let i = 0; i < n; i++) {
      const k = indices[i]!;
      if (k < 0) hasMissing = true;
      else if (k >= len) throw new FrameError(`Row ${k} is out of range for column '${this.name}' with ${len} rows.`);
    }
    switch (this.dtype) {
      case 'string': {
        const d = this.data as (string | null)[];
        const out = new Array<string | null>(n);
        for (let i = 0; i < n; i++) {
          const k = indices[i]!;
          out[i] = k < 0 ? null : d[k]!;
        }
        return Column.string(this.name, out);
      }
      case 'int32':
      case 'bool': {
        const d = this.data as Int32Array | Uint8Array;
        const out = this.dtype === 'int32' ? new Int32Array(n) : new Uint8Array(n);
        const v = this.validity;
        let valid: Uint8Array | null = null;
        if (hasMissing || v !== null) {
          valid = new Uint8Array(n);
          for (let i = 0; i < n; i++) {
            const k = indices[i]!;
            if (k >= 0) {
              out[i] = d[k]!;
              valid[i] = v === null ? 1 : v[k]!;
            }
          }
        } else for (let i = 0; i < n; i++) out[i] = d[indices[i]!]!;
        return new Column(this.name, this.dtype, out, normalizeValidity(valid));
      }
      case 'category': {
        const d = this.data as Int32Array;
        const out = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const k = indices[i]!;
          out[i] = k < 0 ? -1 : d[k]!;
        }
        return Column.category(this.name, out, this.categories!);
      }
      default: {
        const d = this.data as Float64Array | Float32Array;
        if (into !== undefined && (into.length !== n || !(d instanceof Float64Array))) {
          throw new FrameError(`take: 'into' must be a Float64Array of ${n} values for float64 column '${this.name}'.`);
        }
        const out = into ?? (d instanceof Float32Array ? new Float32Array(n) : new Float64Array(n));
        if (hasMissing) {
          for (let i = 0; i < n; i++) {
            const k = indices[i]!;
            out[i] = k < 0 ? NaN : d[k]!;
          }
        } else for (let i = 0; i < n; i++) out[i] = d[indices[i]!]!;
        return new Column(this.name, this.dtype, out);
      }
    }
  }

  /** Rows where mask is truthy. */
  filter(mask: ArrayLike<number | boolean>): Column {
    if (mask.length !== this.length) {
      throw new FrameError(`Mask has ${mask.length} entries but column '${this.name}' has ${this.length} rows.`);
    }
    return this.take(maskToIndices(mask));
  }

  // ---------------------------------------------------------------- conversion

  /**
   * The column converted to another dtype. Strings parse to numbers/booleans/dates; a value that
   * does not parse throws a ColumnTypeError naming the column, row and value.
   *
   * @example
   * Column.from('n', ['1', '2.5', null]).cast('float64').toArray(); // [1, 2.5, null]
   */
  cast(dtype: DType): Column {
    if (dtype === this.dtype) return this;
    if (!FRAME_DTYPES.includes(dtype)) {
      throw new FrameError(`Unknown dtype '${String(dtype)}' for column '${this.name}'; use one of ${FRAME_DTYPES.join(', ')}.`);
    }
    const n = this.length;
    const name = this.name;
    if (dtype === 'string') {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) {
        const v = this.getUnchecked(i);
        out[i] = v === null ? null : v instanceof Date ? formatDate(v, this.dtype === 'date') : String(v);
      }
      return Column.string(name, out);
    }
    if (dtype === 'category') return toCategory(this);
    if (this.dtype === 'string' || this.dtype === 'category') return parseStrings(this, dtype);
    const f = this.toFloat64();
    switch (dtype) {
      case 'float64':
        return Column.float64(name, f === this.data ? f.slice() : f);
      case 'float32':
        return Column.float32(name, Float32Array.from(f));
      case 'date':
      case 'datetime': {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = dtype === 'date' ? Math.floor(f[i]! / 86400000) * 86400000 : f[i]!;
        return Column.temporal(name, out, dtype);
      }
      case 'int32': {
        const out = new Int32Array(n);
        let valid: Uint8Array | null = null;
        for (let i = 0; i < n; i++) {
          const v = f[i]!;
          if (Number.isNaN(v)) {
            valid ??= new Uint8Array(n).fill(1);
            valid[i] = 0;
            continue;
          }
          if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648) {
            throw new ColumnTypeError(name, `Column '${name}': cannot cast ${v} at row ${i} to int32 (not an integer in range); round it first or cast to float64.`);
          }
          out[i] = v;
        }
        return Column.int32(name, out, valid);
      }
      case 'bool': {
        const out = new Uint8Array(n);
        let valid: Uint8Array | null = null;
        for (let i = 0; i < n; i++) {
          const v = f[i]!;
          if (Number.isNaN(v)) {
            valid ??= new Uint8Array(n).fill(1);
            valid[i] = 0;
          } else out[i] = v !== 0 ? 1 : 0;
        }
        return Column.bool(name, out, valid);
      }
    }
  }

  /** Missing values replaced by `value` (which must fit the dtype). */
  fillNull(value: Scalar): Column {
    if (value === null || this.nullCount === 0) return this;
    const n = this.length;
    const bad = (): never => {
      throw new ColumnTypeError(
        this.name,
        `Cannot fill missing values of ${this.dtype} column '${this.name}' with ${describeValue(value)}; give a ${this.dtype === 'string' || this.dtype === 'category' ? 'string' : this.dtype === 'bool' ? 'boolean' : isTemporalDType(this.dtype) ? 'Date' : 'number'}.`,
      );
    };
    switch (this.dtype) {
      case 'float64':
      case 'float32': {
        if (typeof value !== 'number') return bad();
        const out = this.data.slice() as Float64Array | Float32Array;
        for (let i = 0; i < n; i++) if (out[i] !== out[i]) out[i] = value;
        return new Column(this.name, this.dtype, out);
      }
      case 'date':
      case 'datetime': {
        if (!(value instanceof Date)) return bad();
        const out = (this.data as Float64Array).slice();
        for (let i = 0; i < n; i++) if (out[i] !== out[i]) out[i] = value.getTime();
        return new Column(this.name, this.dtype, out);
      }
      case 'int32': {
        if (typeof value !== 'number') return bad();
        if (!Number.isInteger(value)) return this.cast('float64').fillNull(value);
        const out = (this.data as Int32Array).slice();
        const v = this.validity!;
        for (let i = 0; i < n; i++) if (!v[i]) out[i] = value;
        return Column.int32(this.name, out);
      }
      case 'bool': {
        if (typeof value !== 'boolean') return bad();
        const out = (this.data as Uint8Array).slice();
        const v = this.validity!;
        for (let i = 0; i < n; i++) if (!v[i]) out[i] = value ? 1 : 0;
        return Column.bool(this.name, out);
      }
      case 'string': {
        if (typeof value !== 'string') return bad();
        return Column.string(this.name, (this.data as (string | null)[]).map((s) => s ?? value));
      }
      case 'category': {
        if (typeof value !== 'string') return bad();
        let cats = this.categories!;
        let code = cats.indexOf(value);
        if (code < 0) {
          cats = [...cats, value];
          code = cats.length - 1;
        }
        const out = (this.data as Int32Array).slice();
        for (let i = 0; i < n; i++) if (out[i]! < 0) out[i] = code;
        return Column.category(this.name, out, cats);
      }
    }
  }

  // ---------------------------------------------------------------- vectorized expressions

  /** Element-wise x + y (float64; missing stays missing). */
  add(other: Column | number): Column {
    return this.arith(other, (a, b) => a + b, '+');
  }
  sub(other: Column | number): Column {
    return this.arith(other, (a, b) => a - b, '-');
  }
  mul(other: Column | number): Column {
    return this.arith(other, (a, b) => a * b, '*');
  }
  div(other: Column | number): Column {
    return this.arith(other, (a, b) => a / b, '/');
  }
  pow(other: Column | number): Column {
    return this.arith(other, (a, b) => a ** b, '**');
  }
  neg(): Column {
    return this.arith(0, (a) => -a, 'neg');
  }
  abs(): Column {
    return this.arith(0, (a) => Math.abs(a), 'abs');
  }

  /** Element-wise `fn` over float64 values (NaN in, NaN out unless fn says otherwise). */
  mapNumbers(fn: (x: number) => number): Column {
    return this.arith(0, (a) => fn(a), 'map');
  }

  private arith(other: Column | number, op: (a: number, b: number) => number, sym: string): Column {
    const a = this.numericFor(sym);
    const n = this.length;
    const out = new Float64Array(n);
    if (typeof other === 'number') for (let i = 0; i < n; i++) out[i] = op(a[i]!, other);
    else {
      this.checkSameLength(other);
      const b = other.numericFor(sym);
      for (let i = 0; i < n; i++) out[i] = op(a[i]!, b[i]!);
    }
    return Column.float64(this.name, out);
  }

  private numericFor(op: string): Float64Array {
    if (this.dtype === 'string' || this.dtype === 'category') {
      throw new ColumnTypeError(this.name, `Column '${this.name}' is ${this.dtype}; '${op}' needs numbers. Cast it with cast('float64') first.`);
    }
    return this.toFloat64();
  }

  private checkSameLength(other: Column): void {
    if (other.length !== this.length) {
      throw new FrameError(`Columns '${this.name}' (${this.length} rows) and '${other.name}' (${other.length} rows) differ in length.`);
    }
  }

  /** x > y as a bool column (missing compares false, like pandas). */
  gt(other: Column | Scalar): Column {
    return this.compare(other, (c) => c > 0);
  }
  ge(other: Column | Scalar): Column {
    return this.compare(other, (c) => c >= 0);
  }
  lt(other: Column | Scalar): Column {
    return this.compare(other, (c) => c < 0);
  }
  le(other: Column | Scalar): Column {
    return this.compare(other, (c) => c <= 0);
  }
  eq(other: Column | Scalar): Column {
    return this.compare(other, (c) => c === 0);
  }
  ne(other: Column | Scalar): Column {
    const r = this.compare(other, (c) => c === 0).data as Uint8Array;
    // pandas: NaN != x is True
    const out = new Uint8Array(r.length);
    for (let i = 0; i < r.length; i++) out[i] = r[i] ? 0 : 1;
    return Column.bool(this.name, out);
  }

  private compare(other: Column | Scalar, test: (c: number) => boolean): Column {
    const n = this.length;
    const out = new Uint8Array(n);
    if (other instanceof Column) this.checkSameLength(other);
    const numeric = this.dtype !== 'string' && this.dtype !== 'category';
    if (numeric && (typeof other === 'number' || other instanceof Date)) {
      const a = this.toFloat64();
      const b = typeof other === 'number' ? other : other.getTime();
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        out[i] = x === x && test(x < b ? -1 : x > b ? 1 : 0) ? 1 : 0;
      }
      return Column.bool(this.name, out);
    }
    if (numeric && other instanceof Column && other.dtype !== 'string' && other.dtype !== 'category') {
      const a = this.toFloat64();
      const b = other.toFloat64();
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        const y = b[i]!;
        out[i] = x === x && y === y && test(x < y ? -1 : x > y ? 1 : 0) ? 1 : 0;
      }
      return Column.bool(this.name, out);
    }
    if (other !== null && !(other instanceof Column) && typeof other !== typeof this.firstValue() && this.nullCount < n) {
      throw new ColumnTypeError(this.name, `Cannot compare ${this.dtype} column '${this.name}' with ${describeValue(other)}.`);
    }
    for (let i = 0; i < n; i++) {
      const x = this.getUnchecked(i);
      const y = other instanceof Column ? other.getUnchecked(i) : other;
      if (x === null || y === null) continue;
      out[i] = test(x < y ? -1 : x > y ? 1 : 0) ? 1 : 0;
    }
    return Column.bool(this.name, out);
  }

  private firstValue(): Scalar {
    for (let i = 0; i < this.length; i++) if (!this.isNull(i)) return this.getUnchecked(i);
    return null;
  }

  /** True where the value is one of `values`. */
  isIn(values: readonly Scalar[]): Column {
    const set = new Set(values.map((v) => (v instanceof Date ? v.getTime() : v)));
    const n = this.length;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = this.getUnchecked(i);
      out[i] = v !== null && set.has(v instanceof Date ? v.getTime() : v) ? 1 : 0;
    }
    return Column.bool(this.name, out);
  }

  /** True where the value is missing. */
  isNa(): Column {
    const v = this.validMask();
    const out = new Uint8Array(this.length);
    for (let i = 0; i < out.length; i++) out[i] = v[i] ? 0 : 1;
    return Column.bool(this.name, out);
  }
  /** True where the value is present. */
  notNa(): Column {
    return Column.bool(this.name, this.validMask().slice());
  }

  /** Logical and/or/not of bool columns (missing counts as false). */
  and(other: Column): Column {
    return this.logic(other, (a, b) => a & b);
  }
  or(other: Column): Column {
    return this.logic(other, (a, b) => a | b);
  }
  not(): Column {
    const a = this.boolBits();
    const out = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i] ? 0 : 1;
    return Column.bool(this.name, out);
  }
  private logic(other: Column, op: (a: number, b: number) => number): Column {
    this.checkSameLength(other);
    const a = this.boolBits();
    const b = other.boolBits();
    const out = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = op(a[i]!, b[i]!);
    return Column.bool(this.name, out);
  }
  /** 0/1 per row, missing as 0; only for bool columns. */
  boolBits(): Uint8Array {
    if (this.dtype !== 'bool') throw new ColumnTypeError(this.name, `Column '${this.name}' is ${this.dtype}, not bool; compare it first (e.g. col.gt(0)).`);
    if (this.validity === null) return this.data as Uint8Array;
    const d = this.data as Uint8Array;
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = d[i]! & this.validity[i]!;
    return out;
  }

  /** Element-wise JS function; the result dtype is inferred from the values returned. */
  map(fn: (value: Scalar, row: number) => Scalar): Column {
    const n = this.length;
    const out = new Array<Scalar>(n);
    for (let i = 0; i < n; i++) out[i] = fn(this.getUnchecked(i), i);
    return Column.from(this.name, out);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of present values (0 for none). */
  sum(): number {
    const a = this.numericFor('sum');
    let s = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === a[i]) s += a[i]!;
    return s;
  }
  /** Mean of present values (NaN for none). */
  mean(): number {
    const a = this.numericFor('mean');
    let s = 0;
    let c = 0;
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (v === v) {
        s += v;
        c++;
      }
    }
    return c ? s / c : NaN;
  }
  /** Sample standard deviation (ddof=1, like pandas). */
  std(ddof = 1): number {
    return Math.sqrt(this.var(ddof));
  }
  var(ddof = 1): number {
    const a = this.numericFor('var');
    const m = this.mean();
    let s = 0;
    let c = 0;
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (v === v) {
        s += (v - m) * (v - m);
        c++;
      }
    }
    return c - ddof > 0 ? s / (c - ddof) : NaN;
  }
  min(): number {
    const a = this.numericFor('min');
    let m = Infinity;
    let any = false;
    for (let i = 0; i < a.length; i++) if (a[i]! <= m) ((m = a[i]!), (any = true));
    return any ? m : NaN;
  }
  max(): number {
    const a = this.numericFor('max');
    let m = -Infinity;
    let any = false;
    for (let i = 0; i < a.length; i++) if (a[i]! >= m) ((m = a[i]!), (any = true));
    return any ? m : NaN;
  }
  /** Quantile with linear interpolation (pandas' default). */
  quantile(q: number): number {
    const a = this.numericFor('quantile');
    const vals = new Float64Array(a.length - this.nullCount);
    let k = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === a[i]) vals[k++] = a[i]!;
    vals.sort();
    return quantileSorted(vals, 0, vals.length, q);
  }
  median(): number {
    return this.quantile(0.5);
  }
  /** Number of distinct present values. */
  nunique(): number {
    const s = new Set<unknown>();
    if (this.dtype === 'category' || this.dtype === 'string') for (let i = 0; i < this.length; i++) s.add((this.data as ArrayLike<unknown>)[i]);
    else {
      const a = this.toFloat64();
      for (let i = 0; i < a.length; i++) s.add(a[i]);
    }
    let n = s.size;
    if (this.nullCount > 0) n--;
    return n;
  }

  toString(): string {
    const head = this.toArray().slice(0, 10).map((v) => (v instanceof Date ? formatDate(v, this.dtype === 'date') : JSON.stringify(v)));
    return `Column '${this.name}' (${this.dtype}, ${this.length} rows): [${head.join(', ')}${this.length > 10 ? ', …' : ''}]`;
  }
}

// ------------------------------------------------------------------ helpers

// Each count is its own one-loop function: V8 optimizes such a loop while it runs (on-stack
// replacement) without later deoptimizing on branches it has not seen yet, which matters for a
// single pass over a freshly read column.
function countZeros(v: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === 0) n++;
  return n;
}
function countNulls(d: readonly (string | null)[]): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i] === null) n++;
  return n;
}
function countNegative(d: Int32Array): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i]! < 0) n++;
  return n;
}
function countNaN(d: Float64Array | Float32Array): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i] !== d[i]) n++;
  return n;
}

/** Indices of truthy entries. */
export function maskToIndices(mask: ArrayLike<number | boolean>): Int32Array {
  const n = mask.length;
  let c = 0;
  for (let i = 0; i < n; i++) if (mask[i]) c++;
  const out = new Int32Array(c);
  let k = 0;
  for (let i = 0; i < n; i++) if (mask[i]) out[k++] = i;
  return out;
}

/** Linear-interpolated quantile of the sorted run `v[start, end)`. */
export function quantileSorted(v: ArrayLike<number>, start: number, end: number, q: number): number {
  const n = end - start;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const a = v[start + lo]!;
  const b = v[start + hi]!;
  return a + (b - a) * (pos - lo);
}

function normalizeValidity(v: Uint8Array | null): Uint8Array | null {
  if (v === null) return null;
  for (let i = 0; i < v.length; i++) if (v[i] === 0) return v;
  return null;
}

/** YYYY-MM-DD or YYYY-MM-DD HH:MM:SS(.mmm) in UTC, as pandas prints. */
export function formatDate(d: Date, dateOnly: boolean): string {
  const iso = d.toISOString();
  if (dateOnly) return iso.slice(0, 10);
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === '000' ? '' : `.${ms}`}`;
}

function fromBigInts(name: string, values: BigInt64Array): Column {
  // Read the two 32-bit halves instead of materializing BigInts.
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  const n = values.length;
  let fitsInt32 = true;
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    if (hi !== (lo < 0 ? -1 : 0)) {
      fitsInt32 = false;
      break;
    }
  }
  if (fitsInt32) {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = words[2 * i]!;
    return Column.int32(name, out);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
  return Column.float64(name, out);
}

type Kind = 'number' | 'string' | 'boolean' | 'Date' | 'bigint';
function kindOf(v: unknown): Kind | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'bigint') return 'bigint';
  if (v instanceof Date) return isNaN(v.getTime()) ? null : 'Date';
  return 'object' as Kind;
}

function fromValues(name: string, values: readonly unknown[], dtype?: DType): Column {
  const n = values.length;
  let kind: Kind | null = null;
  let firstRow = -1;
  let nulls = 0;
  let allInt = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const k = kindOf(v);
    if (k === null) {
      nulls++;
      continue;
    }
    if ((k as string) === 'object') {
      throw new ColumnTypeError(name, `Column '${name}' has an unsupported value at row ${i}: ${describeValue(v)}; columns hold numbers, strings, booleans or Dates.`);
    }
    if (kind === null) {
      kind = k;
      firstRow = i;
    } else if (k !== kind && !(kind === 'number' && k === 'bigint') && !(kind === 'bigint' && k === 'number')) {
      if (dtype === 'string') continue;
      throw new ColumnTypeError(
        name,
        `Column '${name}' mixes types: row ${firstRow} is ${describeValue(values[firstRow])} but row ${i} is ${describeValue(v)}. ` +
          `Make the column one type (e.g. convert with String() or Number()), or pass dtype 'string'.`,
      );
    }
    if (allInt && (k === 'number' || k === 'bigint')) {
      const x = Number(v);
      if (!Number.isInteger(x) || x > 2147483647 || x < -2147483648) allInt = false;
    }
  }
  if (dtype === 'string') return Column.string(name, values.map((v) => (kindOf(v) === null ? null : v instanceof Date ? v.toISOString() : String(v))));
  switch (kind) {
    case null:
      return Column.nulls(name, n, dtype ?? 'float64');
    case 'number':
    case 'bigint': {
      if (allInt && nulls === 0) {
        const out = new Int32Array(n);
        for (let i = 0; i < n; i++) out[i] = Number(values[i]);
        return Column.int32(name, out);
      }
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === null || v === undefined ? NaN : Number(v);
      }
      return Column.float64(name, out);
    }
    case 'string': {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === undefined ? null : (v as string | null);
      }
      return Column.string(name, out);
    }
    case 'boolean': {
      const out = new Uint8Array(n);
      const valid = nulls ? new Uint8Array(n) : null;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === true) out[i] = 1;
        if (valid && v !== null && v !== undefined) valid[i] = 1;
      }
      return Column.bool(name, out, valid);
    }
    case 'Date': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v instanceof Date ? v.getTime() : NaN;
      }
      return Column.temporal(name, out, 'datetime');
    }
  }
}

function toCategory(col: Column): Column {
  const n = col.length;
  if (col.dtype !== 'string') {
    return toCategory(col.cast('string'));
  }
  const d = col.data as (string | null)[];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = d[i];
    if (s !== null && s !== undefined && !seen.has(s)) seen.set(s, seen.size);
  }
  // Categories sorted, like pandas' astype('category').
  const cats = [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(cats.map((c, i) => [c, i]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = d[i];
    codes[i] = s === null || s === undefined ? -1 : index.get(s)!;
  }
  return Column.category(col.name, codes, cats);
}

function parseStrings(col: Column, dtype: DType): Column {
  const n = col.length;
  const name = col.name;
  const fail = (i: number, s: string): never => {
    throw new ColumnTypeError(name, `Column '${name}': cannot convert '${s}' at row ${i} to ${dtype}; fix or drop that value (or fill it with null) first.`);
  };
  if (dtype === 'bool') {
    const out = new Uint8Array(n);
    const valid = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = col.getUnchecked(i) as string | null;
      if (s === null) continue;
      const t = s.trim().toLowerCase();
      if (t === 'true' || t === '1') out[i] = 1;
      else if (t !== 'false' && t !== '0') fail(i, s);
      valid[i] = 1;
    }
    return Column.bool(name, out, valid);
  }
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = col.getUnchecked(i) as string | null;
    if (s === null || s.trim() === '') {
      f[i] = NaN;
      continue;
    }
    if (isTemporalDType(dtype)) {
      const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? `${s.trim()}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.trim().replace(' ', 'T')}Z`);
      if (Number.isNaN(t)) fail(i, s);
      f[i] = dtype === 'date' ? Math.floor(t / 86400000) * 86400000 : t;
    } else {
      const v = Number(s);
      if (Number.isNaN(v) && s.trim().toLowerCase() !== 'nan') fail(i, s);
      f[i] = v;
    }
  }
  if (isTemporalDType(dtype)) return Column.temporal(name, f, dtype);
  return Column.float64(name, f).cast(dtype);
}
