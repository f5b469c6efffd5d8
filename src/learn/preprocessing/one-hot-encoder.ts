/** OneHotEncoder: one 0/1 column per category of each feature. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import { type TableInput, alignColumns, toTable } from '../compose/table.js';
import { type Category, categoryIndex, categoryKey, distinctValues, formatCategory, listCategories } from './categories.js';

export interface OneHotEncoderParams {
  /** 'auto' (sorted distinct values seen in fit) or the categories of each column. */
  categories: 'auto' | Category[][];
  /** Drop one column per feature: null (keep all), 'first', or 'if_binary' (only two-category features). */
  drop: null | 'first' | 'if_binary';
  /** A category unseen in fit: 'error' (default), 'ignore' (all zeros) or 'infrequent_if_exist'. */
  handleUnknown: 'error' | 'ignore' | 'infrequent_if_exist';
  /** Categories seen fewer times than this (a count ≥ 1, or a fraction of samples < 1) are grouped as infrequent. */
  minFrequency: number | null;
  /** Keep at most this many output columns per feature, grouping the rarest as infrequent. */
  maxCategories: number | null;
}

interface FeatureEncoding {
  categories: Category[];
  /** Indices (into categories) grouped into the infrequent column, or null. */
  infrequent: number[] | null;
  /** Output slot of each category (-1: dropped). */
  slotOf: number[];
  /** Number of output columns. */
  width: number;
  /** Slot of the infrequent group (-1 when none or dropped). */
  infrequentSlot: number;
  /** Category index dropped, or null. */
  dropIdx: number | null;
}

interface OneHotEncoderState {
  features: FeatureEncoding[];
  featureNamesIn: string[];
  named: boolean;
}

const INFREQUENT = 'infrequent_sklearn';

/**
 * Encodes categorical columns (strings, numbers or booleans; missing values form their own
 * category) as one-hot numeric columns, after scikit-learn's OneHotEncoder. The output is dense.
 *
 * @example
 * const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit([['red'], ['blue']]);
 * enc.transform([['red'], ['green']]).toArray(); // [[0, 1], [0, 0]]
 * enc.featureNamesOut();                          // ['x0_blue', 'x0_red']
 */
export class OneHotEncoder extends Transformer<OneHotEncoderParams, OneHotEncoderState> {
  protected defaults(): OneHotEncoderParams {
    return { categories: 'auto', drop: null, handleUnknown: 'error', minFrequency: null, maxCategories: null };
  }

  fit(X: TableInput, _y?: LabelInput): this {
    const p = this.params;
    if (!['error', 'ignore', 'infrequent_if_exist'].includes(p.handleUnknown)) {
      throw new ParamError(`OneHotEncoder: handleUnknown must be 'error', 'ignore' or 'infrequent_if_exist', got '${p.handleUnknown}'.`);
    }
    if (p.drop !== null && p.drop !== 'first' && p.drop !== 'if_binary') {
      throw new ParamError(`OneHotEncoder: drop must be null, 'first' or 'if_binary', got '${String(p.drop)}'.`);
    }
    if (p.minFrequency !== null && !(p.minFrequency > 0)) {
      throw new ParamError(`OneHotEncoder: minFrequency must be a count >= 1 or a fraction in (0, 1), got ${p.minFrequency}.`);
    }
    if (p.maxCategories !== null && !(Number.isInteger(p.maxCategories) && p.maxCategories >= 1)) {
      throw new ParamError(`OneHotEncoder: maxCategories must be an integer >= 1, got ${p.maxCategories}.`);
    }
    const table = toTable(X, 'OneHotEncoder');
    if (p.categories !== 'auto' && p.categories.length !== table.numColumns) {
      throw new ParamError(`OneHotEncoder: categories lists ${p.categories.length} columns but X has ${table.numColumns}; give one list per column.`);
    }
    const features = table.columnNames.map((name, j) => {
      const seen = distinctValues(table.values(j), name, 'OneHotEncoder');
      let categories: Category[];
      let counts: number[];
      if (p.categories === 'auto') {
        categories = seen.categories;
        counts = seen.counts;
      } else {
        categories = p.categories[j]!.map(categoryKey);
        const index = categoryIndex(categories);
        counts = new Array<number>(categories.length).fill(0);
        seen.categories.forEach((c, k) => {
          const at = index.get(c);
          if (at === undefined) {
            if (p.handleUnknown === 'error') {
              throw new DataError(
                `OneHotEncoder: column '${name}' has category ${formatValue(c)} in fit that is not among the given categories (${listCategories(categories)}); add it or set handleUnknown: 'ignore'.`,
              );
            }
          } else counts[at] = seen.counts[k]!;
        });
      }
      return this.#encoding(categories, counts, table.numRows);
    });
    this.setFitted({ features, featureNamesIn: [...table.columnNames], named: table.named });
    return this;
  }

