/**
 * Scalers, the imputer and the categorical encoders as standard ONNX operators in float64
 * (Sub/Div/Mul/Add, Where, Equal + MatMul), so results match the native transformers exactly.
 * String inputs stand for text columns; in them the empty string is the missing value.
 */
import type { Estimator, Category } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { ElemType, GraphBuilder } from '../graph.js';
import { type Block, type Column, asColumns, asMatrix, checkWidth, matrixBlock, stateOf } from './blocks.js';

type AnyEstimator = Estimator<any, any>;

/** (X − shift) / scale, with either part optional; `width` features. */
function shiftScale(g: GraphBuilder, X: string, width: number, shift: ArrayLike<number> | null, scale: ArrayLike<number> | null, prefix: string): string {
  let out = X;
  if (shift) out = g.op('Sub', [out, g.doubles(`${prefix}_shift`, [1, width], shift)]);
  if (scale) out = g.op('Div', [out, g.doubles(`${prefix}_scale`, [1, width], scale)]);
  return out;
}

export function standardScaler(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const width = s.featureNamesIn.length;
  checkWidth(width, X, 'StandardScaler');
  const M = asMatrix(g, X, 'StandardScaler');
  return matrixBlock(shiftScale(g, M, width, est.params.withMean ? s.mean : null, s.scale ?? null, 'standard'), width);
}

export function robustScaler(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const width = s.featureNamesIn.length;
  checkWidth(width, X, 'RobustScaler');
  return matrixBlock(shiftScale(g, asMatrix(g, X, 'RobustScaler'), width, s.center ?? null, s.scale ?? null, 'robust'), width);
}

export function maxAbsScaler(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const width = s.featureNamesIn.length;
  checkWidth(width, X, 'MaxAbsScaler');
  return matrixBlock(shiftScale(g, asMatrix(g, X, 'MaxAbsScaler'), width, null, s.scale, 'maxabs'), width);
}

export function minMaxScaler(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const width = s.featureNamesIn.length;
  checkWidth(width, X, 'MinMaxScaler');
  const M = asMatrix(g, X, 'MinMaxScaler');
  let out = g.op('Add', [g.op('Mul', [M, g.doubles('minmax_scale', [1, width], s.scale)]), g.doubles('minmax_min', [1, width], s.min)]);
  if (est.params.clip) {
    const [lo, hi] = est.params.featureRange as [number, number];
    out = g.op('Min', [g.op('Max', [out, g.doubles('clip_lo', [], [lo])]), g.doubles('clip_hi', [], [hi])]);
  }
  return matrixBlock(out, width);
}

/** A bool [N, 1] mask of the rows where column `c` is missing (NaN for numbers, '' for text). */
function missingMask(g: GraphBuilder, c: Column, missingValue: unknown): string {
  const marker = missingValue === null || (typeof missingValue === 'number' && Number.isNaN(missingValue)) ? null : missingValue;
  if (marker === null) {
    if (c.type === 'string') return g.op('Equal', [c.value, g.constant('empty', 'string', [], [''])]);
    if (c.type === 'float64' || c.type === 'float32') return g.op('IsNaN', [c.value]);
    return g.op('Not', [g.op('Equal', [c.value, c.value])]);
  }
  return g.op('Equal', [c.value, scalarOf(g, c, marker, 'missing_marker')]);
}

/** A scalar constant holding `v` in the element type of column `c`. */
function scalarOf(g: GraphBuilder, c: Column, v: unknown, prefix: string): string {
  if (c.type === 'string') return g.constant(prefix, 'string', [], [String(v)]);
  if (c.type === 'bool') return g.constant(prefix, 'bool', [], [v === true || v === 1]);
  if (typeof v !== 'number' && typeof v !== 'boolean') {
    throw new OnnxExportError(`SimpleImputer: column '${c.name}' is numeric in ONNX but its fill value is ${JSON.stringify(v)}; declare the column as 'string' in options.inputs.`);
  }
  return g.constant(prefix, c.type, [], [Number(v)]);
}

export function simpleImputer(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const names = s.featureNamesIn as string[];
  checkWidth(names.length, X, 'SimpleImputer');
  const cols = asColumns(g, X, names);
  const out: Column[] = [];
  (s.statistics as Category[]).forEach((fill, j) => {
    if (fill === null) return;
    const c = cols[j]!;
    if (c.type === 'bool') {
      // A bool tensor cannot hold a missing value (and ONNX Runtime has no bool Where).
      out.push(c);
      return;
    }
    const mask = missingMask(g, c, est.params.missingValues);
    out.push({ value: g.op('Where', [mask, scalarOf(g, c, fill, 'fill'), c.value]), type: c.type, name: c.name });
  });
  if (est.params.addIndicator) {
    for (const j of s.indicatorFeatures as number[]) {
      const c = cols[j]!;
      out.push({ value: g.op('Cast', [missingMask(g, c, est.params.missingValues)], { to: { int: 11 } }), type: 'float64', name: `missingindicator_${c.name}` });
    }
  }
  return { kind: 'columns', columns: out };
}

