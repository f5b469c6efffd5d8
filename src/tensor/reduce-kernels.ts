/**
 * Reductions of a contiguous rows×cols block along its rows (trailing axes reduced) or its
 * columns (leading axes reduced): sums, min, max, argmin and argmax. These are the shapes almost
 * every reduction of contiguous data takes, and each gets a loop without per-element stride
 * arithmetic or calls.
 *
 * Every kernel exists three times, for Float64Array, Float32Array and the integer arrays, because
 * V8 keeps type feedback per function literal: one loop shared by every dtype runs at about half
 * speed once a program reduces two kinds of array (see arithmetic-kernels.ts).
 *
 * Row sums are pairwise like NumPy's: blocks of up to PAIRWISE_BLOCK elements are summed with
 * eight partial sums (two adds per slot per step, so the adds do not wait on each other) and the
 * block sums combined as a balanced tree, so the rounding error grows with log(n), not n. Column
 * sums add sixteen rows together pairwise before touching the accumulator, so each output element
 * is read and written a sixteenth as often. Min and max keep four running extremes per row with
 * `Math.min`/`Math.max`, which let NaN win as NumPy does; argmin/argmax return the first index of
 * the extreme (or of the first NaN).
 */
import type { TypedArray } from './dtype.js';

/** Longest run a pairwise sum adds directly; longer ones are split in halves (at multiples of 16). */
const PAIRWISE_BLOCK = 1024;

/** `acc[r]` (rows) or `acc[j]` (columns) receives the result; column sums add into `acc`. */
type BlockReduction<A> = (x: A, offset: number, rows: number, cols: number, acc: Float64Array) => void;

export interface BlockKernels<A> {
  rowSums: BlockReduction<A>;
  columnSums: BlockReduction<A>;
  rowMin: BlockReduction<A>;
  columnMin: BlockReduction<A>;
  rowMax: BlockReduction<A>;
  columnMax: BlockReduction<A>;
  rowArgMin: (x: A, offset: number, rows: number, cols: number, out: Int32Array) => void;
  rowArgMax: (x: A, offset: number, rows: number, cols: number, out: Int32Array) => void;
  columnArgMin: (x: A, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array) => void;
  columnArgMax: (x: A, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array) => void;
}

/** Pairwise sum of x[i..i+n) (see PAIRWISE_BLOCK). */
function pairwiseSumF64(x: Float64Array, i: number, n: number): number {
  if (n > PAIRWISE_BLOCK) {
    const half = (n >> 1) & ~15;
    return pairwiseSumF64(x, i, half) + pairwiseSumF64(x, i + half, n - half);
  }
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  const end = i + n;
  for (const stop = end - 15; i < stop; i += 16) {
    s0 += x[i]! + x[i + 8]!; s1 += x[i + 1]! + x[i + 9]!; s2 += x[i + 2]! + x[i + 10]!; s3 += x[i + 3]! + x[i + 11]!;
    s4 += x[i + 4]! + x[i + 12]!; s5 += x[i + 5]! + x[i + 13]!; s6 += x[i + 6]! + x[i + 14]!; s7 += x[i + 7]! + x[i + 15]!;
  }
  for (; i < end; i++) s0 += x[i]!;
  return s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
}

function rowSumsF64(x: Float64Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++, i += cols) acc[r] = pairwiseSumF64(x, i, cols);
}

