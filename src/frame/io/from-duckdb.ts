/**
 * DuckDB results to Apache Arrow tables or DataFrames, copying each chunk's vector memory
 * straight into preallocated buffers (no per-value JavaScript objects on the numeric, date and
 * short string paths; a frame's string columns hold one JS string per distinct value).
 *
 * Type mapping: DOUBLE/FLOAT → Float64/Float32; INTEGER/SMALLINT/TINYINT and unsigned → the
 * same-width Arrow integer; BIGINT/HUGEINT/UBIGINT → Int32 when every value fits, else Float64
 * (exact up to 2^53); DECIMAL → Float64; BOOLEAN → Bool; VARCHAR → Utf8; ENUM → Dictionary;
 * DATE → DateDay; TIMESTAMP[_S|_MS|_NS|TZ] → Timestamp of the same unit; anything else (TIME,
 * INTERVAL, UUID, LIST, STRUCT, …) → Utf8 holding DuckDB's text form.
 */
import duckdb from '@duckdb/node-bindings';
import { DuckDBVector, DuckDBTypeId, type DuckDBDataChunk, type DuckDBType, type DuckDBEnumType, type DuckDBDecimalType } from '@duckdb/node-api';
import {
  type Data,
  type DataType,
  Bool,
  DateDay,
  Dictionary,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  Null,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { columnFromArrow } from '../arrow.js';
import { Column } from '../column.js';
import { DataFrame } from '../dataframe.js';
import { StringColumnWriter } from './string-column.js';

/** One result column: its name and DuckDB type. */
export interface ResultColumn {
  name: string;
  type: DuckDBType;
}

type RawVector = ReturnType<typeof duckdb.data_chunk_get_vector>;

/** Accumulates one column across chunks into preallocated storage. */
interface ColumnBuilder {
  /** Copies rows [start, start + n) of `vector` to rows [offset, offset + n) of the output. */
  append(vector: RawVector, start: number, n: number, offset: number): void;
  finish(): Data;
}

/** Validity as an Arrow bitmap (bit i set = row i present), allocated on the first null. */
class Validity {
  bitmap: Uint8Array | undefined;
  nulls = 0;
  constructor(private readonly length: number) {}

  /** Reads the DuckDB validity mask of `vector` (null when every row is valid). */
  append(vector: RawVector, start: number, n: number, offset: number, onNull?: (row: number) => void): void {
    const mask = duckdb.vector_get_validity(vector, Math.ceil((start + n) / 64) * 8);
    if (!mask) {
      if (this.bitmap) setBits(this.bitmap, offset, n);
      return;
    }
    if (!this.bitmap) {
      this.bitmap = new Uint8Array(Math.ceil(this.length / 8));
      setBits(this.bitmap, 0, offset);
    }
    const bm = this.bitmap;
    for (let i = 0; i < n; i++) {
      const k = start + i;
      if ((mask[k >> 3]! >> (k & 7)) & 1) {
        const r = offset + i;
        bm[r >> 3]! |= 1 << (r & 7);
      } else {
        this.nulls++;
        onNull?.(offset + i);
      }
    }
  }

  props(): { nullCount: number; nullBitmap?: Uint8Array } {
    return this.nulls > 0 && this.bitmap ? { nullCount: this.nulls, nullBitmap: this.bitmap } : { nullCount: 0 };
  }
}

function setBits(bitmap: Uint8Array, start: number, count: number): void {
  let i = start;
  const end = start + count;
  while (i < end && i & 7) {
    bitmap[i >> 3]! |= 1 << (i & 7);
    i++;
  }
  const fullEnd = end & ~7;
  if (fullEnd > i) {
    bitmap.fill(0xff, i >> 3, fullEnd >> 3);
    i = fullEnd;
  }
  while (i < end) {
    bitmap[i >> 3]! |= 1 << (i & 7);
    i++;
  }
}

type TypedArrayCtor =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Int8ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor
  | BigInt64ArrayConstructor;

/** A fixed-width column copied byte for byte (floats, small integers, dates, timestamps). */
class FixedBuilder implements ColumnBuilder {
  private readonly out: Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | BigInt64Array;
  private readonly bytes: Uint8Array;
  private readonly validity: Validity;
  /** `storage`, when given, is where the values go (a slice of a block shared with other columns). */
  constructor(
    private readonly type: DataType,
    Ctor: TypedArrayCtor,
    length: number,
    storage?: Float64Array,
  ) {
    this.out = storage ?? new Ctor(length);
    this.bytes = new Uint8Array(this.out.buffer, this.out.byteOffset, this.out.byteLength);
    this.validity = new Validity(length);
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const bpe = this.out.BYTES_PER_ELEMENT;
    const data = duckdb.vector_get_data(vector, (start + n) * bpe);
    this.bytes.set(data.subarray(start * bpe, (start + n) * bpe), offset * bpe);
    const out = this.out;
    const blank = out instanceof Float64Array || out instanceof Float32Array ? NaN : out instanceof BigInt64Array ? 0n : 0;
    this.validity.append(vector, start, n, offset, (r) => ((out as unknown as (number | bigint)[])[r] = blank));
  }
  finish(): Data {
    return makeData({ type: this.type, length: this.out.length, data: this.out, ...this.validity.props() } as never);
  }
}

/**
 * A 64-bit integer column: kept as raw int64 while reading, then narrowed to Int32 when every
 * value fits, otherwise widened to Float64.
 */
class Int64Builder implements ColumnBuilder {
  private readonly raw: Int32Array; // little-endian (lo, hi) pairs
  private readonly bytes: Uint8Array;
  private readonly validity: Validity;
  constructor(private readonly length: number) {
    this.raw = new Int32Array(length * 2);
    this.bytes = new Uint8Array(this.raw.buffer);
    this.validity = new Validity(length);
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const data = duckdb.vector_get_data(vector, (start + n) * 8);
    this.bytes.set(data.subarray(start * 8, (start + n) * 8), offset * 8);
    this.validity.append(vector, start, n, offset, (r) => {
      this.raw[2 * r] = 0;
      this.raw[2 * r + 1] = 0;
    });
  }
  finish(): Data {
    const raw = this.raw;
    const n = this.length;
    let fits = true;
    for (let i = 0; i < n; i++) {
      if (raw[2 * i + 1] !== raw[2 * i]! >> 31) {
        fits = false;
        break;
      }
    }
    const validity = this.validity.props();
    if (fits) {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = raw[2 * i]!;
      return makeData({ type: new Int32(), length: n, data: out, ...validity });
    }
    const out = new Float64Array(n);
    const bm = validity.nullBitmap;
    for (let i = 0; i < n; i++) {
      out[i] = bm && !((bm[i >> 3]! >> (i & 7)) & 1) ? NaN : raw[2 * i + 1]! * 4294967296 + (raw[2 * i]! >>> 0);
    }
    return makeData({ type: new Float64(), length: n, data: out, ...validity });
  }
}

/** BOOLEAN (one byte per value in DuckDB) to an Arrow bit-packed Bool column. */
class BoolBuilder implements ColumnBuilder {
  private readonly bits: Uint8Array;
  private readonly validity: Validity;
  constructor(private readonly length: number) {
    this.bits = new Uint8Array(Math.ceil(length / 8));
    this.validity = new Validity(length);
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const data = duckdb.vector_get_data(vector, start + n);
    for (let i = 0; i < n; i++) {
      if (data[start + i]) {
        const r = offset + i;
        this.bits[r >> 3]! |= 1 << (r & 7);
      }
    }
    this.validity.append(vector, start, n, offset, (r) => (this.bits[r >> 3]! &= ~(1 << (r & 7))));
  }
  finish(): Data {
    return makeData({ type: new Bool(), length: this.length, data: this.bits, ...this.validity.props() });
  }
}

/**
 * VARCHAR to Arrow Utf8. DuckDB strings are 16-byte records: a u32 length, then either the
 * bytes inline (length ≤ 12) or a 4-byte prefix and a pointer; the bytes are copied as they are.
 */
class Utf8Builder implements ColumnBuilder {
  private readonly offsets: Int32Array;
  private data: Uint8Array;
  private used = 0;
  private readonly validity: Validity;
  constructor(private readonly length: number) {
    this.offsets = new Int32Array(length + 1);
    this.data = new Uint8Array(Math.max(64, length * 8));
    this.validity = new Validity(length);
  }
  private reserve(extra: number): void {
    if (this.used + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.used + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.used));
    this.data = next;
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const recs = duckdb.vector_get_data(vector, (start + n) * 16);
    const view = new DataView(recs.buffer, recs.byteOffset, (start + n) * 16);
    const mask = duckdb.vector_get_validity(vector, Math.ceil((start + n) / 64) * 8);
    for (let i = 0; i < n; i++) {
      const r = offset + i;
      const k = start + i;
      if (mask && !((mask[k >> 3]! >> (k & 7)) & 1)) {
        this.offsets[r + 1] = this.used;
        continue;
      }
      const base = k * 16;
      const len = view.getUint32(base, true);
      this.reserve(len);
      if (len <= 12) {
        const d = this.data;
        let u = this.used;
        const from = base + 4;
        for (let k = 0; k < len; k++) d[u++] = recs[from + k]!;
        this.used = u;
      } else {
        const bytes = duckdb.get_data_from_pointer(recs.buffer as ArrayBuffer, recs.byteOffset + base + 8, len);
        this.data.set(bytes, this.used);
        this.used += len;
      }
      this.offsets[r + 1] = this.used;
    }
    this.validity.append(vector, start, n, offset);
  }
  finish(): Data {
    return makeData({
      type: new Utf8(),
      length: this.length,
      valueOffsets: this.offsets,
      data: this.data.subarray(0, this.used),
      ...this.validity.props(),
    });
  }
}

