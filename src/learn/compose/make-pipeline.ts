/** makePipeline: a Pipeline with step names made from the class names. */
import { Pipeline, type PipelineStep } from './pipeline.js';
import type { StepEstimator } from './step.js';

/**
 * Builds a Pipeline whose steps are named after their classes in lower case, as scikit-learn's
 * make_pipeline does (`standardscaler`, `logisticregression`; repeats get `-1`, `-2`).
 *
 * @example
 * const pipe = makePipeline(new StandardScaler(), new LogisticRegression());
 * pipe.setParams({ logisticregression__C: 10 });
 */
export function makePipeline(...estimators: (StepEstimator | 'passthrough' | null)[]): Pipeline {
  const base = estimators.map((e) => (e === null || e === 'passthrough' ? 'passthrough' : e.constructor.name.toLowerCase()));
  const total = new Map<string, number>();
  for (const n of base) total.set(n, (total.get(n) ?? 0) + 1);
  const seen = new Map<string, number>();
  const steps = estimators.map((e, i): PipelineStep => {
    const n = base[i]!;
    if (total.get(n)! === 1) return [n, e];
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return [`${n}-${k}`, e];
  });
  return new Pipeline({ steps });
}
