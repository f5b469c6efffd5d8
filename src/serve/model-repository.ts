/**
 * The models a server answers for, by served name: registry models and model files named at
 * start, and endpoints uploaded through the API. Registry models followed by alias or by bare
 * name (latest) and uploaded endpoints are polled, and a moved version is loaded beside the old
 * one and swapped in; requests already queued finish on the version they started with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseModelRef, type ModelVersion, type TrackingStore } from '../track/index.js';
import { MicroBatcher, type BatchingOptions } from './batcher.js';
import { notFound, ServeError } from './errors.js';
import type { Endpoint, HostingStore, Visibility } from './hosting-store.js';
import type { ServeMetrics } from './metrics.js';
import { parseModelFile } from './model-file.js';
import { NativeModel } from './native-model.js';
import { loadOnnxModel } from './onnx-model.js';
import { checkServedName } from './names.js';
import type { ServedModel } from './served-model.js';

export type ModelSource =
  | { kind: 'registry'; ref: string; /** true for NAME and NAME@ALIAS, which can move */ follows: boolean }
  | { kind: 'file'; path: string }
  | { kind: 'endpoint' };

export interface ModelEntry {
  readonly name: string;
  readonly model: ServedModel;
  readonly batcher: MicroBatcher;
  readonly source: ModelSource;
  readonly visibility: Visibility;
  /** Owner of an uploaded endpoint; null for models named at start (any predict key may call them when private). */
  readonly owner: string | null;
}

export interface RepositoryLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const timed = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, (performance.now() - t0) / 1000];
};

/** Native resources go once requests already queued on the old version have surely finished. */
function disposeLater(model: ServedModel): void {
  if (model.dispose) setTimeout(() => void model.dispose!().catch(() => undefined), 30_000).unref();
}

export class ModelRepository {
  readonly #entries = new Map<string, ModelEntry>();

  constructor(
    readonly store: TrackingStore | null,
    readonly hosting: HostingStore,
    readonly metrics: ServeMetrics,
    readonly batching: BatchingOptions,
    readonly log: RepositoryLog,
  ) {}

