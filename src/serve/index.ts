/**
 * strata/serve — the prediction server: KServe v2, a simple JSON form and MLflow's
 * /invocations over registry models, model files and uploaded endpoints; API keys with scopes,
 * rate limits and usage; micro-batching, hot reload, Prometheus metrics. Node only.
 *
 * @example
 * import { createServer } from 'strata/serve';
 * const app = await createServer({ models: ['churn@production'] });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export { createServer, serveContext, hostingHome, type ServeOptions } from './server.js';
export { startCluster, type ClusterOptions, type ClusterHandle } from './cluster.js';
export { HostingStore, type ApiKey, type Endpoint, type UsageRow, type Visibility } from './hosting-store.js';
export { SCOPES, parseScopes, type Scope } from './api-keys.js';
export { ServeError, type ServeErrorCode } from './errors.js';
export type { ServeContext, ServeLimits } from './context.js';
export type { ServedModel, Prediction, PredictionValue } from './served-model.js';
export type { InputField, OutputField, FieldKind, V2Datatype } from './fields.js';
export type { Batch } from './batch.js';
export type { ModelEntry, ModelSource } from './model-repository.js';
export { NativeModel } from './native-model.js';
export { OnnxServedModel } from './onnx-model.js';
export { MicroBatcher, type BatchingOptions } from './batcher.js';
export { ServeMetrics, renderSnapshots, type MetricsSnapshot } from './metrics.js';