/**
 * VARCHAR straight to a frame string column, skipping Arrow (see StringColumnWriter: one JS
 * string per distinct value). The bytes are read from DuckDB's 16-byte string records: a u32
 * length, then the bytes inline when 12 or fewer, else a 4-byte prefix and a pointer.
 */
class StringColumnBuilder {
  private readonly writer: StringColumnWriter;
  constructor(length: number, nullText: ReadonlySet<string> | undefined) {
    this.writer = new StringColumnWriter(length, nullText);
  }

  append(vector: RawVector, start: number, n: number, offset: number): void {
    const recs = duckdb.vector_get_data(vector, (start + n) * 16);
    const view = new DataView(recs.buffer, recs.byteOffset, (start + n) * 16);
    const mask = duckdb.vector_get_validity(vector, Math.ceil((start + n) / 64) * 8);
    for (let i = 0; i < n; i++) {
      const k = start + i;
      if (mask && !((mask[k >> 3]! >> (k & 7)) & 1)) continue; // rows start as null
      const base = k * 16;
      const len = view.getUint32(base, true);
      if (len <= 12) this.writer.set(offset + i, recs, base + 4, len);
      else this.writer.set(offset + i, duckdb.get_data_from_pointer(recs.buffer as ArrayBuffer, recs.byteOffset + base + 8, len), 0, len);
    }
  }

