/**
 * The saved-model format: a whole fitted pipeline with what it was trained on. `track` reads and
 * writes these files (atomically, and through the registry); the format lives here, beside the
 * estimator contract, so strata below `track` (tasks) can produce it too.
 */
import type { EstimatorJSON } from './estimator.js';

export interface ModelFile {
  format: 'strata-model';
  version: 1;
  /** The estimator's registered name (`random-forest-classifier`). */
  model: string;
  task: 'classification' | 'regression';
  target: string;
  /** Input columns the pipeline reads, in training order. */
  features: string[];
  /** What the automatic preprocessing did, in words. */
  preprocessing: string[];
  createdAt: string;
  pipeline: EstimatorJSON;
}
