// AssemblyScript source (compiled by scripts/build-kernels.mjs, not by tsc): the hot loops of
// histogram gradient boosting over one linear memory, the same arithmetic in the same order as
// histogram.ts and grower.ts (so models are bit-identical with or without WebAssembly). All
// pointers are byte addresses; a histogram is 256 bins × (gradient, hessian) f64 pairs per
// feature, so one bin's pair is one f64x2 add.

// Rows ahead whose lines a thin node touches before summing (see histogram.ts).
const BLOCK: i32 = 16;
const PREFETCH: i32 = 32;

/**
 * Sums the (gradient, hessian) pairs at `gh` of rows `rowIdx[begin..end)` into `hist` for the
 * features of 32-bit words [w0, w1) of each row of the binned matrix at `words`
 * (`wordsPerRow` words a row). Returns the XOR of the prefetch loads (meaningless).
 */
export function buildHistogram(words: usize, wordsPerRow: i32, gh: usize, rowIdx: usize, begin: i32, end: i32, w0: i32, w1: i32, hist: usize): i32 {
  memory.fill(hist + <usize>(w0 * 16384), 0, <usize>((w1 - w0) * 16384));
  const sparse = end - begin > 2 * PREFETCH && (end - begin) * 12 < load<i32>(rowIdx + (<usize>(end - 1) << 2)) - load<i32>(rowIdx + (<usize>begin << 2));
  let touched: i32 = 0;
  for (let i0 = begin; i0 < end; i0 += BLOCK) {
    const i1 = i0 + BLOCK < end ? i0 + BLOCK : end;
    if (sparse) {
      const p1 = i1 + PREFETCH < end ? i1 + PREFETCH : end;
      for (let j = i0 + PREFETCH; j < p1; j++) {
        const r = load<i32>(rowIdx + (<usize>j << 2));
        const o = words + (<usize>(r * wordsPerRow) << 2);
        touched ^= load<i32>(o + (<usize>w0 << 2)) ^ load<i32>(o + (<usize>(w1 - 1) << 2)) ^ load<i32>(gh + (<usize>r << 4));
      }
    }
    for (let i = i0; i < i1; i++) {
      const r = load<i32>(rowIdx + (<usize>i << 2));
      const v = v128.load(gh + (<usize>r << 4));
      let o = words + (<usize>(r * wordsPerRow + w0) << 2);
      let fo = hist + <usize>(w0 * 16384);
      for (let q = w0; q < w1; q++, o += 4, fo += 16384) {
        const w = load<u32>(o);
        let k = fo + (<usize>(w & 255) << 4);
        v128.store(k, f64x2.add(v128.load(k), v));
        k = fo + 4096 + (<usize>((w >>> 8) & 255) << 4);
        v128.store(k, f64x2.add(v128.load(k), v));
        k = fo + 8192 + (<usize>((w >>> 16) & 255) << 4);
        v128.store(k, f64x2.add(v128.load(k), v));
        k = fo + 12288 + (<usize>(w >>> 24) << 4);
        v128.store(k, f64x2.add(v128.load(k), v));
      }
    }
  }
  return touched;
}

/**
 * Stable partition of rows `rowIdx[begin..end)` by one feature's bins (the byte column at
 * `column`, indexed by row): a row goes left when ((bin + shift) & 255) ≤ threshold. Left rows
 * are compacted in place from `begin`, right rows written to `scratch` from index `begin`.
 * Branch-free like grower.ts. Returns the number of left rows.
 */
export function partition(column: usize, rowIdx: usize, scratch: usize, begin: i32, end: i32, threshold: i32, shift: i32): i32 {
  let l = rowIdx + (<usize>begin << 2);
  let r = scratch + (<usize>begin << 2);
  const stop = rowIdx + (<usize>end << 2);
  for (let p = l; p < stop; p += 4) {
    const row = load<i32>(p);
    const goLeft = <usize>(((<i32>load<u8>(column + <usize>row) + shift) & 255) <= threshold);
    store<i32>(l, row);
    store<i32>(r, row);
    l += goLeft << 2;
    r += (1 - goLeft) << 2;
  }
  return <i32>((l - rowIdx) >> 2) - begin;
}

