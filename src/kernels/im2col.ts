/**
 * Convolution as GEMM: `im2col` unrolls the receptive fields of a batch of images into a matrix
 * with one row per (input channel, kernel row, kernel column) and one column per (image, output
 * row, output column), so a 2-D convolution becomes W (Cout × C·kh·kw) · cols; `col2im` is its
 * adjoint (scatter-adds such a matrix back onto images), which gives the gradient of the input.
 * Both are memory-bound, plain TypeScript for float32 and float64 (no WebAssembly: the copy in
 * and out of linear memory would cost as much as the loop). A 1-D convolution is the H = 1 case.
 * For stride 1 with the output as wide as the input (3×3 with padding 1, …) im2col copies each
 * row's whole band of output rows at once (about twice as fast for 14×14 planes); for stride 1
 * col2im gathers each input position's taps and writes it once (about twice as fast as scattering).
 */
import type { FloatArray } from './gemm-ts.js';

/** A 2-D sliding window over H×W planes: its size, stride, zero padding and dilation. */
export interface WindowGeometry {
  height: number;
  width: number;
  kernelH: number;
  kernelW: number;
  strideH: number;
  strideW: number;
  padH: number;
  padW: number;
  dilationH: number;
  dilationW: number;
}

/** Geometry of a 2-D convolution window over C×H×W images. */
export interface ConvGeometry extends WindowGeometry {
  channels: number;
}

/** Output size along one axis (PyTorch's floor rule); ≤ 0 means the window does not fit. */
export function convOutSize(size: number, kernel: number, stride: number, pad: number, dilation: number): number {
  return Math.floor((size + 2 * pad - dilation * (kernel - 1) - 1) / stride) + 1;
}

/**
 * Writes the columns of `images` images (each C×H×W, contiguous from `x[xOff]`) into `cols`:
 * row r = (c·kh + i)·kw + j, column `colOff + n·outH·outW + oy·outW + ox`, row length `ldCols`.
 * Taps that fall in the padding are 0.
 */
export function im2col(
  g: ConvGeometry, x: FloatArray, xOff: number, images: number,
  cols: FloatArray, ldCols: number, colOff = 0,
): void {
  const { channels: C, height: H, width: W, kernelH: KH, kernelW: KW, strideH: SH, strideW: SW, padH: PH, padW: PW, dilationH: DH, dilationW: DW } = g;
  const OH = convOutSize(H, KH, SH, PH, DH), OW = convOutSize(W, KW, SW, PW, DW);
  const plane = OH * OW;
  const band = SW === 1 && SH === 1 && OW === W;
  for (let n = 0; n < images; n++) {
    const xn = xOff + n * C * H * W;
    for (let c = 0; c < C; c++) {
      const xc = xn + c * H * W;
      for (let i = 0; i < KH; i++) {
        for (let j = 0; j < KW; j++) {
          const row = (c * KH + i) * KW + j;
          let dst = row * ldCols + colOff + n * plane;
          const dx = j * DW - PW;
          // Output columns whose input column is inside the image: ox in [lo, hi).
          const lo = Math.min(OW, Math.max(0, Math.ceil(-dx / SW)));
          const hi = Math.max(lo, Math.min(OW, Math.floor((W - 1 - dx) / SW) + 1));
          if (band) {
            // Output rows oy0..oy1-1 read input rows oy + i·DH − PH inside the image; with OW = W
            // and stride 1 they are one contiguous run of the plane shifted by dx, so one copy
            // does them all, then the columns that wrapped past the edge (ox < lo, ox ≥ hi) become 0.
            const shift = i * DH - PH;
            const oy0 = Math.min(OH, Math.max(0, -shift)), oy1 = Math.max(oy0, Math.min(OH, H - shift));
            if (oy0 > 0) cols.fill(0, dst, dst + oy0 * OW);
            if (oy1 < OH) cols.fill(0, dst + oy1 * OW, dst + OH * OW);
            if (oy1 > oy0) {
              const src = xc + (oy0 + shift) * W + dx;
              const first = Math.max(0, -src + xc), last = Math.min((oy1 - oy0) * OW, xc + H * W - src);
              cols.set(x.subarray(src + first, src + last), dst + oy0 * OW + first);
              for (let oy = oy0; oy < oy1; oy++) {
                const row0 = dst + oy * OW;
                for (let ox = 0; ox < lo; ox++) cols[row0 + ox] = 0;
                for (let ox = hi; ox < OW; ox++) cols[row0 + ox] = 0;
              }
            }
            continue;
          }
          for (let oy = 0; oy < OH; oy++) {
            const y = oy * SH + i * DH - PH;
            if (y < 0 || y >= H) {
              cols.fill(0, dst, dst + OW);
            } else {
              const src = xc + y * W + dx;
              for (let ox = 0; ox < lo; ox++) cols[dst + ox] = 0;
              if (SW === 1) {
                for (let ox = lo; ox < hi; ox++) cols[dst + ox] = x[src + ox]!;
              } else {
                for (let ox = lo; ox < hi; ox++) cols[dst + ox] = x[src + ox * SW]!;
              }
              for (let ox = hi; ox < OW; ox++) cols[dst + ox] = 0;
            }
            dst += OW;
          }
        }
      }
    }
  }
}

