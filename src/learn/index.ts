/**
 * strata/learn — the estimator contract and classical machine learning (scikit-learn, XGBoost).
 *
 * @example
 * import { Ridge } from 'strata/learn';
 * const model = new Ridge({ alpha: 1 }).fit(X, y);
 * model.predict(Xnew);
 */
export { Estimator, type EstimatorJSON, registerEstimator, estimatorClass, registeredEstimators, kebabName } from './base/estimator.js';
export { Classifier, Regressor, Transformer, Clusterer, type ProbabilisticClassifier } from './base/kinds.js';
export { NotFittedError, DataError, ParamError } from './base/errors.js';
export type { TrainingRun, FitOptions } from './base/run.js';
export type { ModelFile } from './base/model-file.js';
export {
  type FrameLike, type MatrixInput, type Label, type LabelInput, type Matrix, type MatrixOptions,
  toMatrix, toLabels, toTargets, encodeLabels, checkFeatureCount, isFrameLike,
} from './base/input.js';
// linear models and SVMs (src/learn/linear, src/learn/svm)
export { LinearRegression, type LinearRegressionParams, type LinearFitOptions } from './linear/linear-regression.js';
export { Ridge, type RidgeParams, type RidgeSolver } from './linear/ridge.js';
export { ElasticNet, type ElasticNetParams } from './linear/elastic-net.js';
export { Lasso, type LassoParams } from './linear/lasso.js';
export { enetPath, lassoPath, type EnetPath, type EnetPathOptions } from './linear/enet-path.js';
export { LogisticRegression, type LogisticRegressionParams, type LogisticPenalty, type LogisticSolver } from './linear/logistic-regression.js';
export { SVC, type SVCParams } from './svm/svc.js';
export { SVR, type SVRParams } from './svm/svr.js';
export type { KernelName } from './svm/kernels.js';
export { LinearSVC, type LinearSVCParams } from './svm/linear-svc.js';
export { SGDClassifier, type SGDClassifierParams } from './linear/sgd-classifier.js';
export { SGDRegressor, type SGDRegressorParams } from './linear/sgd-regressor.js';
export type { SGDClassifierLoss, SGDRegressorLoss } from './linear/sgd-losses.js';
export type { LearningRate, SGDPenalty } from './linear/sgd-core.js';
export type { ClassWeight } from './linear/checks.js';

// neighbors
export { KNeighborsClassifier } from './neighbors/k-neighbors-classifier.js';
export { KNeighborsRegressor } from './neighbors/k-neighbors-regressor.js';
export type { KNeighborsParams, Kneighbors } from './neighbors/neighbors-base.js';
export { KDTree } from './neighbors/kd-tree.js';
export { BallTree } from './neighbors/ball-tree.js';
export { type MetricName, resolveMetric } from './neighbors/metric.js';
export { type Algorithm as NeighborsAlgorithm, type SearchIndex, buildIndex } from './neighbors/search-index.js';

// naive Bayes
export { GaussianNB, type GaussianNBParams } from './naive-bayes/gaussian-nb.js';
export { MultinomialNB, type MultinomialNBParams } from './naive-bayes/multinomial-nb.js';
export { BernoulliNB, type BernoulliNBParams } from './naive-bayes/bernoulli-nb.js';

// clustering
export { KMeans, type KMeansParams } from './cluster/k-means.js';
export { MiniBatchKMeans, type MiniBatchKMeansParams } from './cluster/mini-batch-k-means.js';
export { DBSCAN, type DBSCANParams } from './cluster/dbscan.js';
export { AgglomerativeClustering, type AgglomerativeClusteringParams } from './cluster/agglomerative-clustering.js';
export { type Linkage, type Dendrogram, linkageTree, cutTree } from './cluster/linkage.js';

// decomposition and embedding
export { PCA, type PCAParams } from './decomposition/pca.js';
export { TruncatedSVD, type TruncatedSVDParams } from './decomposition/truncated-svd.js';
export { TSNE, type TSNEParams } from './decomposition/tsne.js';
export { trustworthiness } from './decomposition/trustworthiness.js';
export { randomizedSvd, type TruncatedSVDResult } from './decomposition/randomized-svd.js';

