/**
 * One recurrent layer over a whole sequence as a single differentiable op (LSTM and GRU cells,
 * PyTorch's gate order and equations), time-major: x (T, N, I). The input projection of every
 * step is one GEMM up front; each step then does one N×H · H×G GEMM; the backward pass walks
 * the steps in reverse (back-propagation through time) and finishes with three GEMMs for the
 * weight and input gradients. Gates are kept from the forward pass, so backward does no
 * transcendental functions.
 */
import { gemm } from '../../kernels/index.js';
import { type FloatArray, type FloatDType, Tensor, allocFloat } from '../tensor.js';

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** Weights of one layer: W_ih (G·H, I), W_hh (G·H, H), biases (G·H) or null; G = 4 (LSTM) or 3 (GRU). */
export interface RecurrentWeights {
  wIh: Tensor;
  wHh: Tensor;
  bIh: Tensor | null;
  bHh: Tensor | null;
}

function present(...ts: (Tensor | null)[]): Tensor[] {
  return ts.filter((t): t is Tensor => t !== null);
}

/** x (T·N, I)·W_ihᵀ + b_ih for every step at once: (T·N, G·H). */
function inputProjection(x: FloatArray, rows: number, inF: number, w: RecurrentWeights, gates: number, dtype: FloatDType): FloatArray {
  const out = allocFloat(dtype, rows * gates);
  gemm(rows, gates, inF, x, 0, inF, w.wIh.data, 0, inF, out, 0, gates, { transB: true });
  if (w.bIh !== null) {
    const b = w.bIh.data;
    for (let r = 0; r < rows; r++) for (let j = 0; j < gates; j++) out[r * gates + j]! += b[j]!;
  }
  return out;
}

/** Sums the rows of a (rows, cols) matrix into `out` (cols). */
function columnSums(m: FloatArray, rows: number, cols: number, out: FloatArray): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) out[j]! += m[r * cols + j]!;
}

/**
 * Gradients shared by both cells once the per-step gate gradients are known: dX = dGx·W_ih,
 * dW_ih = dGxᵀ·X, dW_hh = dGhᵀ·H_prev, and the bias sums, in the order of `present(...)`.
 */
function weightGrads(
  x: Tensor, w: RecurrentWeights, hPrev: FloatArray, dGx: FloatArray, dGh: FloatArray,
  rows: number, inF: number, hidden: number, gates: number,
): { gx: Tensor | null; gWih: Tensor | null; gWhh: Tensor | null; gbIh: Tensor | null; gbHh: Tensor | null } {
  const dtype = x.dtype;
  let gx: Tensor | null = null, gWih: Tensor | null = null, gWhh: Tensor | null = null, gbIh: Tensor | null = null, gbHh: Tensor | null = null;
  if (x.requiresGrad) {
    const d = allocFloat(dtype, rows * inF);
    gemm(rows, inF, gates, dGx, 0, gates, w.wIh.data, 0, inF, d, 0, inF);
    gx = Tensor.fromData(d, x.shape);
  }
  if (w.wIh.requiresGrad) {
    const d = allocFloat(dtype, gates * inF);
    gemm(gates, inF, rows, dGx, 0, gates, x.data, 0, inF, d, 0, inF, { transA: true });
    gWih = Tensor.fromData(d, w.wIh.shape);
  }
  if (w.wHh.requiresGrad) {
    const d = allocFloat(dtype, gates * hidden);
    gemm(gates, hidden, rows, dGh, 0, gates, hPrev, 0, hidden, d, 0, hidden, { transA: true });
    gWhh = Tensor.fromData(d, w.wHh.shape);
  }
  if (w.bIh !== null && w.bIh.requiresGrad) {
    const d = allocFloat(dtype, gates);
    columnSums(dGx, rows, gates, d);
    gbIh = Tensor.fromData(d, w.bIh.shape);
  }
  if (w.bHh !== null && w.bHh.requiresGrad) {
    const d = allocFloat(dtype, gates);
    columnSums(dGh, rows, gates, d);
    gbHh = Tensor.fromData(d, w.bHh.shape);
  }
  return { gx, gWih, gWhh, gbIh, gbHh };
}

