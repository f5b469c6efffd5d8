/**
 * The limited-memory BFGS matrix in compact form (Byrd, Nocedal & Schnabel 1994):
 *
 *   B = θ I − W M Wᵀ,   W = [Y  θS],   M = [[−D, Lᵀ], [L, θ SᵀS]]⁻¹
 *
 * where S and Y hold the last m correction pairs s_i = x_{i+1} − x_i, y_i = g_{i+1} − g_i
 * (oldest first), D = diag(s_iᵀy_i), L is the strictly lower triangle of SᵀY (L_ij = s_iᵀy_j,
 * i > j) and θ = yᵀy / sᵀy for the newest pair. M is never formed: products with it solve the
 * 2k×2k system by block elimination through the k×k SPD Schur complement
 * T = θ SᵀS + L D⁻¹ Lᵀ, which is Cholesky-factored once per update.
 *
 * The two-loop recursion gives H g = B⁻¹ g for the same pairs (with H₀ = I/θ), which the
 * unconstrained path uses.
 */
import { dot } from './vector.js';

export class LbfgsMemory {
  readonly s: Float64Array[] = [];
  readonly y: Float64Array[] = [];
  theta = 1;
  /** sy[i][j] = s_iᵀ y_j */
  private sy: number[][] = [];
  /** ss[i][j] = s_iᵀ s_j */
  private ss: number[][] = [];
  /** Lower Cholesky factor of T, row-major k×k. */
  private chol = new Float64Array(0);

  constructor(readonly m: number) {}

  /** Number of stored pairs k. */
  get size(): number {
    return this.s.length;
  }

  reset(): void {
    this.s.length = 0;
    this.y.length = 0;
    this.sy = [];
    this.ss = [];
    this.theta = 1;
    this.chol = new Float64Array(0);
  }

  /**
   * Adds the pair (s, y), dropping the oldest when full. Returns false (and clears the memory)
   * when the middle matrix lost positive definiteness to rounding.
   */
  push(s: Float64Array, y: Float64Array): boolean {
    if (this.s.length === this.m) {
      this.s.shift();
      this.y.shift();
      this.sy = this.sy.slice(1).map((row) => row.slice(1));
      this.ss = this.ss.slice(1).map((row) => row.slice(1));
    }
    this.s.push(s);
    this.y.push(y);
    const k = this.s.length;
    const syRow: number[] = [];
    const ssRow: number[] = [];
    for (let j = 0; j < k; j++) {
      syRow.push(dot(s, this.y[j]!));
      ssRow.push(dot(s, this.s[j]!));
    }
    for (let i = 0; i < k - 1; i++) {
      this.sy[i]!.push(dot(this.s[i]!, y));
      this.ss[i]!.push(ssRow[i]!);
    }
    this.sy.push(syRow);
    this.ss.push(ssRow);
    this.theta = dot(y, y) / syRow[k - 1]!;
    if (!this.factor()) {
      this.reset();
      return false;
    }
    return true;
  }

  /** Cholesky of T = θ SᵀS + L D⁻¹ Lᵀ. */
  private factor(): boolean {
    const k = this.size;
    const { sy, ss, theta } = this;
    const c = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        let t = theta * ss[a]![b]!;
        const lim = Math.min(a, b);
        for (let j = 0; j < lim; j++) t += (sy[a]![j]! * sy[b]![j]!) / sy[j]![j]!;
        c[a * k + b] = t;
      }
    }
    for (let j = 0; j < k; j++) {
      let d = c[j * k + j]!;
      for (let p = 0; p < j; p++) d -= c[j * k + p]! * c[j * k + p]!;
      if (!(d > 0)) return false;
      const r = Math.sqrt(d);
      c[j * k + j] = r;
      for (let i = j + 1; i < k; i++) {
        let v = c[i * k + j]!;
        for (let p = 0; p < j; p++) v -= c[i * k + p]! * c[j * k + p]!;
        c[i * k + j] = v / r;
      }
    }
    this.chol = c;
    return true;
  }

  /** u = M v for a vector of length 2k (first k entries pair with Y, last k with θS). */
  applyM(v: Float64Array, out = new Float64Array(v.length)): Float64Array {
    const k = this.size;
    const { sy, chol } = this;
    // rhs = v2 + L D⁻¹ v1
    const w = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let t = v[k + a]!;
      for (let j = 0; j < a; j++) t += (sy[a]![j]! * v[j]!) / sy[j]![j]!;
      w[a] = t;
    }
    // u2 = T⁻¹ rhs (forward then backward substitution with the Cholesky factor)
    for (let i = 0; i < k; i++) {
      let t = w[i]!;
      for (let p = 0; p < i; p++) t -= chol[i * k + p]! * w[p]!;
      w[i] = t / chol[i * k + i]!;
    }
    for (let i = k - 1; i >= 0; i--) {
      let t = w[i]!;
      for (let p = i + 1; p < k; p++) t -= chol[p * k + i]! * w[p]!;
      w[i] = t / chol[i * k + i]!;
    }
    // u1 = D⁻¹ (Lᵀ u2 − v1)
    for (let j = 0; j < k; j++) {
      let t = -v[j]!;
      for (let a = j + 1; a < k; a++) t += sy[a]![j]! * w[a]!;
      out[j] = t / sy[j]![j]!;
      out[k + j] = w[j]!;
    }
    return out;
  }

  /** Row i of W: [y_0[i] … y_{k−1}[i], θ s_0[i] … θ s_{k−1}[i]]. */
  row(i: number, out: Float64Array): Float64Array {
    const k = this.size;
    for (let j = 0; j < k; j++) {
      out[j] = this.y[j]![i]!;
      out[k + j] = this.theta * this.s[j]![i]!;
    }
    return out;
  }

  /** Wᵀ v. */
  wTimes(v: Float64Array): Float64Array {
    const k = this.size;
    const out = new Float64Array(2 * k);
    for (let j = 0; j < k; j++) {
      out[j] = dot(this.y[j]!, v);
      out[k + j] = this.theta * dot(this.s[j]!, v);
    }
    return out;
  }

  /** B⁻¹ g by the two-loop recursion (H₀ = I/θ). */
  inverseTimes(g: Float64Array): Float64Array {
    const k = this.size;
    const q = g.slice();
    const alpha = new Float64Array(k);
    for (let i = k - 1; i >= 0; i--) {
      const a = dot(this.s[i]!, q) / this.sy[i]![i]!;
      alpha[i] = a;
      const y = this.y[i]!;
      for (let p = 0; p < q.length; p++) q[p] -= a * y[p]!;
    }
    const scale = 1 / this.theta;
    for (let p = 0; p < q.length; p++) q[p] *= scale;
    for (let i = 0; i < k; i++) {
      const b = dot(this.y[i]!, q) / this.sy[i]![i]!;
      const s = this.s[i]!;
      const c = alpha[i]! - b;
      for (let p = 0; p < q.length; p++) q[p] += c * s[p]!;
    }
    return q;
  }
}