// decision trees, random forests, extra trees, isolation forest
export { DecisionTreeClassifier, type DecisionTreeClassifierParams } from './tree/decision-tree-classifier.js';
export { DecisionTreeRegressor, type DecisionTreeRegressorParams } from './tree/decision-tree-regressor.js';
export { type DecisionTreeParams, type TreeFitOptions } from './tree/decision-tree.js';
export { type TreeShapeParams, type MaxFeatures } from './tree/params.js';
export { type CriterionName, type ClassificationCriterionName, type RegressionCriterionName } from './tree/criterion.js';
export { type FlatTree } from './tree/flat-tree.js';
export { type PruningPath } from './tree/pruning.js';
export { type ClassWeight as TreeClassWeight } from './tree/weights.js';
export { RandomForestClassifier } from './ensemble/forest/random-forest-classifier.js';
export { RandomForestRegressor } from './ensemble/forest/random-forest-regressor.js';
export { ExtraTreesClassifier } from './ensemble/forest/extra-trees-classifier.js';
export { ExtraTreesRegressor } from './ensemble/forest/extra-trees-regressor.js';
export { ForestClassifier, type ForestClassifierParams } from './ensemble/forest/forest-classifier.js';
export { ForestRegressor, type ForestRegressorParams } from './ensemble/forest/forest-regressor.js';
export { type ForestParams } from './ensemble/forest/forest.js';
export { workerThreadsAvailable } from './base/threads.js';
export { IsolationForest, type IsolationForestParams } from './ensemble/isolation-forest/isolation-forest.js';
export { VotingClassifier, type VotingClassifierParams } from './ensemble/voting/voting-classifier.js';
export { VotingRegressor } from './ensemble/voting/voting-regressor.js';
export type { VotingParams, NamedEstimator } from './ensemble/voting/voting.js';