  finish(name: string): Column {
    return this.writer.finish(name);
  }
}

/** ENUM to an Arrow Dictionary<Utf8, Int32> with the enum's members as the dictionary. */
class EnumBuilder implements ColumnBuilder {
  private readonly indices: Int32Array;
  private readonly validity: Validity;
  private readonly Src: Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;
  constructor(
    private readonly type: DuckDBEnumType,
    private readonly length: number,
  ) {
    this.indices = new Int32Array(length);
    this.validity = new Validity(length);
    this.Src = type.internalTypeId === DuckDBTypeId.UTINYINT ? Uint8Array : type.internalTypeId === DuckDBTypeId.USMALLINT ? Uint16Array : Uint32Array;
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const bpe = this.Src.BYTES_PER_ELEMENT;
    const data = duckdb.vector_get_data(vector, (start + n) * bpe);
    const copy = new this.Src(n);
    new Uint8Array(copy.buffer).set(data.subarray(start * bpe, (start + n) * bpe));
    this.indices.set(copy, offset);
    this.validity.append(vector, start, n, offset, (r) => (this.indices[r] = 0));
  }
  finish(): Data {
    const dictionary = vectorFromArray([...this.type.values], new Utf8()) as Vector<Utf8>;
    return makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      length: this.length,
      data: this.indices,
      dictionary,
      ...this.validity.props(),
    });
  }
}

/** DECIMAL (scaled integers of 16, 32, 64 or 128 bits) to Float64. */
class DecimalBuilder implements ColumnBuilder {
  private readonly out: Float64Array;
  private readonly validity: Validity;
  private readonly scale: number;
  private readonly width: number;
  constructor(
    type: DuckDBDecimalType,
    private readonly length: number,
  ) {
    this.out = new Float64Array(length);
    this.validity = new Validity(length);
    this.scale = 10 ** type.scale;
    this.width = type.width;
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const bytesPer = this.width <= 4 ? 2 : this.width <= 9 ? 4 : this.width <= 18 ? 8 : 16;
    const data = duckdb.vector_get_data(vector, (start + n) * bytesPer);
    const view = new DataView(data.buffer, data.byteOffset, (start + n) * bytesPer);
    for (let i = 0; i < n; i++) {
      const at = (start + i) * bytesPer;
      let v: number;
      if (bytesPer === 2) v = view.getInt16(at, true);
      else if (bytesPer === 4) v = view.getInt32(at, true);
      else if (bytesPer === 8) v = view.getInt32(at + 4, true) * 4294967296 + view.getUint32(at, true);
      else v = Number((view.getBigInt64(at + 8, true) << 64n) + view.getBigUint64(at, true));
      this.out[offset + i] = v / this.scale;
    }
    this.validity.append(vector, start, n, offset, (r) => (this.out[r] = NaN));
  }
  finish(): Data {
    return makeData({ type: new Float64(), length: this.length, data: this.out, ...this.validity.props() });
  }
}

