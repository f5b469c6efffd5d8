/** TabularRegressor: one call from a frame to a tuned regressor (Turi Create's regression.create). */
import type { DataFrame } from '../frame/index.js';
import { DataError, type Pipeline, type TableInput } from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';
import { type RegressionMetrics, regressionMetrics } from './evaluate.js';
import { type TabularCreateOptions, TabularModel, type TabularModelJSON, registerTabularKind, trainTabular } from './tabular-model.js';

/**
 * A regressor over the raw columns of a frame: schema inference, preprocessing (imputation,
 * scaling, one-hot encoding, date parts, TF-IDF for text) and a model picked and tuned by AutoML
 * under a time budget.
 *
 * @example
 * const model = await TabularRegressor.create(houses, { target: 'price', timeBudgetSeconds: 20, metric: 'rmse' });
 * model.predict(newHouses);          // Float64Array of prices
 * model.evaluate(testHouses).rmse;
 */
export class TabularRegressor extends TabularModel {
  static {
    registerTabularKind('regression', (doc: TabularModelJSON, pipeline: Pipeline) => new TabularRegressor(doc, pipeline));
  }

  /** Trains a regressor predicting the numeric `options.target` from the other columns of `frame`. */
  static async create(frame: DataFrame, options: TabularCreateOptions): Promise<TabularRegressor> {
    const { doc, pipeline } = await trainTabular(frame, options, 'regression', 'TabularRegressor');
    return new TabularRegressor(doc, pipeline);
  }

  /** The predicted value of each row. */
  predict(data: DataFrame | TableInput): Float64Array {
    return (this.pipeline.predict(this.featureTable(data, 'predict')) as NdArray).toFloat64Array();
  }

  /** R², RMSE and MAE on rows that hold the target. */
  evaluate(data: DataFrame | TableInput): RegressionMetrics {
    const X = this.featureTable(data, 'evaluate');
    const y = this.targetValues(data, 'evaluate');
    const truth = Float64Array.from(y, (v, i) => {
      if (typeof v !== 'number') throw new DataError(`TabularRegressor.evaluate: target '${this.target}' holds ${JSON.stringify(v)} at row ${i}; a regressor is evaluated on numbers.`);
      return v;
    });
    return regressionMetrics(truth, this.predict(X));
  }
}
