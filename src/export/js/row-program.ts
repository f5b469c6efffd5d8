/**
 * The per-row half of a generated module: the statements of `readRow(row, x, o)`, which reads
 * one raw row (an object keyed by column name, or an array) and writes the model's feature
 * vector into `x` at offset `o`. Preprocessing steps add statements and hand symbolic features
 * to the next step; `finish` writes the last step's features into `x`.
 */
/**
 * A value of the row being built, as JavaScript source:
 * - `raw`: as read or imputed — a number, string, boolean, or null/undefined/NaN for missing;
 * - `num`: a double;
 * - `slot`: 1 when the integer `expr` equals `slot`, else 0 (a one-hot column).
 * `column` names the input column a raw value came from, for types and error messages.
 */
export type Feature =
  | { kind: 'raw'; expr: string; column: number }
  | { kind: 'num'; expr: string }
  | { kind: 'slot'; expr: string; slot: number };

export type InputType = 'number' | 'string' | 'boolean' | 'datetime';

/** A raw input column of the generated module. */
export interface InputColumn {
  name: string;
  type: InputType;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Helper functions a module may need, emitted only when used. */
const HELPERS = {
  toNumber: `/** A raw value as a number: missing values become NaN, booleans 0/1; text is an error. */
function toNumber(v, column) {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new TypeError(\`column '\${column}' needs a number, got \${JSON.stringify(v)}\`);
}`,
  unknownCategory: `function unknownCategory(v, column, known) {
  throw new RangeError(\`unknown category \${JSON.stringify(v)} in column '\${column}'; categories seen in fit: \${known}\`);
}`,
  toEpochMs: `/** A Date, epoch milliseconds or an ISO 8601 string as epoch ms (UTC; NaN when missing). */
function toEpochMs(v, column) {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return NaN;
    if (/^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?(?:Z|[+-]\\d{2}:?\\d{2})?$/i.test(s)) {
      if (/^\\d{4}-\\d{2}-\\d{2}$/.test(s)) return Date.parse(\`\${s}T00:00:00Z\`);
      const iso = s.replace(' ', 'T');
      if (/(?:Z|[+-]\\d{2}:?\\d{2})$/i.test(iso)) return Date.parse(iso.replace(/([+-]\\d{2})(\\d{2})$/, '$1:$2'));
      return Date.parse(\`\${iso}Z\`);
    }
  }
  throw new TypeError(\`column '\${column}' needs a date or time (a Date, epoch ms or ISO 8601 text like '2024-05-01'), got \${JSON.stringify(v)}\`);
}`,
  datePart: `const DAY_MS = 86400000;
const date = new Date(0);
/** A calendar part of epoch ms, in UTC (day of week: Monday = 0). */
function datePart(ms, part) {
  if (ms !== ms) return NaN;
  date.setTime(ms);
  switch (part) {
    case 'year': return date.getUTCFullYear();
    case 'quarter': return Math.floor(date.getUTCMonth() / 3) + 1;
    case 'month': return date.getUTCMonth() + 1;
    case 'day': return date.getUTCDate();
    case 'dayofweek': return (date.getUTCDay() + 6) % 7;
    case 'dayofyear': return Math.floor((ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
    case 'hour': return date.getUTCHours();
    case 'minute': return date.getUTCMinutes();
    case 'second': return date.getUTCSeconds();
    default: return ms / 1000;
  }
}`,
  textOf: `/** A document: text as is, numbers and booleans as their text; missing text is an error. */
function textOf(v, column) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && v === v) return String(v);
  if (typeof v === 'boolean') return String(v);
  throw new TypeError(\`column '\${column}' needs text, got \${JSON.stringify(v)}; fill missing text before the vectorizer\`);
}`,
  countTerms: `/** Counts the vocabulary's terms of doc into counts (the word analyzer: lowercase, tokens, stop words, n-grams). */
function countTerms(doc, a, counts) {
  const text = a.lowercase ? doc.toLowerCase() : doc;
  let tokens = [];
  a.pattern.lastIndex = 0;
  for (const m of text.matchAll(a.pattern)) tokens.push(a.group ? (m[1] ?? '') : m[0]);
  if (a.stopWords) tokens = tokens.filter((t) => !a.stopWords.has(t));
  let terms = tokens;
  if (a.maxN > 1) {
    terms = a.minN === 1 ? tokens.slice() : [];
    for (let n = Math.max(2, a.minN); n <= a.maxN; n++) {
      for (let i = 0; i + n <= tokens.length; i++) terms.push(tokens.slice(i, i + n).join(' '));
    }
  }
  counts.fill(0);
  for (const term of terms) {
    const j = a.vocabulary.get(term);
    if (j !== undefined) counts[j] = a.binary ? 1 : counts[j] + 1;
  }
}`,
  weighCounts: `/** TF-IDF weighting of one row of counts, in place: sublinear tf, idf, then the l1 or l2 norm. */
function weighCounts(v, idf, norm, sublinear) {
  let total = 0;
  for (let j = 0; j < v.length; j++) {
    let c = v[j];
    if (c !== 0) {
      if (sublinear) c = Math.log(c) + 1;
      if (idf) c *= idf[j];
      v[j] = c;
      total += norm === 'l1' ? Math.abs(c) : c * c;
    }
  }
  if (norm === null || total === 0) return;
  const scale = norm === 'l2' ? Math.sqrt(total) : total;
  for (let j = 0; j < v.length; j++) v[j] /= scale;
}`,
} as const;

export type HelperName = keyof typeof HELPERS;

export class RowProgram {
  /** Statements of the readRow body. */
  readonly body: string[] = [];
  /** Module-level constants. */
  readonly constants: string[] = [];
  readonly helpers = new Set<HelperName>();
  readonly inputs: InputColumn[];
  /**
   * How readRow finds its inputs: 'named' — a row object keyed by column name; 'positional' — an
   * array (or an object keyed by the names); 'features' — numbers at row[r …] of a feature block
   * (the members of a voting ensemble read the features their ensemble receives).
   */
  readonly mode: 'named' | 'positional' | 'features';
  readonly #typed = new Set<number>();
  #counter = 0;

