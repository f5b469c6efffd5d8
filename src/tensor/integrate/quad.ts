/**
 * quad: adaptive Gauss–Kronrod integration of a function, after QUADPACK's QAGS (the routine
 * behind `scipy.integrate.quad`): bisect the interval with the largest error, with Wynn's epsilon
 * algorithm extrapolating away endpoint singularities. Infinite limits are mapped onto (0, 1]
 * first (QAGI's transform x = a + (1 − t)/t).
 */
import { ValueError } from '../errors.js';
import { EpsilonTable } from './epsilon.js';
import { EPMACH, UFLOW, gaussKronrod21 } from './gauss-kronrod.js';
import { IntegrationError, type QuadStatus } from './integration-error.js';

export interface QuadOptions {
  /** Absolute error tolerance (default 1.49e-8, SciPy's). */
  epsabs?: number;
  /** Relative error tolerance (default 1.49e-8, SciPy's). */
  epsrel?: number;
  /** Maximum number of subintervals (default 50, SciPy's). */
  limit?: number;
  /**
   * Throw an `IntegrationError` when the tolerance is not reached (default true). With false the
   * best estimate is returned with `status` and `message` set.
   */
  throwOnFailure?: boolean;
}

export interface QuadResult {
  /** The integral estimate. */
  value: number;
  /** Estimated absolute error. */
  error: number;
  /** Number of function evaluations. */
  neval: number;
  /** Number of subintervals used. */
  intervals: number;
  /** 'ok', or why the tolerance was not reached (only when throwOnFailure is false). */
  status: 'ok' | QuadStatus;
  /** Explanation of a non-'ok' status. */
  message?: string;
}

const OFLOW = Number.MAX_VALUE;

const MESSAGES: Record<QuadStatus, (limit: number) => string> = {
  limit: (limit) =>
    `the maximum number of subintervals (limit = ${limit}) was reached before the requested tolerance. ` +
    'Raise limit, loosen epsabs/epsrel, or split the range at any singularity or sharp peak and integrate the parts.',
  roundoff: () =>
    'roundoff error prevents the requested tolerance from being reached; the error estimate may be too small. ' +
    'Loosen epsabs/epsrel.',
  'bad-integrand': () =>
    'the integrand behaves extremely badly at some point of the range (a non-integrable singularity or a jump the ' +
    'bisection cannot resolve). Split the range at that point.',
  'no-convergence': () =>
    'the extrapolation did not converge (roundoff in the epsilon table); the result is the best that could be obtained. ' +
    'Loosen epsabs/epsrel or split the range.',
  divergent: () => 'the integral is probably divergent, or converges too slowly to estimate.',
};

interface Outcome {
  result: number;
  abserr: number;
  neval: number;
  last: number;
  ier: number;
}

