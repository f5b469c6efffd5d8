// AssemblyScript source (compiled by scripts/build-kernels.mjs, not by tsc): packed,
// cache-blocked GEMM C = op(A)·op(B) (+ C) for f32 and f64 with a WebAssembly SIMD
// register-tiled micro-kernel. All pointers are byte addresses in linear memory; strides and
// leading dimensions count elements. `work` points at scratch space for the packed blocks (see
// workBytesF32/F64).
//
// Blocking (Goto/BLIS order): for each NC-wide column block of B and KC-deep slice of k, B is
// packed into NR-wide panels (contiguous along k); for each MC-tall row block of A, A is packed
// into MR-tall panels; the micro-kernel then keeps an MR×NR tile of C in 12 v128 accumulators.
// Twelve is the most V8's x64 register allocator holds without spilling (16 xmm registers, one
// reserved, plus the two B vectors, the broadcast A value and a product temporary).

// With --enable relaxed-simd the multiply-adds compile to relaxed_madd (a fused multiply-add
// where the CPU has one); ASC_FEATURE_RELAXED_SIMD is a compile-time constant, so each build
// holds only one of the two forms.

// @ts-ignore: decorator
@inline
function madd32(x: v128, y: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(x, y, acc);
  return f32x4.add(acc, f32x4.mul(x, y));
}

// @ts-ignore: decorator
@inline
function madd64(x: v128, y: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(x, y, acc);
  return f64x2.add(acc, f64x2.mul(x, y));
}

// f32: 6×8 tile = 6 rows × 2 vectors of f32x4.
const MR32: i32 = 6;
const NR32: i32 = 8;
const KC32: i32 = 256;
const MC32: i32 = 96;
const NC32: i32 = 512; // KC·NC·4 bytes = 512 KB of packed B

// f64: 6×4 tile = 6 rows × 2 vectors of f64x2.
const MR64: i32 = 6;
const NR64: i32 = 4;
const KC64: i32 = 256;
const MC64: i32 = 72;
const NC64: i32 = 256; // KC·NC·8 bytes = 512 KB of packed B

/** Scratch bytes that sgemm needs at `work` (packed A block, packed B block, one edge tile). */
export function workBytesF32(): i32 {
  return (MC32 + MR32) * KC32 * 4 + (NC32 + NR32) * KC32 * 4 + MR32 * NR32 * 4 + 64;
}

/** Scratch bytes that dgemm needs at `work`. */
export function workBytesF64(): i32 {
  return (MC64 + MR64) * KC64 * 8 + (NC64 + NR64) * KC64 * 8 + MR64 * NR64 * 8 + 64;
}

// ---------------------------------------------------------------------------------- float32

function packB32(kc: i32, nc: i32, b: usize, rsb: i32, csb: i32, dst: usize): void {
  for (let j0: i32 = 0; j0 < nc; j0 += NR32) {
    const w = min(NR32, nc - j0);
    if (w == NR32 && csb == 1) {
      for (let p: i32 = 0; p < kc; p++) {
        const src = b + (<usize>(p * rsb + j0) << 2);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        dst += 32;
      }
    } else {
      // Transposed or ragged: column by column, so a transposed B is read contiguously.
      for (let q: i32 = 0; q < NR32; q++) {
        let d = dst + (<usize>q << 2);
        if (q < w) {
          let src = b + (<usize>((j0 + q) * csb) << 2);
          const step = <usize>rsb << 2;
          for (let p: i32 = 0; p < kc; p++) {
            store<f32>(d, load<f32>(src));
            src += step;
            d += 32;
          }
        } else {
          for (let p: i32 = 0; p < kc; p++) {
            store<f32>(d, 0);
            d += 32;
          }
        }
      }
      dst += <usize>kc << 5;
    }
  }
}

function packA32(mc: i32, kc: i32, a: usize, rsa: i32, csa: i32, dst: usize): void {
  for (let i0: i32 = 0; i0 < mc; i0 += MR32) {
    const h = min(MR32, mc - i0);
    if (h == MR32 && rsa == 1) {
      // Transposed A: the panel's 6 values for one step of k are adjacent.
      let src = a + (<usize>i0 << 2);
      const step = <usize>csa << 2;
      let d = dst;
      for (let p: i32 = 0; p < kc; p++) {
        for (let r: i32 = 0; r < MR32; r++) store<f32>(d + (<usize>r << 2), load<f32>(src + (<usize>r << 2)));
        src += step;
        d += MR32 << 2;
      }
    } else {
      for (let r: i32 = 0; r < MR32; r++) {
        let d = dst + (<usize>r << 2);
        if (r < h) {
          let src = a + (<usize>((i0 + r) * rsa) << 2);
          const step = <usize>csa << 2;
          for (let p: i32 = 0; p < kc; p++) {
            store<f32>(d, load<f32>(src));
            src += step;
            d += MR32 << 2;
          }
        } else {
          for (let p: i32 = 0; p < kc; p++) {
            store<f32>(d, 0);
            d += MR32 << 2;
          }
        }
      }
    }
    dst += <usize>(MR32 * kc) << 2;
  }
}

