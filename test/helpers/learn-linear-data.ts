/**
 * The datasets of the `learn_linear` fixture (bench/reference/learn_linear.py) as the linear
 * model and SVM tests use them: breast cancer, wine and diabetes features standardized the
 * way the fixture script does, iris and the noisy set as stored.
 */
import { loadFixture } from './fixtures.js';

/** Column standardization with the population standard deviation (as the fixture script). */
export function standardize(X: number[][]): number[][] {
  const p = X[0]!.length;
  const mean = new Array(p).fill(0);
  const sd = new Array(p).fill(0);
  for (const r of X) r.forEach((v, j) => (mean[j] += v / X.length));
  for (const r of X) r.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / X.length));
  return X.map((r) => r.map((v, j) => (v - mean[j]) / Math.sqrt(sd[j])));
}

export interface LearnLinearData {
  /** The whole fixture (its reference results sit beside `data`). */
  ref: any;
  /** Breast cancer, standardized; y in {0, 1}. */
  Xb: number[][];
  yb: number[];
  /** Iris as stored; y in {0, 1, 2}. */
  Xi: number[][];
  yi: number[];
  /** Wine, standardized. */
  Xw: number[][];
  yw: number[];
  /** Diabetes, standardized features; y as stored. */
  Xd: number[][];
  yd: number[];
  /** The noisy synthetic classification set, as stored. */
  Xs: number[][];
  ys: number[];
}

/** Loads the fixture and prepares each dataset (a fresh copy per call). */
export function loadLearnLinear(): LearnLinearData {
  const ref = loadFixture('learn_linear');
  const d = ref.data;
  return {
    ref,
    Xb: standardize(d.breast_cancer.X),
    yb: d.breast_cancer.y as number[],
    Xi: d.iris.X as number[][],
    yi: d.iris.y as number[],
    Xw: standardize(d.wine.X),
    yw: d.wine.y as number[],
    Xd: standardize(d.diabetes.X),
    yd: d.diabetes.y as number[],
    Xs: d.noisy.X as number[][],
    ys: d.noisy.y as number[],
  };
}
