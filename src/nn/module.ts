/**
 * `Module`: the base of every layer and model. A module owns named parameters (trainable
 * tensors), buffers (state such as running statistics) and child modules. They are found in the
 * order they were assigned: a property holding a `Parameter`, a `Module` or an array of modules
 * is registered automatically; `registerParameter`/`registerBuffer`/`registerModule` do the same
 * explicitly (buffers are always explicit). Names nest with dots, as in PyTorch
 * (`layers.0.weight`).
 *
 * @example
 * class TwoLayer extends Module {
 *   fc1 = new Linear(4, 8, { seed: 1 });
 *   fc2 = new Linear(8, 2, { seed: 2 });
 *   forward(x: Tensor): Tensor { return this.fc2.call(relu(this.fc1.call(x))); }
 * }
 */
import { ShapeError, formatShape } from '../tensor/index.js';
import { type FloatArray, type FloatDType, Tensor } from './tensor.js';

/** A trainable tensor: a leaf with `requiresGrad` that modules register as a parameter. */
export class Parameter extends Tensor {
  constructor(data: FloatArray, shape: readonly number[]) {
    super(data, shape, true);
  }

  /** A parameter holding a copy of `t`'s values. */
  static from(t: Tensor): Parameter {
    return new Parameter(t.data.slice(), t.shape);
  }
}

/** Parameter and buffer values by dotted name. */
export type StateDict = Record<string, Tensor>;

/** Base class of layers and models; `I` are forward's arguments, `O` its result. */
export abstract class Module<I extends unknown[] = [Tensor], O = Tensor> {
  /** Training mode (dropout active, batch statistics used); see `train()`/`eval()`. */
  training = true;
  private readonly explicitParams = new Map<string, Parameter | null>();
  private readonly explicitBuffers = new Map<string, Tensor>();
  private readonly explicitModules = new Map<string, AnyModule>();

  /** The computation; call it through `call` so hooks added later apply. */
  abstract forward(...inputs: I): O;

  /** Runs `forward`. */
  call(...inputs: I): O {
    return this.forward(...inputs);
  }

  /** Registers a parameter under `name` (null reserves the name, e.g. a disabled bias). */
  registerParameter(name: string, p: Parameter | null): void {
    this.explicitParams.set(name, p);
  }

  /** Registers a buffer: state saved in the state dict but not trained. */
  registerBuffer(name: string, t: Tensor): void {
    this.explicitBuffers.set(name, t);
  }

  /** Registers a child module under `name`. */
  registerModule(name: string, m: AnyModule): void {
    this.explicitModules.set(name, m);
  }

