/**
 * The differentiable convolution op (PyTorch's `F.conv2d`/`F.conv1d`): im2col over a block of
 * images, then per group one GEMM for the whole block, Y_g (Cout/G × images·plane) = W_g · cols_g,
 * copied (plus the bias) into the NCHW output; for the backward pass the block's gY is gathered
 * into the same (Cout × images·plane) layout once, then gW_g += gY_g · cols_gᵀ and
 * gcols_g = W_gᵀ · gY_g, followed by col2im. One product per block instead of one per image keeps
 * the GEMMs large, which is what makes the WASM thread pool or a system BLAS pay off.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { type ConvGeometry, col2im, convOutSize, gemm, im2col } from '../../kernels/index.js';
import { type FloatArray, Tensor, allocFloat, emptyFloat } from '../tensor.js';

/** Stride, padding, dilation (one value per spatial axis) and groups of a convolution. */
export interface Conv2dParams {
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  groups: number;
}

/** Largest im2col block (and block of products), in elements; bigger batches are processed in blocks of images. */
const MAX_COLS = 1 << 23;

/**
 * Column buffers from finished convolutions, by dtype and length, for the next call of the same
 * shape (a training loop asks for the same sizes every step; fresh zeroed megabytes each time
 * cost page faults and collections). A buffer returns here when its op no longer needs it: at
 * once when no graph was recorded, else at the end of the backward pass.
 */
const spareCols = new Map<string, FloatArray[]>();
const SPARES_PER_SIZE = 4;

/** A column or product buffer with unspecified contents (every user writes all of it first). */
function takeCols(dtype: 'float32' | 'float64', n: number): FloatArray {
  return spareCols.get(`${dtype}:${n}`)?.pop() ?? emptyFloat(dtype, n);
}

function returnCols(buf: FloatArray): void {
  const key = `${buf instanceof Float64Array ? 'float64' : 'float32'}:${buf.length}`;
  const list = spareCols.get(key) ?? [];
  if (list.length < SPARES_PER_SIZE) list.push(buf);
  spareCols.set(key, list);
}

/**
 * 2-D convolution of x (N, Cin, H, W) with weight (Cout, Cin/groups, kh, kw) and optional bias
 * (Cout) → (N, Cout, outH, outW). `layer` names the caller in shape errors.
 */
