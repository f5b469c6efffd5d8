/**
 * +, −, ×, ÷ over runs of float64 or float32 elements, for the common case where both operands
 * already have the result's dtype.
 *
 * V8 keeps type feedback per function literal, so one loop shared by every dtype becomes
 * polymorphic (about half the speed) as soon as a program touches two kinds of typed array; each
 * op and dtype therefore gets its own literal here. V8 also re-checks a typed array's map, length
 * and buffer on every access it cannot prove redundant, so the loops are unrolled by eight, which
 * lets those checks be shared. The output run is contiguous (a fresh C-order array); the operands
 * may have any stride, 0 (a broadcast scalar or row) included.
 */

/** o[k + c] = a[i + c·is] ∘ b[j + c·js] for c < n. */
export type ArithmeticKernel<A> = (o: A, a: A, b: A, k: number, i: number, j: number, n: number, is: number, js: number) => void;

function addF64(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! + b[j]!; o[k + 1] = a[i + is]! + b[j + js]!; o[k + 2] = a[i + i2]! + b[j + j2]!; o[k + 3] = a[i + i3]! + b[j + j3]!;
      o[k + 4] = a[i + i4]! + b[j + j4]!; o[k + 5] = a[i + i5]! + b[j + j5]!; o[k + 6] = a[i + i6]! + b[j + j6]!; o[k + 7] = a[i + i7]! + b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! + b[j]!;
}

function subF64(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! - b[j]!; o[k + 1] = a[i + is]! - b[j + js]!; o[k + 2] = a[i + i2]! - b[j + j2]!; o[k + 3] = a[i + i3]! - b[j + j3]!;
      o[k + 4] = a[i + i4]! - b[j + j4]!; o[k + 5] = a[i + i5]! - b[j + j5]!; o[k + 6] = a[i + i6]! - b[j + j6]!; o[k + 7] = a[i + i7]! - b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! - b[j]!;
}

function mulF64(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! * b[j]!; o[k + 1] = a[i + is]! * b[j + js]!; o[k + 2] = a[i + i2]! * b[j + j2]!; o[k + 3] = a[i + i3]! * b[j + j3]!;
      o[k + 4] = a[i + i4]! * b[j + j4]!; o[k + 5] = a[i + i5]! * b[j + j5]!; o[k + 6] = a[i + i6]! * b[j + j6]!; o[k + 7] = a[i + i7]! * b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! * b[j]!;
}

function divF64(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! / b[j]!; o[k + 1] = a[i + is]! / b[j + js]!; o[k + 2] = a[i + i2]! / b[j + j2]!; o[k + 3] = a[i + i3]! / b[j + j3]!;
      o[k + 4] = a[i + i4]! / b[j + j4]!; o[k + 5] = a[i + i5]! / b[j + j5]!; o[k + 6] = a[i + i6]! / b[j + j6]!; o[k + 7] = a[i + i7]! / b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! / b[j]!;
}

function addF32(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! + b[j]!; o[k + 1] = a[i + is]! + b[j + js]!; o[k + 2] = a[i + i2]! + b[j + j2]!; o[k + 3] = a[i + i3]! + b[j + j3]!;
      o[k + 4] = a[i + i4]! + b[j + j4]!; o[k + 5] = a[i + i5]! + b[j + j5]!; o[k + 6] = a[i + i6]! + b[j + j6]!; o[k + 7] = a[i + i7]! + b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! + b[j]!;
}

function subF32(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! - b[j]!; o[k + 1] = a[i + is]! - b[j + js]!; o[k + 2] = a[i + i2]! - b[j + j2]!; o[k + 3] = a[i + i3]! - b[j + j3]!;
      o[k + 4] = a[i + i4]! - b[j + j4]!; o[k + 5] = a[i + i5]! - b[j + j5]!; o[k + 6] = a[i + i6]! - b[j + j6]!; o[k + 7] = a[i + i7]! - b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! - b[j]!;
}

function mulF32(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! * b[j]!; o[k + 1] = a[i + is]! * b[j + js]!; o[k + 2] = a[i + i2]! * b[j + j2]!; o[k + 3] = a[i + i3]! * b[j + j3]!;
      o[k + 4] = a[i + i4]! * b[j + j4]!; o[k + 5] = a[i + i5]! * b[j + j5]!; o[k + 6] = a[i + i6]! * b[j + j6]!; o[k + 7] = a[i + i7]! * b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! * b[j]!;
}

function divF32(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number, is: number, js: number): void {
  const end = k + n;
  if (n >= 8) {
    const i2 = 2 * is, i3 = 3 * is, i4 = 4 * is, i5 = 5 * is, i6 = 6 * is, i7 = 7 * is, i8 = 8 * is;
    const j2 = 2 * js, j3 = 3 * js, j4 = 4 * js, j5 = 5 * js, j6 = 6 * js, j7 = 7 * js, j8 = 8 * js;
    for (const stop = end - 7; k < stop; k += 8, i += i8, j += j8) {
      o[k] = a[i]! / b[j]!; o[k + 1] = a[i + is]! / b[j + js]!; o[k + 2] = a[i + i2]! / b[j + j2]!; o[k + 3] = a[i + i3]! / b[j + j3]!;
      o[k + 4] = a[i + i4]! / b[j + j4]!; o[k + 5] = a[i + i5]! / b[j + j5]!; o[k + 6] = a[i + i6]! / b[j + j6]!; o[k + 7] = a[i + i7]! / b[j + j7]!;
    }
  }
  for (; k < end; k++, i += is, j += js) o[k] = a[i]! / b[j]!;
}

/** The four operations in the order add, sub, mul, div. */
export const F64_ARITHMETIC: readonly ArithmeticKernel<Float64Array>[] = [addF64, subF64, mulF64, divF64];
export const F32_ARITHMETIC: readonly ArithmeticKernel<Float32Array>[] = [addF32, subF32, mulF32, divF32];