/** 6×8 micro-kernel: C[0:6, 0:8] (= or +=) packed A panel · packed B panel over kc steps. */
function kernel32(kc: i32, ap: usize, bp: usize, c: usize, ldc: i32, accumulate: bool): void {
  const l = <usize>ldc << 2;
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0), c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0), c51 = f32x4.splat(0);
  // Starting from C (rather than adding it after the loop) keeps the epilogue free of
  // branches, which is what lets V8 hold all twelve accumulators in registers.
  if (accumulate) {
    c00 = v128.load(c + 0 * l); c01 = v128.load(c + 0 * l, 16);
    c10 = v128.load(c + 1 * l); c11 = v128.load(c + 1 * l, 16);
    c20 = v128.load(c + 2 * l); c21 = v128.load(c + 2 * l, 16);
    c30 = v128.load(c + 3 * l); c31 = v128.load(c + 3 * l, 16);
    c40 = v128.load(c + 4 * l); c41 = v128.load(c + 4 * l, 16);
    c50 = v128.load(c + 5 * l); c51 = v128.load(c + 5 * l, 16);
  }
  for (let p: i32 = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = v128.load32_splat(ap);
    c00 = madd32(x, b0, c00); c01 = madd32(x, b1, c01);
    x = v128.load32_splat(ap, 4);
    c10 = madd32(x, b0, c10); c11 = madd32(x, b1, c11);
    x = v128.load32_splat(ap, 8);
    c20 = madd32(x, b0, c20); c21 = madd32(x, b1, c21);
    x = v128.load32_splat(ap, 12);
    c30 = madd32(x, b0, c30); c31 = madd32(x, b1, c31);
    x = v128.load32_splat(ap, 16);
    c40 = madd32(x, b0, c40); c41 = madd32(x, b1, c41);
    x = v128.load32_splat(ap, 20);
    c50 = madd32(x, b0, c50); c51 = madd32(x, b1, c51);
    ap += 24;
    bp += 32;
  }
  v128.store(c + 0 * l, c00); v128.store(c + 0 * l, c01, 16);
  v128.store(c + 1 * l, c10); v128.store(c + 1 * l, c11, 16);
  v128.store(c + 2 * l, c20); v128.store(c + 2 * l, c21, 16);
  v128.store(c + 3 * l, c30); v128.store(c + 3 * l, c31, 16);
  v128.store(c + 4 * l, c40); v128.store(c + 4 * l, c41, 16);
  v128.store(c + 5 * l, c50); v128.store(c + 5 * l, c51, 16);
}

/**
 * C (m×n, leading dimension ldc) = A · B (+ C when `accumulate` is non-zero), single precision.
 * Element (i, p) of A is at a + (i·rsa + p·csa)·4 and (p, j) of B at b + (p·rsb + j·csb)·4, so a
 * transposed operand is just swapped strides. `work` has workBytesF32() bytes of scratch.
 */
