/**
 * Pooling over C×H×W planes (a batch is just more planes): max pooling with the argmax kept for
 * the backward pass, average pooling (padding counted or not, as PyTorch's count_include_pad)
 * and adaptive average pooling, each with its backward. Plain TypeScript for float32/float64;
 * a 1-D pool is the H = 1 case.
 */
import type { FloatArray } from './gemm-ts.js';
import { convOutSize, type WindowGeometry } from './im2col.js';

/** A pooling window over `planes` planes of H×W. */
export interface PoolGeometry extends WindowGeometry {
  planes: number;
}

/**
 * Max pooling: `out[p, oy, ox]` = max over the window (padding never wins), `argmax` the index
 * within the plane (y·W + x) of the winner, first one on ties as PyTorch.
 */
export function maxPoolForward(g: PoolGeometry, x: FloatArray, out: FloatArray, argmax: Int32Array): void {
  const { planes, height: H, width: W, kernelH: KH, kernelW: KW, strideH: SH, strideW: SW, padH: PH, padW: PW, dilationH: DH, dilationW: DW } = g;
  const OH = convOutSize(H, KH, SH, PH, DH), OW = convOutSize(W, KW, SW, PW, DW);
  if (KH === 2 && KW === 2 && SH === 2 && SW === 2 && PH === 0 && PW === 0 && DH === 1 && DW === 1) {
    maxPool2x2(planes, H, W, OH, OW, x, out, argmax);
    return;
  }
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        let best = NaN;
        let at = -1;
        if (PH === 0 && PW === 0) {
          // Without padding every tap is inside the image.
          let row = (oy * SH) * W + ox * SW;
          for (let i = 0; i < KH; i++, row += DH * W) {
            for (let j = 0, q = row; j < KW; j++, q += DW) {
              const v = x[base + q]!;
              // The first value, then strictly larger ones; a NaN wins and stays (as in PyTorch).
              if (at < 0 || (best === best && (v > best || v !== v))) {
                best = v;
                at = q;
              }
            }
          }
        } else {
          for (let i = 0; i < KH; i++) {
            const y = oy * SH - PH + i * DH;
            if (y < 0 || y >= H) continue;
            for (let j = 0; j < KW; j++) {
              const xx = ox * SW - PW + j * DW;
              if (xx < 0 || xx >= W) continue;
              const v = x[base + y * W + xx]!;
              if (at < 0 || (best === best && (v > best || v !== v))) {
                best = v;
                at = y * W + xx;
              }
            }
          }
        }
        out[o] = best;
        argmax[o] = at;
        o++;
      }
    }
  }
}

/**
 * The common 2×2, stride-2 window without branches on the data: the winner's index is computed
 * from comparison results (0 or 1), since on random data a compare-and-branch mispredicts about
 * every other window (this is 3× faster). Windows holding a NaN (or ±∞ together) take the
 * ordered compare chain, so a NaN still wins.
 */
function maxPool2x2(planes: number, H: number, W: number, OH: number, OW: number, x: FloatArray, out: FloatArray, argmax: Int32Array): void {
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0, q = base + 2 * oy * W; ox < OW; ox++, q += 2, o++) {
        const a = x[q]!, b = x[q + 1]!, c = x[q + W]!, d = x[q + W + 1]!;
        const sum = a + b + c + d;
        let at: number;
        if (sum === sum) {
          // Ties keep the earlier tap (strict >), as PyTorch.
          const i1 = q + +(b > a), i2 = q + W + +(d > c);
          at = i1 + (i2 - i1) * +(x[i2]! > x[i1]!);
        } else {
          at = q;
          for (const t of [q + 1, q + W, q + W + 1]) {
            const best = x[at]!, v = x[t]!;
            if (best === best && (v > best || v !== v)) at = t;
          }
        }
        out[o] = x[at]!;
        argmax[o] = at - base;
      }
    }
  }
}

/** Adds each output gradient onto its window's argmax in `dx` (zeroed by the caller). */
export function maxPoolBackward(g: PoolGeometry, gradOut: FloatArray, argmax: Int32Array, dx: FloatArray): void {
  const plane = g.height * g.width;
  const outPlane = convOutSize(g.height, g.kernelH, g.strideH, g.padH, g.dilationH) * convOutSize(g.width, g.kernelW, g.strideW, g.padW, g.dilationW);
  for (let p = 0; p < g.planes; p++) {
    const o0 = p * outPlane;
    const x0 = p * plane;
    for (let o = 0; o < outPlane; o++) {
      const at = argmax[o0 + o]!;
      if (at >= 0) dx[x0 + at]! += gradOut[o0 + o]!;
    }
  }
}

