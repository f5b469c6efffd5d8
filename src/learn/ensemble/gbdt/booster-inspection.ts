/**
 * The inspection surface the gradient boosting classifier and regressor share — feature
 * importances, the fitted forest, the number of rounds and the evaluation history — added to
 * either base class (Classifier or Regressor) by one mixin.
 */
import type { Estimator } from '../../base/estimator.js';
import type { BoosterState } from './boosting.js';
import { type ImportanceType, featureImportances } from './importance.js';
import type { Forest } from './predictor.js';

/** A class of estimators whose fitted state `S` is a booster's. */
type BoosterClass<S extends BoosterState> = abstract new (...args: any[]) => Estimator<object, S>;

/** What `withBoosterInspection` adds (named so that declaration files can refer to it). */
export interface BoosterInspection {
  featureImportances(type?: ImportanceType, normalize?: boolean): Float64Array;
  readonly forest: Forest;
  readonly nRounds: number;
  readonly evalHistory: { metric: string; train: number[]; valid: number[] };
}

/**
 * `Base` plus the booster inspection methods.
 *
 * @example
 * class MyBooster extends withBoosterInspection(Regressor<MyParams, BoosterState>) { ... }
 */
export function withBoosterInspection<S extends BoosterState, B extends BoosterClass<S>>(
  Base: B & BoosterClass<S>,
): B & (abstract new (...args: any[]) => BoosterInspection) {
  abstract class WithBoosterInspection extends Base implements BoosterInspection {
    /** Total split gain ('gain') or split count ('split') per feature, normalized to sum 1 by default. */
    featureImportances(type: ImportanceType = 'gain', normalize = true): Float64Array {
      const s = this.fitted('featureImportances');
      return featureImportances(s.forest, s.nFeatures, type, normalize);
    }

    /** The fitted trees as flat node arrays (see predictor.ts); read-only. */
    get forest(): Forest {
      return this.fitted('forest').forest;
    }

    /** Boosting rounds in the model (fewer than nEstimators after early stopping). */
    get nRounds(): number {
      return this.fitted('nRounds').nRounds;
    }

    /**
     * The metric per round on training rows (when a run is logged) and validation rows (with
     * early stopping).
     */
    get evalHistory(): { metric: string; train: number[]; valid: number[] } {
      const s = this.fitted('evalHistory');
      return { metric: s.metric, train: [...s.trainCurve], valid: [...s.validCurve] };
    }
  }
  return WithBoosterInspection;
}