/** Any other type, through the DuckDB value objects: numbers stay numbers, the rest become text. */
class GenericBuilder implements ColumnBuilder {
  private readonly values: (string | null)[];
  private readonly numbers: (number | null)[] | undefined;
  constructor(
    private readonly type: DuckDBType,
    private readonly length: number,
    numeric: boolean,
  ) {
    this.values = numeric ? [] : new Array<string | null>(length).fill(null);
    this.numbers = numeric ? new Array<number | null>(length).fill(null) : undefined;
  }
  append(vector: RawVector, start: number, n: number, offset: number): void {
    const v = DuckDBVector.create(vector, start + n, this.type);
    for (let i = 0; i < n; i++) {
      const item = v.getItem(start + i);
      if (this.numbers) this.numbers[offset + i] = item === null ? null : Number(item as bigint);
      else this.values[offset + i] = item === null ? null : String(item);
    }
  }
  finish(): Data {
    if (this.numbers) {
      const out = new Float64Array(this.length);
      const bitmap = new Uint8Array(Math.ceil(this.length / 8));
      let nulls = 0;
      this.numbers.forEach((x, i) => {
        if (x === null) {
          out[i] = NaN;
          nulls++;
        } else {
          out[i] = x;
          bitmap[i >> 3]! |= 1 << (i & 7);
        }
      });
      return makeData({ type: new Float64(), length: this.length, data: out, nullCount: nulls, ...(nulls ? { nullBitmap: bitmap } : {}) });
    }
    return vectorFromArray(this.values, new Utf8()).data[0]!;
  }
}

class NullBuilder implements ColumnBuilder {
  constructor(private readonly length: number) {}
  append(): void {}
  finish(): Data {
    return makeData({ type: new Null(), length: this.length });
  }
}

function builderFor(type: DuckDBType, length: number, block?: Float64Array): ColumnBuilder {
  switch (type.typeId) {
    case DuckDBTypeId.DOUBLE:
      return new FixedBuilder(new Float64(), Float64Array, length, block);
    case DuckDBTypeId.FLOAT:
      return new FixedBuilder(new Float32(), Float32Array, length);
    case DuckDBTypeId.INTEGER:
      return new FixedBuilder(new Int32(), Int32Array, length);
    case DuckDBTypeId.SMALLINT:
      return new FixedBuilder(new Int16(), Int16Array, length);
    case DuckDBTypeId.TINYINT:
      return new FixedBuilder(new Int8(), Int8Array, length);
    case DuckDBTypeId.UINTEGER:
      return new FixedBuilder(new Uint32(), Uint32Array, length);
    case DuckDBTypeId.USMALLINT:
      return new FixedBuilder(new Uint16(), Uint16Array, length);
    case DuckDBTypeId.UTINYINT:
      return new FixedBuilder(new Uint8(), Uint8Array, length);
    case DuckDBTypeId.BIGINT:
      return new Int64Builder(length);
    case DuckDBTypeId.DATE:
      return new FixedBuilder(new DateDay(), Int32Array, length);
    case DuckDBTypeId.TIMESTAMP:
      return new FixedBuilder(new TimestampMicrosecond(), BigInt64Array, length);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new FixedBuilder(new TimestampMicrosecond('UTC'), BigInt64Array, length);
    case DuckDBTypeId.TIMESTAMP_MS:
      return new FixedBuilder(new TimestampMillisecond(), BigInt64Array, length);
    case DuckDBTypeId.TIMESTAMP_S:
      return new FixedBuilder(new TimestampSecond(), BigInt64Array, length);
    case DuckDBTypeId.TIMESTAMP_NS:
      return new FixedBuilder(new TimestampNanosecond(), BigInt64Array, length);
    case DuckDBTypeId.BOOLEAN:
      return new BoolBuilder(length);
    case DuckDBTypeId.VARCHAR:
      return new Utf8Builder(length);
    case DuckDBTypeId.ENUM:
      return new EnumBuilder(type as DuckDBEnumType, length);
    case DuckDBTypeId.DECIMAL:
      return new DecimalBuilder(type as DuckDBDecimalType, length);
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.UBIGINT:
      return new GenericBuilder(type, length, true);
    case DuckDBTypeId.SQLNULL:
      return new NullBuilder(length);
    default:
      return new GenericBuilder(type, length, false);
  }
}

