/**
 * The estimator contract every model and transformer in Strata follows (after scikit-learn's
 * BaseEstimator): the constructor only stores a typed params object; `fit` validates and
 * returns `this`; fitted state is absent until `fit` and reading it early throws
 * NotFittedError; `getParams`/`setParams`/`clone`; `toJSON`/`fromJSON` round-trip exactly.
 */
import { NotFittedError, ParamError } from './errors.js';
import { type Encoded, decode, encode } from './serialize.js';

/** What `toJSON` writes: enough to rebuild an equal estimator with `fromJSON`. */
export interface EstimatorJSON {
  format: 'strata-estimator';
  version: 1;
  /** Registered name, the class name in kebab case (`logistic-regression`). */
  type: string;
  params: Encoded;
  /** Fitted state, or null for an unfitted estimator. */
  state: Encoded;
}

type AnyEstimatorClass = new (params?: any) => Estimator<any, any>;

const REGISTRY = new Map<string, AnyEstimatorClass>();

/** `LogisticRegression` → `logistic-regression`; `PCA` → `pca`; `KNeighborsClassifier` → `k-neighbors-classifier`. */
export function kebabName(className: string): string {
  return className
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Makes a class available to `fromJSON` and to the CLI under its kebab-case name. */
export function registerEstimator(cls: AnyEstimatorClass, name = kebabName(cls.name)): void {
  const existing = REGISTRY.get(name);
  if (existing && existing !== cls) throw new Error(`Two estimators are registered as '${name}'.`);
  REGISTRY.set(name, cls);
}

/** The registered estimator class for a kebab-case name, with the known names in the error. */
export function estimatorClass(name: string): AnyEstimatorClass {
  const cls = REGISTRY.get(name);
  if (!cls) {
    throw new ParamError(`Unknown model '${name}'. Known models: ${[...REGISTRY.keys()].sort().join(', ')}.`);
  }
  return cls;
}

export function registeredEstimators(): string[] {
  return [...REGISTRY.keys()].sort();
}

/**
 * Base of every estimator. `P` is the params object (all optional in the constructor; defaults
 * filled in by `defaults()`), `S` the fitted state.
 */
export abstract class Estimator<P extends object, S extends object> {
  #params: Readonly<P>;
  #state: S | undefined;

  constructor(params: Partial<P> = {}) {
    this.#params = Object.freeze({ ...this.defaults(), ...withoutUndefined(params) });
  }

  /** Default value of every parameter. */
  protected abstract defaults(): P;

  /** The parameters, defaults included (a copy). */
  getParams(): P {
    return { ...this.#params };
  }

  /** The current parameters, read-only. */
  get params(): Readonly<P> {
    return this.#params;
  }

  /**
   * Changes parameters in place (fitted state is kept, as in scikit-learn; refit to apply them).
   * Unknown names are an error that lists the valid ones.
   */
  setParams(params: Partial<P>): this {
    const known = Object.keys(this.defaults());
    for (const key of Object.keys(params)) {
      if (!known.includes(key)) {
        throw new ParamError(`${this.constructor.name} has no parameter '${key}'. Valid parameters: ${known.join(', ')}.`);
      }
    }
    this.#params = Object.freeze({ ...this.#params, ...withoutUndefined(params) });
    return this;
  }

  /** A new, unfitted estimator with the same parameters. */
  clone(): this {
    const Ctor = this.constructor as new (params: P) => this;
    return new Ctor({ ...this.#params });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  /** The fitted state; throws NotFittedError (naming `what`) before `fit`. */
  protected fitted(what = 'this'): S {
    if (this.#state === undefined) throw new NotFittedError(this.constructor.name, what);
    return this.#state;
  }

  /** Records the fitted state; subclasses call this at the end of `fit`. */
  protected setFitted(state: S): void {
    this.#state = Object.freeze(state);
  }

  toJSON(): EstimatorJSON {
    return {
      format: 'strata-estimator',
      version: 1,
      type: kebabName(this.constructor.name),
      params: encode(this.#params),
      state: this.#state === undefined ? null : this.encodeState(this.#state),
    };
  }

  /** State → JSON-safe data. Override when the state holds nested estimators. */
  protected encodeState(state: S): Encoded {
    return encode(state);
  }

  /** JSON-safe data → state. Override together with `encodeState`. */
  protected decodeState(data: Encoded): S {
    return decode(data) as S;
  }

  /** Rebuilds an estimator written by `toJSON` (its class must be registered). */
  static fromJSON<T extends Estimator<any, any> = Estimator<any, any>>(json: EstimatorJSON | string): T {
    const doc = (typeof json === 'string' ? JSON.parse(json) : json) as EstimatorJSON;
    if (doc?.format !== 'strata-estimator') {
      throw new ParamError("This is not a Strata model: expected JSON with format 'strata-estimator'.");
    }
    const Ctor = estimatorClass(doc.type);
    const model = new Ctor(decode(doc.params) as object) as T;
    if (doc.state !== null) model.setFitted(model.decodeState(doc.state));
    return model;
  }
}

function withoutUndefined<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as T;
}
