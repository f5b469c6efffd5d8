import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type PoolGeometry, convOutSize, maxPoolForward, maxPoolBackward } from './index.js';

/** Max pooling as PyTorch defines it, tap by tap: the first maximum wins ties, the first NaN wins outright. */
function reference(g: PoolGeometry, x: ArrayLike<number>): { out: number[]; argmax: number[] } {
  const OH = convOutSize(g.height, g.kernelH, g.strideH, g.padH, g.dilationH), OW = convOutSize(g.width, g.kernelW, g.strideW, g.padW, g.dilationW);
  const out: number[] = [], argmax: number[] = [];
  for (let p = 0; p < g.planes; p++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        let best = -Infinity, at = -1;
        for (let i = 0; i < g.kernelH; i++) {
          for (let j = 0; j < g.kernelW; j++) {
            const y = oy * g.strideH - g.padH + i * g.dilationH, xx = ox * g.strideW - g.padW + j * g.dilationW;
            if (y < 0 || y >= g.height || xx < 0 || xx >= g.width) continue;
            const v = x[p * g.height * g.width + y * g.width + xx]!;
            if (Number.isNaN(best)) continue;
            if (at < 0 || Number.isNaN(v) || v > best) {
              best = v;
              at = y * g.width + xx;
            }
          }
        }
        out.push(best);
        argmax.push(at);
      }
    }
  }
  return { out, argmax };
}

const pool = (planes: number, height: number, width: number, k: number, stride: number, pad: number): PoolGeometry => ({
  planes, height, width, kernelH: k, kernelW: k, strideH: stride, strideW: stride, padH: pad, padW: pad, dilationH: 1, dilationW: 1,
});

test('max pooling (the branch-free 2×2 path and the general one) keeps the first maximum and lets NaN win, as PyTorch', () => {
  // Few distinct values, so windows have ties, NaNs, ±0 and opposite infinities.
  const palette = [-1, 0, -0, 1, 2, NaN, Infinity, -Infinity, 0.5, 0.5];
  let s = 9;
  const pick = (): number => palette[(s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % palette.length]!;
  for (const g of [pool(5, 6, 8, 2, 2, 0), pool(3, 7, 9, 2, 2, 0), pool(4, 7, 7, 3, 2, 1)]) {
    for (const T of [Float32Array, Float64Array]) {
      const x = new T(g.planes * g.height * g.width);
      for (let i = 0; i < x.length; i++) x[i] = pick();
      const want = reference(g, x);
      const out = new T(want.out.length), argmax = new Int32Array(want.out.length);
      maxPoolForward(g, x, out, argmax);
      assert.deepEqual([...argmax], want.argmax, `${T.name} ${JSON.stringify(g)}: argmax`);
      assert.deepEqual([...out], want.out, `${T.name} ${JSON.stringify(g)}: values`);
      // The gradient goes to the argmax.
      const gx = new T(x.length);
      maxPoolBackward(g, new T(out.length).fill(1), argmax, gx);
      const hits = new Array<number>(x.length).fill(0);
      want.argmax.forEach((a, o) => { hits[Math.floor(o / (out.length / g.planes)) * g.height * g.width + a]! += 1; });
      assert.deepEqual([...gx], hits, `${T.name} ${JSON.stringify(g)}: gradient`);
    }
  }
});
