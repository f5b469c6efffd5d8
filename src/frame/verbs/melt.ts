/** Wide → long reshaping (pandas' melt). */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { concat } from './concat.js';

export interface MeltOptions {
  /** Columns kept as identifiers on every output row. */
  idVars?: readonly string[];
  /** Columns unpivoted into rows (default: all others). */
  valueVars?: readonly string[];
  /** Name of the column holding the former column names (default 'variable'). */
  varName?: string;
  /** Name of the column holding the values (default 'value'). */
  valueName?: string;
}

/**
 * One row per (row, value column) pair: the id columns, the value column's name and its value.
 * Rows come grouped by value column, like pandas.
 *
 * @example
 * melt(wide, { idVars: ['date'], varName: 'city', valueName: 'temp' });
 */
export function melt<R extends AnyRow>(df: DataFrame<R>, options: MeltOptions = {}): DataFrame {
  const ids = options.idVars ?? [];
  df.requireColumns(ids, 'melt (idVars)');
  const vars = options.valueVars ?? df.columnNames.filter((c) => !ids.includes(c));
  df.requireColumns(vars, 'melt (valueVars)');
  const varName = options.varName ?? 'variable';
  const valueName = options.valueName ?? 'value';
  if (ids.includes(varName) || ids.includes(valueName)) throw new FrameError(`melt: '${varName}'/'${valueName}' clash with an id column; pass another varName/valueName.`);
  const n = df.numRows;
  const k = vars.length;
  const tiled = new Int32Array(n * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) tiled[j * n + i] = i;
  const idCols = ids.map((c) => df.column(c).take(tiled));
  const codes = new Int32Array(n * k);
  for (let j = 0; j < k; j++) codes.fill(j, j * n, (j + 1) * n);
  const variable = Column.category(varName, codes, vars).cast('string');
  const value = k
    ? concat(vars.map((v) => df.withColumns([df.column(v).rename(valueName)]))).column(valueName)
    : Column.nulls(valueName, 0);
  return df.withColumns([...idCols, variable, value], n * k);
}