/** The element type a category column needs: string categories need a string input. */
export function categoryInputType(categories: readonly Category[]): ElemType {
  const present = categories.filter((c) => c !== null);
  if (present.some((c) => typeof c === 'string')) return 'string';
  if (present.length > 0 && present.every((c) => typeof c === 'boolean')) return 'bool';
  return 'float64';
}

/**
 * For column `c`, a float64 [N, K] matrix whose entry k is 1 where the value equals
 * categories[k] (a null category matches missing values), plus the row sum (1 when known).
 */
function matchCategories(g: GraphBuilder, c: Column, categories: readonly Category[], who: string): { hits: string; known: string } {
  const present = categories.filter((x) => x !== null);
  const wanted = categoryInputType(categories);
  if (present.length > 0 && wanted === 'string' && c.type !== 'string') {
    throw new OnnxExportError(`${who}: column '${c.name}' has text categories but its ONNX input is ${c.type}; declare it 'string' in options.inputs.`);
  }
  const parts: string[] = [];
  if (present.length > 0) {
    let table: string;
    if (c.type === 'string') table = g.constant('categories', 'string', [1, present.length], present.map((x) => String(x)));
    else if (c.type === 'bool') table = g.constant('categories', 'bool', [1, present.length], present.map((x) => x === true || x === 1));
    else {
      if (present.some((x) => typeof x === 'string')) throw new OnnxExportError(`${who}: column '${c.name}' has text categories; its input must be 'string'.`);
      table = g.constant('categories', c.type, [1, present.length], present.map((x) => Number(x)));
    }
    parts.push(g.op('Equal', [c.value, table]));
  }
  if (categories.includes(null)) parts.push(missingMask(g, c, null));
  // Missing values come last among the categories, as in `compareCategories`.
  const bools = parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: { int: 1 } });
  const hits = g.op('Cast', [bools], { to: { int: 11 } });
  const known = g.op('ReduceSum', [hits, g.int64s('axis1', [1])], { keepdims: { int: 1 } });
  return { hits, known };
}

interface OneHotFeature {
  categories: Category[];
  slotOf: number[];
  width: number;
  infrequentSlot: number;
}

export function oneHotEncoder(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const names = s.featureNamesIn as string[];
  checkWidth(names.length, X, 'OneHotEncoder');
  const cols = asColumns(g, X, names);
  const unknownToInfrequent = est.params.handleUnknown === 'infrequent_if_exist';
  const parts: string[] = [];
  let total = 0;
  (s.features as OneHotFeature[]).forEach((f, j) => {
    if (f.width === 0) return;
    const { hits, known } = matchCategories(g, cols[j]!, f.categories, 'OneHotEncoder');
    const K = f.categories.length;
    const slots = new Float64Array(K * f.width);
    f.slotOf.forEach((slot, k) => {
      if (slot >= 0) slots[k * f.width + slot] = 1;
    });
    let out = g.op('MatMul', [hits, g.doubles('onehot_slots', [K, f.width], slots)]);
    if (unknownToInfrequent && f.infrequentSlot >= 0) {
      const unknown = g.op('Sub', [g.doubles('one', [], [1]), known]);
      const e = new Float64Array(f.width);
      e[f.infrequentSlot] = 1;
      out = g.op('Add', [out, g.op('Mul', [unknown, g.doubles('infrequent_slot', [1, f.width], e)])]);
    }
    parts.push(out);
    total += f.width;
  });
  if (parts.length === 0) throw new OnnxExportError('OneHotEncoder produces no columns; nothing to export.');
  return matrixBlock(parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: { int: 1 } }), total);
}

export function ordinalEncoder(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  const names = s.featureNamesIn as string[];
  checkWidth(names.length, X, 'OrdinalEncoder');
  const cols = asColumns(g, X, names);
  const unknownValue = est.params.handleUnknown === 'use_encoded_value' ? Number(est.params.unknownValue) : NaN;
  const missingCode = est.params.encodedMissingValue === null || est.params.encodedMissingValue === undefined ? NaN : Number(est.params.encodedMissingValue);
  const parts = (s.categories as Category[][]).map((cats, j) => {
    const present = cats.filter((c) => c !== null);
    const c = cols[j]!;
    const { hits, known } = matchCategories(g, c, present, 'OrdinalEncoder');
    const codes = g.doubles('ordinal_codes', [present.length, 1], present.map((_, k) => k));
    // Where, not arithmetic: the unknown and missing codes may be NaN.
    const coded = g.op('MatMul', [hits, codes]);
    const isKnown = g.op('Greater', [known, g.doubles('half', [], [0.5])]);
    const withUnknown = g.op('Where', [isKnown, coded, g.doubles('unknown_code', [], [unknownValue])]);
    return g.op('Where', [missingMask(g, c, null), g.doubles('missing_code', [], [missingCode]), withUnknown]);
  });
  return matrixBlock(parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: { int: 1 } }), parts.length);
}
