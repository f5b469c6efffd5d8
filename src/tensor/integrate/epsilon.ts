/**
 * Wynn's epsilon algorithm as QUADPACK's QAGS uses it (`qelg`): extrapolates the sequence of
 * integral approximations produced while an endpoint singularity is bisected, and estimates the
 * error from the last three extrapolated values. Internal to integrate.
 *
 * Arrays are 1-based (index 0 unused) so the index arithmetic reads like the published algorithm.
 */
import { EPMACH } from './gauss-kronrod.js';

const OFLOW = Number.MAX_VALUE;
const LIMEXP = 50;

export class EpsilonTable {
  /** The table's last diagonal; entries 1..n are live. */
  readonly tab = new Float64Array(LIMEXP + 3);
  /** Number of live elements. */
  n = 0;
  /** The last three extrapolated results. */
  private readonly last3 = new Float64Array(4);
  /** How many times `extrapolate` has run. */
  private calls = 0;

  /** Appends the next element of the sequence. */
  push(value: number): void {
    this.n += 1;
    this.tab[this.n] = value;
  }

  /** Runs one step of the algorithm; returns the best limit estimate and its error. */
  extrapolate(): { result: number; abserr: number } {
    const tab = this.tab;
    this.calls += 1;
    let n = this.n;
    let abserr = OFLOW;
    let result = tab[n]!;
    if (n < 3) return { result, abserr: Math.max(abserr, 5 * EPMACH * Math.abs(result)) };
    tab[n + 2] = tab[n]!;
    const newelm = Math.floor((n - 1) / 2);
    tab[n] = OFLOW;
    const num = n;
    let k1 = n;
    let converged = false;
    for (let i = 1; i <= newelm; i++) {
      const k2 = k1 - 1;
      const k3 = k1 - 2;
      let res = tab[k1 + 2]!;
      const e0 = tab[k3]!;
      const e1 = tab[k2]!;
      const e2 = res;
      const e1abs = Math.abs(e1);
      const delta2 = e2 - e1;
      const err2 = Math.abs(delta2);
      const tol2 = Math.max(Math.abs(e2), e1abs) * EPMACH;
      const delta3 = e1 - e0;
      const err3 = Math.abs(delta3);
      const tol3 = Math.max(e1abs, Math.abs(e0)) * EPMACH;
      if (err2 <= tol2 && err3 <= tol3) {
        // e0, e1 and e2 agree to machine accuracy: assume convergence.
        result = res;
        abserr = err2 + err3;
        converged = true;
        break;
      }
      const e3 = tab[k1]!;
      tab[k1] = e1;
      const delta1 = e1 - e3;
      const err1 = Math.abs(delta1);
      const tol1 = Math.max(e1abs, Math.abs(e3)) * EPMACH;
      if (err1 <= tol1 || err2 <= tol2 || err3 <= tol3) {
        n = i + i - 1; // two elements nearly equal: drop part of the table
        break;
      }
      const ss = 1 / delta1 + 1 / delta2 - 1 / delta3;
      const epsinf = Math.abs(ss * e1);
      if (!(epsinf > 1e-4)) {
        n = i + i - 1; // irregular behaviour: drop part of the table
        break;
      }
      res = e1 + 1 / ss;
      tab[k1] = res;
      k1 -= 2;
      const error = err2 + Math.abs(res - e2) + err3;
      if (error <= abserr) {
        abserr = error;
        result = res;
      }
    }
    if (!converged) {
      if (n === LIMEXP) n = 2 * Math.floor(LIMEXP / 2) - 1;
      let ib = num % 2 === 0 ? 2 : 1;
      const ie = newelm + 1;
      for (let i = 1; i <= ie; i++) {
        tab[ib] = tab[ib + 2]!;
        ib += 2;
      }
      if (num !== n) {
        let indx = num - n + 1;
        for (let i = 1; i <= n; i++) tab[i] = tab[indx++]!;
      }
      if (this.calls < 4) {
        this.last3[this.calls] = result;
        abserr = OFLOW;
      } else {
        const r = this.last3;
        abserr = Math.abs(result - r[3]!) + Math.abs(result - r[2]!) + Math.abs(result - r[1]!);
        r[1] = r[2]!;
        r[2] = r[3]!;
        r[3] = result;
      }
    }
    this.n = n;
    return { result, abserr: Math.max(abserr, 5 * EPMACH * Math.abs(result)) };
  }
}
