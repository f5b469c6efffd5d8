/**
 * The three prediction protocols over one predict path: KServe / Open Inference Protocol v2,
 * a simple JSON form (`/v1/models/{name}:predict`), and MLflow's `/invocations`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { batchFromColumns, batchFromCsv, batchFromRecords, batchFromSplit, batchFromTensors } from '../batch.js';
import { loadedModelFor, modelFor, predictFor, type ServeContext } from '../context.js';
import { checkEnvelope, checkForm, mlflowForms, v1Forms, v2Request } from '../envelopes.js';
import { invalidInput, notFound, ServeError } from '../errors.js';
import type { ModelEntry } from '../model-repository.js';
import type { Prediction, ServedModel } from '../served-model.js';

/** The v2 metadata of a model: name, versions, platform, input and output tensors. */
export function v2Metadata(model: ServedModel): object {
  return {
    name: model.name,
    versions: [model.version],
    platform: model.platform,
    inputs: model.inputs.map((f) => ({ name: f.name, datatype: f.datatype, shape: [-1, 1], parameters: { type: f.type } })),
    outputs: model.outputs.map((o) => ({ name: o.name, datatype: o.datatype, shape: o.shape })),
    ...(model.classes ? { parameters: { task: model.task, classes: model.classes } } : model.task ? { parameters: { task: model.task } } : {}),
  };
}

function v2Outputs(model: ServedModel, p: Prediction, requested: { name: string }[] | undefined): object[] {
  const n = p.predictions.length;
  const all: Record<string, object> = {
    prediction: { name: 'prediction', datatype: model.outputs[0]!.datatype, shape: [n], data: p.predictions },
  };
  if (p.probabilities && model.classes) {
    const k = model.classes.length;
    all.probabilities = { name: 'probabilities', datatype: 'FP64', shape: [n, k], data: p.probabilities.flat(), parameters: { classes: model.classes } };
  }
  if (!requested) return Object.values(all);
  return requested.map((r, i) => {
    const o = all[r.name];
    if (!o) throw invalidInput(`outputs[${i}] asks for '${r.name}'; this model gives ${Object.keys(all).join(', ')}.`, `outputs[${i}].name`);
    return o;
  });
}

interface V1Response {
  model_name: string;
  model_version: string;
  predictions: Prediction['predictions'];
  classes?: ServedModel['classes'];
  probabilities?: number[][];
}

function v1Response(entry: ModelEntry, p: Prediction): V1Response {
  const m = entry.model;
  const out: V1Response = { model_name: m.name, model_version: m.version, predictions: p.predictions };
  if (p.probabilities && m.classes) {
    out.classes = m.classes;
    out.probabilities = p.probabilities;
  }
  return out;
}

/**
 * `{"instances": [...]}` and nothing else, as `v1Forms.instances` accepts it, told without
 * zod (the common request); anything else goes through `checkForm` for its checks and errors.
 */
function onlyInstances(body: unknown): unknown[] | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  let keys = 0;
  for (const k in body) if (Object.hasOwn(body, k) && (++keys > 1 || k !== 'instances')) return null;
  const instances = (body as { instances?: unknown }).instances;
  return keys === 1 && Array.isArray(instances) ? instances : null;
}

const nameParam = (request: FastifyRequest): string => (request.params as { name: string }).name;

