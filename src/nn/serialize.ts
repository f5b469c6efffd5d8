/**
 * Tensors as JSON-safe records: dtype, shape and the little-endian bytes of the data in base64
 * (exact, and about a third the size of decimal text). Browser-safe: no Buffer.
 */
import { Tensor, type FloatDType } from './tensor.js';

/** One tensor in a saved model. */
export interface EncodedTensor {
  dtype: FloatDType;
  shape: number[];
  data: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Standard base64 (with padding) of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const b0 = bytes[i]!;
      const b1 = i + 1 < end ? bytes[i + 1]! : 0;
      const b2 = i + 2 < end ? bytes[i + 2]! : 0;
      s += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]!;
      s += i + 1 < end ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)]! : '=';
      s += i + 2 < end ? ALPHABET[b2 & 63]! : '=';
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Bytes of a standard base64 string; throws on characters outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : -1;
    if (v < 0) throw new SyntaxError(`fromBase64: character '${clean[i]}' at position ${i} is not base64.`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

function swapBytes(bytes: Uint8Array, width: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < out.length; i += width) out.subarray(i, i + width).reverse();
  return out;
}

/** A tensor's values as a JSON-safe record (exact). */
export function encodeTensor(t: Tensor): EncodedTensor {
  let bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  if (!littleEndian) bytes = swapBytes(bytes, t.data.BYTES_PER_ELEMENT);
  return { dtype: t.dtype, shape: t.shape.slice(), data: toBase64(bytes) };
}

/** The tensor an `encodeTensor` record describes. */
export function decodeTensor(e: EncodedTensor): Tensor {
  if (e.dtype !== 'float32' && e.dtype !== 'float64') throw new TypeError(`decodeTensor: dtype must be float32 or float64 (got ${String(e.dtype)}).`);
  const width = e.dtype === 'float64' ? 8 : 4;
  let bytes = fromBase64(e.data);
  if (!littleEndian) bytes = swapBytes(bytes, width);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const data = e.dtype === 'float64' ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
  return Tensor.fromData(data, e.shape);
}
