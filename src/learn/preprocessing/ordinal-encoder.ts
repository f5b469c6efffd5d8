/** OrdinalEncoder: each category of a feature becomes an integer code. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import { type TableInput, alignColumns, toTable } from '../compose/table.js';
import { type Category, categoryIndex, categoryKey, distinctValues, listCategories } from './categories.js';

export interface OrdinalEncoderParams {
  /** 'auto' (sorted distinct values seen in fit) or the categories of each column, in code order. */
  categories: 'auto' | Category[][];
  /** A category unseen in fit: 'error' (default) or 'use_encoded_value' (becomes `unknownValue`). */
  handleUnknown: 'error' | 'use_encoded_value';
  /** Code for unknown categories with handleUnknown 'use_encoded_value' (an integer or NaN). */
  unknownValue: number | null;
  /** Code for missing values (default NaN). */
  encodedMissingValue: number;
}

interface OrdinalEncoderState {
  categories: Category[][];
  featureNamesIn: string[];
  named: boolean;
}

/**
 * Encodes categorical columns as integer codes 0 … k−1 in category order (scikit-learn's
 * OrdinalEncoder). Missing values (null/NaN) become `encodedMissingValue` (NaN by default).
 *
 * @example
 * new OrdinalEncoder().fit([['lo'], ['hi']]).transform([['lo']]).toArray(); // [[1]]
 */
export class OrdinalEncoder extends Transformer<OrdinalEncoderParams, OrdinalEncoderState> {
  protected defaults(): OrdinalEncoderParams {
    return { categories: 'auto', handleUnknown: 'error', unknownValue: null, encodedMissingValue: NaN };
  }

  fit(X: TableInput, _y?: LabelInput): this {
    const p = this.params;
    if (p.handleUnknown !== 'error' && p.handleUnknown !== 'use_encoded_value') {
      throw new ParamError(`OrdinalEncoder: handleUnknown must be 'error' or 'use_encoded_value', got '${p.handleUnknown}'.`);
    }
    if (p.handleUnknown === 'use_encoded_value') {
      if (p.unknownValue === null || !(Number.isInteger(p.unknownValue) || Number.isNaN(p.unknownValue))) {
        throw new ParamError("OrdinalEncoder: handleUnknown 'use_encoded_value' needs unknownValue set to an integer or NaN.");
      }
    } else if (p.unknownValue !== null) {
      throw new ParamError("OrdinalEncoder: unknownValue is only used with handleUnknown: 'use_encoded_value'; set that or drop unknownValue.");
    }
    const table = toTable(X, 'OrdinalEncoder');
    if (p.categories !== 'auto' && p.categories.length !== table.numColumns) {
      throw new ParamError(`OrdinalEncoder: categories lists ${p.categories.length} columns but X has ${table.numColumns}; give one list per column.`);
    }
    const categories = table.columnNames.map((name, j) => {
      const seen = distinctValues(table.values(j), name, 'OrdinalEncoder').categories;
      if (p.categories === 'auto') return seen;
      const given = p.categories[j]!.map(categoryKey);
      const index = categoryIndex(given);
      if (p.handleUnknown === 'error') {
        for (const c of seen) {
          if (c !== null && !index.has(c)) {
            throw new DataError(`OrdinalEncoder: column '${name}' has category ${JSON.stringify(c)} in fit that is not among the given categories (${listCategories(given)}).`);
          }
        }
      }
      return given;
    });
    if (p.handleUnknown === 'use_encoded_value' && Number.isInteger(p.unknownValue)) {
      categories.forEach((cats, j) => {
        const codes = cats.filter((c) => c !== null).length;
        if (p.unknownValue! >= 0 && p.unknownValue! < codes) {
          throw new ParamError(
            `OrdinalEncoder: unknownValue ${p.unknownValue} is already the code of a category in column '${table.columnNames[j]}'; use -1 or NaN.`,
          );
        }
      });
    }
    this.setFitted({ categories, featureNamesIn: [...table.columnNames], named: table.named });
    return this;
  }

  get categories(): Category[][] {
    return this.fitted('categories').categories.map((c) => c.slice());
  }

  transform(X: TableInput): NdArray {
    const s = this.fitted('transform');
    const table = alignColumns(toTable(X, 'OrdinalEncoder'), s.featureNamesIn, s.named, 'OrdinalEncoder');
    const n = table.numRows;
    const p = s.categories.length;
    const out = new Float64Array(n * p);
    s.categories.forEach((cats, j) => {
      const index = categoryIndex(cats.filter((c) => c !== null));
      const values = table.values(j);
      for (let i = 0; i < n; i++) {
        const key = categoryKey(values[i]);
        let code: number;
        if (key === null) code = this.params.encodedMissingValue;
        else {
          const k = index.get(key);
          if (k === undefined) {
            if (this.params.handleUnknown === 'error') {
              throw new DataError(
                `OrdinalEncoder: unknown category ${JSON.stringify(values[i])} in column '${s.featureNamesIn[j]}' at row ${i}; ` +
                  `categories seen in fit: ${listCategories(cats)}. Set handleUnknown: 'use_encoded_value' with unknownValue: -1 to encode it.`,
              );
            }
            code = this.params.unknownValue!;
          } else code = k;
        }
        out[i * p + j] = code;
      }
    });
    return fromTyped(out, [n, p]);
  }

  /** Codes back to categories; unknown codes and missing codes become null. */
  inverseTransform(X: NdArray | readonly (readonly number[])[]): Category[][] {
    const s = this.fitted('inverseTransform');
    const rows = Array.isArray(X) ? (X as number[][]) : ((X as NdArray).toArray() as number[][]);
    return rows.map((row, i) => {
      if (row.length !== s.categories.length) {
        throw new DataError(`OrdinalEncoder.inverseTransform: row ${i} has ${row.length} columns, expected ${s.categories.length}.`);
      }
      return row.map((code, j) => {
        const cats = s.categories[j]!.filter((c) => c !== null);
        return Number.isInteger(code) && code >= 0 && code < cats.length ? cats[code]! : null;
      });
    });
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(OrdinalEncoder);