export function inferenceRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const maxRows = ctx.limits.maxRows;

  // ------------------------------------------------------------ KServe v2
  const metadata = async (request: FastifyRequest) => {
    const { version } = request.params as { version?: string };
    const { entry } = await modelFor(ctx, request, nameParam(request), version);
    return v2Metadata(entry.model);
  };
  app.get('/v2/models/:name', metadata);
  app.get('/v2/models/:name/versions/:version', metadata);

  const ready = async (request: FastifyRequest) => {
    const { version } = request.params as { version?: string };
    const { entry } = await modelFor(ctx, request, nameParam(request), version);
    return { name: entry.name, ready: true };
  };
  app.get('/v2/models/:name/ready', ready);
  app.get('/v2/models/:name/versions/:version/ready', ready);

  const infer = async (request: FastifyRequest) => {
    const { version } = request.params as { version?: string };
    const { entry, key } = await modelFor(ctx, request, nameParam(request), version);
    const body = checkEnvelope(v2Request, request.body, 'The inference request');
    const { prediction } = await predictFor(ctx, entry, key, () => batchFromTensors(body.inputs, entry.model.inputs, maxRows));
    return {
      model_name: entry.model.name,
      model_version: entry.model.version,
      ...(body.id !== undefined ? { id: body.id } : {}),
      outputs: v2Outputs(entry.model, prediction, body.outputs),
    };
  };
  app.post('/v2/models/:name/infer', infer);
  app.post('/v2/models/:name/versions/:version/infer', infer);

  // ------------------------------------------------------- simple JSON v1
  // `:predict` is a verb glued to the name (as in Google's and TF-Serving's APIs), so the
  // route takes the whole segment and splits it.
  app.get('/v1/models/:name', async (request) => {
    const { entry } = await modelFor(ctx, request, nameParam(request));
    return v2Metadata(entry.model);
  });
  app.post('/v1/models/:target', async (request) => {
    const target = (request.params as { target: string }).target;
    const colon = target.lastIndexOf(':');
    if (colon < 0 || target.slice(colon + 1) !== 'predict') throw notFound(`POST /v1/models/${target.slice(0, 80)} is not a route; use POST /v1/models/{name}:predict.`);
    const name = target.slice(0, colon);
    const { entry, key } = loadedModelFor(ctx, request, name) ?? (await modelFor(ctx, request, name));
    const fields = entry.model.inputs;
    const instances = onlyInstances(request.body);
    let toBatch;
    if (instances) toBatch = () => batchFromRecords(instances, fields, 'instances', maxRows);
    else {
      const { form, body } = checkForm(v1Forms, request.body, 'The request body');
      toBatch = () =>
        form === 'instances'
          ? batchFromRecords((body as { instances: unknown }).instances, fields, 'instances', maxRows)
          : batchFromColumns((body as { inputs: unknown }).inputs, fields, 'inputs', maxRows);
    }
    const { prediction } = await predictFor(ctx, entry, key, toBatch);
    return v1Response(entry, prediction);
  });

  // ------------------------------------------------------ MLflow scoring
  app.get('/ping', async () => ({ status: 'ok' }));
  app.get('/health', async () => ({ status: 'ok' }));
  app.post('/invocations', async (request) => {
    const q = request.query as { model?: string };
    const name = q.model ?? ctx.defaultModel;
    if (name === null || name === undefined) throw new ServeError(404, 'not_found', 'No default model to invoke; pass ?model=NAME or start the server with a model.');
    const { entry, key } = await modelFor(ctx, request, name);
    const fields = entry.model.inputs;
    let toBatch;
    if (typeof request.body === 'string') {
      const text = request.body;
      toBatch = () => batchFromCsv(text, fields, maxRows);
    } else {
      const { form, body } = checkForm(mlflowForms, request.body, 'The MLflow request body');
      const b = body as Record<string, unknown>;
      toBatch = () => {
        switch (form) {
          case 'dataframe_split': return batchFromSplit(b.dataframe_split, fields, 'dataframe_split', maxRows);
          case 'dataframe_records': return batchFromRecords(b.dataframe_records, fields, 'dataframe_records', maxRows);
          case 'instances': return batchFromRecords(b.instances, fields, 'instances', maxRows);
          default: return Array.isArray(b.inputs) ? batchFromRecords(b.inputs, fields, 'inputs', maxRows) : batchFromColumns(b.inputs, fields, 'inputs', maxRows);
        }
      };
    }
    const { prediction } = await predictFor(ctx, entry, key, toBatch);
    return { predictions: prediction.predictions };
  });
}
