/**
 * JavaScript source text for constants: numbers that read back to the same double (NaN,
 * ±Infinity and −0 included), labels, and typed arrays wrapped to readable lines.
 */

/** A number literal that evaluates to exactly `x`. */
export function num(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

/** A string, number, boolean or null literal. */
export function value(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  throw new TypeError(`Cannot write a ${typeof v} as a JavaScript literal.`);
}

/** Comma-separated items wrapped so that no line grows much past `width` characters. */
function wrap(items: readonly string[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length + 2 > width) {
      lines.push(line + ',');
      line = '';
    }
    line += (line ? ', ' : '') + item;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export type TypedKind = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint8Array';

/** `new Float64Array([...])` (or another kind) holding `values`. */
export function typed(kind: TypedKind, values: ArrayLike<number>): string {
  if (values.length === 0) return `new ${kind}(0)`;
  const items = Array.from(values, (v) => num(v));
  if (items.join(', ').length <= 80) return `new ${kind}([${items.join(', ')}])`;
  return `new ${kind}([\n${wrap(items, '  ')}\n])`;
}

/** An array literal of items already written as source, wrapped when long. */
export function arrayOf(items: readonly string[]): string {
  if (items.join(', ').length <= 80) return `[${items.join(', ')}]`;
  return `[\n${wrap(items, '  ')}\n]`;
}

/** An array literal of labels or other plain values. */
export function list(values: readonly unknown[]): string {
  return arrayOf(values.map(value));
}

/** `new Map([[key, index], …])` from keys to their positions (or the given values). */
export function mapOf(keys: readonly unknown[], values: readonly number[] = keys.map((_, i) => i)): string {
  return `new Map(${arrayOf(keys.map((k, i) => `[${value(k)}, ${num(values[i]!)}]`))})`;
}
