/**
 * Comparisons (==, !=, <, <=, >, >=) and the select of `where` over runs of float64 or float32
 * elements, one function literal per operation and dtype so each stays monomorphic (see
 * arithmetic-kernels.ts). The output run is contiguous; operand runs are contiguous or a single
 * repeated value. A scalar on the left of a comparison is the mirrored comparison with the scalar
 * on the right (s < b is b > s), so only `runs` and `runScalar` exist per comparison.
 *
 * Neither kind of loop uses a data-dependent `?:`, which V8 compiles to a branch that mixed data
 * mispredicts often: a comparison stores `Number(boolean)`, and `where` reads its value from a
 * two-element scratch array indexed by the condition ((c + 255) >> 8 is 0 for 0 and 1 for 1..255).
 */

export interface ComparisonKernels<A> {
  /** o[k + c] = a[i + c] ∘ b[j + c] for c < n. */
  runs: (o: Uint8Array, a: A, b: A, k: number, i: number, j: number, n: number) => void;
  /** o[k + c] = a[i + c] ∘ s for c < n. */
  runScalar: (o: Uint8Array, a: A, s: number, k: number, i: number, n: number) => void;
}

/** o[k + m] = c[ci + m] ? x : y for m < n, x and y each a run or one value. */
export interface WhereKernels<A> {
  runs: (o: A, c: Uint8Array, x: A, y: A, k: number, ci: number, i: number, j: number, n: number) => void;
  runScalar: (o: A, c: Uint8Array, x: A, y: number, k: number, ci: number, i: number, n: number) => void;
  scalarRun: (o: A, c: Uint8Array, x: number, y: A, k: number, ci: number, j: number, n: number) => void;
  scalars: (o: A, c: Uint8Array, x: number, y: number, k: number, ci: number, n: number) => void;
}

function eqF64Runs(o: Uint8Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! === b[j]!);
}

function eqF64RunScalar(o: Uint8Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! === s);
}

function neF64Runs(o: Uint8Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! !== b[j]!);
}

function neF64RunScalar(o: Uint8Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! !== s);
}

function ltF64Runs(o: Uint8Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! < b[j]!);
}

function ltF64RunScalar(o: Uint8Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! < s);
}

function leF64Runs(o: Uint8Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! <= b[j]!);
}

function leF64RunScalar(o: Uint8Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! <= s);
}

function gtF64Runs(o: Uint8Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! > b[j]!);
}

function gtF64RunScalar(o: Uint8Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! > s);
}

function geF64Runs(o: Uint8Array, a: Float64Array, b: Float64Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! >= b[j]!);
}

function geF64RunScalar(o: Uint8Array, a: Float64Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! >= s);
}

function eqF32Runs(o: Uint8Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! === b[j]!);
}

function eqF32RunScalar(o: Uint8Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! === s);
}

function neF32Runs(o: Uint8Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! !== b[j]!);
}

function neF32RunScalar(o: Uint8Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! !== s);
}

function ltF32Runs(o: Uint8Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! < b[j]!);
}

function ltF32RunScalar(o: Uint8Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! < s);
}

function leF32Runs(o: Uint8Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! <= b[j]!);
}

function leF32RunScalar(o: Uint8Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! <= s);
}

function gtF32Runs(o: Uint8Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! > b[j]!);
}

function gtF32RunScalar(o: Uint8Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! > s);
}

function geF32Runs(o: Uint8Array, a: Float32Array, b: Float32Array, k: number, i: number, j: number, n: number): void {
  for (const end = k + n; k < end; k++, i++, j++) o[k] = Number(a[i]! >= b[j]!);
}

function geF32RunScalar(o: Uint8Array, a: Float32Array, s: number, k: number, i: number, n: number): void {
  for (const end = k + n; k < end; k++, i++) o[k] = Number(a[i]! >= s);
}

function whereF64Runs(o: Float64Array, c: Uint8Array, x: Float64Array, y: Float64Array, k: number, ci: number, i: number, j: number, n: number): void {
  const pick = new Float64Array(2);
  for (const end = k + n; k < end; k++, ci++, i++, j++) {
    pick[0] = y[j]!;
    pick[1] = x[i]!;
    o[k] = pick[(c[ci]! + 255) >> 8]!;
  }
}