/** Rows [start, start + rows) of one result chunk. */
export interface ChunkSpan {
  chunk: DuckDBDataChunk;
  start: number;
  rows: number;
}

/** The whole of each chunk, as spans. */
export function wholeChunks(chunks: readonly DuckDBDataChunk[]): ChunkSpan[] {
  return chunks.map((chunk) => ({ chunk, start: 0, rows: chunk.rowCount }));
}

/**
 * Copies `spans` (in order) of a result with `columns` into one Arrow table whose columns are
 * contiguous (one record batch). Duplicate column names get a `_1`, `_2`, … suffix.
 *
 * The DOUBLE columns share one buffer, back to back in result order (like a pandas block), so
 * `DataFrame.toMatrix(columns, { order: 'F' })` over a run of them is a view, not a copy.
 *
 * @example
 * const result = await con.run('select 1.5 as x');
 * const table = chunksToArrow(columns, wholeChunks([result.getChunk(0)]));
 */
export function chunksToArrow(columns: readonly ResultColumn[], spans: readonly ChunkSpan[]): Table {
  const names = uniqueNames(columns.map((c) => c.name));
  const vectors: Record<string, Vector> = {};
  copySpans(columns, spans).forEach((b, j) => (vectors[names[j]!] = makeVector((b as ColumnBuilder).finish())));
  return new Table(vectors);
}

/** How `chunksToFrame` reads a result. */
export interface FrameReadOptions {
  /** Text values (of VARCHAR columns) that stand for a missing value. */
  nullText?: ReadonlySet<string>;
}

/**
 * Copies `spans` of a result into a DataFrame: as `chunksToArrow` (one shared block for the
 * DOUBLE columns, numeric buffers kept as they are), except that VARCHAR columns become string
 * columns directly, each distinct value decoded once (see StringColumnBuilder).
 *
 * @example
 * const df = chunksToFrame(resultColumns(result), spans, { nullText: new Set(['NA']) });
 */
export function chunksToFrame(columns: readonly ResultColumn[], spans: readonly ChunkSpan[], options: FrameReadOptions = {}): DataFrame {
  const names = uniqueNames(columns.map((c) => c.name));
  const builders = copySpans(columns, spans, (length) => new StringColumnBuilder(length, options.nullText));
  const cols = builders.map((b, j) => (b instanceof StringColumnBuilder ? b.finish(names[j]!) : columnFromArrow(names[j]!, makeVector(b.finish()))));
  return new DataFrame(cols, spans.reduce((n, s) => n + s.rows, 0));
}

/**
 * One builder per column, with every span appended in order; the DOUBLE columns write into one
 * shared block. VARCHAR columns use `strings` when given.
 */
function copySpans(
  columns: readonly ResultColumn[],
  spans: readonly ChunkSpan[],
  strings?: (length: number) => StringColumnBuilder,
): (ColumnBuilder | StringColumnBuilder)[] {
  let total = 0;
  for (const s of spans) total += s.rows;
  const doubles = columns.filter((c) => c.type.typeId === DuckDBTypeId.DOUBLE).length;
  const block = doubles > 1 ? new Float64Array(doubles * total) : undefined;
  let nextSlot = 0;
  const builders = columns.map((c) =>
    strings && c.type.typeId === DuckDBTypeId.VARCHAR
      ? strings(total)
      : builderFor(c.type, total, block && c.type.typeId === DuckDBTypeId.DOUBLE ? block.subarray(nextSlot * total, ++nextSlot * total) : undefined),
  );
  let offset = 0;
  for (const { chunk, start, rows } of spans) {
    if (rows === 0) continue;
    for (let j = 0; j < builders.length; j++) builders[j]!.append(duckdb.data_chunk_get_vector(chunk.chunk, j), start, rows, offset);
    offset += rows;
  }
  return builders;
}

/** Result column names made unique (`a`, `a_1`, …), as pandas does for duplicate headers. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let k = 1; seen.has(candidate); k++) candidate = `${name}_${k}`;
    seen.add(candidate);
    return candidate;
  });
}
