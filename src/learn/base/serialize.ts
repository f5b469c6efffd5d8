/**
 * Exact JSON encoding of fitted state: NdArrays and typed arrays keep dtype and shape, and
 * NaN/±Infinity (which JSON lacks) are tagged, so `fromJSON(toJSON(m))` restores every bit.
 * JS numbers written by JSON.stringify round-trip exactly (shortest representation).
 */
import { NdArray, type DType, fromTyped } from '../../tensor/index.js';
import type { TypedArray } from '../../tensor/index.js';

export type Encoded =
  | null
  | boolean
  | number
  | string
  | Encoded[]
  | { [key: string]: Encoded };

const TAG = '$strata';

function encodeNumber(v: number): Encoded {
  if (Number.isFinite(v)) return Object.is(v, -0) ? { [TAG]: 'number', value: '-0' } : v;
  return { [TAG]: 'number', value: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
}

function encodeNumbers(values: ArrayLike<number>): Encoded[] {
  const out: Encoded[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = encodeNumber(values[i]!);
  return out;
}

/** Turns state (numbers, strings, arrays, plain objects, NdArrays, typed arrays) into JSON-safe data. */
export function encode(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return encodeNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof NdArray) {
    return { [TAG]: 'ndarray', dtype: value.dtype, shape: [...value.shape], data: encodeNumbers(value.toTypedArray()) };
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as TypedArray;
    return { [TAG]: 'typed', kind: typed.constructor.name, data: encodeNumbers(typed) };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object') {
    const out: { [key: string]: Encoded } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  throw new TypeError(`Cannot serialize a value of type ${typeof value} in model state.`);
}

const TYPED: Record<string, new (values: number[]) => TypedArray> = {
  Float64Array, Float32Array, Int32Array, Uint8Array,
};

function decodeNumber(v: Encoded): number {
  if (typeof v === 'number') return v;
  const tagged = v as { value: string };
  return tagged.value === '-0' ? -0 : Number(tagged.value);
}

/** The inverse of `encode`. */
export function decode(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const tag = value[TAG];
  if (tag === 'number') return decodeNumber(value);
  if (tag === 'ndarray') {
    const dtype = value.dtype as DType;
    const numbers = (value.data as Encoded[]).map(decodeNumber);
    const data = dtype === 'float64' ? Float64Array.from(numbers) : dtype === 'float32' ? Float32Array.from(numbers) : dtype === 'int32' ? Int32Array.from(numbers) : Uint8Array.from(numbers);
    return fromTyped(data, value.shape as number[], dtype);
  }
  if (tag === 'typed') {
    const Ctor = TYPED[value.kind as string];
    if (!Ctor) throw new TypeError(`Unknown typed array kind ${String(value.kind)} in model JSON.`);
    return new Ctor((value.data as Encoded[]).map(decodeNumber));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decode(v);
  return out;
}
