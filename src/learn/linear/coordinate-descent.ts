/**
 * Cyclic coordinate descent for the elastic net, the algorithm of scikit-learn's
 * `enet_coordinate_descent` (Friedman, Hastie & Tibshirani 2010), on a column-major X:
 *
 *   minimize ½‖y − Xw‖² + l1Reg·‖w‖₁ + ½·l2Reg·‖w‖²
 *
 * (callers pass l1Reg = α·l1Ratio·n and l2Reg = α·(1 − l1Ratio)·n, which is the same as
 * scikit-learn's (1/2n)‖y − Xw‖² + α·l1Ratio‖w‖₁ + α(1 − l1Ratio)/2‖w‖²). After a sweep whose
 * largest coefficient change is below tol·max|w| (or on the last sweep) the duality gap is
 * computed, and the solver stops when it is below tol·‖y‖².
 */
export interface CDResult {
  coef: Float64Array;
  /** Duality gap at the end (of the ½‖·‖² objective, not divided by n). */
  gap: number;
  /** Sweeps over the features. */
  nIter: number;
  /** The gap tolerance tol·‖y‖². */
  tol: number;
}

export function enetCoordinateDescent(
  w: Float64Array, l1Reg: number, l2Reg: number, Xc: Float64Array, y: Float64Array, n: number, p: number,
  maxIter: number, tol: number, positive: boolean, onSweep?: (iter: number, maxChange: number) => void,
): CDResult {
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    const o = j * n;
    for (let i = 0; i < n; i++) s += Xc[o + i]! ** 2;
    norms[j] = s;
  }
  const R = y.slice();
  for (let j = 0; j < p; j++) {
    const wj = w[j]!;
    if (wj === 0) continue;
    const o = j * n;
    for (let i = 0; i < n; i++) R[i] -= Xc[o + i]! * wj;
  }
  let yy = 0;
  for (let i = 0; i < n; i++) yy += y[i]! ** 2;
  const gapTol = tol * yy;
  let gap = gapTol + 1;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < p; j++) {
      if (norms[j] === 0) continue;
      const o = j * n;
      const old = w[j]!;
      if (old !== 0) for (let i = 0; i < n; i++) R[i] += Xc[o + i]! * old;
      let tmp = 0;
      for (let i = 0; i < n; i++) tmp += Xc[o + i]! * R[i]!;
      let nw: number;
      if (positive && tmp < 0) nw = 0;
      else nw = (Math.sign(tmp) * Math.max(Math.abs(tmp) - l1Reg, 0)) / (norms[j]! + l2Reg);
      w[j] = nw;
      if (nw !== 0) for (let i = 0; i < n; i++) R[i] -= Xc[o + i]! * nw;
      const dw = Math.abs(nw - old);
      if (dw > dwMax) dwMax = dw;
      if (Math.abs(nw) > wMax) wMax = Math.abs(nw);
    }
    onSweep?.(iter, dwMax);
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter - 1) {
      gap = dualityGap(w, l1Reg, l2Reg, Xc, y, R, n, p, positive);
      if (gap < gapTol) {
        iter++;
        break;
      }
    }
  }
  return { coef: w, gap, nIter: Math.min(iter, maxIter), tol: gapTol };
}

function dualityGap(
  w: Float64Array, l1Reg: number, l2Reg: number, Xc: Float64Array, y: Float64Array, R: Float64Array, n: number, p: number, positive: boolean,
): number {
  let dualNorm = 0;
  for (let j = 0; j < p; j++) {
    const o = j * n;
    let s = 0;
    for (let i = 0; i < n; i++) s += Xc[o + i]! * R[i]!;
    s -= l2Reg * w[j]!;
    const v = positive ? s : Math.abs(s);
    if (v > dualNorm) dualNorm = v;
  }
  let rr = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    rr += R[i]! ** 2;
    ry += R[i]! * y[i]!;
  }
  let ww = 0;
  let l1 = 0;
  for (let j = 0; j < p; j++) {
    ww += w[j]! ** 2;
    l1 += Math.abs(w[j]!);
  }
  let c: number;
  let gap: number;
  if (dualNorm > l1Reg) {
    c = l1Reg / dualNorm;
    gap = 0.5 * (rr + rr * c * c);
  } else {
    c = 1;
    gap = rr;
  }
  return gap + l1Reg * l1 - c * ry + 0.5 * l2Reg * (1 + c * c) * ww;
}
