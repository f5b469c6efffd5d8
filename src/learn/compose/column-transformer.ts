/** ColumnTransformer: different transformers for different columns, outputs side by side. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { type EstimatorJSON, registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import type { FitOptions } from '../base/run.js';
import { type Encoded, decode } from '../base/serialize.js';
import { encodeWithEstimators, nestedEstimatorJSON, reviveEstimators } from './nested.js';
import { type StepEstimator, requireMethod } from './step.js';
import { type Table, type TableInput, toTable } from './table.js';

/** Columns by name or position (a single one or a list). */
export type ColumnSelection = string | number | readonly (string | number)[];

/** [name, transformer or 'drop' / 'passthrough', columns]. */
export type ColumnTransformerEntry = [name: string, transformer: StepEstimator | 'drop' | 'passthrough', columns: ColumnSelection];

export interface ColumnTransformerParams {
  transformers: ColumnTransformerEntry[];
  /** Columns no transformer names: 'drop' (default) or 'passthrough'. */
  remainder: 'drop' | 'passthrough';
  /** Prefix output names with the transformer's name, `name__feature` (default true). */
  verboseFeatureNamesOut: boolean;
}

type FittedEntry = [name: string, transformer: StepEstimator | 'passthrough', columns: string[]];

interface ColumnTransformerState {
  fitted: FittedEntry[];
  widths: number[];
  featureNamesIn: string[];
  named: boolean;
}

/**
 * Applies a transformer to each group of columns and concatenates the results
 * (scikit-learn's ColumnTransformer). Takes a DataFrame, rows of objects, or a matrix; columns
 * are chosen by name or position. Each transformer is cloned and fitted on its columns only.
 *
 * @example
 * const ct = new ColumnTransformer({
 *   transformers: [
 *     ['num', new StandardScaler(), ['age', 'fare']],
 *     ['cat', new OneHotEncoder({ handleUnknown: 'ignore' }), ['port']],
 *   ],
 *   remainder: 'drop',
 * });
 * ct.fitTransform(frame); ct.featureNamesOut(); // ['num__age', 'num__fare', 'cat__port_C', …]
 */
export class ColumnTransformer extends Transformer<ColumnTransformerParams, ColumnTransformerState> {
  constructor(params: Partial<ColumnTransformerParams> = {}) {
    super(reviveEstimators(params) as Partial<ColumnTransformerParams>);
  }

  protected defaults(): ColumnTransformerParams {
    return { transformers: [], remainder: 'drop', verboseFeatureNamesOut: true };
  }

