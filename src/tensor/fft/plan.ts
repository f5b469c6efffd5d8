/**
 * FFT plans: precomputed twiddle factors and scratch space for one transform length, cached.
 *
 * - length a power of two: iterative radix-2 (bit-reversal, then in-place butterflies);
 * - other lengths whose prime factors are all ≤ MAX_DIRECT_RADIX: recursive mixed-radix
 *   Cooley–Tukey (decimation in time) with radix-4/2/3 butterflies and a generic one for 5, 7, …;
 * - any other length (e.g. a large prime): Bluestein's chirp-z, which turns the DFT into a
 *   circular convolution of power-of-two length, so every length is O(n log n).
 *
 * Plans transform split re/im buffers in place and never scale; callers apply the normalization.
 * Internal to the fft module.
 */

/** Largest prime factor handled by the mixed-radix plan; above it Bluestein is used. */
export const MAX_DIRECT_RADIX = 31;

export interface FftPlan {
  readonly n: number;
  readonly kind: 'trivial' | 'radix2' | 'mixed' | 'bluestein';
  /** In-place forward DFT, X_k = Σ_j x_j e^{-2πi jk/n} (unscaled). */
  forward(re: Float64Array, im: Float64Array): void;
  /** In-place inverse DFT without the 1/n factor, x_j = Σ_k X_k e^{+2πi jk/n}. */
  inverse(re: Float64Array, im: Float64Array): void;
}

/** Shared by every plan: the inverse is conj(forward(conj(x))). */
abstract class BasePlan implements FftPlan {
  abstract readonly n: number;
  abstract readonly kind: FftPlan['kind'];
  abstract forward(re: Float64Array, im: Float64Array): void;

  inverse(re: Float64Array, im: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) im[i] = -im[i]!;
    this.forward(re, im);
    for (let i = 0; i < n; i++) im[i] = -im[i]!;
  }
}

class TrivialPlan extends BasePlan {
  readonly kind = 'trivial';
  constructor(readonly n: number) {
    super();
  }
  forward(): void {}
}

/**
 * cos and sin of 2πk/n, reduced to the first octant with exact integer arithmetic, so quarter
 * turns give exact 0 and ±1 and symmetric angles give bit-identical magnitudes.
 */
export function unitRoot(k: number, n: number): [number, number] {
  const kk = ((k % n) + n) % n;
  const q = Math.floor((4 * kk) / n);
  const r = 4 * kk - q * n; // angle within the quadrant is (π/2)·r/n
  let c: number;
  let s: number;
  if (2 * r <= n) {
    const t = (Math.PI / 2) * (r / n);
    c = Math.cos(t);
    s = Math.sin(t);
  } else {
    const t = (Math.PI / 2) * ((n - r) / n);
    c = Math.sin(t);
    s = Math.cos(t);
  }
  switch (q) {
    case 0:
      return [c, s];
    case 1:
      return [-s, c];
    case 2:
      return [-c, -s];
    default:
      return [s, -c];
  }
}

/** cos/sin of 2πk/n for k < count. */
export function twiddles(n: number, count: number): { cos: Float64Array; sin: Float64Array } {
  const cos = new Float64Array(count);
  const sin = new Float64Array(count);
  for (let k = 0; k < count; k++) [cos[k], sin[k]] = unitRoot(k, n);
  return { cos, sin };
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

class Radix2Plan extends BasePlan {
  readonly kind = 'radix2';
  private readonly rev: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(readonly n: number) {
    super();
    const bits = Math.round(Math.log2(n));
    this.rev = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0, v = i; b < bits; b++, v >>>= 1) r = (r << 1) | (v & 1);
      this.rev[i] = r;
    }
    ({ cos: this.cos, sin: this.sin } = twiddles(n, n >>> 1));
  }

  forward(re: Float64Array, im: Float64Array): void {
    const { n, rev, cos, sin } = this;
    for (let i = 0; i < n; i++) {
      const j = rev[i]!;
      if (j > i) {
        let t = re[i]!;
        re[i] = re[j]!;
        re[j] = t;
        t = im[i]!;
        im[i] = im[j]!;
        im[j] = t;
      }
    }
    for (let size = 2; size <= n; size <<= 1) {
      const half = size >>> 1;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let j = 0, k = 0; j < half; j++, k += step) {
          const wr = cos[k]!;
          const wi = -sin[k]!;
          const a = start + j;
          const b = a + half;
          const br = re[b]!;
          const bi = im[b]!;
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          const ar = re[a]!;
          const ai = im[a]!;
          re[b] = ar - tr;
          im[b] = ai - ti;
          re[a] = ar + tr;
          im[a] = ai + ti;
        }
      }
    }
  }
}

