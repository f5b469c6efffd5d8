/**
 * Sorting a node's feature values together with its sample indices, in place on typed arrays:
 * introsort (quicksort with a median-of-three pivot and a three-way partition that handles the
 * many equal values of discrete features, insertion sort on short runs, heapsort when the
 * recursion gets too deep), as scikit-learn's splitter does.
 */

/**
 * Sorts `keys[start:end]` ascending and applies the same permutation to `values[start:end]`.
 *
 * @example
 * const keys = Float32Array.of(3, 1, 2);
 * const ids = Int32Array.of(0, 1, 2);
 * sortByKey(keys, ids, 0, 3); // keys 1,2,3 — ids 1,2,0
 */
export function sortByKey(keys: Float32Array, values: Int32Array, start: number, end: number): void {
  const n = end - start;
  if (n < 2) return;
  introsort(keys, values, start, end, 2 * Math.floor(Math.log2(n)));
}

function swap(keys: Float32Array, values: Int32Array, i: number, j: number): void {
  const k = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = k;
  const v = values[i]!;
  values[i] = values[j]!;
  values[j] = v;
}

function insertionSort(keys: Float32Array, values: Int32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const k = keys[i]!;
    const v = values[i]!;
    let j = i - 1;
    while (j >= start && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    keys[j + 1] = k;
    values[j + 1] = v;
  }
}

function median3(keys: Float32Array, start: number, end: number): number {
  const a = keys[start]!;
  const b = keys[start + ((end - start) >> 1)]!;
  const c = keys[end - 1]!;
  if (a < b) return b < c ? b : a < c ? c : a;
  return b < c ? (a < c ? a : c) : b;
}

function introsort(keys: Float32Array, values: Int32Array, start: number, end: number, depth: number): void {
  while (end - start > 16) {
    if (depth <= 0) {
      heapsort(keys, values, start, end);
      return;
    }
    depth--;
    const pivot = median3(keys, start, end);
    // Three-way partition: [start, l) < pivot, [l, r) == pivot, [r, end) > pivot.
    let i = start;
    let l = start;
    let r = end;
    while (i < r) {
      const k = keys[i]!;
      if (k < pivot) swap(keys, values, i++, l++);
      else if (k > pivot) swap(keys, values, i, --r);
      else i++;
    }
    // Recurse into the smaller side, loop on the larger.
    if (l - start < end - r) {
      introsort(keys, values, start, l, depth);
      start = r;
    } else {
      introsort(keys, values, r, end, depth);
      end = l;
    }
  }
  insertionSort(keys, values, start, end);
}

function siftDown(keys: Float32Array, values: Int32Array, base: number, root: number, size: number): void {
  for (;;) {
    let child = 2 * root + 1;
    if (child >= size) return;
    if (child + 1 < size && keys[base + child]! < keys[base + child + 1]!) child++;
    if (keys[base + root]! >= keys[base + child]!) return;
    swap(keys, values, base + root, base + child);
    root = child;
  }
}

function heapsort(keys: Float32Array, values: Int32Array, start: number, end: number): void {
  const n = end - start;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(keys, values, start, i, n);
  for (let size = n - 1; size > 0; size--) {
    swap(keys, values, start, start + size);
    siftDown(keys, values, start, 0, size);
  }
}

const TWO21 = 2097152;
/** Largest sample index the packed sort can carry (21 bits). */
export const PACKED_SORT_MAX_INDEX = TWO21;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * Gathers feature values `X[off + samples[p]]` for p in [start, end) into `Xf` and sorts them with
 * their sample indices, by packing each value (as an order-preserving 32-bit key) and its index
 * (21 bits) into one exactly representable double and using the engine's native numeric sort
 * of a Float64Array, which beats any comparator-based sort in JavaScript. Needs sample indices
 * below 2^21; `scratch` must be at least as long as `samples`.
 */
export function gatherSorted(
  X: Float32Array, off: number, samples: Int32Array, Xf: Float32Array, start: number, end: number, scratch: Float64Array,
): void {
  for (let p = start; p < end; p++) {
    const i = samples[p]!;
    f32[0] = X[off + i]!;
    const bits = u32[0]!;
    // Flip negatives entirely and set the sign bit of positives: unsigned order = float order.
    const key = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    scratch[p] = key * TWO21 + i;
  }
  scratch.subarray(start, end).sort();
  for (let p = start; p < end; p++) {
    const v = scratch[p]!;
    const i = v % TWO21;
    samples[p] = i;
    Xf[p] = X[off + i]!;
  }
}
