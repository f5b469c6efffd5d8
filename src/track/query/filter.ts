/**
 * The run filter language: comparisons over params, metrics, tags and run attributes joined
 * with AND, OR, NOT and parentheses, parsed into an AST. Browser-safe (the dashboard parses as
 * the user types and shows where an error is).
 *
 * ```
 * metrics.accuracy > 0.9 AND (params.model = 'ridge' OR tags.team IN ('a', 'b'))
 * attributes.status != 'failed' AND params.solver LIKE 'lbf%'
 * ```
 */
import { InvalidInputError } from '../errors.js';

/** What a column names: a param, a metric (its latest value), a tag or a run attribute. */
export type ColumnKind = 'param' | 'metric' | 'tag' | 'attribute';

export interface ColumnRef {
  kind: ColumnKind;
  key: string;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'NOT LIKE' | 'ILIKE';
export type Literal = string | number;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'compare'; column: ColumnRef; op: CompareOp; value: Literal }
  | { kind: 'in'; column: ColumnRef; values: Literal[]; negated: boolean };

/** Run attributes a filter or sort can name, and whether they hold numbers. */
export const RUN_ATTRIBUTES: Readonly<Record<string, 'number' | 'text'>> = {
  id: 'text', name: 'text', status: 'text', experiment: 'text', experiment_id: 'text', start_time: 'number', end_time: 'number',
  parent_run_id: 'text', source: 'text', seed: 'number', host: 'text',
};

const ATTRIBUTE_ALIASES: Readonly<Record<string, string>> = { run_id: 'id', run_name: 'name', experiment_name: 'experiment' };

const PREFIXES: Readonly<Record<string, ColumnKind>> = {
  params: 'param', param: 'param', metrics: 'metric', metric: 'metric', tags: 'tag', tag: 'tag',
  attributes: 'attribute', attribute: 'attribute', attr: 'attribute', run: 'attribute',
};

/** A filter that does not parse; `position` is the 0-based character offset of the problem. */
export class FilterSyntaxError extends InvalidInputError {
  override name = 'FilterSyntaxError';
  constructor(readonly reason: string, readonly position: number, readonly filter: string) {
    super(`Filter error at position ${position + 1}: ${reason}\n  ${filter}\n  ${' '.repeat(position)}^`);
  }
}

type TokenType = 'ident' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'keyword' | 'end';
interface Token { type: TokenType; text: string; value?: Literal; pos: number }

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE']);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_\-./:]/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (reason: string, pos: number): never => {
    throw new FilterSyntaxError(reason, pos, src);
  };
  const quoted = (quote: string): string => {
    const start = i;
    i++;
    let text = '';
    for (;;) {
      if (i >= src.length) fail(`the ${quote === "'" ? 'string' : 'quoted name'} starting here is not closed; add a closing ${quote}`, start);
      if (src[i] === quote) {
        if (src[i + 1] === quote) { text += quote; i += 2; continue; }
        i++;
        return text;
      }
      text += src[i++];
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const pos = i;
    if (c === '(') { out.push({ type: 'lparen', text: c, pos }); i++; continue; }
    if (c === ')') { out.push({ type: 'rparen', text: c, pos }); i++; continue; }
    if (c === ',') { out.push({ type: 'comma', text: c, pos }); i++; continue; }
    if (c === "'") { const v = quoted("'"); out.push({ type: 'string', text: src.slice(pos, i), value: v, pos }); continue; }
    if (c === '"') fail(`strings take single quotes ('ridge'); double quotes are for names with spaces after a prefix, like params."my key"`, pos);
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '<>' || two === '==') {
      out.push({ type: 'op', text: two === '<>' ? '!=' : two === '==' ? '=' : two, pos }); i += 2; continue;
    }
    if (c === '<' || c === '>' || c === '=') { out.push({ type: 'op', text: c, pos }); i++; continue; }
    const num = NUMBER.exec(src.slice(i));
    if (num && (/[\d.]/.test(c) || ((c === '-' || c === '+') && out.length > 0 && out[out.length - 1]!.type !== 'ident'))) {
      i += num[0].length;
      out.push({ type: 'number', text: num[0], value: Number(num[0]), pos });
      continue;
    }
    if (IDENT_START.test(c)) {
      let text = '';
      while (i < src.length && IDENT_CHAR.test(src[i]!)) text += src[i++];
      // prefix."key with spaces" or prefix.`key`
      if (text.endsWith('.') && (src[i] === '"' || src[i] === '`')) text += quoted(src[i]!);
      const upper = text.toUpperCase();
      if (KEYWORDS.has(upper)) out.push({ type: 'keyword', text: upper, pos });
      else out.push({ type: 'ident', text, pos });
      continue;
    }
    fail(`unexpected character '${c}'`, pos);
  }
  out.push({ type: 'end', text: '', pos: src.length });
  return out;
}