export function sgemm(
  m: i32, n: i32, k: i32, a: usize, rsa: i32, csa: i32, b: usize, rsb: i32, csb: i32,
  c: usize, ldc: i32, work: usize, accumulate: i32,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (accumulate == 0) for (let i: i32 = 0; i < m; i++) memory.fill(c + (<usize>(i * ldc) << 2), 0, <usize>n << 2);
    return;
  }
  const pa = (work + 63) & ~(<usize>63);
  const pb = pa + (<usize>((MC32 + MR32) * KC32) << 2);
  const edge = pb + (<usize>((NC32 + NR32) * KC32) << 2);
  for (let jc: i32 = 0; jc < n; jc += NC32) {
    const nc = min(NC32, n - jc);
    for (let pc: i32 = 0; pc < k; pc += KC32) {
      const kc = min(KC32, k - pc);
      const acc = accumulate != 0 || pc > 0;
      packB32(kc, nc, b + (<usize>(pc * rsb + jc * csb) << 2), rsb, csb, pb);
      for (let ic: i32 = 0; ic < m; ic += MC32) {
        const mc = min(MC32, m - ic);
        packA32(mc, kc, a + (<usize>(ic * rsa + pc * csa) << 2), rsa, csa, pa);
        for (let jr: i32 = 0; jr < nc; jr += NR32) {
          const w = min(NR32, nc - jr);
          const bp = pb + (<usize>(jr * kc) << 2);
          for (let ir: i32 = 0; ir < mc; ir += MR32) {
            const h = min(MR32, mc - ir);
            const ap = pa + (<usize>(ir * kc) << 2);
            const cp = c + (<usize>((ic + ir) * ldc + jc + jr) << 2);
            if (h == MR32 && w == NR32) {
              kernel32(kc, ap, bp, cp, ldc, acc);
              continue;
            }
            // Ragged edge: run the full tile on a scratch copy of the part of C that exists.
            for (let r: i32 = 0; r < MR32; r++) {
              for (let q: i32 = 0; q < NR32; q++) {
                const v: f32 = acc && r < h && q < w ? load<f32>(cp + (<usize>(r * ldc + q) << 2)) : 0;
                store<f32>(edge + (<usize>(r * NR32 + q) << 2), v);
              }
            }
            kernel32(kc, ap, bp, edge, NR32, true);
            for (let r: i32 = 0; r < h; r++) {
              for (let q: i32 = 0; q < w; q++) {
                store<f32>(cp + (<usize>(r * ldc + q) << 2), load<f32>(edge + (<usize>(r * NR32 + q) << 2)));
              }
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------- float64

function packB64(kc: i32, nc: i32, b: usize, rsb: i32, csb: i32, dst: usize): void {
  for (let j0: i32 = 0; j0 < nc; j0 += NR64) {
    const w = min(NR64, nc - j0);
    if (w == NR64 && csb == 1) {
      for (let p: i32 = 0; p < kc; p++) {
        const src = b + (<usize>(p * rsb + j0) << 3);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        dst += 32;
      }
    } else {
      // Transposed or ragged: column by column, so a transposed B is read contiguously.
      for (let q: i32 = 0; q < NR64; q++) {
        let d = dst + (<usize>q << 3);
        if (q < w) {
          let src = b + (<usize>((j0 + q) * csb) << 3);
          const step = <usize>rsb << 3;
          for (let p: i32 = 0; p < kc; p++) {
            store<f64>(d, load<f64>(src));
            src += step;
            d += 32;
          }
        } else {
          for (let p: i32 = 0; p < kc; p++) {
            store<f64>(d, 0);
            d += 32;
          }
        }
      }
      dst += <usize>kc << 5;
    }
  }
}

function packA64(mc: i32, kc: i32, a: usize, rsa: i32, csa: i32, dst: usize): void {
  for (let i0: i32 = 0; i0 < mc; i0 += MR64) {
    const h = min(MR64, mc - i0);
    if (h == MR64 && rsa == 1) {
      // Transposed A: the panel's 6 values for one step of k are adjacent.
      let src = a + (<usize>i0 << 3);
      const step = <usize>csa << 3;
      let d = dst;
      for (let p: i32 = 0; p < kc; p++) {
        for (let r: i32 = 0; r < MR64; r++) store<f64>(d + (<usize>r << 3), load<f64>(src + (<usize>r << 3)));
        src += step;
        d += MR64 << 3;
      }
    } else {
      for (let r: i32 = 0; r < MR64; r++) {
        let d = dst + (<usize>r << 3);
        if (r < h) {
          let src = a + (<usize>((i0 + r) * rsa) << 3);
          const step = <usize>csa << 3;
          for (let p: i32 = 0; p < kc; p++) {
            store<f64>(d, load<f64>(src));
            src += step;
            d += MR64 << 3;
          }
        } else {
          for (let p: i32 = 0; p < kc; p++) {
            store<f64>(d, 0);
            d += MR64 << 3;
          }
        }
      }
    }
    dst += <usize>(MR64 * kc) << 3;
  }
}

/** 6×4 micro-kernel: C[0:6, 0:4] (= or +=) packed A panel · packed B panel over kc steps. */
function kernel64(kc: i32, ap: usize, bp: usize, c: usize, ldc: i32, accumulate: bool): void {
  const l = <usize>ldc << 3;
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  let c40 = f64x2.splat(0), c41 = f64x2.splat(0);
  let c50 = f64x2.splat(0), c51 = f64x2.splat(0);
  // Starting from C (rather than adding it after the loop) keeps the epilogue free of
  // branches, which is what lets V8 hold all twelve accumulators in registers.
  if (accumulate) {
    c00 = v128.load(c + 0 * l); c01 = v128.load(c + 0 * l, 16);
    c10 = v128.load(c + 1 * l); c11 = v128.load(c + 1 * l, 16);
    c20 = v128.load(c + 2 * l); c21 = v128.load(c + 2 * l, 16);
    c30 = v128.load(c + 3 * l); c31 = v128.load(c + 3 * l, 16);
    c40 = v128.load(c + 4 * l); c41 = v128.load(c + 4 * l, 16);
    c50 = v128.load(c + 5 * l); c51 = v128.load(c + 5 * l, 16);
  }
  for (let p: i32 = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = v128.load64_splat(ap);
    c00 = madd64(x, b0, c00); c01 = madd64(x, b1, c01);
    x = v128.load64_splat(ap, 8);
    c10 = madd64(x, b0, c10); c11 = madd64(x, b1, c11);
    x = v128.load64_splat(ap, 16);
    c20 = madd64(x, b0, c20); c21 = madd64(x, b1, c21);
    x = v128.load64_splat(ap, 24);
    c30 = madd64(x, b0, c30); c31 = madd64(x, b1, c31);
    x = v128.load64_splat(ap, 32);
    c40 = madd64(x, b0, c40); c41 = madd64(x, b1, c41);
    x = v128.load64_splat(ap, 40);
    c50 = madd64(x, b0, c50); c51 = madd64(x, b1, c51);
    ap += 48;
    bp += 32;
  }
  v128.store(c + 0 * l, c00); v128.store(c + 0 * l, c01, 16);
  v128.store(c + 1 * l, c10); v128.store(c + 1 * l, c11, 16);
  v128.store(c + 2 * l, c20); v128.store(c + 2 * l, c21, 16);
  v128.store(c + 3 * l, c30); v128.store(c + 3 * l, c31, 16);
  v128.store(c + 4 * l, c40); v128.store(c + 4 * l, c41, 16);
  v128.store(c + 5 * l, c50); v128.store(c + 5 * l, c51, 16);
}

/**
 * C (m×n, leading dimension ldc) = A · B (+ C when `accumulate` is non-zero), double precision.
 * Element (i, p) of A is at a + (i·rsa + p·csa)·8 and (p, j) of B at b + (p·rsb + j·csb)·8, so a
 * transposed operand is just swapped strides. `work` has workBytesF64() bytes of scratch.
 */
export function dgemm(
  m: i32, n: i32, k: i32, a: usize, rsa: i32, csa: i32, b: usize, rsb: i32, csb: i32,
  c: usize, ldc: i32, work: usize, accumulate: i32,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (accumulate == 0) for (let i: i32 = 0; i < m; i++) memory.fill(c + (<usize>(i * ldc) << 3), 0, <usize>n << 3);
    return;
  }
  const pa = (work + 63) & ~(<usize>63);
  const pb = pa + (<usize>((MC64 + MR64) * KC64) << 3);
  const edge = pb + (<usize>((NC64 + NR64) * KC64) << 3);
  for (let jc: i32 = 0; jc < n; jc += NC64) {
    const nc = min(NC64, n - jc);
    for (let pc: i32 = 0; pc < k; pc += KC64) {
      const kc = min(KC64, k - pc);
      const acc = accumulate != 0 || pc > 0;
      packB64(kc, nc, b + (<usize>(pc * rsb + jc * csb) << 3), rsb, csb, pb);
      for (let ic: i32 = 0; ic < m; ic += MC64) {
        const mc = min(MC64, m - ic);
        packA64(mc, kc, a + (<usize>(ic * rsa + pc * csa) << 3), rsa, csa, pa);
        for (let jr: i32 = 0; jr < nc; jr += NR64) {
          const w = min(NR64, nc - jr);
          const bp = pb + (<usize>(jr * kc) << 3);
          for (let ir: i32 = 0; ir < mc; ir += MR64) {
            const h = min(MR64, mc - ir);
            const ap = pa + (<usize>(ir * kc) << 3);
            const cp = c + (<usize>((ic + ir) * ldc + jc + jr) << 3);
            if (h == MR64 && w == NR64) {
              kernel64(kc, ap, bp, cp, ldc, acc);
              continue;
            }
            // Ragged edge: run the full tile on a scratch copy of the part of C that exists.
            for (let r: i32 = 0; r < MR64; r++) {
              for (let q: i32 = 0; q < NR64; q++) {
                const v: f64 = acc && r < h && q < w ? load<f64>(cp + (<usize>(r * ldc + q) << 3)) : 0;
                store<f64>(edge + (<usize>(r * NR64 + q) << 3), v);
              }
            }
            kernel64(kc, ap, bp, edge, NR64, true);
            for (let r: i32 = 0; r < h; r++) {
              for (let q: i32 = 0; q < w; q++) {
                store<f64>(cp + (<usize>(r * ldc + q) << 3), load<f64>(edge + (<usize>(r * NR64 + q) << 3)));
              }
            }
          }
        }
      }
    }
  }
}

/** First free byte after the module's static data; callers place buffers at or above it. */
export function heapBase(): usize {
  return __heap_base;
}