/**
 * One LSTM layer: x (T, N, I), h0 and c0 (N, H) → a (T + 1, N, H) tensor holding h_1 … h_T and
 * then c_T (split it with narrow). Gates i, f, g, o as in PyTorch:
 * c_t = f·c_{t−1} + i·g, h_t = o·tanh(c_t).
 */
export function lstmLayer(x: Tensor, h0: Tensor, c0: Tensor, w: RecurrentWeights): Tensor {
  const [T, N, I] = x.shape as [number, number, number];
  const H = w.wHh.shape[1]!;
  const G = 4 * H;
  const dtype = x.dtype;
  const rows = T * N;
  const gates = inputProjection(x.data, rows, I, w, G, dtype); // becomes the activated gates
  const hAll = allocFloat(dtype, (T + 1) * N * H); // h_0 … h_T
  const cAll = allocFloat(dtype, (T + 1) * N * H); // c_0 … c_T
  hAll.set(h0.data);
  cAll.set(c0.data);
  const bHh = w.bHh?.data ?? null;
  for (let t = 0; t < T; t++) {
    const gOff = t * N * G;
    gemm(N, G, H, hAll, t * N * H, H, w.wHh.data, 0, H, gates, gOff, G, { transB: true, accumulate: true });
    for (let n = 0; n < N; n++) {
      const row = gOff + n * G;
      const prev = (t * N + n) * H, next = prev + N * H;
      for (let j = 0; j < H; j++) {
        const bi = bHh === null ? 0 : bHh[j]!, bf = bHh === null ? 0 : bHh[H + j]!;
        const bg = bHh === null ? 0 : bHh[2 * H + j]!, bo = bHh === null ? 0 : bHh[3 * H + j]!;
        const i = sigmoid(gates[row + j]! + bi);
        const f = sigmoid(gates[row + H + j]! + bf);
        const g = Math.tanh(gates[row + 2 * H + j]! + bg);
        const o = sigmoid(gates[row + 3 * H + j]! + bo);
        gates[row + j] = i;
        gates[row + H + j] = f;
        gates[row + 2 * H + j] = g;
        gates[row + 3 * H + j] = o;
        const c = f * cAll[prev + j]! + i * g;
        cAll[next + j] = c;
        hAll[next + j] = o * Math.tanh(c);
      }
    }
  }
  const out = allocFloat(dtype, (T + 1) * N * H);
  out.set(hAll.subarray(N * H));
  out.set(cAll.subarray(T * N * H), T * N * H);
  const parents = present(x, w.wIh, w.wHh, w.bIh, w.bHh, h0, c0);
  return Tensor.fromOp(out, [T + 1, N, H], parents, (gy) => {
    const gOut = gy.data;
    const dG = allocFloat(dtype, rows * G);
    const dh = allocFloat(dtype, N * H);
    const dc = allocFloat(dtype, N * H);
    dc.set(gOut.subarray(T * N * H));
    for (let t = T - 1; t >= 0; t--) {
      for (let k = 0; k < N * H; k++) dh[k]! += gOut[t * N * H + k]!;
      const gOff = t * N * G;
      for (let n = 0; n < N; n++) {
        const row = gOff + n * G;
        const prev = (t * N + n) * H, next = prev + N * H;
        for (let j = 0; j < H; j++) {
          const i = gates[row + j]!, f = gates[row + H + j]!, g = gates[row + 2 * H + j]!, o = gates[row + 3 * H + j]!;
          const tc = Math.tanh(cAll[next + j]!);
          const dhv = dh[n * H + j]!;
          const dcv = dc[n * H + j]! + dhv * o * (1 - tc * tc);
          dG[row + j] = dcv * g * i * (1 - i);
          dG[row + H + j] = dcv * cAll[prev + j]! * f * (1 - f);
          dG[row + 2 * H + j] = dcv * i * (1 - g * g);
          dG[row + 3 * H + j] = dhv * tc * o * (1 - o);
          dc[n * H + j] = dcv * f;
        }
      }
      // dh_{t−1} = dG_t · W_hh
      gemm(N, H, G, dG, gOff, G, w.wHh.data, 0, H, dh, 0, H);
    }
    const wg = weightGrads(x, w, hAll, dG, dG, rows, I, H, G);
    const grads: (Tensor | null)[] = [wg.gx, wg.gWih, wg.gWhh];
    if (w.bIh !== null) grads.push(wg.gbIh);
    if (w.bHh !== null) grads.push(wg.gbHh);
    grads.push(Tensor.fromData(dh, h0.shape), Tensor.fromData(dc, c0.shape));
    return grads;
  });
}