/** QAGS on a finite interval [a, b] of an integrand that returns finite values. */
function qags(f: (x: number) => number, a: number, b: number, epsabs: number, epsrel: number, limit: number): Outcome {
  // 1-based lists, as in the published algorithm.
  const alist = new Float64Array(limit + 1);
  const blist = new Float64Array(limit + 1);
  const rlist = new Float64Array(limit + 1);
  const elist = new Float64Array(limit + 1);
  const iord = new Int32Array(limit + 1);
  alist[1] = a;
  blist[1] = b;
  let ier = 0;
  const first = gaussKronrod21(f, a, b);
  let result = first.result;
  let abserr = first.abserr;
  const defabs = first.resabs;
  const dres = Math.abs(result);
  let errbnd = Math.max(epsabs, epsrel * dres);
  let last = 1;
  rlist[1] = result;
  elist[1] = abserr;
  iord[1] = 1;
  if (abserr <= 100 * EPMACH * defabs && abserr > errbnd) ier = 2;
  if (limit === 1) ier = 1;
  if (ier !== 0 || (abserr <= errbnd && abserr !== first.resasc) || abserr === 0) {
    return { result, abserr, neval: 21, last, ier };
  }

  const eps = new EpsilonTable();
  eps.push(result);
  let errmax = abserr;
  let maxerr = 1;
  let area = result;
  let errsum = abserr;
  abserr = OFLOW;
  let nrmax = 1;
  let ktmin = 0;
  let extrap = false;
  let noext = false;
  let ierro = 0;
  let iroff1 = 0;
  let iroff2 = 0;
  let iroff3 = 0;
  let small = 0;
  let erlarg = 0;
  let ertest = 0;
  let correc = 0;
  const ksgn = dres >= (1 - 50 * EPMACH) * defabs ? 1 : -1;

  /** Keeps iord sorted by decreasing error over the part that can still be bisected (QUADPACK's qpsrt). */
  const sortErrors = (): void => {
    if (last <= 2) {
      iord[1] = 1;
      iord[2] = 2;
    } else {
      const emax = elist[maxerr]!;
      if (nrmax !== 1) {
        const ido = nrmax - 1;
        for (let i = 1; i <= ido; i++) {
          const isucc = iord[nrmax - 1]!;
          if (emax <= elist[isucc]!) break;
          iord[nrmax] = isucc;
          nrmax -= 1;
        }
      }
      const jupbnd = last > Math.floor(limit / 2) + 2 ? limit + 3 - last : last;
      const errmin = elist[last]!;
      const jbnd = jupbnd - 1;
      const ibeg = nrmax + 1;
      let inserted = false;
      for (let i = ibeg; i <= jbnd; i++) {
        const isucc = iord[i]!;
        if (emax >= elist[isucc]!) {
          iord[i - 1] = maxerr;
          let k = jbnd;
          let placed = false;
          for (let j = i; j <= jbnd; j++) {
            const s = iord[k]!;
            if (errmin < elist[s]!) {
              iord[k + 1] = last;
              placed = true;
              break;
            }
            iord[k + 1] = s;
            k -= 1;
          }
          if (!placed) iord[i] = last;
          inserted = true;
          break;
        }
        iord[i - 1] = isucc;
      }
      if (!inserted) {
        iord[jbnd] = maxerr;
        iord[jupbnd] = last;
      }
    }
    maxerr = iord[nrmax]!;
    errmax = elist[maxerr]!;
  };

  let finish: 'final' | 'sum' = 'final';
  loop: for (last = 2; last <= limit; last++) {
    const a1 = alist[maxerr]!;
    const b1 = 0.5 * (alist[maxerr]! + blist[maxerr]!);
    const a2 = b1;
    const b2 = blist[maxerr]!;
    const erlast = errmax;
    const left = gaussKronrod21(f, a1, b1);
    const right = gaussKronrod21(f, a2, b2);
    const area12 = left.result + right.result;
    const erro12 = left.abserr + right.abserr;
    errsum = errsum + erro12 - errmax;
    area = area + area12 - rlist[maxerr]!;
    if (left.resasc !== left.abserr && right.resasc !== right.abserr) {
      if (Math.abs(rlist[maxerr]! - area12) <= 1e-5 * Math.abs(area12) && erro12 >= 0.99 * errmax) {
        if (extrap) iroff2 += 1;
        else iroff1 += 1;
      }
      if (last > 10 && erro12 > errmax) iroff3 += 1;
    }
    rlist[maxerr] = left.result;
    rlist[last] = right.result;
    errbnd = Math.max(epsabs, epsrel * Math.abs(area));
    if (iroff1 + iroff2 >= 10 || iroff3 >= 20) ier = 2;
    if (iroff2 >= 5) ierro = 3;
    if (last === limit) ier = 1;
    if (Math.max(Math.abs(a1), Math.abs(b2)) <= (1 + 100 * EPMACH) * (Math.abs(a2) + 1000 * UFLOW)) ier = 4;
    if (right.abserr > left.abserr) {
      alist[maxerr] = a2;
      alist[last] = a1;
      blist[last] = b1;
      rlist[maxerr] = right.result;
      rlist[last] = left.result;
      elist[maxerr] = right.abserr;
      elist[last] = left.abserr;
    } else {
      alist[last] = a2;
      blist[maxerr] = b1;
      blist[last] = b2;
      elist[maxerr] = left.abserr;
      elist[last] = right.abserr;
    }
    sortErrors();
    if (errsum <= errbnd) {
      finish = 'sum';
      break;
    }
    if (ier !== 0) break;
    if (last === 2) {
      small = Math.abs(b - a) * 0.375;
      erlarg = errsum;
      ertest = errbnd;
      eps.push(area);
      continue;
    }
    if (noext) continue;
    erlarg -= erlast;
    if (Math.abs(b1 - a1) > small) erlarg += erro12;
    if (!extrap) {
      // Is the interval to be bisected next the smallest one?
      if (Math.abs(blist[maxerr]! - alist[maxerr]!) > small) continue;
      extrap = true;
      nrmax = 2;
    }
    if (ierro !== 3 && erlarg > ertest) {
      // The smallest interval has the largest error: bisect a larger interval first, if any is left.
      const id = nrmax;
      const jupbnd = last > 2 + Math.floor(limit / 2) ? limit + 3 - last : last;
      for (let k = id; k <= jupbnd; k++) {
        maxerr = iord[nrmax]!;
        errmax = elist[maxerr]!;
        if (Math.abs(blist[maxerr]! - alist[maxerr]!) > small) continue loop;
        nrmax += 1;
      }
    }
    // Extrapolate.
    eps.push(area);
    const ext = eps.extrapolate();
    ktmin += 1;
    if (ktmin > 5 && abserr < 1e-3 * errsum) ier = 5;
    if (ext.abserr < abserr) {
      ktmin = 0;
      abserr = ext.abserr;
      result = ext.result;
      correc = erlarg;
      ertest = Math.max(epsabs, epsrel * Math.abs(ext.result));
      if (abserr <= ertest) break;
    }
    // Prepare to bisect the smallest interval.
    if (eps.n === 1) noext = true;
    if (ier === 5) break;
    maxerr = iord[1]!;
    errmax = elist[maxerr]!;
    nrmax = 1;
    extrap = false;
    small *= 0.5;
    erlarg = errsum;
  }
  if (last > limit) last = limit;

  if (finish === 'final') {
    // Choose between the extrapolated result and the plain sum; test for divergence.
    let useSum = false;
    let checkDivergence = true;
    if (abserr === OFLOW) useSum = true;
    else if (ier + ierro !== 0) {
      if (ierro === 3) abserr += correc;
      if (ier === 0) ier = 3;
      if (result !== 0 && area !== 0) {
        if (abserr / Math.abs(result) > errsum / Math.abs(area)) useSum = true;
      } else if (abserr > errsum) useSum = true;
      else if (area === 0) checkDivergence = false;
    }
    if (!useSum) {
      if (checkDivergence && !(ksgn === -1 && Math.max(Math.abs(result), Math.abs(area)) <= defabs * 0.01)) {
        if (0.01 > result / area || result / area > 100 || errsum > Math.abs(area)) ier = 6;
      }
      if (ier > 2) ier -= 1;
      return { result, abserr, neval: 42 * last - 21, last, ier };
    }
  }
  let sum = 0;
  for (let k = 1; k <= last; k++) sum += rlist[k]!;
  if (ier > 2) ier -= 1;
  return { result: sum, abserr: errsum, neval: 42 * last - 21, last, ier };
}

