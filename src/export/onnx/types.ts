/** Public types of the ONNX writer, reader and runtime. */
import type { Dim } from './graph.js';

/** Element type of a graph input column. */
export type OnnxInputType = 'float64' | 'float32' | 'int64' | 'string' | 'bool';

/**
 * One raw input column: its name and element type. Every input has shape [N, 1]. Numbers
 * default to float64 (exact parity with the native model); string columns carry categories,
 * with the empty string standing for a missing value.
 */
export interface OnnxInputSpec {
  name: string;
  type: OnnxInputType;
}

export interface ToOnnxOptions {
  /**
   * Names and types of the raw columns. For a model fitted on named columns (a frame, a
   * ColumnTransformer) an entry overrides the type of the column it names; for a model fitted
   * on a plain matrix the list names the features in order (default x0, x1, …).
   */
  inputs?: readonly OnnxInputSpec[];
  /** Graph name (default: the model's kebab-case name). */
  name?: string;
  /** ai.onnx opset to declare, 21 (default) to 26; ai.onnx.ml is always 5 when used. */
  opset?: number;
}

/** A graph input or output as the file declares it. */
export interface OnnxTensorInfo {
  name: string;
  /** Element type ('float32', 'float64', 'int64', 'string', …); for non-tensor values 'sequence' or 'map'. */
  type: string;
  /** Fixed sizes and symbolic names ('N'); null where the file leaves a dimension open. */
  shape: (Dim | null)[];
}

/** What `readOnnx` decodes from a file. */
export interface OnnxModelInfo {
  irVersion: number;
  producer: { name: string; version: string };
  graphName: string;
  /** Imported operator sets; domain '' is ai.onnx. */
  opsets: { domain: string; version: number }[];
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
  /** Number of nodes in the main graph. */
  nodes: number;
  /** Node count per operator ('ai.onnx.ml:TreeEnsemble', 'MatMul', …). */
  operators: Record<string, number>;
  initializers: number;
  /** metadata_props; Strata writes 'strata.model', 'strata.task' and 'strata.classes' (JSON). */
  metadata: Record<string, string>;
  /** Names every node reads that no earlier node, input or initializer produces (empty for a valid file). */
  undefinedInputs: string[];
}
