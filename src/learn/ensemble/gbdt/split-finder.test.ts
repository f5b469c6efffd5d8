import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MISSING_BIN } from './binning.js';
import { type SplitConfig, findBestSplit, leafWeight, nodeScore, thresholdL1 } from './split-finder.js';

/** A one-feature histogram from per-bin (g, h) pairs and a missing (g, h). */
function hist(bins: [number, number][], missing: [number, number] = [0, 0], features = 1): Float64Array {
  const h = new Float64Array(features * 512);
  bins.forEach(([g, hh], b) => {
    h[2 * b] = g;
    h[2 * b + 1] = hh;
  });
  h[2 * MISSING_BIN] = missing[0];
  h[2 * MISSING_BIN + 1] = missing[1];
  return h;
}

const cfg = (over: Partial<SplitConfig> = {}): SplitConfig => ({
  regLambda: 1, regAlpha: 0, minChildWeight: 0, nBins: Int32Array.of(4), categorical: Uint8Array.of(0), monotone: null, ...over,
});
const sums = (h: Float64Array): [number, number] => {
  let g = 0;
  let hh = 0;
  for (let b = 0; b < 256; b++) {
    g += h[2 * b]!;
    hh += h[2 * b + 1]!;
  }
  return [g, hh];
};

test('gain, weights and soft thresholding follow XGBoost', () => {
  assert.equal(thresholdL1(5, 2), 3);
  assert.equal(thresholdL1(-5, 2), -3);
  assert.equal(thresholdL1(1, 2), 0);
  assert.equal(leafWeight(4, 3, 1, 0), -1);
  assert.equal(nodeScore(4, 3, 1, 0), 4);
  assert.equal(nodeScore(4, 3, 1, 2), 1);
});

test('the best numeric split and its gain, computed by hand', () => {
  // bins: (g,h) = (-4,2), (-2,2), (3,2), (5,2): best split is after bin 1.
  const h = hist([[-4, 2], [-2, 2], [3, 2], [5, 2]]);
  const [G, H] = sums(h);
  const s = findBestSplit(h, G, H, Int32Array.of(0), cfg(), -Infinity, Infinity)!;
  assert.equal(s.bin, 1);
  assert.equal(s.defaultLeft, false);
  const expected = 36 / 5 + 64 / 5 - 4 / 9;
  assert.ok(Math.abs(s.gain - expected) < 1e-12);
  assert.ok(Math.abs(s.wL - 6 / 5) < 1e-12 && Math.abs(s.wR + 8 / 5) < 1e-12);
});

test('missing values go to the side that gains more', () => {
  // Missing rows have large negative gradient like bins 0-1: they should go left.
  const h = hist([[-4, 2], [-2, 2], [3, 2], [5, 2]], [-6, 2]);
  const [G, H] = sums(h);
  const s = findBestSplit(h, G, H, Int32Array.of(0), cfg(), -Infinity, Infinity)!;
  assert.equal(s.bin, 1);
  assert.equal(s.defaultLeft, true);
  assert.equal(s.gL, -12);
  // Missing rows like the right side go right.
  const h2 = hist([[-4, 2], [-2, 2], [3, 2], [5, 2]], [6, 2]);
  const [G2, H2] = sums(h2);
  const s2 = findBestSplit(h2, G2, H2, Int32Array.of(0), cfg(), -Infinity, Infinity)!;
  assert.equal(s2.defaultLeft, false);
  assert.equal(s2.gR, 14);
});

test('missing versus present can be the split itself (bin -1 or the last bin)', () => {
  // All present rows alike, missing rows very different.
  const h = hist([[1, 2], [1, 2]], [-10, 2]);
  const [G, H] = sums(h);
  const s = findBestSplit(h, G, H, Int32Array.of(0), cfg({ nBins: Int32Array.of(2) }), -Infinity, Infinity)!;
  assert.ok((s.bin === 1 && !s.defaultLeft) || (s.bin === -1 && s.defaultLeft));
  assert.equal(s.defaultLeft ? s.hL : s.hR, 2);
});

test('minChildWeight rules out small children; no valid split gives null', () => {
  const h = hist([[-4, 0.5], [-2, 2], [3, 2], [5, 0.5]]);
  const [G, H] = sums(h);
  const s = findBestSplit(h, G, H, Int32Array.of(0), cfg({ minChildWeight: 1 }), -Infinity, Infinity)!;
  assert.ok(s.hL >= 1 && s.hR >= 1);
  assert.equal(findBestSplit(h, G, H, Int32Array.of(0), cfg({ minChildWeight: 3 }), -Infinity, Infinity), null);
  const flat = hist([[1, 1], [1, 1], [1, 1], [1, 1]]);
  assert.equal(findBestSplit(flat, 4, 4, Int32Array.of(0), cfg({ regLambda: 0 }), -Infinity, Infinity), null);
});

test('ties go to the lower feature', () => {
  const one = [[-4, 2], [4, 2]] as [number, number][];
  const h = new Float64Array(2 * 512);
  h.set(hist(one), 0);
  h.set(hist(one), 512);
  const s = findBestSplit(h, 0, 4, Int32Array.of(0, 1), cfg({ nBins: Int32Array.of(2, 2), categorical: Uint8Array.of(0, 0) }), -Infinity, Infinity)!;
  assert.equal(s.feature, 0);
  const s1 = findBestSplit(h, 0, 4, Int32Array.of(1), cfg({ nBins: Int32Array.of(2, 2), categorical: Uint8Array.of(0, 0) }), -Infinity, Infinity)!;
  assert.equal(s1.feature, 1);
});

test('a monotone constraint rejects splits whose weights go the wrong way and clamps to bounds', () => {
  // Unconstrained, left weight (+) > right weight (−): decreasing.
  const h = hist([[-4, 2], [-2, 2], [3, 2], [5, 2]]);
  const [G, H] = sums(h);
  const inc = findBestSplit(h, G, H, Int32Array.of(0), cfg({ monotone: Int8Array.of(1) }), -Infinity, Infinity);
  assert.equal(inc, null);
  const dec = findBestSplit(h, G, H, Int32Array.of(0), cfg({ monotone: Int8Array.of(-1) }), -Infinity, Infinity)!;
  assert.equal(dec.bin, 1);
  const bounded = findBestSplit(h, G, H, Int32Array.of(0), cfg({ monotone: Int8Array.of(-1) }), -0.5, 0.5)!;
  assert.equal(bounded.wL, 0.5);
  assert.equal(bounded.wR, -0.5);
  assert.ok(bounded.gain < dec.gain);
});

test('categorical split: categories sorted by weight, best prefix goes left', () => {
  // Categories 0..3 with weights: cat 0 and 2 negative gradient (positive weight), 1 and 3 positive.
  const h = hist([[-5, 2], [5, 2], [-5, 2], [5, 2]]);
  const s = findBestSplit(h, 0, 8, Int32Array.of(0), cfg({ categorical: Uint8Array.of(1) }), -Infinity, Infinity)!;
  assert.ok(s.catBits);
  const left = [0, 1, 2, 3].filter((b) => (s.catBits![0]! >>> b) & 1);
  assert.deepEqual(left.sort(), [1, 3]); // weight −5/3 first in ascending order
  assert.ok(Math.abs(s.gain - (100 / 5 + 100 / 5)) < 1e-12);
});