function columnSumsF64(x: Float64Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  let r = 0;
  for (; r + 16 <= rows; r += 16) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols, b4 = b3 + cols, b5 = b4 + cols;
    const b6 = b5 + cols, b7 = b6 + cols, b8 = b7 + cols, b9 = b8 + cols, b10 = b9 + cols, b11 = b10 + cols;
    const b12 = b11 + cols, b13 = b12 + cols, b14 = b13 + cols, b15 = b14 + cols;
    for (let j = 0; j < cols; j++) {
      const lo = x[b0 + j]! + x[b1 + j]! + (x[b2 + j]! + x[b3 + j]!) + (x[b4 + j]! + x[b5 + j]! + (x[b6 + j]! + x[b7 + j]!));
      const hi = x[b8 + j]! + x[b9 + j]! + (x[b10 + j]! + x[b11 + j]!) + (x[b12 + j]! + x[b13 + j]! + (x[b14 + j]! + x[b15 + j]!));
      acc[j]! += lo + hi;
    }
  }
  for (; r < rows; r++) {
    const b = offset + r * cols;
    for (let j = 0; j < cols; j++) acc[j]! += x[b + j]!;
  }
}

function rowMinF64(x: Float64Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++) {
    let b0 = x[i]!, b1 = b0, b2 = b0, b3 = b0;
    const end = i + cols;
    for (const stop = end - 3; i < stop; i += 4) {
      b0 = Math.min(b0, x[i]!); b1 = Math.min(b1, x[i + 1]!); b2 = Math.min(b2, x[i + 2]!); b3 = Math.min(b3, x[i + 3]!);
    }
    for (; i < end; i++) b0 = Math.min(b0, x[i]!);
    acc[r] = Math.min(b0, b1, b2, b3);
  }
}

function columnMinF64(x: Float64Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let j = 0; j < cols; j++) acc[j] = x[offset + j]!;
  let r = 1;
  for (; r + 4 <= rows; r += 4) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      acc[j] = Math.min(acc[j]!, Math.min(x[b0 + j]!, x[b1 + j]!), Math.min(x[b2 + j]!, x[b3 + j]!));
    }
  }
  for (let b = offset + r * cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) acc[j] = Math.min(acc[j]!, x[b + j]!);
  }
}

/** Index of the first smallest element (or first NaN) of each row. */
function rowArgMinF64(x: Float64Array, offset: number, rows: number, cols: number, out: Int32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = offset + r * cols;
    let best = x[base]!;
    let at = 0;
    if (best === best) {
      for (let j = 1; j < cols; j++) {
        const v = x[base + j]!;
        if (v < best) {
          best = v;
          at = j;
        } else if (v !== v) {
          at = j;
          break;
        }
      }
    }
    out[r] = at;
  }
}

/** Index of the first smallest element (or first NaN) of each column, into a zeroed `out`; `best` is scratch space of `cols` elements. */
function columnArgMinF64(x: Float64Array, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array): void {
  for (let j = 0; j < cols; j++) best[j] = x[offset + j]!;
  for (let r = 1, b = offset + cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) {
      const v = x[b + j]!;
      const current = best[j]!;
      if (v < current || (v !== v && current === current)) {
        best[j] = v;
        out[j] = r;
      }
    }
  }
}

function rowMaxF64(x: Float64Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++) {
    let b0 = x[i]!, b1 = b0, b2 = b0, b3 = b0;
    const end = i + cols;
    for (const stop = end - 3; i < stop; i += 4) {
      b0 = Math.max(b0, x[i]!); b1 = Math.max(b1, x[i + 1]!); b2 = Math.max(b2, x[i + 2]!); b3 = Math.max(b3, x[i + 3]!);
    }
    for (; i < end; i++) b0 = Math.max(b0, x[i]!);
    acc[r] = Math.max(b0, b1, b2, b3);
  }
}

function columnMaxF64(x: Float64Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let j = 0; j < cols; j++) acc[j] = x[offset + j]!;
  let r = 1;
  for (; r + 4 <= rows; r += 4) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      acc[j] = Math.max(acc[j]!, Math.max(x[b0 + j]!, x[b1 + j]!), Math.max(x[b2 + j]!, x[b3 + j]!));
    }
  }
  for (let b = offset + r * cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) acc[j] = Math.max(acc[j]!, x[b + j]!);
  }
}

