/**
 * The data a tree grows on, in the layout the splitter reads fastest: features column-major in
 * float32 (as scikit-learn's trees, so thresholds and predictions agree bit for bit), targets as
 * float64 (class codes 0…K−1 for classification), and optional sample weights.
 */

export interface TrainingSet {
  /** Feature values, column-major: value of feature f for sample i at `X[f * nSamples + i]`. */
  readonly X: Float32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Regression targets, or class codes 0…nClasses−1 for classification. */
  readonly y: Float64Array;
  /** Number of classes; 0 for regression. */
  readonly nClasses: number;
  /** Per-sample weights (null: all 1). Samples with weight 0 take no part in the tree. */
  readonly sampleWeight: Float64Array | null;
}

/**
 * Column-major float32 copy of a row-major float64 matrix.
 *
 * @example
 * toColumnMajorF32(Float64Array.of(1, 2, 3, 4), 2, 2); // Float32Array [1, 3, 2, 4]
 */
export function toColumnMajorF32(data: Float64Array, rows: number, cols: number, out?: Float32Array): Float32Array {
  const X = out ?? new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let f = 0; f < cols; f++) X[f * rows + i] = data[row + f]!;
  }
  return X;
}

/** Row-major float32 copy (for prediction, where each sample walks down the tree). */
export function toRowMajorF32(data: Float64Array): Float32Array {
  return Float32Array.from(data);
}
