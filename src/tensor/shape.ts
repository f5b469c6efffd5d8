/** Shape arithmetic shared by every tensor operation. */
import { IndexError, ShapeError, formatShape } from './errors.js';

export type Shape = readonly number[];

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C-order) element strides for a shape. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

export function assertShape(shape: Shape, what = 'shape'): number[] {
  const out: number[] = [];
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`Invalid ${what} ${JSON.stringify(shape)}: every dimension must be a non-negative integer.`);
    }
    out.push(d);
  }
  return out;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The shape two or more arrays broadcast to (NumPy rules: align trailing axes; a dimension
 * of 1 stretches). The error names both shapes and the first axis that disagrees.
 */
export function broadcastShapes(...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const shape of shapes) {
    const pad = ndim - shape.length;
    for (let i = 0; i < shape.length; i++) {
      const d = shape[i]!;
      const o = out[pad + i]!;
      if (d === o || d === 1) continue;
      if (o === 1) {
        out[pad + i] = d;
        continue;
      }
      const culprit = shapes.find((s) => {
        const j = pad + i - (ndim - s.length);
        return j >= 0 && s[j] === o;
      });
      throw new ShapeError(
        `Shapes ${formatShape(culprit ?? out)} and ${formatShape(shape)} cannot be broadcast together: ` +
          `axis ${pad + i - ndim} has sizes ${o} and ${d} (each must be equal or 1).`,
      );
    }
  }
  return out;
}

/**
 * The sizes around one axis of a C-order shape: `outer` is the product of the dimensions before
 * it and `inner` of those after it, so element (o, k, i) sits at (o·shape[axis] + k)·inner + i.
 */
export function splitAtAxis(shape: Shape, axis: number): { outer: number; inner: number } {
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  return { outer, inner };
}

/** Resolves a possibly negative axis against `ndim`, with an error that names the valid range. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new IndexError(
      ndim === 0
        ? `Axis ${axis} is out of bounds for a 0-d array, which has no axes.`
        : `Axis ${axis} is out of bounds for an array with ${ndim} dimension${ndim === 1 ? '' : 's'}; use -${ndim}..${ndim - 1}.`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Resolves `axis` (one, several or all when undefined) to sorted unique non-negative axes. */
export function normalizeAxes(axis: number | readonly number[] | undefined | null, ndim: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) {
    throw new IndexError(`Axis list ${JSON.stringify(list)} repeats an axis; name each axis once.`);
  }
  return out.sort((x, y) => x - y);
}
