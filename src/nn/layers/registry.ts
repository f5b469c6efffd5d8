/**
 * Layers that can be saved by description: each gives its type name and constructor config, and
 * registers a builder, so `Sequential` models are rebuilt from JSON. A layer defined elsewhere
 * (conv, recurrent, …) joins by implementing `SavableLayer` and calling `registerLayer`.
 */
import type { AnyModule } from '../module.js';

/** A layer's type name and the config its builder takes. */
export interface LayerSpec {
  type: string;
  config: Record<string, unknown>;
}

/** A module that describes itself for saving. */
export interface SavableLayer {
  spec(): LayerSpec;
}

const BUILDERS = new Map<string, (config: Record<string, unknown>) => AnyModule>();

/** Makes `type` rebuildable from its config. */
export function registerLayer(type: string, build: (config: Record<string, unknown>) => AnyModule): void {
  BUILDERS.set(type, build);
}

/** A new layer from its spec (weights still to be loaded). */
export function buildLayer(spec: LayerSpec): AnyModule {
  const build = BUILDERS.get(spec.type);
  if (build === undefined) {
    throw new Error(`Unknown layer type '${spec.type}'. Known layer types: ${[...BUILDERS.keys()].sort().join(', ')}. Import the module that defines it before loading.`);
  }
  return build(spec.config);
}

/** Whether `m` can describe itself. */
export function isSavable(m: unknown): m is SavableLayer {
  return typeof (m as Partial<SavableLayer>)?.spec === 'function';
}
