/**
 * Finding the best split of a node from its histogram, with XGBoost's second-order gain:
 *
 *   gain = S(G_L, H_L) + S(G_R, H_R) − S(G, H),   S(G, H) = T_α(G)² / (H + λ)
 *
 * where T_α is soft thresholding by the L1 penalty α (`regAlpha`) and λ is `regLambda` (this is
 * twice the drop in the regularized objective, the quantity `minSplitGain` — XGBoost's gamma —
 * is compared with). Both children need hessian sums of at least `minChildWeight`. Missing
 * values are tried on each side and the better one becomes the node's default direction.
 * Categorical features get native partition splits: categories sorted by their leaf weight, the
 * best prefix goes left. Monotone constraints clamp child weights to bounds inherited from the
 * ancestors and reject splits whose weights are in the wrong order.
 */
import { MISSING_BIN } from './binning.js';

/** Gains at or below this are no improvement (XGBoost's kRtEps). */
export const MIN_GAIN = 1e-6;

/** What the split search needs besides the histogram. */
export interface SplitConfig {
  regLambda: number;
  regAlpha: number;
  minChildWeight: number;
  /** Per feature: number of value bins. */
  nBins: Int32Array;
  /** Per feature: 1 when categorical. */
  categorical: Uint8Array;
  /** Per feature: +1 increasing, −1 decreasing, 0 free; null when no feature is constrained. */
  monotone: Int8Array | null;
}

/** The best split found for a node. */
export interface Split {
  gain: number;
  feature: number;
  /** Numeric: rows with bin ≤ bin go left (−1: only missing rows can go left). */
  bin: number;
  defaultLeft: boolean;
  /** Categorical: bit b set when category bin b goes left (8 words); null for numeric splits. */
  catBits: Int32Array | null;
  gL: number;
  hL: number;
  gR: number;
  hR: number;
  /** Child weights (clamped to the node's bounds under monotone constraints). */
  wL: number;
  wR: number;
}

/** Soft thresholding of a gradient sum by the L1 penalty. */
export function thresholdL1(g: number, alpha: number): number {
  if (g > alpha) return g - alpha;
  if (g < -alpha) return g + alpha;
  return 0;
}

/** Optimal leaf weight −T_α(G) / (H + λ). */
export function leafWeight(g: number, h: number, lambda: number, alpha: number): number {
  const d = h + lambda;
  return d > 0 ? -thresholdL1(g, alpha) / d : 0;
}

/** S(G, H) = T_α(G)² / (H + λ). */
export function nodeScore(g: number, h: number, lambda: number, alpha: number): number {
  const d = h + lambda;
  if (!(d > 0)) return 0;
  const t = thresholdL1(g, alpha);
  return (t * t) / d;
}

/** The score of a node held at weight w: −(2Gw + (H+λ)w² + 2α|w|). */
export function scoreAtWeight(g: number, h: number, w: number, lambda: number, alpha: number): number {
  return -(2 * g * w + (h + lambda) * w * w + 2 * alpha * Math.abs(w));
}

const clamp = (w: number, lo: number, hi: number): number => (w < lo ? lo : w > hi ? hi : w);

/**
 * Best split of a node over the allowed features, or null when no split gains more than
 * MIN_GAIN. Ties go to the lower feature, then to the lower bin with missing values on the
 * right (XGBoost's order).
 * @param hist the node's histogram (see histogram.ts)
 * @param G,H the node's gradient and hessian sums
 * @param lower,upper bounds on the weights of the node's descendants (monotone constraints)
 */