/** Parses `params.alpha`, `metrics."val loss"`, `status` (an attribute) into a column reference. */
export function parseColumn(text: string, pos = 0, src = text): ColumnRef {
  const fail = (reason: string): never => {
    throw new FilterSyntaxError(reason, pos, src);
  };
  const dot = text.indexOf('.');
  if (dot < 0) {
    const attr = ATTRIBUTE_ALIASES[text] ?? text;
    if (attr in RUN_ATTRIBUTES) return { kind: 'attribute', key: attr };
    return fail(`'${text}' is not a column; write params.${text}, metrics.${text}, tags.${text}, or an attribute (${Object.keys(RUN_ATTRIBUTES).join(', ')})`);
  }
  const prefix = text.slice(0, dot);
  const rawKey = text.slice(dot + 1);
  const key = /^(["`]).*\1$/.test(rawKey) && rawKey.length >= 2 ? rawKey.slice(1, -1) : rawKey;
  const kind = PREFIXES[prefix.toLowerCase()];
  if (kind === undefined) return fail(`unknown prefix '${prefix}'; columns start with params., metrics., tags. or attributes.`);
  if (key === '') return fail(`'${text}' names no key; write e.g. ${prefix}.accuracy`);
  if (kind === 'attribute') {
    const attr = ATTRIBUTE_ALIASES[key] ?? key;
    if (!(attr in RUN_ATTRIBUTES)) return fail(`'${key}' is not a run attribute; attributes are ${Object.keys(RUN_ATTRIBUTES).join(', ')}`);
    return { kind, key: attr };
  }
  return { kind, key };
}

/** The text that names a column in filters, sorts and the `columns` list (`params.alpha`). */
export function columnName(c: ColumnRef): string {
  const prefix = { param: 'params', metric: 'metrics', tag: 'tags', attribute: 'attributes' }[c.kind];
  return /^[A-Za-z0-9_\-./:]+$/.test(c.key) ? `${prefix}.${c.key}` : `${prefix}."${c.key.replace(/"/g, '""')}"`;
}

/** Whether a column holds numbers (metrics, numeric attributes); params and tags are text that may read as numbers. */
export function isNumericColumn(c: ColumnRef): boolean {
  return c.kind === 'metric' || (c.kind === 'attribute' && RUN_ATTRIBUTES[c.key] === 'number');
}

const STATUSES = ['running', 'finished', 'failed', 'killed'];

/**
 * Parses a filter into its AST; an empty or blank filter gives `null` (every run).
 *
 * @example
 * parseFilter("metrics.accuracy > 0.9 AND tags.team IN ('a', 'b')");
 */
export function parseFilter(src: string): FilterNode | null {
  if (typeof src !== 'string') throw new InvalidInputError(`A filter must be a string, got ${typeof src}.`);
  if (src.length > 10_000) throw new InvalidInputError(`The filter is ${src.length} characters; keep it under 10,000.`);
  const tokens = tokenize(src);
  if (tokens.length === 1) return null;
  let k = 0;
  const peek = (): Token => tokens[k]!;
  const fail = (reason: string, t: Token = peek()): never => {
    throw new FilterSyntaxError(reason, t.pos, src);
  };
  const shown = (t: Token): string => (t.type === 'end' ? 'the end of the filter' : `'${t.text}'`);
  const isKw = (word: string): boolean => peek().type === 'keyword' && peek().text === word;
  let depth = 0;

  const literal = (column: ColumnRef, colTok: Token): Literal => {
    const t = peek();
    if (t.type !== 'string' && t.type !== 'number') {
      return fail(`expected a value (a number or a 'quoted string') after the operator, found ${shown(t)}`);
    }
    k++;
    if (typeof t.value === 'string' && isNumericColumn(column)) {
      fail(`${colTok.text} holds numbers; compare it with a number, not the string ${t.text}`, t);
    }
    if (column.kind === 'attribute' && column.key === 'status' && !STATUSES.includes(String(t.value))) {
      fail(`status is one of ${STATUSES.map((s) => `'${s}'`).join(', ')}; got ${t.text}`, t);
    }
    return t.value!;
  };

  const comparison = (): FilterNode => {
    const colTok = peek();
    if (colTok.type !== 'ident') {
      return fail(colTok.type === 'keyword' ? `expected a column before ${colTok.text}, like metrics.accuracy` : `expected a column such as metrics.accuracy or params.model, found ${shown(colTok)}`);
    }
    k++;
    const column = parseColumn(colTok.text, colTok.pos, src);
    const t = peek();
    let negated = false;
    if (isKw('NOT')) {
      k++;
      negated = true;
      if (!isKw('IN') && !isKw('LIKE')) fail(`expected IN or LIKE after NOT, found ${shown(peek())}`);
    }
    if (isKw('IN')) {
      k++;
      if (peek().type !== 'lparen') fail(`expected '(' after IN, like IN ('a', 'b')`);
      k++;
      const values: Literal[] = [literal(column, colTok)];
      while (peek().type === 'comma') { k++; values.push(literal(column, colTok)); }
      if (peek().type !== 'rparen') fail(`expected ',' or ')' in the IN list, found ${shown(peek())}`);
      k++;
      return { kind: 'in', column, values, negated };
    }
    if (isKw('LIKE') || isKw('ILIKE')) {
      const op: CompareOp = peek().text === 'ILIKE' ? 'ILIKE' : negated ? 'NOT LIKE' : 'LIKE';
      if (isNumericColumn(column)) fail(`${colTok.text} holds numbers; LIKE matches text (params, tags, names)`);
      k++;
      const v = peek();
      if (v.type !== 'string') fail(`LIKE takes a 'quoted pattern' with % and _ wildcards, found ${shown(v)}`);
      k++;
      return { kind: 'compare', column, op, value: v.value as string };
    }
    if (t.type !== 'op') fail(`expected an operator (=, !=, <, <=, >, >=, LIKE, IN) after ${colTok.text}, found ${shown(t)}`);
    k++;
    return { kind: 'compare', column, op: t.text as CompareOp, value: literal(column, colTok) };
  };

  const primary = (): FilterNode => {
    if (isKw('NOT')) { k++; return { kind: 'not', expr: primary() }; }
    if (peek().type === 'lparen') {
      const open = peek();
      k++;
      depth++;
      if (depth > 100) fail('parentheses nest more than 100 deep');
      const inner = orExpr();
      if (peek().type !== 'rparen') fail(peek().type === 'end' ? `the '(' here is not closed; add a ')'` : `expected ')' or AND/OR, found ${shown(peek())}`, peek().type === 'end' ? open : peek());
      k++;
      depth--;
      return inner;
    }
    return comparison();
  };

  const andExpr = (): FilterNode => {
    let left = primary();
    while (isKw('AND')) { k++; left = { kind: 'and', left, right: primary() }; }
    return left;
  };

  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (isKw('OR')) { k++; left = { kind: 'or', left, right: andExpr() }; }
    return left;
  };

  const tree = orExpr();
  if (peek().type !== 'end') {
    fail(peek().type === 'rparen' ? `this ')' has no matching '('` : `expected AND or OR between conditions, found ${shown(peek())}`);
  }
  return tree;
}

/** A sort key: a column and its direction, parsed from `metrics.accuracy DESC`. */
export interface SortKey {
  column: ColumnRef;
  descending: boolean;
}

/**
 * Parses a comma-separated sort list, e.g. `metrics.accuracy DESC, attributes.start_time`.
 *
 * @example
 * parseSort('metrics.rmse ASC'); // [{ column: { kind: 'metric', key: 'rmse' }, descending: false }]
 */
export function parseSort(src: string): SortKey[] {
  const out: SortKey[] = [];
  let offset = 0;
  for (const part of src.split(',')) {
    const trimmed = part.trim();
    const pos = offset + part.indexOf(trimmed);
    offset += part.length + 1;
    if (trimmed === '') continue;
    const m = /^(.+?)(?:\s+(ASC|DESC))?$/i.exec(trimmed)!;
    out.push({ column: parseColumn(m[1]!.trim(), pos, src), descending: (m[2] ?? 'ASC').toUpperCase() === 'DESC' });
  }
  return out;
}

/** Parses a comma-separated list of columns (`params.alpha,metrics.accuracy`). */
export function parseColumns(src: string): ColumnRef[] {
  const out: ColumnRef[] = [];
  let offset = 0;
  for (const part of src.split(',')) {
    const trimmed = part.trim();
    if (trimmed !== '') out.push(parseColumn(trimmed, offset + part.indexOf(trimmed), src));
    offset += part.length + 1;
  }
  return out;
}