/** Prime factorization with 4s taken first (radix-4 butterflies are cheapest), then 2, 3, 5, … */
export function radixFactors(n: number): number[] {
  const out: number[] = [];
  let m = n;
  while (m % 4 === 0) {
    out.push(4);
    m /= 4;
  }
  for (let p = 2; p * p <= m; p += p === 2 ? 1 : 2) {
    while (m % p === 0) {
      out.push(p);
      m /= p;
    }
  }
  if (m > 1) out.push(m);
  return out;
}

class MixedRadixPlan extends BasePlan {
  readonly kind = 'mixed';
  private readonly factors: number[];
  /** e^{-2πi j/n} for j < n. */
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;
  private readonly outRe: Float64Array;
  private readonly outIm: Float64Array;
  private readonly tmpRe: Float64Array;
  private readonly tmpIm: Float64Array;

  constructor(readonly n: number, factors: number[]) {
    super();
    this.factors = factors;
    const { cos, sin } = twiddles(n, n);
    this.wr = cos;
    this.wi = sin.map((v) => -v);
    this.outRe = new Float64Array(n);
    this.outIm = new Float64Array(n);
    const maxP = Math.max(...factors);
    this.tmpRe = new Float64Array(maxP);
    this.tmpIm = new Float64Array(maxP);
  }

  forward(re: Float64Array, im: Float64Array): void {
    this.work(re, im, 0, 1, 0, this.n, 0);
    re.set(this.outRe);
    im.set(this.outIm);
  }

  /**
   * DFT of the `len` inputs in[inOff + j*stride] into out[outOff .. outOff+len): split them into
   * p interleaved subsequences, transform each (recursively), then combine with radix-p butterflies.
   */
  private work(inRe: Float64Array, inIm: Float64Array, inOff: number, stride: number, outOff: number, len: number, fi: number): void {
    const p = this.factors[fi]!;
    const m = len / p;
    const { outRe, outIm } = this;
    if (m === 1) {
      for (let q = 0; q < p; q++) {
        outRe[outOff + q] = inRe[inOff + q * stride]!;
        outIm[outOff + q] = inIm[inOff + q * stride]!;
      }
    } else {
      for (let q = 0; q < p; q++) this.work(inRe, inIm, inOff + q * stride, stride * p, outOff + q * m, m, fi + 1);
    }
    // Sub-transform q sits at out[outOff + q*m + k]; twiddle W_len^{qk} = W_n^{qk*stride}.
    if (p === 2) this.butterfly2(outOff, m, stride);
    else if (p === 4) this.butterfly4(outOff, m, stride);
    else if (p === 3) this.butterfly3(outOff, m, stride);
    else this.butterflyGeneric(outOff, m, stride, p);
  }

  private butterfly2(off: number, m: number, stride: number): void {
    const { outRe: re, outIm: im, wr, wi } = this;
    for (let k = 0; k < m; k++) {
      const a = off + k;
      const b = a + m;
      const w = k * stride;
      const cr = wr[w]!;
      const ci = wi[w]!;
      const tr = re[b]! * cr - im[b]! * ci;
      const ti = re[b]! * ci + im[b]! * cr;
      const ar = re[a]!;
      const ai = im[a]!;
      re[a] = ar + tr;
      im[a] = ai + ti;
      re[b] = ar - tr;
      im[b] = ai - ti;
    }
  }