  /** Direct parameters (not children's), in registration order. */
  private ownParameters(): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    const seen = new Set<string>();
    for (const [k, v] of Object.entries(this)) {
      if (v instanceof Parameter && !this.explicitParams.has(k)) {
        out.push([k, v]);
        seen.add(k);
      }
    }
    for (const [k, v] of this.explicitParams) if (v !== null && !seen.has(k)) out.push([k, v]);
    return out;
  }

  /** Direct children by name, in registration order. */
  namedChildren(): [string, AnyModule][] {
    const out: [string, AnyModule][] = [];
    const explicit = new Set(this.explicitModules.values());
    for (const [k, v] of Object.entries(this)) {
      if (v instanceof Module && !this.explicitModules.has(k) && !explicit.has(v)) out.push([k, v]);
      else if (Array.isArray(v) && v.length > 0 && v.every((m) => m instanceof Module && !explicit.has(m))) {
        v.forEach((m: AnyModule, i) => out.push([`${k}.${i}`, m]));
      }
    }
    for (const [k, v] of this.explicitModules) out.push([k, v]);
    return out;
  }

  /** Direct children. */
  children(): AnyModule[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /** This module and all descendants, depth first. */
  modules(): AnyModule[] {
    const out: AnyModule[] = [this as AnyModule];
    for (const c of this.children()) out.push(...c.modules());
    return out;
  }

  /** All parameters with dotted names, this module's first, then each child's. */
  namedParameters(prefix = ''): [string, Parameter][] {
    const out: [string, Parameter][] = this.ownParameters().map(([k, v]) => [prefix + k, v]);
    const seen = new Set(out.map(([, p]) => p));
    for (const [name, child] of this.namedChildren()) {
      for (const [k, p] of child.namedParameters(`${prefix}${name}.`)) {
        if (!seen.has(p)) {
          seen.add(p);
          out.push([k, p]);
        }
      }
    }
    return out;
  }

  /** All parameters (each once, even if shared). */
  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** All buffers with dotted names. */
  namedBuffers(prefix = ''): [string, Tensor][] {
    const out: [string, Tensor][] = [...this.explicitBuffers].map(([k, v]) => [prefix + k, v]);
    for (const [name, child] of this.namedChildren()) out.push(...child.namedBuffers(`${prefix}${name}.`));
    return out;
  }

  /** Total number of trainable values. */
  numParameters(): number {
    return this.parameters().reduce((s, p) => s + p.size, 0);
  }

  /** Sets training mode on this module and its descendants. */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Evaluation mode (`train(false)`). */
  eval(): this {
    return this.train(false);
  }

  /** Drops every parameter's gradient (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /** Parameters and buffers by dotted name (the tensors themselves, detached views). */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [k, p] of this.namedParameters()) out[k] = p.detach();
    for (const [k, b] of this.namedBuffers()) out[k] = b.detach();
    return out;
  }

  /**
   * Copies values from `state` into the parameters and buffers. With `strict` (default), missing
   * or unexpected keys throw; shapes must always match.
   */
  loadStateDict(state: StateDict, strict = true): void {
    const targets = new Map<string, Tensor>([...this.namedParameters(), ...this.namedBuffers()]);
    if (strict) {
      const missing = [...targets.keys()].filter((k) => !(k in state));
      const unexpected = Object.keys(state).filter((k) => !targets.has(k));
      if (missing.length > 0 || unexpected.length > 0) {
        throw new ShapeError(`${this.constructor.name}.loadStateDict: ${missing.length > 0 ? `missing keys ${missing.join(', ')}` : ''}${missing.length > 0 && unexpected.length > 0 ? '; ' : ''}${unexpected.length > 0 ? `unexpected keys ${unexpected.join(', ')}` : ''}. Expected keys: ${[...targets.keys()].join(', ')}.`);
      }
    }
    for (const [k, t] of targets) {
      const v = state[k];
      if (v === undefined) continue;
      if (v.size !== t.size || v.shape.length !== t.shape.length || v.shape.some((d, i) => d !== t.shape[i])) {
        throw new ShapeError(`${this.constructor.name}.loadStateDict: '${k}' has shape ${formatShape(v.shape)} but the module expects ${formatShape(t.shape)}.`);
      }
      t.data.set(v.data);
    }
  }

  /**
   * Converts every parameter and buffer to `dtype` in place (new tensors replace the old ones,
   * so optimizers must be created after this).
   */
  to(dtype: FloatDType): this {
    for (const m of this.modules()) m.convertOwn(dtype);
    return this;
  }

  private convertOwn(dtype: FloatDType): void {
    const record = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(this)) {
      if (v instanceof Parameter && v.dtype !== dtype) record[k] = new Parameter(v.to(dtype).data, v.shape);
    }
    for (const [k, v] of this.explicitParams) {
      if (v !== null && v.dtype !== dtype) {
        const p = record[k] instanceof Parameter && (record[k] as Parameter).dtype === dtype ? (record[k] as Parameter) : new Parameter(v.to(dtype).data, v.shape);
        this.explicitParams.set(k, p);
        if (record[k] === v) record[k] = p;
      }
    }
    for (const [k, v] of this.explicitBuffers) {
      if (v.dtype !== dtype) {
        const t = v.to(dtype);
        this.explicitBuffers.set(k, t);
        if (record[k] === v) record[k] = t;
      }
    }
  }
}

/** A module of any signature. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = Module<any[], unknown>;