export function findBestSplit(
  hist: Float64Array, G: number, H: number, features: Int32Array, cfg: SplitConfig, lower: number, upper: number,
): Split | null {
  const { regLambda: lambda, regAlpha: alpha, minChildWeight: mcw, nBins, categorical, monotone } = cfg;
  const constrained = monotone !== null;
  const parentW = clamp(leafWeight(G, H, lambda, alpha), lower, upper);
  const parentScore = constrained ? scoreAtWeight(G, H, parentW, lambda, alpha) : nodeScore(G, H, lambda, alpha);
  let best: Split | null = null;
  let bestGain = MIN_GAIN;

  // Gain of a candidate, or -Infinity when it breaks a constraint; fills wl/wr.
  let wl = 0;
  let wr = 0;
  const candidate = (gl: number, hl: number, gr: number, hr: number, mono: number): number => {
    if (!(hl >= mcw && hr >= mcw && hl > 0 && hr > 0)) return -Infinity;
    if (!constrained) {
      wl = leafWeight(gl, hl, lambda, alpha);
      wr = leafWeight(gr, hr, lambda, alpha);
      return nodeScore(gl, hl, lambda, alpha) + nodeScore(gr, hr, lambda, alpha) - parentScore;
    }
    wl = clamp(leafWeight(gl, hl, lambda, alpha), lower, upper);
    wr = clamp(leafWeight(gr, hr, lambda, alpha), lower, upper);
    if ((mono > 0 && wl > wr) || (mono < 0 && wl < wr)) return -Infinity;
    return scoreAtWeight(gl, hl, wl, lambda, alpha) + scoreAtWeight(gr, hr, wr, lambda, alpha) - parentScore;
  };
  const take = (gain: number, f: number, bin: number, defaultLeft: boolean, bits: Int32Array | null, gl: number, hl: number, gr: number, hr: number): void => {
    bestGain = gain;
    best = { gain, feature: f, bin, defaultLeft, catBits: bits, gL: gl, hL: hl, gR: gr, hR: hr, wL: wl, wR: wr };
  };

  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi]!;
    const off = f * 512;
    const nb = nBins[f]!;
    const gm = hist[off + 2 * MISSING_BIN]!;
    const hm = hist[off + 2 * MISSING_BIN + 1]!;
    const hasMissing = hm > 0;
    if (categorical[f]) {
      categoricalSplit(hist, off, nb, gm, hm, hasMissing, G, H, f);
      continue;
    }
    const mono = constrained ? monotone[f]! : 0;
    if (!constrained && alpha === 0) {
      // Fast path (the common case): the same arithmetic as `candidate`, inlined.
      let gl = 0;
      let hl = 0;
      const last = hasMissing ? nb : nb - 1;
      for (let b = 0; b < last; b++) {
        const hb = hist[off + 2 * b + 1]!;
        // An empty bin repeats the previous candidate (which cannot beat itself).
        if (hb === 0 && b > 0) continue;
        gl += hist[off + 2 * b]!;
        hl += hb;
        const hr = H - hl;
        if (!(hl >= mcw && hr >= mcw && hl > 0 && hr > 0)) continue;
        const gr = G - gl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
        if (gain > bestGain) {
          wl = -gl / (hl + lambda);
          wr = -gr / (hr + lambda);
          take(gain, f, b, false, null, gl, hl, gr, hr);
        }
      }
      if (hasMissing) {
        let gr = 0;
        let hr = 0;
        for (let b = nb - 1; b >= 0; b--) {
          const hb = hist[off + 2 * b + 1]!;
          if (hb === 0 && b < nb - 1) continue;
          gr += hist[off + 2 * b]!;
          hr += hb;
          const hl2 = H - hr;
          if (!(hl2 >= mcw && hr >= mcw && hl2 > 0 && hr > 0)) continue;
          const gl2 = G - gr;
          const gain = (gl2 * gl2) / (hl2 + lambda) + (gr * gr) / (hr + lambda) - parentScore;
          if (gain > bestGain) {
            wl = -gl2 / (hl2 + lambda);
            wr = -gr / (hr + lambda);
            take(gain, f, b - 1, true, null, gl2, hl2, gr, hr);
          }
        }
      }
      continue;
    }
    // Missing right: left = bins 0..b.
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb; b++) {
      gl += hist[off + 2 * b]!;
      hl += hist[off + 2 * b + 1]!;
      if (b === nb - 1 && !hasMissing) break;
      const gain = candidate(gl, hl, G - gl, H - hl, mono);
      if (gain > bestGain) take(gain, f, b, false, null, gl, hl, G - gl, H - hl);
    }
    if (!hasMissing) continue;
    // Missing left: right = bins b+1..nb-1, scanned from the top as XGBoost does.
    let gr = 0;
    let hr = 0;
    for (let b = nb - 1; b >= 0; b--) {
      gr += hist[off + 2 * b]!;
      hr += hist[off + 2 * b + 1]!;
      const gain = candidate(G - gr, H - hr, gr, hr, mono);
      if (gain > bestGain) take(gain, f, b - 1, true, null, G - gr, H - hr, gr, hr);
    }
  }
  return best;

  function categoricalSplit(
    h: Float64Array, off: number, nb: number, gm: number, hm: number, hasMissing: boolean, Gt: number, Ht: number, f: number,
  ): void {
    const cats: number[] = [];
    for (let b = 0; b < nb; b++) if (h[off + 2 * b + 1]! > 0) cats.push(b);
    if (cats.length < 1) return;
    const w = (b: number): number => leafWeight(h[off + 2 * b]!, h[off + 2 * b + 1]!, lambda, alpha);
    cats.sort((a, b) => w(a) - w(b) || a - b);
    for (const missingLeft of hasMissing ? [false, true] : [false]) {
      let gl = missingLeft ? gm : 0;
      let hl = missingLeft ? hm : 0;
      // With missing rows, "all categories on one side" is a valid split too.
      const last = hasMissing ? cats.length : cats.length - 1;
      for (let k = 0; k < last; k++) {
        gl += h[off + 2 * cats[k]!]!;
        hl += h[off + 2 * cats[k]! + 1]!;
        const gain = candidate(gl, hl, Gt - gl, Ht - hl, 0);
        if (gain > bestGain) {
          const bits = new Int32Array(8);
          for (let j = 0; j <= k; j++) bits[cats[j]! >>> 5]! |= 1 << (cats[j]! & 31);
          take(gain, f, -1, missingLeft, bits, gl, hl, Gt - gl, Ht - hl);
        }
      }
    }
  }
}