/** Index of the first largest element (or first NaN) of each row. */
function rowArgMaxF64(x: Float64Array, offset: number, rows: number, cols: number, out: Int32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = offset + r * cols;
    let best = x[base]!;
    let at = 0;
    if (best === best) {
      for (let j = 1; j < cols; j++) {
        const v = x[base + j]!;
        if (v > best) {
          best = v;
          at = j;
        } else if (v !== v) {
          at = j;
          break;
        }
      }
    }
    out[r] = at;
  }
}

/** Index of the first largest element (or first NaN) of each column, into a zeroed `out`; `best` is scratch space of `cols` elements. */
function columnArgMaxF64(x: Float64Array, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array): void {
  for (let j = 0; j < cols; j++) best[j] = x[offset + j]!;
  for (let r = 1, b = offset + cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) {
      const v = x[b + j]!;
      const current = best[j]!;
      if (v > current || (v !== v && current === current)) {
        best[j] = v;
        out[j] = r;
      }
    }
  }
}

/** Pairwise sum of x[i..i+n) (see PAIRWISE_BLOCK). */
function pairwiseSumF32(x: Float32Array, i: number, n: number): number {
  if (n > PAIRWISE_BLOCK) {
    const half = (n >> 1) & ~15;
    return pairwiseSumF32(x, i, half) + pairwiseSumF32(x, i + half, n - half);
  }
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  const end = i + n;
  for (const stop = end - 15; i < stop; i += 16) {
    s0 += x[i]! + x[i + 8]!; s1 += x[i + 1]! + x[i + 9]!; s2 += x[i + 2]! + x[i + 10]!; s3 += x[i + 3]! + x[i + 11]!;
    s4 += x[i + 4]! + x[i + 12]!; s5 += x[i + 5]! + x[i + 13]!; s6 += x[i + 6]! + x[i + 14]!; s7 += x[i + 7]! + x[i + 15]!;
  }
  for (; i < end; i++) s0 += x[i]!;
  return s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
}

function rowSumsF32(x: Float32Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++, i += cols) acc[r] = pairwiseSumF32(x, i, cols);
}

function columnSumsF32(x: Float32Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  let r = 0;
  for (; r + 16 <= rows; r += 16) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols, b4 = b3 + cols, b5 = b4 + cols;
    const b6 = b5 + cols, b7 = b6 + cols, b8 = b7 + cols, b9 = b8 + cols, b10 = b9 + cols, b11 = b10 + cols;
    const b12 = b11 + cols, b13 = b12 + cols, b14 = b13 + cols, b15 = b14 + cols;
    for (let j = 0; j < cols; j++) {
      const lo = x[b0 + j]! + x[b1 + j]! + (x[b2 + j]! + x[b3 + j]!) + (x[b4 + j]! + x[b5 + j]! + (x[b6 + j]! + x[b7 + j]!));
      const hi = x[b8 + j]! + x[b9 + j]! + (x[b10 + j]! + x[b11 + j]!) + (x[b12 + j]! + x[b13 + j]! + (x[b14 + j]! + x[b15 + j]!));
      acc[j]! += lo + hi;
    }
  }
  for (; r < rows; r++) {
    const b = offset + r * cols;
    for (let j = 0; j < cols; j++) acc[j]! += x[b + j]!;
  }
}

function rowMinF32(x: Float32Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++) {
    let b0 = x[i]!, b1 = b0, b2 = b0, b3 = b0;
    const end = i + cols;
    for (const stop = end - 3; i < stop; i += 4) {
      b0 = Math.min(b0, x[i]!); b1 = Math.min(b1, x[i + 1]!); b2 = Math.min(b2, x[i + 2]!); b3 = Math.min(b3, x[i + 3]!);
    }
    for (; i < end; i++) b0 = Math.min(b0, x[i]!);
    acc[r] = Math.min(b0, b1, b2, b3);
  }
}

