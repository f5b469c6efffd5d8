/** Column selection verbs: select, drop, rename. */
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';

/**
 * The named columns, in the order given.
 *
 * @example
 * select(df, ['b', 'a']).columnNames; // ['b', 'a']
 */
export function select<R extends AnyRow, K extends keyof R & string>(df: DataFrame<R>, columns: readonly K[]): DataFrame<Pick<R, K>> {
  df.requireColumns(columns, 'select');
  return df.withColumns(columns.map((c) => df.column(c))) as DataFrame<Pick<R, K>>;
}

/**
 * Every column except the named ones.
 *
 * @example
 * drop(df, ['tmp']).columnNames;
 */
export function drop<R extends AnyRow, K extends keyof R & string>(df: DataFrame<R>, columns: readonly K[]): DataFrame<Omit<R, K>> {
  df.requireColumns(columns, 'drop');
  const gone = new Set<string>(columns);
  return df.withColumns(df.columns.filter((c) => !gone.has(c.name))) as DataFrame<Omit<R, K>>;
}

/**
 * Columns renamed by an old → new mapping (or a function of the old name); order is kept.
 *
 * @example
 * rename(df, { prise: 'price' });
 */
export function rename<R extends AnyRow>(df: DataFrame<R>, mapping: Readonly<Record<string, string>> | ((name: string) => string)): DataFrame {
  if (typeof mapping !== 'function') df.requireColumns(Object.keys(mapping), 'rename');
  const fn = typeof mapping === 'function' ? mapping : (n: string) => mapping[n] ?? n;
  const cols = df.columns.map((c) => c.rename(fn(c.name)));
  const seen = new Set<string>();
  for (const c of cols) {
    if (seen.has(c.name)) throw new FrameError(`rename: two columns would be called '${c.name}'; pick distinct names.`);
    seen.add(c.name);
  }
  return df.withColumns(cols);
}
