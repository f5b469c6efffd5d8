/**
 * `DataLoader`: mini-batches of (x, y) tensors from in-memory arrays, in order or shuffled by a
 * seeded generator (a new permutation each epoch, so epochs differ but runs repeat). Batches are
 * copied rows (contiguous), the last one shorter unless `dropLast`.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Tensor, allocFloat } from '../tensor.js';
import { type Rng, rngFrom } from '../random.js';

/** Options of `DataLoader`. */
export interface DataLoaderOptions {
  batchSize?: number;
  shuffle?: boolean;
  /** Seed or generator for shuffling (default: the nn default generator). */
  seed?: number | Rng;
  /** Drop the last batch when it is shorter than batchSize. */
  dropLast?: boolean;
}

/** Rows `idx[start..end)` of `t` as a new contiguous tensor. */
export function gatherRows(t: Tensor, idx: ArrayLike<number>, start: number, end: number): Tensor {
  const row = t.shape[0] === 0 ? 0 : t.size / t.shape[0]!;
  const out = allocFloat(t.dtype, (end - start) * row);
  for (let i = start; i < end; i++) {
    const r = idx[i]!;
    out.set(t.data.subarray(r * row, (r + 1) * row), (i - start) * row);
  }
  return Tensor.fromData(out, [end - start, ...t.shape.slice(1)]);
}

/**
 * Iterates [x, y] batches (y omitted when not given).
 *
 * @example
 * const loader = new DataLoader(x, y, { batchSize: 32, shuffle: true, seed: 0 });
 * for (const [xb, yb] of loader) { ... }
 */
export class DataLoader implements Iterable<[Tensor, Tensor | null]> {
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  private readonly rng: Rng;

  constructor(readonly x: Tensor, readonly y: Tensor | null = null, options: DataLoaderOptions = {}) {
    this.batchSize = options.batchSize ?? 32;
    if (!Number.isInteger(this.batchSize) || this.batchSize <= 0) throw new RangeError(`DataLoader: batchSize must be a positive integer (got ${this.batchSize}).`);
    if (x.ndim === 0) throw new ShapeError('DataLoader: x needs a first (sample) dimension.');
    if (y !== null && y.shape[0] !== x.shape[0]) {
      throw new ShapeError(`DataLoader: x has ${x.shape[0]} samples ${formatShape(x.shape)} but y has ${y.shape[0]} ${formatShape(y.shape)}.`);
    }
    this.shuffle = options.shuffle ?? false;
    this.dropLast = options.dropLast ?? false;
    this.rng = rngFrom(options.seed);
  }

  /** Number of samples. */
  get length(): number {
    return this.x.shape[0]!;
  }

  /** Batches per epoch. */
  get batches(): number {
    return this.dropLast ? Math.floor(this.length / this.batchSize) : Math.ceil(this.length / this.batchSize);
  }

  *[Symbol.iterator](): Iterator<[Tensor, Tensor | null]> {
    const n = this.length;
    let order: Int32Array;
    if (this.shuffle) order = this.rng.permutation(n);
    else {
      order = new Int32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
    }
    for (let b = 0; b < this.batches; b++) {
      const start = b * this.batchSize;
      const end = Math.min(n, start + this.batchSize);
      yield [gatherRows(this.x, order, start, end), this.y === null ? null : gatherRows(this.y, order, start, end)];
    }
  }
}