function columnMinF32(x: Float32Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let j = 0; j < cols; j++) acc[j] = x[offset + j]!;
  let r = 1;
  for (; r + 4 <= rows; r += 4) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      acc[j] = Math.min(acc[j]!, Math.min(x[b0 + j]!, x[b1 + j]!), Math.min(x[b2 + j]!, x[b3 + j]!));
    }
  }
  for (let b = offset + r * cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) acc[j] = Math.min(acc[j]!, x[b + j]!);
  }
}

/** Index of the first smallest element (or first NaN) of each row. */
function rowArgMinF32(x: Float32Array, offset: number, rows: number, cols: number, out: Int32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = offset + r * cols;
    let best = x[base]!;
    let at = 0;
    if (best === best) {
      for (let j = 1; j < cols; j++) {
        const v = x[base + j]!;
        if (v < best) {
          best = v;
          at = j;
        } else if (v !== v) {
          at = j;
          break;
        }
      }
    }
    out[r] = at;
  }
}

/** Index of the first smallest element (or first NaN) of each column, into a zeroed `out`; `best` is scratch space of `cols` elements. */
function columnArgMinF32(x: Float32Array, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array): void {
  for (let j = 0; j < cols; j++) best[j] = x[offset + j]!;
  for (let r = 1, b = offset + cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) {
      const v = x[b + j]!;
      const current = best[j]!;
      if (v < current || (v !== v && current === current)) {
        best[j] = v;
        out[j] = r;
      }
    }
  }
}

function rowMaxF32(x: Float32Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++) {
    let b0 = x[i]!, b1 = b0, b2 = b0, b3 = b0;
    const end = i + cols;
    for (const stop = end - 3; i < stop; i += 4) {
      b0 = Math.max(b0, x[i]!); b1 = Math.max(b1, x[i + 1]!); b2 = Math.max(b2, x[i + 2]!); b3 = Math.max(b3, x[i + 3]!);
    }
    for (; i < end; i++) b0 = Math.max(b0, x[i]!);
    acc[r] = Math.max(b0, b1, b2, b3);
  }
}

function columnMaxF32(x: Float32Array, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let j = 0; j < cols; j++) acc[j] = x[offset + j]!;
  let r = 1;
  for (; r + 4 <= rows; r += 4) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      acc[j] = Math.max(acc[j]!, Math.max(x[b0 + j]!, x[b1 + j]!), Math.max(x[b2 + j]!, x[b3 + j]!));
    }
  }
  for (let b = offset + r * cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) acc[j] = Math.max(acc[j]!, x[b + j]!);
  }
}

/** Index of the first largest element (or first NaN) of each row. */
function rowArgMaxF32(x: Float32Array, offset: number, rows: number, cols: number, out: Int32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = offset + r * cols;
    let best = x[base]!;
    let at = 0;
    if (best === best) {
      for (let j = 1; j < cols; j++) {
        const v = x[base + j]!;
        if (v > best) {
          best = v;
          at = j;
        } else if (v !== v) {
          at = j;
          break;
        }
      }
    }
    out[r] = at;
  }
}

/** Index of the first largest element (or first NaN) of each column, into a zeroed `out`; `best` is scratch space of `cols` elements. */
function columnArgMaxF32(x: Float32Array, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array): void {
  for (let j = 0; j < cols; j++) best[j] = x[offset + j]!;
  for (let r = 1, b = offset + cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) {
      const v = x[b + j]!;
      const current = best[j]!;
      if (v > current || (v !== v && current === current)) {
        best[j] = v;
        out[j] = r;
      }
    }
  }
}

/** Pairwise sum of x[i..i+n) (see PAIRWISE_BLOCK). */
function pairwiseSumAny(x: TypedArray, i: number, n: number): number {
  if (n > PAIRWISE_BLOCK) {
    const half = (n >> 1) & ~15;
    return pairwiseSumAny(x, i, half) + pairwiseSumAny(x, i + half, n - half);
  }
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  const end = i + n;
  for (const stop = end - 15; i < stop; i += 16) {
    s0 += x[i]! + x[i + 8]!; s1 += x[i + 1]! + x[i + 9]!; s2 += x[i + 2]! + x[i + 10]!; s3 += x[i + 3]! + x[i + 11]!;
    s4 += x[i + 4]! + x[i + 12]!; s5 += x[i + 5]! + x[i + 13]!; s6 += x[i + 6]! + x[i + 14]!; s7 += x[i + 7]! + x[i + 15]!;
  }
  for (; i < end; i++) s0 += x[i]!;
  return s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
}

