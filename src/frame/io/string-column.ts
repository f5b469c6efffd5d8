/**
 * Builds a frame string column (`(string | null)[]`) from UTF-8 bytes, row by row: each distinct
 * value is decoded to a JS string once and its rows share it (as pandas' reader shares repeated
 * strings), so a million-row column of a few labels costs one pointer per row rather than a
 * string object per row. Values listed in `nullText` become null.
 *
 * Distinct values are found by hashing their bytes into an open-addressing table whose entries
 * keep their bytes in one pool. Once most values turn out distinct (identifiers, free text),
 * sharing saves nothing, so the remaining values' bytes are collected and decoded together at the
 * end instead.
 */
import { Column } from '../column.js';

const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });

export class StringColumnWriter {
  private readonly out: (string | null)[];
  private readonly decoder: typeof lenient;
  private seen = 0;
  /** Slot → entry + 1 (0 = empty); the capacity is a power of two, at most half full. */
  private slots = new Int32Array(1024);
  private entryHash = new Int32Array(512);
  private entryStart = new Int32Array(513);
  private pool = new Uint8Array(4096);
  private readonly values: (string | null)[] = [];
  /** Values collected as bytes once interning stopped paying: row numbers, byte ends, bytes. */
  private bulk: { rows: Int32Array; ends: Int32Array; count: number; bytes: Uint8Array; used: number } | null = null;

  /**
   * `length` rows, all null until set; with `fatal`, bytes that are not UTF-8 throw a TypeError
   * (else they decode to U+FFFD).
   */
  constructor(
    length: number,
    private readonly nullText: ReadonlySet<string> | undefined,
    fatal = false,
  ) {
    this.out = new Array<string | null>(length).fill(null);
    this.decoder = fatal ? strict : lenient;
  }

  /** Row `row` holds the text of bytes[at, at + len). */
  set(row: number, bytes: Uint8Array, at: number, len: number): void {
    if (this.bulk) {
      this.collect(row, bytes, at, len);
      return;
    }
    this.out[row] = this.intern(bytes, at, len);
    if ((++this.seen & 2047) === 0 && this.seen >= 8192 && 2 * this.values.length > this.seen) {
      const rest = this.out.length - this.seen;
      this.bulk = { rows: new Int32Array(rest), ends: new Int32Array(rest), count: 0, bytes: new Uint8Array(Math.max(4096, rest * 8)), used: 0 };
    }
  }

  private intern(bytes: Uint8Array, at: number, len: number): string | null {
    let h = len | 0;
    for (let j = 0; j < len; j++) h = Math.imul(h ^ bytes[at + j]!, 0x01000193);
    h ^= h >>> 15;
    const slots = this.slots;
    const wrap = slots.length - 1;
    for (let s = h & wrap; ; s = (s + 1) & wrap) {
      const e = slots[s]! - 1;
      if (e < 0) return this.add(bytes, at, len, h, s);
      if (this.entryHash[e] !== h) continue;
      const from = this.entryStart[e]!;
      if (this.entryStart[e + 1]! - from !== len) continue;
      let same = true;
      for (let j = 0; j < len && same; j++) same = this.pool[from + j] === bytes[at + j];
      if (same) return this.values[e]!;
    }
  }

  private add(bytes: Uint8Array, at: number, len: number, h: number, slot: number): string | null {
    const e = this.values.length;
    if (e + 1 >= this.entryHash.length) {
      this.entryHash = grow(this.entryHash, this.entryHash.length * 2);
      this.entryStart = grow(this.entryStart, this.entryStart.length * 2);
    }
    const from = this.entryStart[e]!;
    if (from + len > this.pool.length) this.pool = grow(this.pool, Math.max(this.pool.length * 2, from + len));
    this.pool.set(bytes.subarray(at, at + len), from);
    this.entryStart[e + 1] = from + len;
    this.entryHash[e] = h;
    const value = this.checked(this.decoder.decode(bytes.subarray(at, at + len)));
    this.values.push(value);
    this.slots[slot] = e + 1;
    if (2 * (e + 1) > this.slots.length) this.rehash();
    return value;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const wrap = slots.length - 1;
    for (let e = 0; e < this.values.length; e++) {
      let s = this.entryHash[e]! & wrap;
      while (slots[s] !== 0) s = (s + 1) & wrap;
      slots[s] = e + 1;
    }
    this.slots = slots;
  }

  private collect(row: number, bytes: Uint8Array, at: number, len: number): void {
    const b = this.bulk!;
    if (b.used + len > b.bytes.length) b.bytes = grow(b.bytes, Math.max(b.bytes.length * 2, b.used + len));
    const d = b.bytes;
    let u = b.used;
    for (let j = 0; j < len; j++) d[u++] = bytes[at + j]!;
    b.used = u;
    b.rows[b.count] = row;
    b.ends[b.count++] = u;
  }

  private checked(text: string): string | null {
    return this.nullText?.has(text) ? null : text;
  }

  /** The column, of the first `rows` rows (default: all). */
  finish(name: string, rows = this.out.length): Column {
    const b = this.bulk;
    if (b) {
      let ascii = true;
      for (let j = 0; j < b.used && ascii; j++) ascii = b.bytes[j]! < 0x80;
      // ASCII: one decode of all the bytes, then slices (byte offsets are character offsets).
      const all = ascii ? lenient.decode(b.bytes.subarray(0, b.used)) : '';
      for (let r = 0, from = 0; r < b.count; r++) {
        const to = b.ends[r]!;
        this.out[b.rows[r]!] = this.checked(ascii ? all.slice(from, to) : this.decoder.decode(b.bytes.subarray(from, to)));
        from = to;
      }
    }
    if (rows < this.out.length) this.out.length = rows;
    return Column.string(name, this.out);
  }
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}
