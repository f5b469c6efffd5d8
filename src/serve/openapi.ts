/** The OpenAPI 3.1 document of a running server, with one request schema per public model. */
import { z } from 'zod';
import type { ServeLimits } from './context.js';
import { endpointPatch, keyRequest, mlflowForms, v1Forms, v2Request } from './envelopes.js';
import { jsonSchemaOfField } from './fields.js';
import type { ServedModel } from './served-model.js';

const schemaOf = (s: z.ZodType): object => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

const commonErrors = {
  '400': errorResponse('Input that does not match the model: the message names the field and why.'),
  '401': errorResponse('No API key, or one that is not valid, for a private model.'),
  '403': errorResponse('The API key lacks the scope or does not own the endpoint.'),
  '404': errorResponse('No such model or version.'),
  '413': errorResponse('The body is over the size limit.'),
  '429': errorResponse("The key's rate limit is spent; see Retry-After."),
};

export function openApiDocument(models: readonly ServedModel[], limits: ServeLimits): object {
  const modelSchemas: Record<string, object> = {};
  for (const m of models) {
    modelSchemas[`${m.name}.instance`] = {
      type: 'object',
      description: `One row for model '${m.name}' version ${m.version} (${m.platform}); null is a missing value.`,
      properties: Object.fromEntries(m.inputs.map((f) => [f.name, { ...jsonSchemaOfField(f), description: `trained on ${f.type}` }])),
      required: m.inputs.map((f) => f.name),
      additionalProperties: false,
    };
  }
  const name = { name: 'name', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$' } };
  const version = { name: 'version', in: 'path', required: true, schema: { type: 'string' } };
  const ok = (description: string) => ({ description, ...json({ type: 'object' }) });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Strata model server',
      version: '0.1.0',
      description: `Predictions over KServe v2, a simple JSON form and MLflow's /invocations. Bodies up to ${limits.bodyLimit} bytes and ${limits.maxRows} rows; uploads up to ${limits.uploadLimit} bytes.`,
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'sk_… API key' } },
      schemas: {
        Error: { type: 'object', properties: { error: { type: 'string' }, code: { type: 'string' }, field: { type: 'string' } }, required: ['error', 'code'] },
        V2InferenceRequest: schemaOf(v2Request),
        V1PredictRequest: { oneOf: [schemaOf(v1Forms.instances), schemaOf(v1Forms.inputs)] },
        MlflowRequest: { oneOf: Object.values(mlflowForms).map(schemaOf) },
        KeyRequest: schemaOf(keyRequest),
        EndpointPatch: schemaOf(endpointPatch),
        ...modelSchemas,
      },
    },
    security: [{}, { apiKey: [] }],
    paths: {
      '/v2/health/live': { get: { summary: 'Liveness', responses: { '200': ok('The server is up.') } } },
      '/v2/health/ready': { get: { summary: 'Readiness', responses: { '200': ok('Every model named at start is loaded.') } } },
      '/v2': { get: { summary: 'Server metadata', responses: { '200': ok('Name, version, extensions.') } } },
      '/v2/models/{name}': { get: { summary: 'Model metadata: input and output tensors', parameters: [name], responses: { '200': ok('Metadata.'), ...commonErrors } } },
      '/v2/models/{name}/versions/{version}': { get: { summary: 'Metadata of a version', parameters: [name, version], responses: { '200': ok('Metadata.'), ...commonErrors } } },
      '/v2/models/{name}/ready': { get: { summary: 'Model readiness', parameters: [name], responses: { '200': ok('Loaded.'), ...commonErrors } } },
      '/v2/models/{name}/infer': {
        post: { summary: 'Inference with named tensors', parameters: [name], requestBody: json({ $ref: '#/components/schemas/V2InferenceRequest' }), responses: { '200': ok('Output tensors.'), ...commonErrors } },
      },
      '/v2/models/{name}/versions/{version}/infer': {
        post: { summary: 'Inference on a version', parameters: [name, version], requestBody: json({ $ref: '#/components/schemas/V2InferenceRequest' }), responses: { '200': ok('Output tensors.'), ...commonErrors } },
      },
      '/v1/models/{name}:predict': {
        post: {
          summary: 'Predict rows ({"instances": [{column: value}]}); classifiers add classes and probabilities',
          parameters: [name],
          requestBody: json({ $ref: '#/components/schemas/V1PredictRequest' }),
          responses: { '200': ok('predictions (+ classes, probabilities).'), ...commonErrors },
        },
      },
      '/invocations': {
        post: {
          summary: 'MLflow scoring: dataframe_split, dataframe_records, instances, inputs, or text/csv',
          parameters: [{ name: 'model', in: 'query', required: false, schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/MlflowRequest' } }, 'text/csv': { schema: { type: 'string' } } } },
          responses: { '200': ok('{"predictions": [...]}'), ...commonErrors },
        },
      },
      '/v1/endpoints': { get: { summary: 'Models visible to the caller', responses: { '200': ok('endpoints') } } },
      '/v1/endpoints/{name}': {
        get: { summary: 'One endpoint', parameters: [name], responses: { '200': ok('Endpoint.'), ...commonErrors } },
        post: {
          summary: 'Upload a model (Strata model file as JSON, or .onnx as application/octet-stream); needs the upload scope',
          parameters: [name, { name: 'visibility', in: 'query', schema: { enum: ['public', 'private'] } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '201': ok('Created.'), '200': ok('New version.'), ...commonErrors },
        },
        patch: { summary: 'Change visibility', parameters: [name], requestBody: json({ $ref: '#/components/schemas/EndpointPatch' }), responses: { '200': ok('Endpoint.'), ...commonErrors } },
        delete: { summary: 'Delete an uploaded endpoint', parameters: [name], responses: { '204': { description: 'Deleted.' }, ...commonErrors } },
      },
      '/v1/keys': {
        get: { summary: 'API keys (admin)', responses: { '200': ok('keys'), ...commonErrors } },
        post: { summary: 'Create an API key (admin); the key is shown once', requestBody: json({ $ref: '#/components/schemas/KeyRequest' }), responses: { '201': ok('key'), ...commonErrors } },
      },
      '/v1/keys/{id}': { delete: { summary: 'Revoke a key (admin)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Revoked.' }, ...commonErrors } } },
      '/v1/usage': { get: { summary: 'Calls, rows and errors per key and model', parameters: ['key', 'model', 'by'].map((n) => ({ name: n, in: 'query', schema: { type: 'string' } })), responses: { '200': ok('usage'), ...commonErrors } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'text/plain exposition format' } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } } },
    },
  };
}