const STATUS: Record<number, QuadStatus> = { 1: 'limit', 2: 'roundoff', 3: 'bad-integrand', 4: 'no-convergence', 5: 'divergent' };

function checkTolerance(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
    throw new ValueError(`quad: ${name} must be a finite non-negative number, got ${String(value)}.`);
  }
  return value;
}

/**
 * Integrates f from a to b (either may be ±Infinity) to within max(epsabs, epsrel·|∫f|).
 * Like SciPy's `quad` it handles integrable endpoint singularities (f is never evaluated at a
 * finite endpoint), peaks and oscillation; split the range yourself at interior singularities.
 *
 * @param f - the integrand; it must return finite numbers at points strictly inside (a, b)
 * @returns `{ value, error, neval, intervals, status }`
 * @throws IntegrationError (carrying the best `value` and `error`) when the tolerance cannot be
 *   reached, unless `throwOnFailure: false`; ValueError for bad limits, tolerances or integrand values
 *
 * @example
 * quad(Math.sin, 0, Math.PI).value;                         // 2
 * quad((x) => 1 / Math.sqrt(x), 0, 1).value;                // 2 (singular endpoint)
 * quad((x) => Math.exp(-x * x), -Infinity, Infinity).value; // √π
 */
export function quad(f: (x: number) => number, a: number, b: number, options: QuadOptions = {}): QuadResult {
  if (typeof f !== 'function') throw new ValueError(`quad: f must be a function of one number, got ${typeof f}.`);
  if (typeof a !== 'number' || Number.isNaN(a) || typeof b !== 'number' || Number.isNaN(b)) {
    throw new ValueError(`quad: the limits must be numbers (±Infinity allowed), got a = ${String(a)}, b = ${String(b)}.`);
  }
  const epsabs = checkTolerance(options.epsabs ?? 1.49e-8, 'epsabs');
  const epsrel = checkTolerance(options.epsrel ?? 1.49e-8, 'epsrel');
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) throw new ValueError(`quad: limit must be a positive integer, got ${limit}.`);
  if (epsabs <= 0 && epsrel < Math.max(50 * EPMACH, 5e-29)) {
    throw new ValueError(`quad: with epsabs = 0, epsrel must be at least ${50 * EPMACH} (50 machine epsilons), got ${epsrel}.`);
  }
  const throwOnFailure = options.throwOnFailure ?? true;
  if (a === b) return { value: 0, error: 0, neval: 0, intervals: 0, status: 'ok' };
  let sign = 1;
  if (a > b) {
    [a, b] = [b, a];
    sign = -1;
  }

  const evaluate = (x: number): number => {
    const y = f(x);
    if (typeof y !== 'number') throw new ValueError(`quad: f(${x}) returned ${typeof y}; the integrand must return a number.`);
    if (!Number.isFinite(y)) {
      throw new ValueError(
        `quad: f(${x}) returned ${y}; the integrand must be finite inside the range ` +
          '(endpoints are never evaluated, so an integrable endpoint singularity is fine; split the range at interior ones).',
      );
    }
    return y;
  };

  let g: (t: number) => number;
  let lo = a;
  let hi = b;
  if (a === -Infinity && b === Infinity) {
    g = (t) => {
      const x = (1 - t) / t;
      return (evaluate(x) + evaluate(-x)) / (t * t);
    };
    [lo, hi] = [0, 1];
  } else if (b === Infinity) {
    g = (t) => evaluate(a + (1 - t) / t) / (t * t);
    [lo, hi] = [0, 1];
  } else if (a === -Infinity) {
    g = (t) => evaluate(b - (1 - t) / t) / (t * t);
    [lo, hi] = [0, 1];
  } else {
    g = evaluate;
  }
  const out = qags(g, lo, hi, epsabs, epsrel, limit);
  const value = sign * out.result;
  const result: QuadResult = { value, error: out.abserr, neval: out.neval, intervals: out.last, status: 'ok' };
  if (out.ier !== 0) {
    const status = STATUS[out.ier]!;
    const message = `quad: ${MESSAGES[status](limit)} Best estimate ${value} with error ${out.abserr}.`;
    if (throwOnFailure) throw new IntegrationError(message, value, out.abserr, status);
    result.status = status;
    result.message = message;
  }
  return result;
}