function whereF64RunScalar(o: Float64Array, c: Uint8Array, x: Float64Array, y: number, k: number, ci: number, i: number, n: number): void {
  const pick = new Float64Array(2);
  pick[0] = y;
  for (const end = k + n; k < end; k++, ci++, i++) {
    pick[1] = x[i]!;
    o[k] = pick[(c[ci]! + 255) >> 8]!;
  }
}

function whereF64ScalarRun(o: Float64Array, c: Uint8Array, x: number, y: Float64Array, k: number, ci: number, j: number, n: number): void {
  const pick = new Float64Array(2);
  pick[1] = x;
  for (const end = k + n; k < end; k++, ci++, j++) {
    pick[0] = y[j]!;
    o[k] = pick[(c[ci]! + 255) >> 8]!;
  }
}

function whereF64Scalars(o: Float64Array, c: Uint8Array, x: number, y: number, k: number, ci: number, n: number): void {
  const pick = new Float64Array(2);
  pick[0] = y;
  pick[1] = x;
  for (const end = k + n; k < end; k++, ci++) o[k] = pick[(c[ci]! + 255) >> 8]!;
}

function whereF32Runs(o: Float32Array, c: Uint8Array, x: Float32Array, y: Float32Array, k: number, ci: number, i: number, j: number, n: number): void {
  const pick = new Float32Array(2);
  for (const end = k + n; k < end; k++, ci++, i++, j++) {
    pick[0] = y[j]!;
    pick[1] = x[i]!;
    o[k] = pick[(c[ci]! + 255) >> 8]!;
  }
}

function whereF32RunScalar(o: Float32Array, c: Uint8Array, x: Float32Array, y: number, k: number, ci: number, i: number, n: number): void {
  const pick = new Float32Array(2);
  pick[0] = y;
  for (const end = k + n; k < end; k++, ci++, i++) {
    pick[1] = x[i]!;
    o[k] = pick[(c[ci]! + 255) >> 8]!;
  }
}

function whereF32ScalarRun(o: Float32Array, c: Uint8Array, x: number, y: Float32Array, k: number, ci: number, j: number, n: number): void {
  const pick = new Float32Array(2);
  pick[1] = x;
  for (const end = k + n; k < end; k++, ci++, j++) {
    pick[0] = y[j]!;
    o[k] = pick[(c[ci]! + 255) >> 8]!;
  }
}

function whereF32Scalars(o: Float32Array, c: Uint8Array, x: number, y: number, k: number, ci: number, n: number): void {
  const pick = new Float32Array(2);
  pick[0] = y;
  pick[1] = x;
  for (const end = k + n; k < end; k++, ci++) o[k] = pick[(c[ci]! + 255) >> 8]!;
}

/** The comparisons in the order ==, !=, <, <=, >, >= (the order of elementwise.ts's Op enum). */
export const F64_COMPARISON: readonly ComparisonKernels<Float64Array>[] = [
  { runs: eqF64Runs, runScalar: eqF64RunScalar },
  { runs: neF64Runs, runScalar: neF64RunScalar },
  { runs: ltF64Runs, runScalar: ltF64RunScalar },
  { runs: leF64Runs, runScalar: leF64RunScalar },
  { runs: gtF64Runs, runScalar: gtF64RunScalar },
  { runs: geF64Runs, runScalar: geF64RunScalar },
];
export const F32_COMPARISON: readonly ComparisonKernels<Float32Array>[] = [
  { runs: eqF32Runs, runScalar: eqF32RunScalar },
  { runs: neF32Runs, runScalar: neF32RunScalar },
  { runs: ltF32Runs, runScalar: ltF32RunScalar },
  { runs: leF32Runs, runScalar: leF32RunScalar },
  { runs: gtF32Runs, runScalar: gtF32RunScalar },
  { runs: geF32Runs, runScalar: geF32RunScalar },
];

export const F64_WHERE: WhereKernels<Float64Array> = {
  runs: whereF64Runs, runScalar: whereF64RunScalar, scalarRun: whereF64ScalarRun, scalars: whereF64Scalars,
};
export const F32_WHERE: WhereKernels<Float32Array> = {
  runs: whereF32Runs, runScalar: whereF32RunScalar, scalarRun: whereF32ScalarRun, scalars: whereF32Scalars,
};
