/**
 * Element types of an NdArray and the rules for combining them, following NumPy's
 * promotion table restricted to the five types Strata stores.
 */

export type DType = 'float64' | 'float32' | 'int32' | 'uint8' | 'bool';

export const DTYPES: readonly DType[] = ['bool', 'uint8', 'int32', 'float32', 'float64'];

export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export interface DTypeToArray {
  float64: Float64Array;
  float32: Float32Array;
  int32: Int32Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

type TypedArrayConstructor = { new (n: number): TypedArray; new (buf: ArrayLike<number>): TypedArray };

const CONSTRUCTORS: Record<DType, TypedArrayConstructor> = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

/** Allocates zeroed storage for `n` elements of `dtype`. */
export function allocate<D extends DType>(dtype: D, n: number): DTypeToArray[D] {
  return new CONSTRUCTORS[dtype](n) as DTypeToArray[D];
}

/** The dtype that stores a typed array of this class. */
export function dtypeOfTypedArray(data: TypedArray): DType {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  return 'uint8';
}

export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && (DTYPES as readonly string[]).includes(value);
}

export function assertDType(value: unknown): DType {
  if (!isDType(value)) {
    throw new TypeError(`Unknown dtype ${JSON.stringify(value)}; use one of ${DTYPES.join(', ')}.`);
  }
  return value;
}

export function isFloat(dtype: DType): boolean {
  return dtype === 'float64' || dtype === 'float32';
}

const RANK: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, float32: 3, float64: 4 };

/**
 * The dtype of a binary operation's result (NumPy's `result_type` for these types):
 * the wider type wins, except that int32 with float32 needs float64 to hold every int32 exactly.
 */
export function promoteTypes(a: DType, b: DType): DType {
  if ((a === 'int32' && b === 'float32') || (a === 'float32' && b === 'int32')) return 'float64';
  return RANK[a] >= RANK[b] ? a : b;
}

/** Result dtype for true division and transcendental functions: integers and booleans become float64. */
export function floatResultType(dtype: DType): 'float64' | 'float32' {
  return dtype === 'float32' ? 'float32' : 'float64';
}

/** Converts one number to what storing it in `dtype` gives (truncation toward zero, wrap-around, bool). */
export function castScalar(value: number, dtype: DType): number {
  switch (dtype) {
    case 'float64':
      return value;
    case 'float32':
      return Math.fround(value);
    case 'int32':
      return value | 0;
    case 'uint8':
      return value & 0xff;
    case 'bool':
      return value !== 0 && !Number.isNaN(value) ? 1 : 0;
  }
}
