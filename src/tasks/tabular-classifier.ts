/** TabularClassifier: one call from a frame to a tuned classifier (Turi Create's classifier.create). */
import type { DataFrame } from '../frame/index.js';
import { DataError, type Label, type Pipeline, type TableInput } from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';
import { type ClassificationMetrics, classificationMetrics } from './evaluate.js';
import { type TabularCreateOptions, TabularModel, type TabularModelJSON, registerTabularKind, trainTabular } from './tabular-model.js';

/**
 * A classifier over the raw columns of a frame: schema inference, preprocessing (imputation,
 * scaling, one-hot encoding, date parts, TF-IDF for text) and a model picked and tuned by AutoML
 * under a time budget.
 *
 * @example
 * const model = await TabularClassifier.create(penguins, { target: 'species', timeBudgetSeconds: 10 });
 * model.predict(newPenguins);            // ['Adelie', 'Gentoo', …]
 * model.evaluate(testPenguins).accuracy; // 0.98…
 * model.explain().importance[0];         // { feature: 'bill_length_mm', importance: 0.3, std: 0.02 }
 */
export class TabularClassifier extends TabularModel {
  static {
    registerTabularKind('classification', (doc: TabularModelJSON, pipeline: Pipeline) => new TabularClassifier(doc, pipeline));
  }

  /** Trains a classifier predicting `options.target` from the other columns of `frame`. */
  static async create(frame: DataFrame, options: TabularCreateOptions): Promise<TabularClassifier> {
    const { doc, pipeline } = await trainTabular(frame, options, 'classification', 'TabularClassifier');
    return new TabularClassifier(doc, pipeline);
  }

  /** The class labels, in `predictProba`'s column order. */
  get classes(): Label[] {
    return [...this.doc.tabular.classes!];
  }

  /** The predicted class of each row. */
  predict(data: DataFrame | TableInput): Label[] {
    return this.pipeline.predict(this.featureTable(data, 'predict')) as Label[];
  }

  /** rows × classes probabilities, columns in `classes` order. */
  predictProba(data: DataFrame | TableInput): NdArray {
    return this.pipeline.predictProba(this.featureTable(data, 'predictProba'));
  }

  /** Accuracy, balanced accuracy, macro F1, log loss, AUC (binary) and the confusion matrix on rows that hold the target. */
  evaluate(data: DataFrame | TableInput): ClassificationMetrics {
    const X = this.featureTable(data, 'evaluate');
    const y = this.targetValues(data, 'evaluate');
    const classes = this.classes;
    const known = new Set<Label>(classes);
    const unseen = y.findIndex((v) => !known.has(v));
    if (unseen >= 0) {
      throw new DataError(
        `TabularClassifier.evaluate: row ${unseen} has class ${JSON.stringify(y[unseen])} in '${this.target}', which the model never saw in training; ` +
          `it knows ${classes.map((c) => JSON.stringify(c)).join(', ')}. Drop those rows or retrain with them.`,
      );
    }
    return classificationMetrics(y, this.pipeline.predict(X) as Label[], this.pipeline.predictProba(X), classes);
  }
}