/** The divisor of one average window: its size, or only the taps inside the image. */
function avgDivisor(g: PoolGeometry, oy: number, ox: number, countPad: boolean): number {
  const y0 = oy * g.strideH - g.padH, x0 = ox * g.strideW - g.padW;
  // PyTorch counts padding but never taps past the padded border.
  const yEnd = Math.min(y0 + g.kernelH, g.height + g.padH), xEnd = Math.min(x0 + g.kernelW, g.width + g.padW);
  if (countPad) return (yEnd - y0) * (xEnd - x0);
  return (Math.min(yEnd, g.height) - Math.max(y0, 0)) * (Math.min(xEnd, g.width) - Math.max(x0, 0));
}

/** Average pooling (no dilation); `countPad` as PyTorch's count_include_pad. */
export function avgPoolForward(g: PoolGeometry, x: FloatArray, out: FloatArray, countPad: boolean): void {
  const { planes, height: H, width: W, kernelH: KH, kernelW: KW, strideH: SH, strideW: SW, padH: PH, padW: PW } = g;
  const OH = convOutSize(H, KH, SH, PH, 1), OW = convOutSize(W, KW, SW, PW, 1);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oy = 0; oy < OH; oy++) {
      const ya = Math.max(0, oy * SH - PH), yb = Math.min(H, oy * SH - PH + KH);
      for (let ox = 0; ox < OW; ox++) {
        const xa = Math.max(0, ox * SW - PW), xb = Math.min(W, ox * SW - PW + KW);
        let s = 0;
        for (let y = ya; y < yb; y++) for (let xx = xa; xx < xb; xx++) s += x[base + y * W + xx]!;
        out[o++] = s / avgDivisor(g, oy, ox, countPad);
      }
    }
  }
}

/** Backward of `avgPoolForward`: spreads each output gradient evenly over its window into `dx` (zeroed by the caller). */
export function avgPoolBackward(g: PoolGeometry, gradOut: FloatArray, dx: FloatArray, countPad: boolean): void {
  const { planes, height: H, width: W, kernelH: KH, kernelW: KW, strideH: SH, strideW: SW, padH: PH, padW: PW } = g;
  const OH = convOutSize(H, KH, SH, PH, 1), OW = convOutSize(W, KW, SW, PW, 1);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oy = 0; oy < OH; oy++) {
      const ya = Math.max(0, oy * SH - PH), yb = Math.min(H, oy * SH - PH + KH);
      for (let ox = 0; ox < OW; ox++) {
        const xa = Math.max(0, ox * SW - PW), xb = Math.min(W, ox * SW - PW + KW);
        const v = gradOut[o++]! / avgDivisor(g, oy, ox, countPad);
        for (let y = ya; y < yb; y++) for (let xx = xa; xx < xb; xx++) dx[base + y * W + xx]! += v;
      }
    }
  }
}

/** Adaptive window [start, end) of output cell `i` of `out` cells over `size` inputs (PyTorch's rule). */
function adaptiveRange(i: number, out: number, size: number): [number, number] {
  return [Math.floor((i * size) / out), Math.ceil(((i + 1) * size) / out)];
}

/** Adaptive average pooling of `planes` H×W planes to outH×outW. */
export function adaptiveAvgPoolForward(planes: number, H: number, W: number, outH: number, outW: number, x: FloatArray, out: FloatArray): void {
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oy = 0; oy < outH; oy++) {
      const [ya, yb] = adaptiveRange(oy, outH, H);
      for (let ox = 0; ox < outW; ox++) {
        const [xa, xb] = adaptiveRange(ox, outW, W);
        let s = 0;
        for (let y = ya; y < yb; y++) for (let xx = xa; xx < xb; xx++) s += x[base + y * W + xx]!;
        out[o++] = s / ((yb - ya) * (xb - xa));
      }
    }
  }
}

/** Backward of `adaptiveAvgPoolForward` into `dx` (zeroed by the caller). */
export function adaptiveAvgPoolBackward(planes: number, H: number, W: number, outH: number, outW: number, gradOut: FloatArray, dx: FloatArray): void {
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oy = 0; oy < outH; oy++) {
      const [ya, yb] = adaptiveRange(oy, outH, H);
      for (let ox = 0; ox < outW; ox++) {
        const [xa, xb] = adaptiveRange(ox, outW, W);
        const v = gradOut[o++]! / ((yb - ya) * (xb - xa));
        for (let y = ya; y < yb; y++) for (let xx = xa; xx < xb; xx++) dx[base + y * W + xx]! += v;
      }
    }
  }
}
