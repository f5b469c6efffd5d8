/**
 * Algorithmia-style hosting: upload a model to create an endpoint (public or private), manage
 * API keys with scopes and rate limits, and read usage per key and model.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerKey, requireScope } from '../access.js';
import type { ServeContext } from '../context.js';
import { checkEnvelope, endpointPatch, keyRequest } from '../envelopes.js';
import { invalidInput, notFound, ServeError } from '../errors.js';
import type { ApiKey, Visibility } from '../hosting-store.js';
import type { ModelEntry } from '../model-repository.js';
import { checkServedName } from '../names.js';
import { v2Metadata } from './inference.js';

function describeEntry(e: ModelEntry): object {
  return {
    name: e.name,
    version: e.model.version,
    platform: e.model.platform,
    visibility: e.visibility,
    owner: e.owner,
    source: e.source.kind,
    url: `/v1/models/${e.name}:predict`,
    metadata: v2Metadata(e.model),
  };
}

const publicKey = (k: ApiKey): object => ({
  id: k.id, owner: k.owner, scopes: k.scopes, rateLimit: k.rateLimit, description: k.description, createdAt: new Date(k.createdAt).toISOString(),
  revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
});

const canSee = (e: ModelEntry, key: ApiKey | null): boolean =>
  e.visibility === 'public' || (key !== null && (key.scopes.includes('admin') || (key.scopes.includes('predict') && (e.owner === null || e.owner === key.owner))));

export function hostingRoutes(app: FastifyInstance, ctx: ServeContext): void {
  /** The endpoint `name` if the caller may change it: its owner with the upload scope, or an admin. */
  const ownedEndpoint = (request: FastifyRequest, name: string): { key: ApiKey } => {
    const key = requireScope(callerKey(request, ctx.hosting), 'upload');
    checkServedName(name);
    if (ctx.repo.isFixed(name)) throw new ServeError(409, 'conflict', `'${name}' is a model this server was started with; uploads cannot replace it. Choose another name.`);
    const ep = ctx.hosting.getEndpoint(name);
    if (ep && ep.owner !== key.owner && !key.scopes.includes('admin')) {
      throw new ServeError(403, 'forbidden', `Endpoint '${name}' belongs to '${ep.owner}'; API key ${key.id} belongs to '${key.owner}'.`);
    }
    return { key };
  };

  const upload = async (request: FastifyRequest, reply: FastifyReply) => {
    const name = (request.params as { name: string }).name;
    const { key } = ownedEndpoint(request, name);
    const q = request.query as { visibility?: string; description?: string };
    const visibility = (q.visibility ?? 'private') as Visibility;
    if (visibility !== 'public' && visibility !== 'private') throw invalidInput(`visibility must be 'public' or 'private', got ${JSON.stringify(q.visibility)}.`, 'visibility');
    if (q.description !== undefined && q.description.length > 500) throw invalidInput(`description is ${q.description.length} characters; keep it to 500.`, 'description');
    const body = request.body;
    let bytes: Uint8Array;
    let platform: 'strata' | 'onnxruntime';
    if (Buffer.isBuffer(body)) {
      if (body.length === 0) throw invalidInput('The uploaded .onnx body is empty.', 'body');
      bytes = body;
      platform = 'onnxruntime';
    } else if (typeof body === 'object' && body !== null) {
      bytes = Buffer.from(JSON.stringify(body));
      platform = 'strata';
    } else {
      throw invalidInput('Upload a Strata model file as application/json or an ONNX model as application/octet-stream.', 'body');
    }
    const before = ctx.hosting.getEndpoint(name);
    const model = await ctx.repo.buildUpload(name, (before?.version ?? 0) + 1, platform, bytes);
    const ep = ctx.hosting.putEndpoint({ name, platform, bytes, visibility, owner: before?.owner ?? key.owner, description: q.description ?? null });
    let entry: ModelEntry;
    if (ep.version === Number(model.version)) entry = ctx.repo.installUpload(ep, model);
    else {
      // Another worker stored a version in between: serve what the database now holds.
      void model.dispose?.();
      entry = await ctx.repo.loadEndpoint(ep);
    }
    reply.code(before ? 200 : 201);
    return describeEntry(entry);
  };
  // Model files nest deeper than prediction payloads (pipelines of pipelines).
  const uploadOptions = { bodyLimit: ctx.limits.uploadLimit, config: { jsonDepth: 256 } };
  app.post('/v1/endpoints/:name', uploadOptions, upload);
  app.put('/v1/endpoints/:name', uploadOptions, upload);

  app.get('/v1/endpoints', async (request) => {
    const key = callerKey(request, ctx.hosting);
    return { endpoints: ctx.repo.list().filter((e) => canSee(e, key)).map(describeEntry) };
  });

  app.get('/v1/endpoints/:name', async (request) => {
    const key = callerKey(request, ctx.hosting);
    const e = await ctx.repo.get((request.params as { name: string }).name);
    if (!canSee(e, key)) throw notFound(`No model named '${e.name}' is visible to this caller.`);
    return describeEntry(e);
  });

  app.patch('/v1/endpoints/:name', async (request) => {
    const name = (request.params as { name: string }).name;
    ownedEndpoint(request, name);
    const { visibility } = checkEnvelope(endpointPatch, request.body, 'The endpoint change');
    const ep = ctx.hosting.setVisibility(name, visibility);
    if (!ep) throw notFound(`No uploaded endpoint named '${name}'.`);
    return describeEntry(await ctx.repo.loadEndpoint(ep));
  });

  app.delete('/v1/endpoints/:name', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    ownedEndpoint(request, name);
    if (!ctx.hosting.deleteEndpoint(name)) throw notFound(`No uploaded endpoint named '${name}'.`);
    ctx.repo.remove(name);
    return reply.code(204).send();
  });

  // ------------------------------------------------------------- keys
  app.post('/v1/keys', async (request, reply) => {
    requireScope(callerKey(request, ctx.hosting), 'admin');
    const body = checkEnvelope(keyRequest, request.body, 'The key request');
    const { token, key } = ctx.hosting.createKey({ owner: body.owner, scopes: body.scopes, rateLimit: body.rateLimit ?? null, description: body.description ?? null });
    reply.code(201);
    return { key: token, ...publicKey(key) };
  });

  app.get('/v1/keys', async (request) => {
    requireScope(callerKey(request, ctx.hosting), 'admin');
    return { keys: ctx.hosting.listKeys().map(publicKey) };
  });

  app.delete('/v1/keys/:id', async (request, reply) => {
    requireScope(callerKey(request, ctx.hosting), 'admin');
    const id = (request.params as { id: string }).id;
    if (!ctx.hosting.revokeKey(id)) throw notFound(`No active API key with id ${JSON.stringify(id.slice(0, 40))}.`);
    return reply.code(204).send();
  });

  // ------------------------------------------------------------ usage
  app.get('/v1/usage', async (request) => {
    const key = callerKey(request, ctx.hosting);
    if (!key) throw new ServeError(401, 'unauthorized', "Usage needs an API key; send it as 'Authorization: Bearer <key>'.");
    const q = request.query as { key?: string; model?: string; by?: string };
    const admin = key.scopes.includes('admin');
    const rows = ctx.hosting.usage({
      ...(q.key !== undefined ? { keyId: q.key } : {}),
      ...(admin ? {} : { owner: key.owner }),
      ...(q.model !== undefined ? { model: q.model } : {}),
      byDay: q.by === 'day',
    });
    return { usage: rows };
  });
}