  constructor(names: readonly string[], mode: 'named' | 'positional' | 'features') {
    this.inputs = names.map((name) => ({ name, type: 'number' }));
    this.mode = mode;
  }

  get named(): boolean {
    return this.mode === 'named';
  }

  /** A fresh local or constant name with `prefix`. */
  fresh(prefix: string): string {
    return `${prefix}${this.#counter++}`;
  }

  /** `const vN = expr;` in the row body; returns vN. */
  bind(expr: string, prefix = 'v'): string {
    const name = this.fresh(prefix);
    this.body.push(`const ${name} = ${expr};`);
    return name;
  }

  /** A module-level constant; returns its name. */
  constant(prefix: string, code: string): string {
    const name = this.fresh(prefix);
    this.constants.push(`const ${name} = ${code};`);
    return name;
  }

  /** A one-line comment in the row body (line breaks in column names cannot end it early). */
  comment(text: string): void {
    this.body.push(`// ${text.replace(/[\r\n\u2028\u2029]/g, ' ')}`);
  }

  use(helper: HelperName): string {
    this.helpers.add(helper);
    return helper;
  }

  /** Source of the helpers used, in a fixed order. */
  helperSource(): string[] {
    return (Object.keys(HELPERS) as HelperName[]).filter((h) => this.helpers.has(h)).map((h) => HELPERS[h]);
  }

  /** Input column `j` as a raw feature (the row function reads only the columns some step uses). */
  input(j: number): Feature {
    if (this.mode === 'features') return { kind: 'num', expr: `row[r + ${j}]` };
    return { kind: 'raw', expr: `in${j}`, column: j };
  }

  /** Records the type a step expects of a raw feature's input column (the first step to ask wins). */
  noteType(f: Feature, type: InputType): void {
    if (f.kind !== 'raw' || this.#typed.has(f.column)) return;
    this.inputs[f.column]!.type = type;
    this.#typed.add(f.column);
  }

  /** Positions of the columns the row function reads. */
  #usedColumns(): number[] {
    const text = this.body.join('\n');
    return this.inputs.flatMap((_, j) => (new RegExp(`\\bin${j}\\b`).test(text) ? [j] : []));
  }

  /** The columns the row function reads, in input order. */
  usedInputs(): InputColumn[] {
    return this.#usedColumns().map((j) => this.inputs[j]!);
  }

  columnName(f: Feature): string {
    return f.kind === 'raw' ? this.inputs[f.column]!.name : 'feature';
  }

  /** A numeric expression for f (raw values go through toNumber). */
  number(f: Feature): string {
    if (f.kind === 'num') return f.expr;
    if (f.kind === 'slot') return `(${f.expr} === ${f.slot} ? 1 : 0)`;
    this.noteType(f, 'number');
    return `${this.use('toNumber')}(${f.expr}, ${JSON.stringify(this.columnName(f))})`;
  }

  /** Binds f to a numeric local (or keeps it when it already is one). */
  numeric(f: Feature): string {
    const expr = this.number(f);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(expr) ? expr : this.bind(expr);
  }

  /** Writes features into x[o …]; one-hot runs that cover their slots in order become one fill. */
  finish(features: readonly Feature[]): void {
    for (let j = 0; j < features.length; ) {
      const f = features[j]!;
      if (f.kind === 'slot' && f.slot === 0) {
        let end = j + 1;
        while (end < features.length) {
          const g = features[end]!;
          if (g.kind !== 'slot' || g.expr !== f.expr || g.slot !== end - j) break;
          end++;
        }
        if (end - j > 2) {
          this.body.push(`x.fill(0, o + ${j}, o + ${end});`);
          this.body.push(`if (${f.expr} >= 0) x[o + ${j} + ${f.expr}] = 1;`);
          j = end;
          continue;
        }
      }
      this.body.push(`x[${j === 0 ? 'o' : `o + ${j}`}] = ${this.number(f)};`);
      j++;
    }
  }

  /** Source of readRow (readRow(row, x, o, r) in 'features' mode). */
  source(): string {
    if (this.mode === 'features') return `function readRow(row, x, o, r) {\n${this.body.map((l) => '  ' + l).join('\n')}\n}`;
    const reads = this.#usedColumns().map((j) => {
      const name = this.inputs[j]!.name;
      const byName = IDENTIFIER.test(name) ? `row.${name}` : `row[${JSON.stringify(name)}]`;
      return `const in${j} = ${this.named ? byName : `positional ? row[${j}] : ${byName}`};`;
    });
    const lines = [...(this.named ? [] : ['const positional = Array.isArray(row);']), ...reads, ...this.body];
    return `function readRow(row, x, o) {\n${lines.map((l) => '  ' + l).join('\n')}\n}`;
  }
}