  private butterfly3(off: number, m: number, stride: number): void {
    const { outRe: re, outIm: im, wr, wi } = this;
    const s3 = Math.sqrt(3) / 2; // W_3 = -1/2 - i√3/2
    for (let k = 0; k < m; k++) {
      const i0 = off + k;
      const i1 = i0 + m;
      const i2 = i1 + m;
      const w1 = k * stride;
      const w2 = 2 * w1;
      const x0r = re[i0]!;
      const x0i = im[i0]!;
      const x1r = re[i1]! * wr[w1]! - im[i1]! * wi[w1]!;
      const x1i = re[i1]! * wi[w1]! + im[i1]! * wr[w1]!;
      const x2r = re[i2]! * wr[w2]! - im[i2]! * wi[w2]!;
      const x2i = re[i2]! * wi[w2]! + im[i2]! * wr[w2]!;
      const sr = x1r + x2r;
      const si = x1i + x2i;
      const dr = x1r - x2r;
      const di = x1i - x2i;
      const mr = x0r - 0.5 * sr;
      const mi = x0i - 0.5 * si;
      re[i0] = x0r + sr;
      im[i0] = x0i + si;
      // X1 = x0 + x1 W + x2 W², X2 = x0 + x1 W² + x2 W, W = e^{-2πi/3}
      re[i1] = mr + s3 * di;
      im[i1] = mi - s3 * dr;
      re[i2] = mr - s3 * di;
      im[i2] = mi + s3 * dr;
    }
  }

  private butterfly4(off: number, m: number, stride: number): void {
    const { outRe: re, outIm: im, wr, wi } = this;
    for (let k = 0; k < m; k++) {
      const i0 = off + k;
      const i1 = i0 + m;
      const i2 = i1 + m;
      const i3 = i2 + m;
      const w1 = k * stride;
      const w2 = 2 * w1;
      const w3 = 3 * w1;
      const x0r = re[i0]!;
      const x0i = im[i0]!;
      const x1r = re[i1]! * wr[w1]! - im[i1]! * wi[w1]!;
      const x1i = re[i1]! * wi[w1]! + im[i1]! * wr[w1]!;
      const x2r = re[i2]! * wr[w2]! - im[i2]! * wi[w2]!;
      const x2i = re[i2]! * wi[w2]! + im[i2]! * wr[w2]!;
      const x3r = re[i3]! * wr[w3]! - im[i3]! * wi[w3]!;
      const x3i = re[i3]! * wi[w3]! + im[i3]! * wr[w3]!;
      const ar = x0r + x2r;
      const ai = x0i + x2i;
      const br = x0r - x2r;
      const bi = x0i - x2i;
      const cr = x1r + x3r;
      const ci = x1i + x3i;
      const dr = x1r - x3r;
      const di = x1i - x3i;
      // W_4 = -i: X1 = b - i d, X3 = b + i d
      re[i0] = ar + cr;
      im[i0] = ai + ci;
      re[i2] = ar - cr;
      im[i2] = ai - ci;
      re[i1] = br + di;
      im[i1] = bi - dr;
      re[i3] = br - di;
      im[i3] = bi + dr;
    }
  }

  private butterflyGeneric(off: number, m: number, stride: number, p: number): void {
    const { outRe: re, outIm: im, wr, wi, tmpRe, tmpIm, n } = this;
    const rootStep = n / p; // W_p^t = W_n^{t*n/p}
    for (let k = 0; k < m; k++) {
      for (let q = 0; q < p; q++) {
        const idx = off + q * m + k;
        const w = (q * k * stride) % n;
        const xr = re[idx]!;
        const xi = im[idx]!;
        tmpRe[q] = xr * wr[w]! - xi * wi[w]!;
        tmpIm[q] = xr * wi[w]! + xi * wr[w]!;
      }
      for (let r = 0; r < p; r++) {
        let sr = tmpRe[0]!;
        let si = tmpIm[0]!;
        for (let q = 1, t = r; q < p; q++, t += r) {
          const w = (t % p) * rootStep;
          sr += tmpRe[q]! * wr[w]! - tmpIm[q]! * wi[w]!;
          si += tmpRe[q]! * wi[w]! + tmpIm[q]! * wr[w]!;
        }
        re[off + r * m + k] = sr;
        im[off + r * m + k] = si;
      }
    }
  }
}

class BluesteinPlan extends BasePlan {
  readonly kind = 'bluestein';
  private readonly m: number;
  private readonly inner: FftPlan;
  /** Chirp w_k = e^{-iπk²/n}, k < n. */
  private readonly chirpRe: Float64Array;
  private readonly chirpIm: Float64Array;
  /** FFT of the conjugate chirp, wrapped to length m. */
  private readonly kernelRe: Float64Array;
  private readonly kernelIm: Float64Array;
  private readonly bufRe: Float64Array;
  private readonly bufIm: Float64Array;

