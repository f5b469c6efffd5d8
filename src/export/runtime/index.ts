/**
 * strata/export/runtime — runs any .onnx file (exported here or elsewhere) in onnxruntime-node
 * behind the same predict interface as native models. Node only, hence its own subpath: the
 * `strata/export` writers stay browser-safe.
 *
 * @example
 * import { OnnxModel } from 'strata/export/runtime';
 * const model = await OnnxModel.load('birds.onnx');
 * await model.predict([{ island: 'Dream', bill_length_mm: 46.5, … }]); // ['Chinstrap']
 */
export { OnnxModel, type OnnxInput, type OnnxOutput } from '../onnx/runtime.node.js';
