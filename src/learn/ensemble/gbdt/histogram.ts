/**
 * Gradient/hessian histograms: for a node's rows, the sums of gradient and hessian per
 * (feature, bin). A histogram is a Float64Array of `stride × 256 × 2` numbers (stride: the
 * feature count rounded up to a multiple of 4; padding features stay unused), laid out feature
 * by feature, bin by bin, gradient then hessian. Only the smaller child of a split is built
 * from its rows; the larger one is the parent minus it (the subtraction trick).
 *
 * These JavaScript loops (and the row partition a split needs) run where WebAssembly with
 * shared memory is unavailable; elsewhere assembly/histogram.ts runs the same arithmetic in the
 * same order (see wasm-histogram.ts), so both give bit-identical histograms and models.
 */

/** Numbers per feature in a histogram (256 bins × gradient and hessian). */
export const FEATURE_STRIDE = 512;

/** Bytes per row of the binned matrix: the feature count rounded up to a multiple of 4. */
export function rowStride(cols: number): number {
  return (cols + 3) & ~3;
}

/**
 * Sums gradients and hessians of rows `rowIdx[begin..end)` into `hist` for the features of
 * words `[w0, w1)` of each row (features 4·w0 .. 4·w1 − 1); the rest of `hist` is left alone.
 * The binned matrix is read four bins at a time through a 32-bit view (rows are padded to
 * whole words), which is markedly faster than byte loads.
 *
 * A deep node's rows are scattered thinly over the matrix, so each row costs a cache miss the
 * out-of-order window cannot hide behind the previous row's 2·4·(w1 − w0) updates. For such
 * nodes the rows PREFETCH positions ahead are touched (their words and gradients loaded into a
 * throwaway XOR) a block at a time, so their misses overlap each other and the lines are in
 * cache by the time the rows are summed. The XOR is returned only to keep those loads alive.
 * @param words the binned matrix viewed as Uint32Array (`rows × stride/4`; little-endian bytes)
 * @param wordsPerRow stride / 4
 * @param gh interleaved gradient/hessian per row (`2 × rows`)
 * @param hist `stride × 512` numbers
 */
export function buildHistogram(
  words: Uint32Array, wordsPerRow: number, gh: Float64Array, rowIdx: Int32Array, begin: number, end: number,
  w0: number, w1: number, hist: Float64Array,
): number {
  hist.fill(0, w0 * 2048, w1 * 2048);
  const BLOCK = 16;
  const PREFETCH = 32;
  // Thin: fewer than one row in twelve of the span the node's rows cover.
  const sparse = end - begin > 2 * PREFETCH && (end - begin) * 12 < rowIdx[end - 1]! - rowIdx[begin]!;
  let touched = 0;
  for (let i0 = begin; i0 < end; i0 += BLOCK) {
    const i1 = i0 + BLOCK < end ? i0 + BLOCK : end;
    if (sparse) {
      const p1 = i1 + PREFETCH < end ? i1 + PREFETCH : end;
      for (let j = i0 + PREFETCH; j < p1; j++) {
        const r = rowIdx[j]!;
        touched ^= words[r * wordsPerRow + w0]! ^ words[r * wordsPerRow + w1 - 1]! ^ (gh[2 * r]! | 0);
      }
    }
    for (let i = i0; i < i1; i++) {
      const r = rowIdx[i]!;
      const g = gh[2 * r]!;
      const h = gh[2 * r + 1]!;
      let o = r * wordsPerRow + w0;
      let fo = w0 * 2048;
      for (let q = w0; q < w1; q++, o++, fo += 2048) {
        const w = words[o]!;
        let k = fo + ((w & 255) << 1);
        hist[k] += g;
        hist[k + 1] += h;
        k = fo + 512 + (((w >>> 8) & 255) << 1);
        hist[k] += g;
        hist[k + 1] += h;
        k = fo + 1024 + (((w >>> 16) & 255) << 1);
        hist[k] += g;
        hist[k + 1] += h;
        k = fo + 1536 + ((w >>> 24) << 1);
        hist[k] += g;
        hist[k + 1] += h;
      }
    }
  }
  return touched;
}

/** `out = parent - child` over the features of words `[w0, w1)`; `out` may be `parent`. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, out: Float64Array, w0: number, w1: number): void {
  const hi = w1 * 2048;
  for (let i = w0 * 2048; i < hi; i++) out[i] = parent[i]! - child[i]!;
}

/**
 * Stable partition of rows `rowIdx[begin..end)` by one feature's bins (`columns[col + row]`):
 * a row goes left when `((bin + shift) & 255) ≤ threshold`. Left rows are compacted in place
 * from `begin`, right rows written to `scratch` from index `begin`; returns the number of left
 * rows. Branch-free: every row is written to both sides and only one cursor advances, so the
 * unpredictable outcome costs no mispredictions. (`shift` 1 sends missing values, bin 255, to
 * bin 0, i.e. left, for a default-left split.)
 */
export function partitionRows(
  columns: Uint8Array, col: number, rowIdx: Int32Array, scratch: Int32Array, begin: number, end: number, threshold: number, shift: number,
): number {
  let l = begin;
  let r = begin;
  for (let i = begin; i < end; i++) {
    const row = rowIdx[i]!;
    const goLeft = ((columns[col + row]! + shift) & 255) <= threshold ? 1 : 0;
    rowIdx[l] = row;
    scratch[r] = row;
    l += goLeft;
    r += 1 - goLeft;
  }
  return l - begin;
}