  constructor(readonly n: number) {
    super();
    let m = 1;
    while (m < 2 * n - 1) m <<= 1;
    this.m = m;
    this.inner = getPlan(m);
    this.chirpRe = new Float64Array(n);
    this.chirpIm = new Float64Array(n);
    const twoN = 2 * n;
    // k² mod 2n, updated incrementally with integers so the angle stays exact for large k.
    for (let k = 0, kk = 0; k < n; k++) {
      const [c, sn] = unitRoot(kk, twoN); // angle πk²/n = 2π(k² mod 2n)/(2n)
      this.chirpRe[k] = c;
      this.chirpIm[k] = -sn;
      kk = (kk + 2 * k + 1) % twoN;
    }
    this.kernelRe = new Float64Array(m);
    this.kernelIm = new Float64Array(m);
    this.kernelRe[0] = this.chirpRe[0]!;
    this.kernelIm[0] = -this.chirpIm[0]!;
    for (let k = 1; k < n; k++) {
      this.kernelRe[k] = this.kernelRe[m - k] = this.chirpRe[k]!;
      this.kernelIm[k] = this.kernelIm[m - k] = -this.chirpIm[k]!;
    }
    this.inner.forward(this.kernelRe, this.kernelIm);
    this.bufRe = new Float64Array(m);
    this.bufIm = new Float64Array(m);
  }

  forward(re: Float64Array, im: Float64Array): void {
    const { n, m, chirpRe, chirpIm, kernelRe, kernelIm, bufRe, bufIm } = this;
    bufRe.fill(0);
    bufIm.fill(0);
    for (let k = 0; k < n; k++) {
      const cr = chirpRe[k]!;
      const ci = chirpIm[k]!;
      bufRe[k] = re[k]! * cr - im[k]! * ci;
      bufIm[k] = re[k]! * ci + im[k]! * cr;
    }
    this.inner.forward(bufRe, bufIm);
    for (let k = 0; k < m; k++) {
      const ar = bufRe[k]!;
      const ai = bufIm[k]!;
      bufRe[k] = ar * kernelRe[k]! - ai * kernelIm[k]!;
      bufIm[k] = ar * kernelIm[k]! + ai * kernelRe[k]!;
    }
    this.inner.inverse(bufRe, bufIm);
    const scale = 1 / m;
    for (let k = 0; k < n; k++) {
      const ar = bufRe[k]! * scale;
      const ai = bufIm[k]! * scale;
      const cr = chirpRe[k]!;
      const ci = chirpIm[k]!;
      re[k] = ar * cr - ai * ci;
      im[k] = ar * ci + ai * cr;
    }
  }
}

/** Builds a plan of the given kind, bypassing the cache (for tests that compare algorithms). */
export function createPlan(n: number, kind?: FftPlan['kind']): FftPlan {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`FFT length must be a positive integer, got ${n}.`);
  const chosen = kind ?? chooseKind(n);
  switch (chosen) {
    case 'trivial':
      return new TrivialPlan(n);
    case 'radix2':
      if (!isPowerOfTwo(n)) throw new RangeError(`A radix-2 plan needs a power-of-two length, got ${n}.`);
      return new Radix2Plan(n);
    case 'mixed':
      return new MixedRadixPlan(n, radixFactors(n));
    case 'bluestein':
      return new BluesteinPlan(n);
  }
}

function chooseKind(n: number): FftPlan['kind'] {
  if (n === 1) return 'trivial';
  if (isPowerOfTwo(n)) return 'radix2';
  const factors = radixFactors(n);
  return factors[factors.length - 1]! <= MAX_DIRECT_RADIX ? 'mixed' : 'bluestein';
}

const CACHE_LIMIT = 32;
const cache = new Map<number, FftPlan>();

/** The cached plan for length n (least recently used plans are dropped beyond CACHE_LIMIT). */
export function getPlan(n: number): FftPlan {
  let plan = cache.get(n);
  if (plan !== undefined) {
    cache.delete(n);
    cache.set(n, plan);
    return plan;
  }
  plan = createPlan(n);
  cache.set(n, plan);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  return plan;
}
