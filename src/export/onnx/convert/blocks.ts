/**
 * What flows between converters: a block of features, either separate [N, 1] columns (raw
 * inputs, which may hold strings) or one float64 [N, width] matrix, plus the conversions
 * between the two and helpers every converter shares.
 */
import { decode } from '../../../learn/base/serialize.js';
import type { Estimator } from '../../../learn/index.js';
import type { Label } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { Dim, ElemType, GraphBuilder } from '../graph.js';

/** One [N, 1] column in the graph. */
export interface Column {
  value: string;
  type: ElemType;
  /** The raw column name (for messages and feature names). */
  name: string;
}

export type Block =
  | { kind: 'columns'; columns: Column[] }
  | { kind: 'matrix'; value: string; width: number };

export const matrixBlock = (value: string, width: number): Block => ({ kind: 'matrix', value, width });

const blockWidth = (b: Block): number => (b.kind === 'matrix' ? b.width : b.columns.length);

/** The fitted state of `est` as plain data (typed arrays and NdArrays restored). */
export function stateOf<S = Record<string, any>>(est: Estimator<any, any>): S {
  const json = est.toJSON();
  if (json.state === null) {
    throw new OnnxExportError(`${est.constructor.name} is not fitted; call fit() before exporting it to ONNX.`);
  }
  return decode(json.state) as S;
}

/** A column as float64 (numbers and booleans); text is an error naming the column. */
export function numericColumn(g: GraphBuilder, c: Column, who: string): string {
  if (c.type === 'float64') return c.value;
  if (c.type === 'string') {
    throw new OnnxExportError(
      `${who} needs numbers but column '${c.name}' is text; encode it first (OneHotEncoder or OrdinalEncoder in a ColumnTransformer) or declare it numeric in options.inputs.`,
    );
  }
  return g.op('Cast', [c.value], { to: { int: 11 } });
}

/** The block as one float64 [N, width] matrix. */
export function asMatrix(g: GraphBuilder, b: Block, who: string): string {
  if (b.kind === 'matrix') return b.value;
  const parts = b.columns.map((c) => numericColumn(g, c, who));
  if (parts.length === 1) return parts[0]!;
  return g.op('Concat', parts, { axis: { int: 1 } });
}

/** The block as separate [N, 1] columns (a matrix is split; its columns are named by position). */
export function asColumns(g: GraphBuilder, b: Block, names?: readonly string[]): Column[] {
  if (b.kind === 'columns') return b.columns;
  if (b.width === 1) return [{ value: b.value, type: 'float64', name: names?.[0] ?? 'x0' }];
  const split = g.int64s('split_sizes', new Array(b.width).fill(1));
  const outs = g.node('Split', [b.value, split], { axis: { int: 1 } }, { outputs: b.width });
  return outs.map((value, j) => ({ value, type: 'float64', name: names?.[j] ?? `x${j}` }));
}

/** The element type that holds `labels` (string, int64 for integers, float64, bool). */
export function labelType(labels: readonly Label[], who: string): ElemType {
  if (labels.every((l) => typeof l === 'string')) return 'string';
  if (labels.every((l) => typeof l === 'boolean')) return 'bool';
  if (labels.every((l) => typeof l === 'number')) return labels.every((l) => Number.isInteger(l)) ? 'int64' : 'float64';
  throw new OnnxExportError(`${who}: class labels mix types (${labels.map((l) => JSON.stringify(l)).join(', ')}); use labels of one type to export to ONNX.`);
}

/** Labels by row: classes[ArgMax(scores, axis 1)] (the first class on ties, as native predict). */
export function labelFromScores(g: GraphBuilder, scores: string, classes: readonly Label[], who: string): { value: string; type: ElemType } {
  const type = labelType(classes, who);
  const idx = g.op('ArgMax', [scores], { axis: { int: 1 }, keepdims: { int: 0 }, select_last_index: { int: 0 } });
  const table = g.constant('classes', type, [classes.length], classes as readonly (string | number | boolean)[] as any);
  return { value: g.op('Gather', [table, idx], { axis: { int: 0 } }), type };
}

/** Row-wise squared Euclidean distances [N, M] between X [N, d] and the rows of C [M, d], by direct differences. */
export function squaredDistances(g: GraphBuilder, X: string, centers: string): string {
  const x3 = g.op('Unsqueeze', [X, g.int64s('axis1', [1])]);
  const diff = g.op('Sub', [x3, centers]);
  const sq = g.op('Mul', [diff, diff]);
  return g.op('ReduceSum', [sq, g.int64s('axis2', [2])], { keepdims: { int: 0 } });
}

/** Manhattan distances [N, M]. */
export function manhattanDistances(g: GraphBuilder, X: string, centers: string): string {
  const x3 = g.op('Unsqueeze', [X, g.int64s('axis1', [1])]);
  const diff = g.op('Abs', [g.op('Sub', [x3, centers])]);
  return g.op('ReduceSum', [diff, g.int64s('axis2', [2])], { keepdims: { int: 0 } });
}

/** Where a final model sends each of its outputs (the graph outputs, or an ensemble collecting them). */
export type OutputSink = (value: string, name: string, type: ElemType, shape: Dim[]) => void;

/** What a final model leaves in the graph: its outputs and, for classifiers, the classes. */
export interface ModelOutputs {
  task: 'classification' | 'regression' | 'clustering' | 'transform';
  classes?: Label[];
}

/** Checks the width the model was fitted on against the block it gets. */
export function checkWidth(expected: number, b: Block, who: string): void {
  const got = blockWidth(b);
  if (got !== expected) {
    throw new OnnxExportError(`${who} was fitted on ${expected} features but its ONNX input has ${got}; pass options.inputs with one entry per feature.`);
  }
}