function rowSumsAny(x: TypedArray, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++, i += cols) acc[r] = pairwiseSumAny(x, i, cols);
}

function columnSumsAny(x: TypedArray, offset: number, rows: number, cols: number, acc: Float64Array): void {
  let r = 0;
  for (; r + 16 <= rows; r += 16) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols, b4 = b3 + cols, b5 = b4 + cols;
    const b6 = b5 + cols, b7 = b6 + cols, b8 = b7 + cols, b9 = b8 + cols, b10 = b9 + cols, b11 = b10 + cols;
    const b12 = b11 + cols, b13 = b12 + cols, b14 = b13 + cols, b15 = b14 + cols;
    for (let j = 0; j < cols; j++) {
      const lo = x[b0 + j]! + x[b1 + j]! + (x[b2 + j]! + x[b3 + j]!) + (x[b4 + j]! + x[b5 + j]! + (x[b6 + j]! + x[b7 + j]!));
      const hi = x[b8 + j]! + x[b9 + j]! + (x[b10 + j]! + x[b11 + j]!) + (x[b12 + j]! + x[b13 + j]! + (x[b14 + j]! + x[b15 + j]!));
      acc[j]! += lo + hi;
    }
  }
  for (; r < rows; r++) {
    const b = offset + r * cols;
    for (let j = 0; j < cols; j++) acc[j]! += x[b + j]!;
  }
}

function rowMinAny(x: TypedArray, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++) {
    let b0 = x[i]!, b1 = b0, b2 = b0, b3 = b0;
    const end = i + cols;
    for (const stop = end - 3; i < stop; i += 4) {
      b0 = Math.min(b0, x[i]!); b1 = Math.min(b1, x[i + 1]!); b2 = Math.min(b2, x[i + 2]!); b3 = Math.min(b3, x[i + 3]!);
    }
    for (; i < end; i++) b0 = Math.min(b0, x[i]!);
    acc[r] = Math.min(b0, b1, b2, b3);
  }
}

function columnMinAny(x: TypedArray, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let j = 0; j < cols; j++) acc[j] = x[offset + j]!;
  let r = 1;
  for (; r + 4 <= rows; r += 4) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      acc[j] = Math.min(acc[j]!, Math.min(x[b0 + j]!, x[b1 + j]!), Math.min(x[b2 + j]!, x[b3 + j]!));
    }
  }
  for (let b = offset + r * cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) acc[j] = Math.min(acc[j]!, x[b + j]!);
  }
}

/** Index of the first smallest element (or first NaN) of each row. */
function rowArgMinAny(x: TypedArray, offset: number, rows: number, cols: number, out: Int32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = offset + r * cols;
    let best = x[base]!;
    let at = 0;
    if (best === best) {
      for (let j = 1; j < cols; j++) {
        const v = x[base + j]!;
        if (v < best) {
          best = v;
          at = j;
        } else if (v !== v) {
          at = j;
          break;
        }
      }
    }
    out[r] = at;
  }
}

/** Index of the first smallest element (or first NaN) of each column, into a zeroed `out`; `best` is scratch space of `cols` elements. */
function columnArgMinAny(x: TypedArray, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array): void {
  for (let j = 0; j < cols; j++) best[j] = x[offset + j]!;
  for (let r = 1, b = offset + cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) {
      const v = x[b + j]!;
      const current = best[j]!;
      if (v < current || (v !== v && current === current)) {
        best[j] = v;
        out[j] = r;
      }
    }
  }
}

