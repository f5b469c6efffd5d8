/**
 * +, −, ×, ÷ over runs of float64 or float32 elements, for the common case where both operands
 * already have the result's dtype.
 *
 * V8 keeps type feedback per function literal, so one loop shared by every dtype becomes
 * polymorphic (about half the speed) as soon as a program touches two kinds of typed array; each
 * op and dtype therefore gets its own literals here. V8 also re-checks a typed array's map, length
 * and buffer on every access it cannot prove redundant, so the loops are unrolled by eight, which
 * lets those checks be shared. The output run is contiguous (a fresh C-order array).
 *
 * Each operation comes in four shapes of operand run: `runs` (both operands contiguous: same-shape
 * arrays, or a row broadcast down a matrix), `runScalar` and `scalarRun` (one side repeats a
 * single value: a scalar, or a column broadcast across a matrix) and `strided` (any strides, the
 * general case). The first three need no per-element stride arithmetic.
 */

/** One binary operation's loops, writing runs of an O array from operands stored as A arrays. */
export interface RunKernels<O, A> {
  /** o[k + c] = a[i + c·is] ∘ b[j + c·js] for c < n. */
  strided: (o: O, a: A, b: A, k: number, i: number, j: number, n: number, is: number, js: number) => void;
  /** o[k + c] = a[i + c] ∘ b[j + c] for c < n. */
  runs: (o: O, a: A, b: A, k: number, i: number, j: number, n: number) => void;
  /** o[k + c] = a[i + c] ∘ s for c < n. */
  runScalar: (o: O, a: A, s: number, k: number, i: number, n: number) => void;
  /** o[k + c] = s ∘ b[j + c] for c < n. */
  scalarRun: (o: O, s: number, b: A, k: number, j: number, n: number) => void;
}

export type ArithmeticKernels<A> = RunKernels<A, A>;

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

function addF64Runs(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! + b[j]!; o[k + 1] = a[i + 1]! + b[j + 1]!; o[k + 2] = a[i + 2]! + b[j + 2]!; o[k + 3] = a[i + 3]! + b[j + 3]!;
    o[k + 4] = a[i + 4]! + b[j + 4]!; o[k + 5] = a[i + 5]! + b[j + 5]!; o[k + 6] = a[i + 6]! + b[j + 6]!; o[k + 7] = a[i + 7]! + b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! + b[j]!;
}

function addF64RunScalar(o: Float64Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! + s; o[k + 1] = a[i + 1]! + s; o[k + 2] = a[i + 2]! + s; o[k + 3] = a[i + 3]! + s;
    o[k + 4] = a[i + 4]! + s; o[k + 5] = a[i + 5]! + s; o[k + 6] = a[i + 6]! + s; o[k + 7] = a[i + 7]! + s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! + s;
}

