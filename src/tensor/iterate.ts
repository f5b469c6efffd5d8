/**
 * Strided iteration over several operands that share one (broadcast) shape. Adjacent axes that
 * are laid out contiguously in every operand are merged first, so a contiguous array is walked
 * as one flat run and the inner loops stay simple and fast.
 */

export interface Layout {
  shape: number[];
  /** One stride list per operand, each as long as `shape`. */
  strides: number[][];
}

/** Merges adjacent axes that every operand steps through contiguously; drops size-1 axes. */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): Layout {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const d = shape[axis]!;
    if (d === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && strides.every((s, k) => outStrides[k]![last] === s[axis]! * d)) {
      outShape[last]! *= d;
      strides.forEach((s, k) => (outStrides[k]![last] = s[axis]!));
      continue;
    }
    outShape.push(d);
    strides.forEach((s, k) => outStrides[k]!.push(s[axis]!));
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `inner(offsets, n, innerStrides)` once per run along the last (coalesced) axis, with the
 * start offset of each operand. `offsets` is reused between calls: read it, don't keep it.
 */
export function forEachRun(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  inner: (offsets: number[], n: number, innerStrides: number[]) => void,
): void {
  for (const d of shape) if (d === 0) return;
  const layout = coalesce(shape, strides);
  const k = offsets.length;
  const current = offsets.slice();
  const ndim = layout.shape.length;
  if (ndim === 0) {
    inner(current, 1, new Array<number>(k).fill(0));
    return;
  }
  const n = layout.shape[ndim - 1]!;
  const innerStrides = layout.strides.map((s) => s[ndim - 1]!);
  const outer = ndim - 1;
  if (outer === 0) {
    inner(current, n, innerStrides);
    return;
  }
  const counter = new Array<number>(outer).fill(0);
  for (;;) {
    inner(current, n, innerStrides);
    let axis = outer - 1;
    for (; axis >= 0; axis--) {
      counter[axis]!++;
      for (let op = 0; op < k; op++) current[op]! += layout.strides[op]![axis]!;
      if (counter[axis]! < layout.shape[axis]!) break;
      for (let op = 0; op < k; op++) current[op]! -= layout.strides[op]![axis]! * layout.shape[axis]!;
      counter[axis] = 0;
    }
    if (axis < 0) return;
  }
}
