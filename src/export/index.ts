/**
 * The `export` stratum: fitted models as portable files (see ARCHITECTURE.md).
 *
 * ONNX (src/export/onnx):
 * - `toOnnx(model, options?) → Uint8Array` — a fitted learn estimator or Pipeline (with its
 *   ColumnTransformer preprocessing, AutoML's voting ensembles included) as ONNX bytes (IR 10,
 *   ai.onnx 21, ai.onnx.ml 5 for trees; com.microsoft Tokenizer for text columns). Browser-safe
 *   (protobufjs only). One graph input per raw column the model reads, shape [N, 1]: numbers
 *   float64 (NaN = missing), text/categories string ('' = missing), booleans bool, date/times
 *   float64 epoch ms (listed in metadata `strata.datetime_inputs`); `options.inputs` renames or
 *   retypes them (e.g. float32). Outputs: classifiers `label` [N] and `probabilities`
 *   [N, classes] float64 in `classes` order (no ZipMap; LinearSVC/SVC give `scores` instead of
 *   probabilities); regressors `prediction` [N, 1]; k-means `label` [N] int64 and
 *   `distances` [N, k]; pipelines ending in a transformer `transformed` [N, width]. Metadata:
 *   `strata.model`, `strata.task`, `strata.classes` (JSON).
 * - `toOnnx(nnModel, { inputShape, dtype? }) → Uint8Array` — an nn model in eval mode (a
 *   Sequential, one layer, or a Module whose forward applies its children in order): Linear,
 *   Conv1d/2d, MaxPool1d/2d, AvgPool2d, AdaptiveAvgPool2d, BatchNorm1d/2d, LayerNorm, Dropout,
 *   Embedding, Flatten, activations, TransformerEncoderLayer, LSTM/GRU (last layer: outputs
 *   `output`, `h_n`, `c_n`) and MultiheadAttention (alone: inputs `query`, `key`, `value`,
 *   outputs `output`, `weights`). Input `input` ('N' batch prepended to inputShape, or the axis
 *   named by a string in it; int64 indices before an Embedding), output `output`; float32 by
 *   default, float64 on request (operators ONNX Runtime lacks in double are rewritten).
 *   MLPClassifier/MLPRegressor convert like any learn model (float64, inside Pipelines).
 * - `onnxSupport() → { models, transformers }` — the estimator class names toOnnx converts.
 * - `readOnnx(bytes) → OnnxModelInfo` — pure decoder for any .onnx file: IR version, opsets,
 *   typed inputs/outputs, node count and per-operator counts, metadata, undefined node inputs.
 * - `OnnxExportError` — thrown for unfitted, unsupported or custom models, listing what is supported.
 * Node only (import from 'strata/export/runtime', not re-exported here so this index
 * stays browser-safe): `OnnxModel.load(pathOrBytes)` runs any .onnx file in onnxruntime-node;
 * `inputs`, `outputs`, `classes`, `info`, async `run(X)` (every tensor output), `predict(X)`
 * (labels or values), `predictProba(X)`, `close()`. X: rows of objects, columns by name, a
 * frame, or rows of numbers / an NdArray for positional or single-matrix inputs.
 *
 * @example
 * import { toOnnx, readOnnx } from 'strata/export';
 * const bytes = toOnnx(pipeline);                  // fitted Pipeline → .onnx bytes
 * readOnnx(bytes).inputs;                          // [{ name: 'age', type: 'float64', shape: ['N', 1] }, …]
 */
export { toOnnx, onnxSupport } from './onnx/to-onnx.js';
export { OnnxExportError } from './onnx/errors.js';
export { readOnnx } from './onnx/read.js';
export type { OnnxInputSpec, OnnxInputType, ToOnnxOptions, OnnxModelInfo, OnnxTensorInfo } from './onnx/types.js';
export type { NnOnnxOptions } from './onnx/convert/nn-module.js';

/**
 * JavaScript (src/export/js):
 * - `toJsModule(model, options?) → string` — a fitted estimator or Pipeline (MLP estimators included) as one ES module with
 *   no imports: `inputs`, `outputs`, `predict(rows)`, and `classes` + `predictProba(rows)` for
 *   classifiers (`transform(rows)` for pipelines ending in a transformer).
 * - `jsModuleSignature(model)` — the inputs and outputs that module would have.
 * - `supportedJsModels()` — the estimator names toJsModule writes; `UnsupportedModelError` otherwise.
 *
 * @example
 * import { toJsModule } from 'strata/export';
 * writeFileSync('model.mjs', toJsModule(pipeline));   // then: import { predict } from './model.mjs'
 */
export { toJsModule, jsModuleSignature, supportedJsModels } from './js/to-js-module.js';
export type { JsModuleOptions, JsModuleOutput, JsModuleSignature, InputColumn as JsModuleInput } from './js/to-js-module.js';
export { UnsupportedModelError } from './js/unsupported.js';