function addF64ScalarRun(o: Float64Array, s: number, b: Float64Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s + b[j]!; o[k + 1] = s + b[j + 1]!; o[k + 2] = s + b[j + 2]!; o[k + 3] = s + b[j + 3]!;
    o[k + 4] = s + b[j + 4]!; o[k + 5] = s + b[j + 5]!; o[k + 6] = s + b[j + 6]!; o[k + 7] = s + b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s + b[j]!;
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

function subF64Runs(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! - b[j]!; o[k + 1] = a[i + 1]! - b[j + 1]!; o[k + 2] = a[i + 2]! - b[j + 2]!; o[k + 3] = a[i + 3]! - b[j + 3]!;
    o[k + 4] = a[i + 4]! - b[j + 4]!; o[k + 5] = a[i + 5]! - b[j + 5]!; o[k + 6] = a[i + 6]! - b[j + 6]!; o[k + 7] = a[i + 7]! - b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! - b[j]!;
}

function subF64RunScalar(o: Float64Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! - s; o[k + 1] = a[i + 1]! - s; o[k + 2] = a[i + 2]! - s; o[k + 3] = a[i + 3]! - s;
    o[k + 4] = a[i + 4]! - s; o[k + 5] = a[i + 5]! - s; o[k + 6] = a[i + 6]! - s; o[k + 7] = a[i + 7]! - s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! - s;
}

function subF64ScalarRun(o: Float64Array, s: number, b: Float64Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s - b[j]!; o[k + 1] = s - b[j + 1]!; o[k + 2] = s - b[j + 2]!; o[k + 3] = s - b[j + 3]!;
    o[k + 4] = s - b[j + 4]!; o[k + 5] = s - b[j + 5]!; o[k + 6] = s - b[j + 6]!; o[k + 7] = s - b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s - b[j]!;
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

function mulF64Runs(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! * b[j]!; o[k + 1] = a[i + 1]! * b[j + 1]!; o[k + 2] = a[i + 2]! * b[j + 2]!; o[k + 3] = a[i + 3]! * b[j + 3]!;
    o[k + 4] = a[i + 4]! * b[j + 4]!; o[k + 5] = a[i + 5]! * b[j + 5]!; o[k + 6] = a[i + 6]! * b[j + 6]!; o[k + 7] = a[i + 7]! * b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! * b[j]!;
}

function mulF64RunScalar(o: Float64Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! * s; o[k + 1] = a[i + 1]! * s; o[k + 2] = a[i + 2]! * s; o[k + 3] = a[i + 3]! * s;
    o[k + 4] = a[i + 4]! * s; o[k + 5] = a[i + 5]! * s; o[k + 6] = a[i + 6]! * s; o[k + 7] = a[i + 7]! * s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! * s;
}

function mulF64ScalarRun(o: Float64Array, s: number, b: Float64Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s * b[j]!; o[k + 1] = s * b[j + 1]!; o[k + 2] = s * b[j + 2]!; o[k + 3] = s * b[j + 3]!;
    o[k + 4] = s * b[j + 4]!; o[k + 5] = s * b[j + 5]!; o[k + 6] = s * b[j + 6]!; o[k + 7] = s * b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s * b[j]!;
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

function divF64Runs(o: Float64Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! / b[j]!; o[k + 1] = a[i + 1]! / b[j + 1]!; o[k + 2] = a[i + 2]! / b[j + 2]!; o[k + 3] = a[i + 3]! / b[j + 3]!;
    o[k + 4] = a[i + 4]! / b[j + 4]!; o[k + 5] = a[i + 5]! / b[j + 5]!; o[k + 6] = a[i + 6]! / b[j + 6]!; o[k + 7] = a[i + 7]! / b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! / b[j]!;
}

function divF64RunScalar(o: Float64Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! / s; o[k + 1] = a[i + 1]! / s; o[k + 2] = a[i + 2]! / s; o[k + 3] = a[i + 3]! / s;
    o[k + 4] = a[i + 4]! / s; o[k + 5] = a[i + 5]! / s; o[k + 6] = a[i + 6]! / s; o[k + 7] = a[i + 7]! / s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! / s;
}

function divF64ScalarRun(o: Float64Array, s: number, b: Float64Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s / b[j]!; o[k + 1] = s / b[j + 1]!; o[k + 2] = s / b[j + 2]!; o[k + 3] = s / b[j + 3]!;
    o[k + 4] = s / b[j + 4]!; o[k + 5] = s / b[j + 5]!; o[k + 6] = s / b[j + 6]!; o[k + 7] = s / b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s / b[j]!;
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

function addF32Runs(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! + b[j]!; o[k + 1] = a[i + 1]! + b[j + 1]!; o[k + 2] = a[i + 2]! + b[j + 2]!; o[k + 3] = a[i + 3]! + b[j + 3]!;
    o[k + 4] = a[i + 4]! + b[j + 4]!; o[k + 5] = a[i + 5]! + b[j + 5]!; o[k + 6] = a[i + 6]! + b[j + 6]!; o[k + 7] = a[i + 7]! + b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! + b[j]!;
}

function addF32RunScalar(o: Float32Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! + s; o[k + 1] = a[i + 1]! + s; o[k + 2] = a[i + 2]! + s; o[k + 3] = a[i + 3]! + s;
    o[k + 4] = a[i + 4]! + s; o[k + 5] = a[i + 5]! + s; o[k + 6] = a[i + 6]! + s; o[k + 7] = a[i + 7]! + s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! + s;
}

function addF32ScalarRun(o: Float32Array, s: number, b: Float32Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s + b[j]!; o[k + 1] = s + b[j + 1]!; o[k + 2] = s + b[j + 2]!; o[k + 3] = s + b[j + 3]!;
    o[k + 4] = s + b[j + 4]!; o[k + 5] = s + b[j + 5]!; o[k + 6] = s + b[j + 6]!; o[k + 7] = s + b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s + b[j]!;
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

function subF32Runs(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! - b[j]!; o[k + 1] = a[i + 1]! - b[j + 1]!; o[k + 2] = a[i + 2]! - b[j + 2]!; o[k + 3] = a[i + 3]! - b[j + 3]!;
    o[k + 4] = a[i + 4]! - b[j + 4]!; o[k + 5] = a[i + 5]! - b[j + 5]!; o[k + 6] = a[i + 6]! - b[j + 6]!; o[k + 7] = a[i + 7]! - b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! - b[j]!;
}

function subF32RunScalar(o: Float32Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! - s; o[k + 1] = a[i + 1]! - s; o[k + 2] = a[i + 2]! - s; o[k + 3] = a[i + 3]! - s;
    o[k + 4] = a[i + 4]! - s; o[k + 5] = a[i + 5]! - s; o[k + 6] = a[i + 6]! - s; o[k + 7] = a[i + 7]! - s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! - s;
}

function subF32ScalarRun(o: Float32Array, s: number, b: Float32Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s - b[j]!; o[k + 1] = s - b[j + 1]!; o[k + 2] = s - b[j + 2]!; o[k + 3] = s - b[j + 3]!;
    o[k + 4] = s - b[j + 4]!; o[k + 5] = s - b[j + 5]!; o[k + 6] = s - b[j + 6]!; o[k + 7] = s - b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s - b[j]!;
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

function mulF32Runs(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! * b[j]!; o[k + 1] = a[i + 1]! * b[j + 1]!; o[k + 2] = a[i + 2]! * b[j + 2]!; o[k + 3] = a[i + 3]! * b[j + 3]!;
    o[k + 4] = a[i + 4]! * b[j + 4]!; o[k + 5] = a[i + 5]! * b[j + 5]!; o[k + 6] = a[i + 6]! * b[j + 6]!; o[k + 7] = a[i + 7]! * b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! * b[j]!;
}

function mulF32RunScalar(o: Float32Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! * s; o[k + 1] = a[i + 1]! * s; o[k + 2] = a[i + 2]! * s; o[k + 3] = a[i + 3]! * s;
    o[k + 4] = a[i + 4]! * s; o[k + 5] = a[i + 5]! * s; o[k + 6] = a[i + 6]! * s; o[k + 7] = a[i + 7]! * s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! * s;
}

function mulF32ScalarRun(o: Float32Array, s: number, b: Float32Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s * b[j]!; o[k + 1] = s * b[j + 1]!; o[k + 2] = s * b[j + 2]!; o[k + 3] = s * b[j + 3]!;
    o[k + 4] = s * b[j + 4]!; o[k + 5] = s * b[j + 5]!; o[k + 6] = s * b[j + 6]!; o[k + 7] = s * b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s * b[j]!;
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

function divF32Runs(o: Float32Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8, j += 8) {
    o[k] = a[i]! / b[j]!; o[k + 1] = a[i + 1]! / b[j + 1]!; o[k + 2] = a[i + 2]! / b[j + 2]!; o[k + 3] = a[i + 3]! / b[j + 3]!;
    o[k + 4] = a[i + 4]! / b[j + 4]!; o[k + 5] = a[i + 5]! / b[j + 5]!; o[k + 6] = a[i + 6]! / b[j + 6]!; o[k + 7] = a[i + 7]! / b[j + 7]!;
  }
  for (; k < end; k++, i++, j++) o[k] = a[i]! / b[j]!;
}

function divF32RunScalar(o: Float32Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, i += 8) {
    o[k] = a[i]! / s; o[k + 1] = a[i + 1]! / s; o[k + 2] = a[i + 2]! / s; o[k + 3] = a[i + 3]! / s;
    o[k + 4] = a[i + 4]! / s; o[k + 5] = a[i + 5]! / s; o[k + 6] = a[i + 6]! / s; o[k + 7] = a[i + 7]! / s;
  }
  for (; k < end; k++, i++) o[k] = a[i]! / s;
}

function divF32ScalarRun(o: Float32Array, s: number, b: Float32Array, k: number, j: number, n: number): void {
  const end = k + n;
  for (const stop = end - 7; k < stop; k += 8, j += 8) {
    o[k] = s / b[j]!; o[k + 1] = s / b[j + 1]!; o[k + 2] = s / b[j + 2]!; o[k + 3] = s / b[j + 3]!;
    o[k + 4] = s / b[j + 4]!; o[k + 5] = s / b[j + 5]!; o[k + 6] = s / b[j + 6]!; o[k + 7] = s / b[j + 7]!;
  }
  for (; k < end; k++, j++) o[k] = s / b[j]!;
}

/** The four operations in the order add, sub, mul, div. */
export const F64_ARITHMETIC: readonly ArithmeticKernels<Float64Array>[] = [
  { strided: addF64, runs: addF64Runs, runScalar: addF64RunScalar, scalarRun: addF64ScalarRun },
  { strided: subF64, runs: subF64Runs, runScalar: subF64RunScalar, scalarRun: subF64ScalarRun },
  { strided: mulF64, runs: mulF64Runs, runScalar: mulF64RunScalar, scalarRun: mulF64ScalarRun },
  { strided: divF64, runs: divF64Runs, runScalar: divF64RunScalar, scalarRun: divF64ScalarRun },
];
export const F32_ARITHMETIC: readonly ArithmeticKernels<Float32Array>[] = [
  { strided: addF32, runs: addF32Runs, runScalar: addF32RunScalar, scalarRun: addF32ScalarRun },
  { strided: subF32, runs: subF32Runs, runScalar: subF32RunScalar, scalarRun: subF32ScalarRun },
  { strided: mulF32, runs: mulF32Runs, runScalar: mulF32RunScalar, scalarRun: mulF32ScalarRun },
  { strided: divF32, runs: divF32Runs, runScalar: divF32RunScalar, scalarRun: divF32ScalarRun },
];
