/**
 * libsvm's SMO solver (Fan, Chen & Lin 2005) for
 *
 *   minimize ½ αᵀQα + pᵀα   subject to  yᵀα = Δ,  0 ≤ αᵢ ≤ Cᵢ
 *
 * with Qᵢⱼ = yᵢyⱼK(i, j). Each step picks the maximal-violating i and, by second-order
 * information, the j that most decreases the objective (working-set selection WSS-2), solves the
 * two-variable problem in closed form and updates the gradient. It stops when the KKT violation
 * m(α) − M(α) < eps. No shrinking: every variable stays active, so results equal libsvm's up to
 * the stopping tolerance.
 */
const TAU = 1e-12;

export interface QMatrix {
  /** Row i of Q (length l). */
  row(i: number): Float64Array;
  /** Diagonal of Q. */
  diag: Float64Array;
}

export interface SMOResult {
  alpha: Float64Array;
  rho: number;
  objective: number;
  iterations: number;
  /** False when maxIter stopped the solver first. */
  converged: boolean;
}

export function solveSMO(
  Q: QMatrix, p: Float64Array, y: Int8Array, C: Float64Array, eps: number, maxIter: number,
  onProgress?: (iter: number, violation: number) => void,
): SMOResult {
  const l = p.length;
  const alpha = new Float64Array(l);
  const G = p.slice();
  const QD = Q.diag;
  const upper = (t: number): boolean => alpha[t]! >= C[t]!;
  const lower = (t: number): boolean => alpha[t]! <= 0;
  let iter = 0;
  let converged = false;
  while (iter < maxIter) {
    // Working-set selection (WSS-2).
    let Gmax = -Infinity;
    let i = -1;
    for (let t = 0; t < l; t++) {
      if (y[t] === 1) {
        if (!upper(t) && -G[t]! >= Gmax) {
          Gmax = -G[t]!;
          i = t;
        }
      } else if (!lower(t) && G[t]! >= Gmax) {
        Gmax = G[t]!;
        i = t;
      }
    }
    let Gmax2 = -Infinity;
    let j = -1;
    let objMin = Infinity;
    const Qi = i >= 0 ? Q.row(i) : null;
    const yi = i >= 0 ? y[i]! : 0;
    for (let t = 0; t < l; t++) {
      if (y[t] === 1) {
        if (lower(t)) continue;
        const gd = Gmax + G[t]!;
        if (G[t]! >= Gmax2) Gmax2 = G[t]!;
        if (gd > 0 && Qi) {
          const qc = QD[i]! + QD[t]! - 2 * yi * Qi[t]!;
          const od = -(gd * gd) / (qc > 0 ? qc : TAU);
          if (od <= objMin) {
            j = t;
            objMin = od;
          }
        }
      } else {
        if (upper(t)) continue;
        const gd = Gmax - G[t]!;
        if (-G[t]! >= Gmax2) Gmax2 = -G[t]!;
        if (gd > 0 && Qi) {
          const qc = QD[i]! + QD[t]! + 2 * yi * Qi[t]!;
          const od = -(gd * gd) / (qc > 0 ? qc : TAU);
          if (od <= objMin) {
            j = t;
            objMin = od;
          }
        }
      }
    }
    if (iter % 100 === 0) onProgress?.(iter, Gmax + Gmax2);
    if (Gmax + Gmax2 < eps || j === -1) {
      converged = true;
      break;
    }
    iter++;
    const Qii = Qi!;
    const Qj = Q.row(j);
    const Ci = C[i]!;
    const Cj = C[j]!;
    const oldI = alpha[i]!;
    const oldJ = alpha[j]!;
    let ai = oldI;
    let aj = oldJ;
    if (y[i] !== y[j]) {
      let qc = QD[i]! + QD[j]! + 2 * Qii[j]!;
      if (qc <= 0) qc = TAU;
      const delta = (-G[i]! - G[j]!) / qc;
      const diff = ai - aj;
      ai += delta;
      aj += delta;
      if (diff > 0) {
        if (aj < 0) {
          aj = 0;
          ai = diff;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = -diff;
      }
      if (diff > Ci - Cj) {
        if (ai > Ci) {
          ai = Ci;
          aj = Ci - diff;
        }
      } else if (aj > Cj) {
        aj = Cj;
        ai = Cj + diff;
      }
    } else {
      let qc = QD[i]! + QD[j]! - 2 * Qii[j]!;
      if (qc <= 0) qc = TAU;
      const delta = (G[i]! - G[j]!) / qc;
      const sum = ai + aj;
      ai -= delta;
      aj += delta;
      if (sum > Ci) {
        if (ai > Ci) {
          ai = Ci;
          aj = sum - Ci;
        }
      } else if (aj < 0) {
        aj = 0;
        ai = sum;
      }
      if (sum > Cj) {
        if (aj > Cj) {
          aj = Cj;
          ai = sum - Cj;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = sum;
      }
    }
    alpha[i] = ai;
    alpha[j] = aj;
    const dI = ai - oldI;
    const dJ = aj - oldJ;
    for (let t = 0; t < l; t++) G[t] += Qii[t]! * dI + Qj[t]! * dJ;
  }
  // rho: average of yG over free variables, else the middle of the feasible interval.
  let ub = Infinity;
  let lb = -Infinity;
  let nFree = 0;
  let sumFree = 0;
  for (let t = 0; t < l; t++) {
    const yG = y[t]! * G[t]!;
    if (upper(t)) {
      if (y[t] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (lower(t)) {
      if (y[t] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  const rho = nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  let objective = 0;
  for (let t = 0; t < l; t++) objective += alpha[t]! * (G[t]! + p[t]!);
  return { alpha, rho, objective: objective / 2, iterations: iter, converged };
}
