/**
 * Errors raised by the frame stratum. Each message names the column, row or value at fault and
 * says how to fix it.
 */

/** A column name that the frame does not have. */
export class ColumnNotFoundError extends Error {
  override readonly name = 'ColumnNotFoundError';
  readonly column: string;
  readonly available: readonly string[];
  readonly suggestion: string | undefined;
  constructor(column: string, available: readonly string[], context?: string) {
    const suggestion = nearestName(column, available);
    const list = available.length <= 30 ? available.join(', ') : `${available.slice(0, 30).join(', ')}, … (${available.length} in all)`;
    super(
      `${context ? `${context}: ` : ''}Column '${column}' not found` +
        (suggestion !== undefined ? `; did you mean '${suggestion}'?` : '.') +
        ` Columns: ${available.length ? list : '(none)'}`,
    );
    this.column = column;
    this.available = available;
    this.suggestion = suggestion;
  }
}

/** A value that does not fit the type of the column it is written to or read from. */
export class ColumnTypeError extends Error {
  override readonly name = 'ColumnTypeError';
  readonly column: string;
  constructor(column: string, message: string) {
    super(message);
    this.column = column;
  }
}

/** Bad arguments to a frame verb (lengths that differ, unknown options, …). */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

/** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** The available name closest to `name` (case-insensitive match first), or undefined if none is close. */
export function nearestName(name: string, available: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const ci = available.find((c) => c.toLowerCase() === lower);
  if (ci !== undefined) return ci;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of available) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(name.length, 2) / 3));
  if (best !== undefined && bestD <= limit) return best;
  const sub = available.find((c) => c.toLowerCase().includes(lower) || (c.length >= 3 && lower.includes(c.toLowerCase())));
  return sub;
}