// ---- preprocessing, compose (pipelines, column transformer, tables), metrics, model selection ----
// preprocessing
export { StandardScaler, type StandardScalerParams } from './preprocessing/standard-scaler.js';
export { MinMaxScaler, type MinMaxScalerParams } from './preprocessing/min-max-scaler.js';
export { RobustScaler, type RobustScalerParams } from './preprocessing/robust-scaler.js';
export { MaxAbsScaler, type MaxAbsScalerParams } from './preprocessing/max-abs-scaler.js';
export { Normalizer, type NormalizerParams } from './preprocessing/normalizer.js';
export { OneHotEncoder, type OneHotEncoderParams } from './preprocessing/one-hot-encoder.js';
export { OrdinalEncoder, type OrdinalEncoderParams } from './preprocessing/ordinal-encoder.js';
export { LabelEncoder, type LabelEncoderParams } from './preprocessing/label-encoder.js';
export { SimpleImputer, type SimpleImputerParams, type ImputeStrategy } from './preprocessing/simple-imputer.js';
export { PolynomialFeatures, type PolynomialFeaturesParams } from './preprocessing/polynomial-features.js';
export { KBinsDiscretizer, type KBinsDiscretizerParams } from './preprocessing/k-bins-discretizer.js';
export type { Category } from './preprocessing/categories.js';
export { CountVectorizer, type CountVectorizerParams, type TextInput } from './preprocessing/count-vectorizer.js';
export { TfidfTransformer, type TfidfWeighting } from './preprocessing/tfidf-transformer.js';
export { TfidfVectorizer, type TfidfVectorizerParams } from './preprocessing/tfidf-vectorizer.js';
export { compileTokenPattern, type AnalyzerParams } from './preprocessing/text-analyzer.js';
export { DatetimeFeatures, DATETIME_PARTS, type DatetimeFeaturesParams, type DatetimePart } from './preprocessing/datetime-features.js';
export { parseIsoTimestamp } from './preprocessing/timestamps.js';
// compose
export { Table, type TableInput, toTable, takeRows, isMissing } from './compose/table.js';
export { Pipeline, type PipelineParams, type PipelineStep } from './compose/pipeline.js';
export { makePipeline } from './compose/make-pipeline.js';
export type { StepEstimator } from './compose/step.js';
export {
  ColumnTransformer, type ColumnTransformerParams, type ColumnTransformerEntry, type ColumnSelection,
} from './compose/column-transformer.js';
export {
  columnTransformerFromSchema, type SchemaColumn, type ColumnKind, type FromSchemaOptions, type FromSchemaResult,
} from './compose/from-schema.js';
// metrics
export { accuracyScore, balancedAccuracyScore } from './metrics/accuracy.js';
export { confusionMatrix, type ConfusionMatrixOptions } from './metrics/confusion-matrix.js';
export {
  precisionRecallFscoreSupport, precisionScore, recallScore, f1Score, fbetaScore, type Average, type PrecisionRecallOptions,
} from './metrics/precision-recall-fscore.js';
export { classificationReport, type ClassificationReportDict, type ClassificationReportOptions } from './metrics/classification-report.js';
export { rocCurve, rocAucScore, auc, type RocCurve, type RocAucOptions } from './metrics/roc.js';
export { precisionRecallCurve, averagePrecisionScore, type PrecisionRecallCurve } from './metrics/precision-recall-curve.js';
export { logLoss, brierScoreLoss, type LogLossOptions } from './metrics/log-loss.js';
export {
  r2Score, meanSquaredError, rootMeanSquaredError, meanAbsoluteError, meanAbsolutePercentageError, type RegressionOptions,
} from './metrics/regression.js';
export { silhouetteScore, silhouetteSamples } from './metrics/silhouette.js';
export { adjustedRandScore } from './metrics/adjusted-rand.js';
export { getScorer, scorerNames, type Scorer, type ScorableEstimator } from './metrics/scorer.js';
// model selection
export type { Fold, Splitter } from './model-selection/splitter.js';
export { KFold, type KFoldOptions } from './model-selection/k-fold.js';
export { StratifiedKFold, type StratifiedKFoldOptions } from './model-selection/stratified-k-fold.js';
export { GroupKFold } from './model-selection/group-k-fold.js';
export { TimeSeriesSplit, type TimeSeriesSplitOptions } from './model-selection/time-series-split.js';
export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplit } from './model-selection/train-test-split.js';
export { isClassifier, type CvEstimator, type CvOption } from './model-selection/cv.js';
export { crossValidate, crossValScore, type CrossValidateOptions, type CrossValidateResult, type Scoring } from './model-selection/cross-validate.js';
export { parameterGrid, parameterSampler, type ParamGrid, type ParamDistributions } from './model-selection/parameter-grid.js';
export { GridSearchCV } from './model-selection/grid-search-cv.js';
export { RandomizedSearchCV, type RandomizedSearchOptions } from './model-selection/randomized-search-cv.js';
export type { CvResults, SearchOptions } from './model-selection/search.js';
export { learningCurve, type LearningCurve } from './model-selection/learning-curve.js';
export { validationCurve } from './model-selection/validation-curve.js';
export { permutationImportance, type PermutationImportance } from './model-selection/permutation-importance.js';
// histogram gradient boosting (src/learn/ensemble/gbdt)
export { GradientBoostingClassifier, type GradientBoostingClassifierParams } from './ensemble/gbdt/gradient-boosting-classifier.js';
export { GradientBoostingRegressor, type GradientBoostingRegressorParams } from './ensemble/gbdt/gradient-boosting-regressor.js';
export type { BoostingParams } from './ensemble/gbdt/params.js';
export type { BoostingFitOptions } from './ensemble/gbdt/boosting.js';
export type { Forest as BoostedForest } from './ensemble/gbdt/predictor.js';
export type { ImportanceType } from './ensemble/gbdt/importance.js';
export type { EvalMetric } from './ensemble/gbdt/metrics.js';
export type { RegressionLoss } from './ensemble/gbdt/losses.js';
export { threadsReady as gradientBoostingThreadsReady } from './ensemble/gbdt/parallel.js';