  #encoding(categories: Category[], counts: number[], n: number): FeatureEncoding {
    const p = this.params;
    let infrequent: number[] | null = null;
    if (p.minFrequency !== null || p.maxCategories !== null) {
      const rare = new Set<number>();
      if (p.minFrequency !== null) {
        const threshold = p.minFrequency >= 1 ? p.minFrequency : p.minFrequency * n;
        counts.forEach((c, k) => c < threshold && rare.add(k));
      }
      if (p.maxCategories !== null && categories.length - rare.size > p.maxCategories - 1) {
        const order = counts.map((_, k) => k).sort((a, b) => counts[b]! - counts[a]! || a - b);
        order.slice(p.maxCategories - 1).forEach((k) => rare.add(k));
      }
      if (rare.size > 0) infrequent = [...rare].sort((a, b) => a - b);
    }
    const rareSet = new Set(infrequent ?? []);
    const slotOf = new Array<number>(categories.length);
    let width = 0;
    categories.forEach((_, k) => {
      if (!rareSet.has(k)) slotOf[k] = width++;
    });
    let infrequentSlot = -1;
    if (infrequent) {
      infrequentSlot = width++;
      for (const k of infrequent) slotOf[k] = infrequentSlot;
    }
    let dropIdx: number | null = null;
    if (p.drop === 'first' && categories.length > 0) dropIdx = 0;
    if (p.drop === 'if_binary' && width === 2) dropIdx = 0;
    if (dropIdx !== null) {
      const dropped = slotOf[dropIdx]!;
      for (let k = 0; k < slotOf.length; k++) {
        if (slotOf[k] === dropped) slotOf[k] = -1;
        else if (slotOf[k]! > dropped) slotOf[k]!--;
      }
      if (infrequentSlot === dropped) infrequentSlot = -1;
      else if (infrequentSlot > dropped) infrequentSlot--;
      width--;
    }
    return { categories, infrequent, slotOf, width, infrequentSlot, dropIdx };
  }

  /** The categories of each input column, as learned in fit (or given). */
  get categories(): Category[][] {
    return this.fitted('categories').features.map((f) => f.categories.slice());
  }

  /** Per column, the infrequent categories grouped together (null when none). */
  get infrequentCategories(): (Category[] | null)[] {
    return this.fitted('infrequentCategories').features.map((f) => f.infrequent?.map((k) => f.categories[k]!) ?? null);
  }

  transform(X: TableInput): NdArray {
    const s = this.fitted('transform');
    const table = alignColumns(toTable(X, 'OneHotEncoder'), s.featureNamesIn, s.named, 'OneHotEncoder');
    const widths = s.features.map((f) => f.width);
    const total = widths.reduce((a, b) => a + b, 0);
    const n = table.numRows;
    const out = new Float64Array(n * total);
    let offset = 0;
    s.features.forEach((f, j) => {
      const index = categoryIndex(f.categories);
      const values = table.values(j);
      for (let i = 0; i < n; i++) {
        const k = index.get(categoryKey(values[i]));
        let slot: number;
        if (k === undefined) {
          if (this.params.handleUnknown === 'error') {
            throw new DataError(
              `OneHotEncoder: unknown category ${formatValue(values[i])} in column '${s.featureNamesIn[j]}' at row ${i}; ` +
                `categories seen in fit: ${listCategories(f.categories)}. Set handleUnknown: 'ignore' to encode unknown categories as all zeros.`,
            );
          }
          slot = this.params.handleUnknown === 'infrequent_if_exist' ? f.infrequentSlot : -1;
        } else slot = f.slotOf[k]!;
        if (slot >= 0) out[i * total + offset + slot] = 1;
      }
      offset += f.width;
    });
    return fromTyped(out, [n, total]);
  }

  /**
   * Back to category values: a dropped category for an all-zero block, null for an unknown
   * (all-zero without drop), and 'infrequent_sklearn' for the infrequent column.
   */
  inverseTransform(X: NdArray | readonly (readonly number[])[]): Category[][] {
    const s = this.fitted('inverseTransform');
    const rows = Array.isArray(X) ? (X as number[][]) : ((X as NdArray).toArray() as number[][]);
    const total = s.features.reduce((a, f) => a + f.width, 0);
    return rows.map((row, i) => {
      if (row.length !== total) {
        throw new DataError(`OneHotEncoder.inverseTransform: row ${i} has ${row.length} columns, expected ${total} (the width of transform's output).`);
      }
      let offset = 0;
      return s.features.map((f) => {
        let best = -1;
        for (let c = 0; c < f.width; c++) if (row[offset + c]! > 0 && (best < 0 || row[offset + c]! > row[offset + best]!)) best = c;
        offset += f.width;
        if (best < 0) return f.dropIdx !== null ? f.categories[f.dropIdx]! : null;
        if (best === f.infrequentSlot) return INFREQUENT;
        return f.categories[f.slotOf.indexOf(best)]!;
      });
    });
  }

  /** `column_category` for every output column, e.g. `city_Paris`, `x0_nan`, `x1_infrequent_sklearn`. */
  override featureNamesOut(inputNames?: readonly string[]): string[] {
    const s = this.fitted('featureNamesOut');
    const names = inputNames ?? s.featureNamesIn;
    const out: string[] = [];
    s.features.forEach((f, j) => {
      const slots = new Array<string>(f.width);
      f.slotOf.forEach((slot, k) => {
        if (slot >= 0 && slot !== f.infrequentSlot) slots[slot] = `${names[j]}_${formatCategory(f.categories[k]!)}`;
      });
      if (f.infrequentSlot >= 0) slots[f.infrequentSlot] = `${names[j]}_${INFREQUENT}`;
      out.push(...slots);
    });
    return out;
  }
}

function formatValue(v: unknown): string {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? 'missing (null/NaN)' : JSON.stringify(v);
}

registerEstimator(OneHotEncoder);
