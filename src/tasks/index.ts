/**
 * strata/tasks — one-call toolkits (Turi Create, Create ML): hand over a frame and a target, get
 * a tuned model with predict, evaluate, explain and export.
 *
 * @example
 * import { TabularClassifier } from 'strata/tasks';
 * const model = await TabularClassifier.create(df, { target: 'species', timeBudgetSeconds: 10 });
 * model.evaluate(test); model.explain().importance; model.summary().leaderboard;
 */
export {
  TabularModel, type TabularCreateOptions, type TabularSummary, type TabularModelJSON, type TabularExportFormat,
} from './tabular-model.js';
export { TabularClassifier } from './tabular-classifier.js';
export { TabularRegressor } from './tabular-regressor.js';
export type { ClassificationMetrics, RegressionMetrics } from './evaluate.js';
export type { TabularExplanation, FeatureImportance, ShapSummary } from './explain.js';
