import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ConvGeometry, col2im, convOutSize, im2col } from './index.js';
import { lcgValues as values } from '../../test/helpers/lcg.js';

const GEOMETRIES: ConvGeometry[] = [
  { channels: 2, height: 5, width: 6, kernelH: 3, kernelW: 3, strideH: 1, strideW: 1, padH: 1, padW: 1, dilationH: 1, dilationW: 1 },
  { channels: 3, height: 9, width: 7, kernelH: 2, kernelW: 3, strideH: 2, strideW: 3, padH: 0, padW: 2, dilationH: 2, dilationW: 1 },
  { channels: 1, height: 1, width: 11, kernelH: 1, kernelW: 4, strideH: 1, strideW: 2, padH: 0, padW: 3, dilationH: 1, dilationW: 2 },
  // Stride 1 with the output as wide as the input: the contiguous-band path, including rows
  // whose taps all fall in the padding.
  { channels: 2, height: 6, width: 5, kernelH: 3, kernelW: 3, strideH: 1, strideW: 1, padH: 2, padW: 2, dilationH: 2, dilationW: 2 },
  { channels: 3, height: 2, width: 3, kernelH: 5, kernelW: 5, strideH: 1, strideW: 1, padH: 2, padW: 2, dilationH: 1, dilationW: 1 },
  { channels: 2, height: 4, width: 3, kernelH: 3, kernelW: 1, strideH: 1, strideW: 1, padH: 1, padW: 0, dilationH: 1, dilationW: 1 },
  { channels: 2, height: 3, width: 4, kernelH: 2, kernelW: 3, strideH: 1, strideW: 1, padH: 0, padW: 1, dilationH: 1, dilationW: 1 },
];

test('im2col writes each receptive field (zero in the padding), for several images side by side', () => {
  for (const g of GEOMETRIES) {
    const images = 2;
    const OH = convOutSize(g.height, g.kernelH, g.strideH, g.padH, g.dilationH), OW = convOutSize(g.width, g.kernelW, g.strideW, g.padW, g.dilationW);
    const x = values(images * g.channels * g.height * g.width, 3);
    const width = images * OH * OW;
    for (const T of [Float32Array, Float64Array]) {
      const xt = T.from(x);
      const cols = new T(g.channels * g.kernelH * g.kernelW * width).fill(99);
      im2col(g, xt, 0, images, cols, width);
      for (let n = 0; n < images; n++) {
        for (let c = 0; c < g.channels; c++) {
          for (let i = 0; i < g.kernelH; i++) {
            for (let j = 0; j < g.kernelW; j++) {
              for (let oy = 0; oy < OH; oy++) {
                for (let ox = 0; ox < OW; ox++) {
                  const y = oy * g.strideH - g.padH + i * g.dilationH, xx = ox * g.strideW - g.padW + j * g.dilationW;
                  const inside = y >= 0 && y < g.height && xx >= 0 && xx < g.width;
                  const want = inside ? xt[((n * g.channels + c) * g.height + y) * g.width + xx]! : 0;
                  const got = cols[((c * g.kernelH + i) * g.kernelW + j) * width + n * OH * OW + oy * OW + ox]!;
                  assert.equal(got, want, `${JSON.stringify(g)} n${n} c${c} tap ${i},${j} at ${oy},${ox}`);
                }
              }
            }
          }
        }
      }
    }
  }
});

test('col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)>', () => {
  for (const g of GEOMETRIES) {
    const images = 3;
    const OH = convOutSize(g.height, g.kernelH, g.strideH, g.padH, g.dilationH), OW = convOutSize(g.width, g.kernelW, g.strideW, g.padW, g.dilationW);
    const width = images * OH * OW;
    const x = values(images * g.channels * g.height * g.width, 5);
    const c = values(g.channels * g.kernelH * g.kernelW * width, 6);
    const cols = new Float64Array(c.length);
    im2col(g, x, 0, images, cols, width);
    const back = new Float64Array(x.length);
    col2im(g, c, width, 0, images, back, 0);
    let left = 0, right = 0;
    for (let i = 0; i < c.length; i++) left += cols[i]! * c[i]!;
    for (let i = 0; i < x.length; i++) right += x[i]! * back[i]!;
    assert.ok(Math.abs(left - right) < 1e-10 * Math.max(1, Math.abs(left)), `${left} vs ${right}`);
  }
});

test('col2im adds every tap onto a non-zero input gradient as a tap-by-tap scatter does (exactly in float64)', () => {
  for (const g of GEOMETRIES) {
    const images = 2;
    const OH = convOutSize(g.height, g.kernelH, g.strideH, g.padH, g.dilationH), OW = convOutSize(g.width, g.kernelW, g.strideW, g.padW, g.dilationW);
    const colOff = 3, width = images * OH * OW + colOff + 2, dxOff = 1;
    const c = values(g.channels * g.kernelH * g.kernelW * width, 8);
    const start = values(dxOff + images * g.channels * g.height * g.width, 9);
    for (const T of [Float32Array, Float64Array]) {
      const cols = T.from(c);
      const want = T.from(start);
      for (let n = 0; n < images; n++) {
        for (let ch = 0; ch < g.channels; ch++) {
          for (let i = 0; i < g.kernelH; i++) {
            for (let j = 0; j < g.kernelW; j++) {
              for (let oy = 0; oy < OH; oy++) {
                for (let ox = 0; ox < OW; ox++) {
                  const y = oy * g.strideH - g.padH + i * g.dilationH, xx = ox * g.strideW - g.padW + j * g.dilationW;
                  if (y < 0 || y >= g.height || xx < 0 || xx >= g.width) continue;
                  want[dxOff + ((n * g.channels + ch) * g.height + y) * g.width + xx]! += cols[((ch * g.kernelH + i) * g.kernelW + j) * width + colOff + n * OH * OW + oy * OW + ox]!;
                }
              }
            }
          }
        }
      }
      const got = T.from(start);
      col2im(g, cols, width, colOff, images, got, dxOff);
      if (T === Float64Array) assert.deepEqual([...got], [...want], `${T.name} ${JSON.stringify(g)}`);
      // float32 sums may be rounded once instead of after every add.
      else for (let i = 0; i < got.length; i++) assert.ok(Math.abs(got[i]! - want[i]!) <= 1e-6 * (1 + Math.abs(want[i]!)), `${T.name} ${JSON.stringify(g)} at ${i}: ${got[i]} vs ${want[i]}`);
    }
  }
});
