/**
 * Cross-validation folds with the preprocessing fitted on each training part once, so every
 * trial fits its model on ready matrices instead of redoing imputation and encoding.
 */
import type { DataFrame, SchemaColumn } from '../frame/index.js';
import {
  type ColumnTransformer, type Fold, KFold, type Label, StratifiedKFold, columnTransformerFromSchema,
} from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';
import type { AutoMLTask } from './types.js';

export interface PreparedFold {
  train: Int32Array;
  test: Int32Array;
  Xtrain: NdArray;
  Xtest: NdArray;
  ytrain: Label[];
  ytest: Label[];
}

/** The shared preprocessing: built from the schema, scaled (harmless for trees, needed by linear models and k-NN). */
export function buildPreprocessing(schema: readonly SchemaColumn[]): { transformer: ColumnTransformer; notes: string[] } {
  return columnTransformerFromSchema(schema, { scale: true });
}

/** Shuffled k folds, stratified by class for classification. */
export function makeFolds(task: AutoMLTask, y: readonly Label[], k: number, seed: number): Fold[] {
  const splitter = task === 'classification'
    ? new StratifiedKFold({ nSplits: k, shuffle: true, seed })
    : new KFold({ nSplits: k, shuffle: true, seed });
  return splitter.split(y.length, y as Label[]);
}

/** Fits the preprocessing on each fold's training rows and transforms both parts. */
export function prepareFolds(X: DataFrame, y: readonly Label[], schema: readonly SchemaColumn[], folds: readonly Fold[]): PreparedFold[] {
  return folds.map(({ train, test }) => {
    const { transformer } = buildPreprocessing(schema);
    const Xtrain = transformer.fit(X.take(train)).transform(X.take(train));
    return {
      train, test, Xtrain, Xtest: transformer.transform(X.take(test)),
      ytrain: Array.from(train, (i) => y[i]!), ytest: Array.from(test, (i) => y[i]!),
    };
  });
}