function rowMaxAny(x: TypedArray, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let r = 0, i = offset; r < rows; r++) {
    let b0 = x[i]!, b1 = b0, b2 = b0, b3 = b0;
    const end = i + cols;
    for (const stop = end - 3; i < stop; i += 4) {
      b0 = Math.max(b0, x[i]!); b1 = Math.max(b1, x[i + 1]!); b2 = Math.max(b2, x[i + 2]!); b3 = Math.max(b3, x[i + 3]!);
    }
    for (; i < end; i++) b0 = Math.max(b0, x[i]!);
    acc[r] = Math.max(b0, b1, b2, b3);
  }
}

function columnMaxAny(x: TypedArray, offset: number, rows: number, cols: number, acc: Float64Array): void {
  for (let j = 0; j < cols; j++) acc[j] = x[offset + j]!;
  let r = 1;
  for (; r + 4 <= rows; r += 4) {
    const b0 = offset + r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      acc[j] = Math.max(acc[j]!, Math.max(x[b0 + j]!, x[b1 + j]!), Math.max(x[b2 + j]!, x[b3 + j]!));
    }
  }
  for (let b = offset + r * cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) acc[j] = Math.max(acc[j]!, x[b + j]!);
  }
}

/** Index of the first largest element (or first NaN) of each row. */
function rowArgMaxAny(x: TypedArray, offset: number, rows: number, cols: number, out: Int32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = offset + r * cols;
    let best = x[base]!;
    let at = 0;
    if (best === best) {
      for (let j = 1; j < cols; j++) {
        const v = x[base + j]!;
        if (v > best) {
          best = v;
          at = j;
        } else if (v !== v) {
          at = j;
          break;
        }
      }
    }
    out[r] = at;
  }
}

/** Index of the first largest element (or first NaN) of each column, into a zeroed `out`; `best` is scratch space of `cols` elements. */
function columnArgMaxAny(x: TypedArray, offset: number, rows: number, cols: number, out: Int32Array, best: Float64Array): void {
  for (let j = 0; j < cols; j++) best[j] = x[offset + j]!;
  for (let r = 1, b = offset + cols; r < rows; r++, b += cols) {
    for (let j = 0; j < cols; j++) {
      const v = x[b + j]!;
      const current = best[j]!;
      if (v > current || (v !== v && current === current)) {
        best[j] = v;
        out[j] = r;
      }
    }
  }
}

const F64: BlockKernels<Float64Array> = {
  rowSums: rowSumsF64, columnSums: columnSumsF64,
  rowMin: rowMinF64, columnMin: columnMinF64, rowMax: rowMaxF64, columnMax: columnMaxF64,
  rowArgMin: rowArgMinF64, rowArgMax: rowArgMaxF64, columnArgMin: columnArgMinF64, columnArgMax: columnArgMaxF64,
};
const F32: BlockKernels<Float32Array> = {
  rowSums: rowSumsF32, columnSums: columnSumsF32,
  rowMin: rowMinF32, columnMin: columnMinF32, rowMax: rowMaxF32, columnMax: columnMaxF32,
  rowArgMin: rowArgMinF32, rowArgMax: rowArgMaxF32, columnArgMin: columnArgMinF32, columnArgMax: columnArgMaxF32,
};
const ANY: BlockKernels<TypedArray> = {
  rowSums: rowSumsAny, columnSums: columnSumsAny,
  rowMin: rowMinAny, columnMin: columnMinAny, rowMax: rowMaxAny, columnMax: columnMaxAny,
  rowArgMin: rowArgMinAny, rowArgMax: rowArgMaxAny, columnArgMin: columnArgMinAny, columnArgMax: columnArgMaxAny,
};

/** The kernels for `x`'s kind of typed array. */
export function blockKernels(x: TypedArray): BlockKernels<TypedArray> {
  if (x instanceof Float64Array) return F64 as BlockKernels<TypedArray>;
  if (x instanceof Float32Array) return F32 as BlockKernels<TypedArray>;
  return ANY;
}