/**
 * Adds the leaf values of trees [t0, t1) to `out` (`rows × outputs` f64, tree t adds to output
 * t % outputs) for the rows at `x` (`rows × cols`, f32 or f64). The forest is compiled as in
 * predictor.ts (leaves loop to themselves with a NaN threshold, children adjacent:
 * next = left + (x ≥ threshold)) into 16-byte node records at `nodes` — i32 feature (bit 30 set
 * when a missing value goes right), i32 left, f64 threshold — so one step reads one cache line.
 * Four rows walk each tree together so their dependent loads overlap.
 */
// @ts-ignore: decorator
@inline
function walk<T>(x: usize, rows: i32, cols: i32, roots: usize, depth: usize, t0: i32, t1: i32, nodes: usize, value: usize, outputs: i32, out: usize): void {
  const rowBytes = <usize>cols * sizeof<T>();
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const x0 = x + <usize>r * rowBytes;
    const x1 = x0 + rowBytes;
    const x2 = x1 + rowBytes;
    const x3 = x2 + rowBytes;
    const o0 = out + (<usize>(r * outputs) << 3);
    const ob = <usize>outputs << 3;
    for (let t = t0; t < t1; t++) {
      let a = load<i32>(roots + (<usize>t << 2));
      let b = a;
      let c = a;
      let d = a;
      for (let s = load<i32>(depth + (<usize>t << 2)); s > 0; s--) {
        a = step<T>(x0, nodes + (<usize>a << 4));
        b = step<T>(x1, nodes + (<usize>b << 4));
        c = step<T>(x2, nodes + (<usize>c << 4));
        d = step<T>(x3, nodes + (<usize>d << 4));
      }
      const k = <usize>(outputs === 1 ? 0 : t % outputs) << 3;
      store<f64>(o0 + k, load<f64>(o0 + k) + load<f64>(value + (<usize>a << 3)));
      store<f64>(o0 + ob + k, load<f64>(o0 + ob + k) + load<f64>(value + (<usize>b << 3)));
      store<f64>(o0 + 2 * ob + k, load<f64>(o0 + 2 * ob + k) + load<f64>(value + (<usize>c << 3)));
      store<f64>(o0 + 3 * ob + k, load<f64>(o0 + 3 * ob + k) + load<f64>(value + (<usize>d << 3)));
    }
  }
  for (; r < rows; r++) {
    const x0 = x + <usize>r * rowBytes;
    const o0 = out + (<usize>(r * outputs) << 3);
    for (let t = t0; t < t1; t++) {
      let a = load<i32>(roots + (<usize>t << 2));
      for (let s = load<i32>(depth + (<usize>t << 2)); s > 0; s--) a = step<T>(x0, nodes + (<usize>a << 4));
      const k = <usize>(outputs === 1 ? 0 : t % outputs) << 3;
      store<f64>(o0 + k, load<f64>(o0 + k) + load<f64>(value + (<usize>a << 3)));
    }
  }
}

/** The child the row at `xr` goes to from the node record at `node` (NaN: the node's missing direction). */
// @ts-ignore: decorator
@inline
function step<T>(xr: usize, node: usize): i32 {
  const f = load<i32>(node);
  const v = <f64>load<T>(xr + (<usize>(f & 0x3fffffff) * sizeof<T>()));
  return load<i32>(node, 4) + (<i32>(v >= load<f64>(node, 8)) | (<i32>(v != v) & (f >>> 30)));
}

export function predictF64(x: usize, rows: i32, cols: i32, roots: usize, depth: usize, t0: i32, t1: i32, nodes: usize, value: usize, outputs: i32, out: usize): void {
  walk<f64>(x, rows, cols, roots, depth, t0, t1, nodes, value, outputs, out);
}

export function predictF32(x: usize, rows: i32, cols: i32, roots: usize, depth: usize, t0: i32, t1: i32, nodes: usize, value: usize, outputs: i32, out: usize): void {
  walk<f32>(x, rows, cols, roots, depth, t0, t1, nodes, value, outputs, out);
}
