/** SimpleImputer: fill missing values with a per-column statistic or a constant. */
import type { NdArray } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import { Table, type TableInput, alignColumns, isMissing, toTable } from '../compose/table.js';
import { type Category, compareCategories } from './categories.js';
import { sortedQuantile } from './stats.js';

export type ImputeStrategy = 'mean' | 'median' | 'most_frequent' | 'constant';

export interface SimpleImputerParams {
  /** 'mean' (default), 'median', 'most_frequent' or 'constant'. */
  strategy: ImputeStrategy;
  /** What counts as missing: NaN (default) or null means null, undefined and NaN; or a specific number or string. */
  missingValues: number | string | null;
  /** Fill value for 'constant' (default 0 for numeric columns, 'missing_value' for text columns). */
  fillValue: Category;
  /** Append a 0/1 indicator column for each feature that had missing values in fit. */
  addIndicator: boolean;
}

interface SimpleImputerState {
  /** Fill value per input column; null where a column was all missing (it is dropped). */
  statistics: Category[];
  /** Columns with a missing value in fit (they get indicator columns when addIndicator). */
  indicatorFeatures: number[];
  featureNamesIn: string[];
  named: boolean;
}

/**
 * Replaces missing values column by column (scikit-learn's SimpleImputer). Works on numbers and,
 * with 'most_frequent' or 'constant', on text columns too: `transformTable` keeps text, while
 * `transform` returns a numeric matrix. Columns that are entirely missing in fit are dropped
 * (except with 'constant'), as in scikit-learn.
 *
 * @example
 * new SimpleImputer({ strategy: 'median' }).fit([[1], [NaN], [3]]).transform([[NaN]]); // [[2]]
 */
export class SimpleImputer extends Transformer<SimpleImputerParams, SimpleImputerState> {
  protected defaults(): SimpleImputerParams {
    return { strategy: 'mean', missingValues: NaN, fillValue: null, addIndicator: false };
  }

  #isMissing(v: unknown): boolean {
    const mv = this.params.missingValues;
    if (mv === null || (typeof mv === 'number' && Number.isNaN(mv))) return isMissing(v);
    return v === mv;
  }

  fit(X: TableInput, _y?: LabelInput): this {
    const { strategy, fillValue } = this.params;
    if (!['mean', 'median', 'most_frequent', 'constant'].includes(strategy)) {
      throw new ParamError(`SimpleImputer: strategy must be 'mean', 'median', 'most_frequent' or 'constant', got '${strategy}'.`);
    }
    const table = toTable(X, 'SimpleImputer');
    const indicatorFeatures: number[] = [];
    const statistics = table.columnNames.map((name, j) => {
      const present: unknown[] = [];
      let missing = 0;
      let text = false;
      for (const v of table.values(j)) {
        if (this.#isMissing(v)) missing++;
        else {
          present.push(v);
          if (typeof v === 'string') text = true;
        }
      }
      if (missing > 0) indicatorFeatures.push(j);
      if (strategy === 'constant') return fillValue ?? (text ? 'missing_value' : 0);
      if (present.length === 0) return null;
      if (strategy === 'most_frequent') return mostFrequent(present);
      const nums = present.map((v, i) => {
        if (typeof v === 'number') return v;
        if (typeof v === 'boolean') return v ? 1 : 0;
        throw new DataError(
          `SimpleImputer(strategy='${strategy}') cannot use column '${name}': it holds text (${JSON.stringify(v)}, value ${i}); use strategy 'most_frequent' or 'constant' for text columns.`,
        );
      });
      if (nums.some((v) => !Number.isFinite(v))) {
        throw new DataError(`SimpleImputer: column '${name}' contains an infinite value; clip or drop it before imputing.`);
      }
      if (strategy === 'mean') return nums.reduce((a, b) => a + b, 0) / nums.length;
      return sortedQuantile(Float64Array.from(nums).sort(), 0.5);
    });
    this.setFitted({ statistics, indicatorFeatures, featureNamesIn: [...table.columnNames], named: table.named });
    return this;
  }

  /** The fill value of each input column (null for a dropped all-missing column). */
  get statistics(): Category[] {
    return this.fitted('statistics').statistics.slice();
  }

  /** Imputed columns as a Table (text stays text); used by Pipeline between steps. */
  transformTable(X: TableInput): Table {
    const s = this.fitted('transform');
    const table = alignColumns(toTable(X, 'SimpleImputer'), s.featureNamesIn, s.named, 'SimpleImputer');
    const columns: unknown[][] = [];
    s.statistics.forEach((fill, j) => {
      if (fill === null) return;
      columns.push(table.values(j).map((v) => (this.#isMissing(v) ? fill : v)));
    });
    if (this.params.addIndicator) {
      for (const j of s.indicatorFeatures) columns.push(table.values(j).map((v) => (this.#isMissing(v) ? 1 : 0)));
    }
    return new Table(this.featureNamesOut(), columns, table.named, table.numRows);
  }

  /** Imputed columns as a numeric matrix (text columns are an error naming the column). */
  transform(X: TableInput): NdArray {
    const t = this.transformTable(X);
    return t.toMatrix();
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    const s = this.fitted('featureNamesOut');
    const names = inputNames ?? s.featureNamesIn;
    const out = names.filter((_, j) => s.statistics[j] !== null);
    if (this.params.addIndicator) out.push(...s.indicatorFeatures.map((j) => `missingindicator_${names[j]}`));
    return out;
  }
}

/** The most common value; ties go to the smallest, as in scikit-learn. */
function mostFrequent(values: unknown[]): Category {
  const counts = new Map<Category, number>();
  for (const v of values) counts.set(v as Category, (counts.get(v as Category) ?? 0) + 1);
  let best: Category = null;
  let bestCount = -1;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && compareCategories(v, best) < 0)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

registerEstimator(SimpleImputer);
