/**
 * Search spaces: each hyper-parameter is a float, an integer (both optionally on a log scale)
 * or a choice. Configurations are sampled, and perturbed around an incumbent for local search,
 * in a unit cube where every dimension runs from 0 to 1.
 */
import type { random } from '../tensor/index.js';

type Rng = ReturnType<typeof random.defaultRng>;

export type Dimension =
  | { type: 'float'; low: number; high: number; log?: boolean }
  | { type: 'int'; low: number; high: number; log?: boolean }
  | { type: 'choice'; values: readonly (string | number | boolean | null)[] };

export type Space = Readonly<Record<string, Dimension>>;
export type Config = Record<string, string | number | boolean | null>;

function toUnit(d: Dimension, v: Config[string]): number {
  if (d.type === 'choice') return Math.max(0, d.values.indexOf(v as never)) / Math.max(1, d.values.length - 1);
  const x = v as number;
  const u = d.log ? (Math.log(x) - Math.log(d.low)) / (Math.log(d.high) - Math.log(d.low)) : (x - d.low) / (d.high - d.low);
  return Math.min(1, Math.max(0, u));
}

function fromUnit(d: Dimension, u: number): Config[string] {
  const t = Math.min(1, Math.max(0, u));
  if (d.type === 'choice') return d.values[Math.round(t * (d.values.length - 1))]!;
  const x = d.log ? Math.exp(Math.log(d.low) + t * (Math.log(d.high) - Math.log(d.low))) : d.low + t * (d.high - d.low);
  if (d.type === 'int') return Math.round(x);
  return Number(x.toPrecision(4));
}

/** A configuration drawn uniformly (in the unit cube) from `space`. */
export function sampleConfig(space: Space, rng: Rng): Config {
  return Object.fromEntries(Object.entries(space).map(([k, d]) => [k, d.type === 'choice' ? d.values[Math.floor(rng.random() * d.values.length)]! : fromUnit(d, rng.random())]));
}

/**
 * A neighbour of `center`: each numeric dimension moves by a normal step of size `step` in the
 * unit cube; each choice changes to a random other value with probability `step`.
 */
export function perturbConfig(space: Space, center: Config, step: number, rng: Rng): Config {
  const out: Config = { ...center };
  for (const [k, d] of Object.entries(space)) {
    if (d.type === 'choice') {
      if (d.values.length > 1 && rng.random() < step) {
        const others = d.values.filter((v) => v !== center[k]);
        out[k] = others[Math.floor(rng.random() * others.length)]!;
      }
      continue;
    }
    out[k] = fromUnit(d, toUnit(d, center[k]!) + step * rng.normal());
  }
  return out;
}

/** A stable key for a configuration, to skip repeats. */
export function configKey(model: string, config: Config): string {
  return `${model}:${JSON.stringify(Object.keys(config).sort().map((k) => [k, config[k]]))}`;
}
