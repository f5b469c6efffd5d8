/**
 * Feature importance of a boosted ensemble: 'gain' sums the split gains of each feature over
 * all trees (XGBoost's `total_gain`), 'split' counts the splits on it (XGBoost's `weight`).
 */
import type { Forest } from './predictor.js';

export type ImportanceType = 'gain' | 'split';

/**
 * Importance per feature; normalized to sum to 1 unless `normalize` is false (all zeros when
 * the model has no split).
 */
export function featureImportances(f: Forest, cols: number, type: ImportanceType, normalize: boolean): Float64Array {
  const out = new Float64Array(cols);
  for (let n = 0; n < f.feature.length; n++) {
    const feat = f.feature[n]!;
    if (feat < 0) continue;
    out[feat] += type === 'gain' ? f.gain[n]! : 1;
  }
  if (normalize) {
    let s = 0;
    for (const v of out) s += v;
    if (s > 0) for (let j = 0; j < cols; j++) out[j] = out[j]! / s;
  }
  return out;
}