export function conv2d(x: Tensor, weight: Tensor, bias: Tensor | null, p: Conv2dParams, layer = 'conv2d'): Tensor {
  if (x.ndim !== 4) throw new ShapeError(`${layer}: expected input of shape (N, C, H, W) but got ${formatShape(x.shape)}.`);
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const [Cout, Cg, KH, KW] = weight.shape as [number, number, number, number];
  const G = p.groups;
  if (C !== Cg * G) throw new ShapeError(`${layer}: expected input of shape (N, ${Cg * G}, H, W) but got ${formatShape(x.shape)}.`);
  if (x.dtype !== weight.dtype) throw new TypeError(`${layer}: the input is ${x.dtype} but the weights are ${weight.dtype}; convert one with .to('${weight.dtype}').`);
  const g: ConvGeometry = {
    channels: C, height: H, width: W, kernelH: KH, kernelW: KW,
    strideH: p.stride[0], strideW: p.stride[1], padH: p.padding[0], padW: p.padding[1], dilationH: p.dilation[0], dilationW: p.dilation[1],
  };
  const OH = convOutSize(H, KH, g.strideH, g.padH, g.dilationH), OW = convOutSize(W, KW, g.strideW, g.padW, g.dilationW);
  if (OH <= 0 || OW <= 0) {
    throw new ShapeError(`${layer}: input of shape ${formatShape(x.shape)} is smaller than the (dilated) kernel ${KH}×${KW} after padding; the output would be ${OH}×${OW}.`);
  }
  const plane = OH * OW;
  const rows = C * KH * KW; // rows of the column matrix
  const rowsG = Cg * KH * KW;
  const CoutG = Cout / G;
  const block = Math.max(1, Math.min(N, Math.floor(MAX_COLS / Math.max(1, Math.max(rows, Cout) * plane))));
  const dtype = x.dtype;
  const out = emptyFloat(dtype, N * Cout * plane); // every element is copied from the products
  // When the whole batch is one block its columns stay for backward; otherwise they are recomputed per block.
  const cols = takeCols(dtype, rows * block * plane);
  let colsHeld = true;
  const prod = takeCols(dtype, Cout * block * plane);
  for (let n0 = 0; n0 < N; n0 += block) {
    const nb = Math.min(block, N - n0);
    const width = nb * plane;
    im2col(g, x.data, n0 * C * H * W, nb, cols, width);
    // The products start from the bias, so the copy into the output below is a plain move.
    if (bias !== null) for (let co = 0; co < Cout; co++) prod.fill(bias.data[co]!, co * width, (co + 1) * width);
    for (let gi = 0; gi < G; gi++) {
      gemm(CoutG, width, rowsG, weight.data, gi * CoutG * rowsG, rowsG, cols, gi * rowsG * width, width,
        prod, gi * CoutG * width, width, { accumulate: bias !== null });
    }
    // (Cout, images, plane) → (images, Cout, plane)
    for (let i = 0; i < nb; i++) {
      for (let co = 0; co < Cout; co++) {
        const src = co * width + i * plane;
        out.set(prod.subarray(src, src + plane), ((n0 + i) * Cout + co) * plane);
      }
    }
  }
  returnCols(prod);
  const parents = bias === null ? [x, weight] : [x, weight, bias];
  const result = Tensor.fromOp(out, [N, Cout, OH, OW], parents, (gy) => {
    const gx = x.requiresGrad ? allocFloat(dtype, x.size) : null;
    const gw = weight.requiresGrad ? allocFloat(dtype, weight.size) : null;
    let gb: FloatArray | null = null;
    if (bias !== null && bias.requiresGrad) {
      gb = allocFloat(dtype, Cout);
      const gd = gy.data;
      for (let n = 0; n < N; n++) {
        for (let co = 0; co < Cout; co++) {
          // Four partial sums: one running sum waits on each add's latency.
          let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          const off = (n * Cout + co) * plane, end = off + plane;
          let t = off;
          for (; t + 3 < end; t += 4) {
            s0 += gd[t]!;
            s1 += gd[t + 1]!;
            s2 += gd[t + 2]!;
            s3 += gd[t + 3]!;
          }
          for (; t < end; t++) s0 += gd[t]!;
          gb[co]! += (s0 + s1) + (s2 + s3);
        }
      }
    }
    if (gx !== null || gw !== null) {
      // The columns are free once gW has used them: gcols reuse them. A second backward pass
      // over the same graph finds them handed back and recomputes them.
      const recompute = block < N || !colsHeld;
      const work = colsHeld ? cols : emptyFloat(dtype, cols.length);
      const gyt = takeCols(dtype, Cout * block * plane);
      for (let n0 = 0; n0 < N; n0 += block) {
        const nb = Math.min(block, N - n0);
        const width = nb * plane;
        // gY of the block as (Cout, images, plane), the layout of the forward product.
        for (let i = 0; i < nb; i++) {
          for (let co = 0; co < Cout; co++) {
            const src = ((n0 + i) * Cout + co) * plane;
            gyt.set(gy.data.subarray(src, src + plane), co * width + i * plane);
          }
        }
        if (gw !== null) {
          if (recompute) im2col(g, x.data, n0 * C * H * W, nb, work, width);
          // gW_g += gY_g (CoutG × width) · cols_gᵀ (width × rowsG)
          for (let gi = 0; gi < G; gi++) {
            gemm(CoutG, rowsG, width, gyt, gi * CoutG * width, width, work, gi * rowsG * width, width,
              gw, gi * CoutG * rowsG, rowsG, { transB: true, accumulate: n0 > 0 });
          }
        }
        if (gx !== null) {
          // gcols_g = W_gᵀ (rowsG × CoutG) · gY_g (CoutG × width)
          for (let gi = 0; gi < G; gi++) {
            gemm(rowsG, width, CoutG, weight.data, gi * CoutG * rowsG, rowsG, gyt, gi * CoutG * width, width,
              work, gi * rowsG * width, width, { transA: true });
          }
          col2im(g, work, width, 0, nb, gx, n0 * C * H * W);
        }
      }
      returnCols(gyt);
    }
    if (colsHeld) {
      colsHeld = false;
      returnCols(cols);
    }
    const grads: (Tensor | null)[] = [gx === null ? null : Tensor.fromData(gx, x.shape), gw === null ? null : Tensor.fromData(gw, weight.shape)];
    if (bias !== null) grads.push(gb === null ? null : Tensor.fromData(gb, bias.shape));
    return grads;
  });
  if (!result.requiresGrad) {
    colsHeld = false;
    returnCols(cols);
  }
  return result;
}

/** Stride, padding and dilation of a 1-D convolution, and groups. */
export interface Conv1dParams {
  stride: number;
  padding: number;
  dilation: number;
  groups: number;
}

/**
 * 1-D convolution of x (N, Cin, L) with weight (Cout, Cin/groups, k) and optional bias →
 * (N, Cout, outL): the H = 1 case of `conv2d`.
 */
export function conv1d(x: Tensor, weight: Tensor, bias: Tensor | null, p: Conv1dParams, layer = 'conv1d'): Tensor {
  if (x.ndim !== 3) throw new ShapeError(`${layer}: expected input of shape (N, C, L) but got ${formatShape(x.shape)}.`);
  const [N, C, L] = x.shape as [number, number, number];
  const [Cout, Cg, K] = weight.shape as [number, number, number];
  const x4 = x.reshape([N, C, 1, L]);
  const w4 = weight.reshape([Cout, Cg, 1, K]);
  const y = conv2d(x4, w4, bias, { stride: [1, p.stride], padding: [0, p.padding], dilation: [1, p.dilation], groups: p.groups }, layer);
  return y.reshape([N, Cout, y.shape[3]!]);
}