/**
 * One GRU layer: x (T, N, I), h0 (N, H) → (T, N, H) holding h_1 … h_T. Gates r, z, n as in
 * PyTorch: n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)), h_t = (1 − z)·n + z·h_{t−1}.
 */
export function gruLayer(x: Tensor, h0: Tensor, w: RecurrentWeights): Tensor {
  const [T, N, I] = x.shape as [number, number, number];
  const H = w.wHh.shape[1]!;
  const G = 3 * H;
  const dtype = x.dtype;
  const rows = T * N;
  const gx = inputProjection(x.data, rows, I, w, G, dtype);
  const gh = allocFloat(dtype, rows * G); // h_{t−1}·W_hhᵀ + b_hh per step, kept for backward
  const act = allocFloat(dtype, rows * G); // r, z, n per step
  const hAll = allocFloat(dtype, (T + 1) * N * H);
  hAll.set(h0.data);
  const bHh = w.bHh?.data ?? null;
  for (let t = 0; t < T; t++) {
    const gOff = t * N * G;
    gemm(N, G, H, hAll, t * N * H, H, w.wHh.data, 0, H, gh, gOff, G, { transB: true });
    for (let n = 0; n < N; n++) {
      const row = gOff + n * G;
      const prev = (t * N + n) * H, next = prev + N * H;
      for (let j = 0; j < H; j++) {
        if (bHh !== null) {
          gh[row + j]! += bHh[j]!;
          gh[row + H + j]! += bHh[H + j]!;
          gh[row + 2 * H + j]! += bHh[2 * H + j]!;
        }
        const r = sigmoid(gx[row + j]! + gh[row + j]!);
        const z = sigmoid(gx[row + H + j]! + gh[row + H + j]!);
        const nn = Math.tanh(gx[row + 2 * H + j]! + r * gh[row + 2 * H + j]!);
        act[row + j] = r;
        act[row + H + j] = z;
        act[row + 2 * H + j] = nn;
        hAll[next + j] = (1 - z) * nn + z * hAll[prev + j]!;
      }
    }
  }
  const out = hAll.slice(N * H);
  const parents = present(x, w.wIh, w.wHh, w.bIh, w.bHh, h0);
  return Tensor.fromOp(out, [T, N, H], parents, (gy) => {
    const gOut = gy.data;
    const dGx = allocFloat(dtype, rows * G);
    const dGh = allocFloat(dtype, rows * G);
    const dh = allocFloat(dtype, N * H);
    for (let t = T - 1; t >= 0; t--) {
      for (let k = 0; k < N * H; k++) dh[k]! += gOut[t * N * H + k]!;
      const gOff = t * N * G;
      for (let n = 0; n < N; n++) {
        const row = gOff + n * G;
        const prev = (t * N + n) * H;
        for (let j = 0; j < H; j++) {
          const r = act[row + j]!, z = act[row + H + j]!, nn = act[row + 2 * H + j]!;
          const dhv = dh[n * H + j]!;
          const dAn = dhv * (1 - z) * (1 - nn * nn);
          const dAz = dhv * (hAll[prev + j]! - nn) * z * (1 - z);
          const dAr = dAn * gh[row + 2 * H + j]! * r * (1 - r);
          dGx[row + j] = dAr;
          dGx[row + H + j] = dAz;
          dGx[row + 2 * H + j] = dAn;
          dGh[row + j] = dAr;
          dGh[row + H + j] = dAz;
          dGh[row + 2 * H + j] = dAn * r;
          dh[n * H + j] = dhv * z;
        }
      }
      // dh_{t−1} += dGh_t · W_hh
      gemm(N, H, G, dGh, gOff, G, w.wHh.data, 0, H, dh, 0, H, { accumulate: true });
    }
    const wg = weightGrads(x, w, hAll, dGx, dGh, rows, I, H, G);
    const grads: (Tensor | null)[] = [wg.gx, wg.gWih, wg.gWhh];
    if (w.bIh !== null) grads.push(wg.gbIh);
    if (w.bHh !== null) grads.push(wg.gbHh);
    grads.push(Tensor.fromData(dh, h0.shape));
    return grads;
  });
}