/**
 * The adjoint of `im2col`: adds each entry of `cols` (same layout) onto the input position it
 * was read from, into `dx` (images contiguous from `dxOff`, which the caller zeroes first).
 */
export function col2im(
  g: ConvGeometry, cols: FloatArray, ldCols: number, colOff: number, images: number,
  dx: FloatArray, dxOff: number,
): void {
  if (g.strideH === 1 && g.strideW === 1) {
    col2imStride1(g, cols, ldCols, colOff, images, dx, dxOff);
    return;
  }
  const { channels: C, height: H, width: W, kernelH: KH, kernelW: KW, strideH: SH, strideW: SW, padH: PH, padW: PW, dilationH: DH, dilationW: DW } = g;
  const OH = convOutSize(H, KH, SH, PH, DH), OW = convOutSize(W, KW, SW, PW, DW);
  const plane = OH * OW;
  for (let n = 0; n < images; n++) {
    const xn = dxOff + n * C * H * W;
    for (let c = 0; c < C; c++) {
      const xc = xn + c * H * W;
      for (let i = 0; i < KH; i++) {
        for (let j = 0; j < KW; j++) {
          const row = (c * KH + i) * KW + j;
          let src = row * ldCols + colOff + n * plane;
          const ddx = j * DW - PW;
          const lo = Math.min(OW, Math.max(0, Math.ceil(-ddx / SW)));
          const hi = Math.max(lo, Math.min(OW, Math.floor((W - 1 - ddx) / SW) + 1));
          for (let oy = 0; oy < OH; oy++) {
            const y = oy * SH + i * DH - PH;
            if (y >= 0 && y < H) {
              const dst = xc + y * W + ddx;
              for (let ox = lo; ox < hi; ox++) dx[dst + ox * SW]! += cols[src + ox]!;
            }
            src += OW;
          }
        }
      }
    }
  }
}

/**
 * `col2im` for stride 1, as a gather: each input position sums its taps in a register (in the
 * order the scatter adds them; in double precision, rounded once when stored to float32) and is
 * written once, instead of being read and written once per tap. Input row y takes kernel row i
 * from output row oy = y + padH − i·dilationH and kernel column j from output column
 * ox = x + padW − j·dilationW, where those are inside the output.
 */
function col2imStride1(
  g: ConvGeometry, cols: FloatArray, ldCols: number, colOff: number, images: number,
  dx: FloatArray, dxOff: number,
): void {
  const { channels: C, height: H, width: W, kernelH: KH, kernelW: KW, padH: PH, padW: PW, dilationH: DH, dilationW: DW } = g;
  const OH = convOutSize(H, KH, 1, PH, DH), OW = convOutSize(W, KW, 1, PW, DW);
  const plane = OH * OW;
  // Per valid tap of the current input row: where its output row starts, shifted so that input
  // column x reads entry x, and the input columns [from, to) whose output column exists.
  const taps = KH * KW;
  const base = new Int32Array(taps), from = new Int32Array(taps), to = new Int32Array(taps);
  // Input columns every kernel column reaches: [inLo, inHi).
  const inLo = Math.min(W, Math.max(0, (KW - 1) * DW - PW)), inHi = Math.max(inLo, Math.min(W, OW - PW));
  for (let n = 0; n < images; n++) {
    for (let c = 0; c < C; c++) {
      const xc = dxOff + (n * C + c) * H * W;
      const rows = (c * taps) * ldCols + colOff + n * plane;
      for (let y = 0; y < H; y++) {
        let t = 0;
        for (let i = 0; i < KH; i++) {
          const oy = y + PH - i * DH;
          if (oy < 0 || oy >= OH) continue;
          for (let j = 0; j < KW; j++) {
            const shift = PW - j * DW;
            base[t] = rows + (i * KW + j) * ldCols + oy * OW + shift;
            from[t] = Math.max(0, -shift);
            to[t] = Math.min(W, OW - shift);
            t++;
          }
        }
        const p0 = xc + y * W;
        // Edge columns: check each tap's range.
        for (let x = 0; x < W; x++) {
          if (x === inLo && inHi > inLo) x = inHi;
          if (x >= W) break;
          let s = dx[p0 + x]!;
          for (let k = 0; k < t; k++) if (x >= from[k]! && x < to[k]!) s += cols[base[k]! + x]!;
          dx[p0 + x] = s;
        }
        // Interior columns: every tap of the row is inside the output.
        if (t === 9) {
          const b0 = base[0]!, b1 = base[1]!, b2 = base[2]!, b3 = base[3]!, b4 = base[4]!, b5 = base[5]!, b6 = base[6]!, b7 = base[7]!, b8 = base[8]!;
          for (let x = inLo; x < inHi; x++) {
            dx[p0 + x] = dx[p0 + x]! + cols[b0 + x]! + cols[b1 + x]! + cols[b2 + x]! + cols[b3 + x]! + cols[b4 + x]! +
              cols[b5 + x]! + cols[b6 + x]! + cols[b7 + x]! + cols[b8 + x]!;
          }
        } else {
          for (let x = inLo; x < inHi; x++) {
            let s = dx[p0 + x]!;
            for (let k = 0; k < t; k++) s += cols[base[k]! + x]!;
            dx[p0 + x] = s;
          }
        }
      }
    }
  }
}
