/**
 * The category bookkeeping shared by OneHotEncoder and OrdinalEncoder: collect the distinct
 * values of a column (missing values as `null`, sorted last, like scikit-learn's NaN), look a
 * value up, and write category values into feature names the way scikit-learn prints them.
 */
import { DataError } from '../base/errors.js';
import { type Label, compareLabels } from '../base/input.js';
import { isMissing } from '../compose/table.js';

/** A category: a label, or null for "missing". */
export type Category = Label | null;

/** The key a raw value is looked up by (missing values share one key). */
export function categoryKey(v: unknown): Category {
  if (isMissing(v)) return null;
  return v as Label;
}

/** Numbers ascending, then strings by code point; booleans first; null (missing) last. */
export function compareCategories(a: Category, b: Category): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareLabels(a, b);
}

/**
 * Distinct values of one column with their counts, sorted. Mixing text and numbers in one
 * column is an error naming the column, as in scikit-learn.
 */
export function distinctValues(values: readonly unknown[], column: string, estimator: string): { categories: Category[]; counts: number[] } {
  const counts = new Map<Category, number>();
  let sawString = false;
  let sawNumber = false;
  for (const raw of values) {
    const k = categoryKey(raw);
    if (typeof k === 'string') sawString = true;
    else if (typeof k === 'number') sawNumber = true;
    else if (k !== null && typeof k !== 'boolean') {
      throw new DataError(`${estimator}: column '${column}' holds a ${typeof raw}; categories must be strings, numbers or booleans.`);
    }
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (sawString && sawNumber) {
    throw new DataError(
      `${estimator}: column '${column}' mixes text and numbers; convert it to one type (e.g. all strings) before encoding.`,
    );
  }
  const categories = [...counts.keys()].sort(compareCategories);
  return { categories, counts: categories.map((c) => counts.get(c)!) };
}

/** A lookup from category to its position. */
export function categoryIndex(categories: readonly Category[]): Map<Category, number> {
  return new Map(categories.map((c, i) => [c, i]));
}

/** A category as scikit-learn writes it in a feature name: `True`, `nan`, `3`, `red`. */
export function formatCategory(c: Category | string): string {
  if (c === null) return 'nan';
  if (typeof c === 'boolean') return c ? 'True' : 'False';
  return String(c);
}

/** Short list of categories for error messages. */
export function listCategories(categories: readonly Category[], max = 10): string {
  const shown = categories.slice(0, max).map((c) => (c === null ? 'missing' : JSON.stringify(c)));
  return shown.join(', ') + (categories.length > max ? `, … (${categories.length} in all)` : '');
}
