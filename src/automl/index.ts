/**
 * strata/automl — budgeted model search with a cross-validated leaderboard and a greedy
 * ensemble (H2O AutoML, auto-sklearn, FLAML).
 *
 * @example
 * import { autoML } from 'strata/automl';
 * const result = await autoML(df, { target: 'species', timeBudgetSeconds: 20 });
 * result.leaderboard[0]; // { model: 'voting-classifier', score: 0.997, std: 0.006, … }
 * result.pipeline.predict(newRows);
 */
export type {
  AutoMLOptions, AutoMLProgress, AutoMLResult, AutoMLTask, AutoMLMetric, ClassificationMetric, RegressionMetric,
  LeaderboardEntry, TrialRecord,
} from './types.js';
export { autoML } from './automl.js';
export { auditDataset, type AuditResult } from './audit.js';
export { greedyEnsemble, type EnsembleCandidate, type EnsembleSelection } from './ensemble-selection.js';
export { portfolio, selectPortfolio, type PortfolioModel } from './portfolio.js';
export { resolveMetric, metricNames, type MetricSpec } from './metrics.js';
export type { Space, Dimension, Config } from './space.js';