  #resolve(table: Table, sel: ColumnSelection, name: string): string[] {
    const list = typeof sel === 'string' || typeof sel === 'number' ? [sel] : sel;
    return list.map((c) => {
      if (typeof c === 'number') {
        if (!Number.isInteger(c) || c < 0 || c >= table.numColumns) {
          throw new ParamError(`ColumnTransformer: transformer '${name}' selects column ${c}, but X has ${table.numColumns} columns (0 … ${table.numColumns - 1}).`);
        }
        return table.columnNames[c]!;
      }
      if (table.indexOf(c) < 0) {
        throw new ParamError(`ColumnTransformer: transformer '${name}' selects column '${c}', which X does not have. Columns: ${table.columnNames.join(', ')}.`);
      }
      return c;
    });
  }

  fit(X: TableInput, y?: LabelInput, options?: FitOptions): this {
    this.fitTransform(X, y, options);
    return this;
  }

  override fitTransform(X: TableInput, y?: LabelInput, _options?: FitOptions): NdArray {
    const { transformers, remainder } = this.params;
    if (remainder !== 'drop' && remainder !== 'passthrough') {
      throw new ParamError(`ColumnTransformer: remainder must be 'drop' or 'passthrough', got '${String(remainder)}'.`);
    }
    const names = new Set<string>();
    for (const entry of transformers) {
      const [name, est] = entry;
      if (typeof name !== 'string' || name === '' || name.includes('__') || name === 'remainder') {
        throw new ParamError(`ColumnTransformer: invalid transformer name '${String(name)}'; use a non-empty name without '__', other than 'remainder'.`);
      }
      if (names.has(name)) throw new ParamError(`ColumnTransformer: two transformers are named '${name}'; names must be unique.`);
      names.add(name);
      if (est !== 'drop' && est !== 'passthrough') {
        requireMethod(est, 'fit', 'ColumnTransformer', name);
        requireMethod(est, 'transform', 'ColumnTransformer', name);
      }
    }
    const table = toTable(X, 'ColumnTransformer');
    const used = new Set<string>();
    const fitted: FittedEntry[] = [];
    const outputs: NdArray[] = [];
    for (const [name, est, sel] of transformers) {
      const cols = this.#resolve(table, sel, name);
      cols.forEach((c) => used.add(c));
      if (est === 'drop' || cols.length === 0) continue;
      const sub = table.select(cols.map((c) => table.indexOf(c)));
      if (est === 'passthrough') {
        fitted.push([name, 'passthrough', cols]);
        outputs.push(sub.toMatrix());
        continue;
      }
      const clone = est.clone() as StepEstimator;
      clone.fit(sub, y);
      fitted.push([name, clone, cols]);
      outputs.push(clone.transform!(sub));
    }
    if (remainder === 'passthrough') {
      const rest = table.columnNames.filter((c) => !used.has(c));
      if (rest.length) {
        fitted.push(['remainder', 'passthrough', rest]);
        outputs.push(table.select(rest.map((c) => table.indexOf(c))).toMatrix());
      }
    }
    const widths = outputs.map((o, k) => this.#check(o, table.numRows, fitted[k]![0]));
    this.setFitted({ fitted, widths, featureNamesIn: [...table.columnNames], named: table.named });
    if (this.params.verboseFeatureNamesOut === false) this.featureNamesOut();
    return hstack(outputs, table.numRows);
  }

  #check(out: NdArray, rows: number, name: string): number {
    if (out.ndim !== 2 || out.shape[0] !== rows) {
      throw new DataError(`ColumnTransformer: transformer '${name}' returned shape [${out.shape.join(', ')}]; expected ${rows} rows in a 2-d array.`);
    }
    return out.shape[1]!;
  }

  transform(X: TableInput): NdArray {
    const s = this.fitted('transform');
    const table = toTable(X, 'ColumnTransformer');
    if (!(s.named && table.named) && table.numColumns !== s.featureNamesIn.length) {
      throw new DataError(`X has ${table.numColumns} features, but ColumnTransformer was fitted with ${s.featureNamesIn.length} features; pass the same columns as in fit.`);
    }
    const outputs = s.fitted.map(([name, est, cols]) => {
      const sub = table.select(
        cols.map((c) => {
          const j = s.named && table.named ? table.indexOf(c) : s.featureNamesIn.indexOf(c);
          if (j < 0) throw new DataError(`ColumnTransformer: column '${c}' (used by '${name}') is missing from X. Columns: ${table.columnNames.join(', ')}.`);
          return j;
        }),
      );
      const out = est === 'passthrough' ? sub.toMatrix() : est.transform!(sub);
      this.#check(out, table.numRows, name);
      return out;
    });
    return hstack(outputs, table.numRows);
  }

  /** The fitted transformers by name (clones of those given). */
  get namedTransformers(): Record<string, StepEstimator | 'passthrough'> {
    return Object.fromEntries(this.fitted('namedTransformers').fitted.map(([n, e]) => [n, e]));
  }

  /** The input columns each fitted transformer uses, by name. */
  get columnsByTransformer(): Record<string, string[]> {
    return Object.fromEntries(this.fitted('columnsByTransformer').fitted.map(([n, , c]) => [n, c.slice()]));
  }

  override featureNamesOut(): string[] {
    const s = this.fitted('featureNamesOut');
    const out: string[] = [];
    for (const [name, est, cols] of s.fitted) {
      let names: string[];
      if (est === 'passthrough') names = cols;
      else {
        requireMethod(est, 'featureNamesOut', 'ColumnTransformer', name);
        names = est.featureNamesOut!(cols);
      }
      out.push(...(this.params.verboseFeatureNamesOut ? names.map((n) => `${name}__${n}`) : names));
    }
    if (!this.params.verboseFeatureNamesOut) {
      const dup = out.find((n, i) => out.indexOf(n) !== i);
      if (dup !== undefined) {
        throw new ParamError(`ColumnTransformer: output feature name '${dup}' is not unique; set verboseFeatureNamesOut: true to prefix names with the transformer name.`);
      }
    }
    return out;
  }

  override clone(): this {
    const Ctor = this.constructor as new (p: Partial<ColumnTransformerParams>) => this;
    return new Ctor({
      ...this.params,
      transformers: this.params.transformers.map(([n, e, c]) => [n, typeof e === 'string' ? e : (e.clone() as StepEstimator), c] as ColumnTransformerEntry),
    });
  }

  override toJSON(): EstimatorJSON {
    return nestedEstimatorJSON(this.constructor.name, this.params, this.isFitted ? this.encodeState(this.fitted()) : null);
  }

  protected override encodeState(state: ColumnTransformerState): Encoded {
    return encodeWithEstimators(state);
  }

  protected override decodeState(data: Encoded): ColumnTransformerState {
    return reviveEstimators(decode(data)) as ColumnTransformerState;
  }
}

function hstack(parts: NdArray[], rows: number): NdArray {
  let total = 0;
  for (const p of parts) total += p.shape[1]!;
  const out = new Float64Array(rows * total);
  let offset = 0;
  for (const p of parts) {
    const w = p.shape[1]!;
    const direct = p.dtype === 'float64' && p.isContiguous;
    const data = direct ? (p.data as Float64Array) : p.toFloat64Array();
    const start = direct ? p.offset : 0;
    for (let i = 0; i < rows; i++) for (let j = 0; j < w; j++) out[i * total + offset + j] = data[start + i * w + j]!;
    offset += w;
  }
  return fromTyped(out, [rows, total]);
}

registerEstimator(ColumnTransformer);