  list(): ModelEntry[] {
    return [...this.#entries.values()];
  }

  /** A model file path (`.json`, `.onnx`) or a registry reference NAME, NAME:VERSION, NAME@ALIAS. */
  async add(ref: string, visibility: Visibility): Promise<ModelEntry> {
    const ext = extname(ref).toLowerCase();
    if (existsSync(ref) || ext === '.json' || ext === '.onnx') {
      if (!existsSync(ref)) throw new Error(`Model file '${ref}' does not exist; pass a path strata train printed as 'saved', or a registered NAME.`);
      const name = checkServedName(basename(ref, extname(ref)).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, ''));
      if (this.#entries.has(name)) throw new Error(`Two models would be served as '${name}'; rename one of the files.`);
      const bytes = readFileSync(ref);
      const [model, seconds] = await timed(() => this.#build(name, '1', ext === '.onnx' ? 'onnxruntime' : 'strata', bytes, null));
      return this.#install({ name, model, source: { kind: 'file', path: ref }, visibility, owner: null }, seconds);
    }
    if (!this.store) throw new Error(`'${ref}' is not a file, and no tracking store is open to resolve it in the registry.`);
    const parsed = parseModelRef(ref);
    if (this.#entries.has(parsed.name)) throw new Error(`Model '${parsed.name}' is named twice; serve each registered model once.`);
    const mv = await this.store.resolveModel(ref);
    const [model, seconds] = await timed(async () => this.#buildVersion(mv));
    return this.#install({ name: parsed.name, model, source: { kind: 'registry', ref, follows: parsed.version === undefined }, visibility, owner: null }, seconds);
  }

  /** The entry for a model already loaded, else undefined (`get` loads endpoints and says what is wrong). */
  loaded(name: string): ModelEntry | undefined {
    return this.#entries.get(name);
  }

  /** The entry for a served name, loading an endpoint another worker process created. */
  async get(name: string): Promise<ModelEntry> {
    checkServedName(name);
    const hit = this.#entries.get(name);
    if (hit) return hit;
    const endpoint = this.hosting.getEndpoint(name);
    if (endpoint) return this.#loadEndpoint(endpoint);
    throw notFound(`No model named '${name}' is served here; GET /v1/endpoints lists the models.`);
  }

  /** The endpoint just changed (visibility), or created by another process, loaded now. */
  async loadEndpoint(endpoint: Endpoint): Promise<ModelEntry> {
    return this.#loadEndpoint(endpoint);
  }

  /** Builds an uploaded model before it is stored, so one that does not load is never an endpoint. */
  async buildUpload(name: string, version: number, platform: Endpoint['platform'], bytes: Uint8Array): Promise<ServedModel> {
    return this.#build(name, String(version), platform, bytes, null);
  }

  /** Serves a stored endpoint with the model `buildUpload` made for it. */
  installUpload(ep: Endpoint, model: ServedModel): ModelEntry {
    return this.#install({ name: ep.name, model, source: { kind: 'endpoint' }, visibility: ep.visibility, owner: ep.owner }, model.loadSeconds, this.#entries.get(ep.name));
  }

  /** Whether a name belongs to a model named at start (uploads may not take it). */
  isFixed(name: string): boolean {
    const e = this.#entries.get(name);
    return e !== undefined && e.source.kind !== 'endpoint';
  }

  remove(name: string): void {
    const e = this.#entries.get(name);
    if (!e) return;
    this.#entries.delete(name);
    this.metrics.modelLoad.remove({ model: name, version: e.model.version });
    disposeLater(e.model);
  }

  /** One round of hot reload: moved aliases and latest versions, changed or deleted endpoints. */
  async poll(): Promise<void> {
    for (const e of [...this.#entries.values()]) {
      try {
        if (e.source.kind === 'registry' && e.source.follows && this.store) {
          const mv = await this.store.resolveModel(e.source.ref);
          if (String(mv.version) === e.model.version) continue;
          const [model, seconds] = await timed(async () => this.#buildVersion(mv));
          this.#install({ ...e, model }, seconds, e);
          this.metrics.reloads.inc({ model: e.name });
          this.log.info({ model: e.name, from: e.model.version, to: model.version }, 'model reloaded');
        } else if (e.source.kind === 'endpoint') {
          const ep = this.hosting.getEndpoint(e.name);
          if (!ep) this.remove(e.name);
          else {
            await this.#loadEndpoint(ep);
            if (String(ep.version) !== e.model.version) this.metrics.reloads.inc({ model: e.name });
          }
        }
      } catch (err) {
        // A broken new version leaves the old one serving.
        this.log.error({ model: e.name, err: err instanceof Error ? err.message : String(err) }, 'hot reload failed; the loaded version keeps serving');
      }
    }
  }

  async close(): Promise<void> {
    for (const name of [...this.#entries.keys()]) this.remove(name);
  }

  async #loadEndpoint(ep: Endpoint): Promise<ModelEntry> {
    const current = this.#entries.get(ep.name);
    if (current && current.source.kind === 'endpoint' && current.model.version === String(ep.version)) {
      if (current.visibility === ep.visibility) return current;
      const updated = { ...current, visibility: ep.visibility };
      this.#entries.set(ep.name, updated);
      return updated;
    }
    const bytes = this.hosting.models.read(ep.digest);
    const [model, seconds] = await timed(() => this.#build(ep.name, String(ep.version), ep.platform, bytes, null));
    return this.#install({ name: ep.name, model, source: { kind: 'endpoint' }, visibility: ep.visibility, owner: ep.owner }, seconds, current);
  }

  async #buildVersion(mv: ModelVersion): Promise<ServedModel> {
    if (mv.artifactDigest === null) throw new ServeError(500, 'internal', `Model version ${mv.name}:${mv.version} has no stored model file.`);
    const bytes = this.store!.artifacts.read(mv.artifactDigest);
    return this.#build(mv.name, String(mv.version), 'strata', bytes, mv.signature);
  }

  async #build(name: string, version: string, platform: 'strata' | 'onnxruntime', bytes: Uint8Array, signature: ModelVersion['signature']): Promise<ServedModel> {
    const t0 = performance.now();
    if (platform === 'onnxruntime') return loadOnnxModel(name, version, bytes, t0);
    const { file, pipeline } = parseModelFile(bytes);
    return new NativeModel(name, version, file, pipeline, signature, (performance.now() - t0) / 1000);
  }

  #install(e: Omit<ModelEntry, 'batcher'>, seconds: number, previous?: ModelEntry): ModelEntry {
    if (previous) this.metrics.modelLoad.remove({ model: previous.name, version: previous.model.version });
    const entry: ModelEntry = { ...e, batcher: new MicroBatcher(e.model, this.batching, this.metrics) };
    this.#entries.set(e.name, entry);
    this.metrics.modelLoad.set({ model: e.name, version: e.model.version }, seconds);
    if (previous && previous.model !== e.model) disposeLater(previous.model);
    return entry;
  }
}

