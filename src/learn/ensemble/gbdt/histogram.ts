/**
 * Gradient/hessian histograms: for a node's rows, the sums of gradient and hessian per
 * (feature, bin). A histogram is a Float64Array of `stride × 256 × 2` numbers (stride: the
 * feature count rounded up to a multiple of 4; padding features stay unused), laid out feature
 * by feature, bin by bin, gradient then hessian. Only the smaller child of a split is built
 * from its rows; the larger one is the parent minus it (the subtraction trick).
 *
 * The kernels are plain functions over typed arrays with no outside references, so the
 * worker threads run exactly this code (see parallel.node.ts); a histogram built over a
 * range of features is bit-identical whichever thread builds it.
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
 * @param words the binned matrix viewed as Uint32Array (`rows × stride/4`; little-endian bytes)
 * @param wordsPerRow stride / 4
 * @param gh interleaved gradient/hessian per row (`2 × rows`)
 * @param hist `stride × 512` numbers
 */
export function buildHistogram(
  words: Uint32Array, wordsPerRow: number, gh: Float64Array, rowIdx: Int32Array, begin: number, end: number,
  w0: number, w1: number, hist: Float64Array,
): void {
  hist.fill(0, w0 * 2048, w1 * 2048);
  for (let i = begin; i < end; i++) {
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

/** `out = parent - child` over the features of words `[w0, w1)`; `out` may be `parent`. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, out: Float64Array, w0: number, w1: number): void {
  const hi = w1 * 2048;
  for (let i = w0 * 2048; i < hi; i++) out[i] = parent[i]! - child[i]!;
}
