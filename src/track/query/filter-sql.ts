/**
 * Compiles a filter AST and sort keys to SQL over the tracking tables (`runs r JOIN experiments e`).
 * Every value and key travels as a `?` parameter, never inside the SQL text. The same SQL runs on
 * SQLite and PostgreSQL: both stores define `strata_num(text)` (a number or NULL),
 * `strata_like(text, pattern)` (case-sensitive LIKE) and `strata_ilike` (case-insensitive).
 */
import type { ColumnRef, FilterNode, Literal, SortKey } from './filter.js';

export interface SqlFragment {
  sql: string;
  args: unknown[];
}

const ATTRIBUTE_SQL: Readonly<Record<string, string>> = {
  id: 'r.id', name: 'r.name', status: 'r.status', experiment: 'e.name', experiment_id: 'r.experiment_id', start_time: 'r.start_time',
  end_time: 'r.end_time', parent_run_id: 'r.parent_run_id', source: 'r.source', seed: 'r.seed', host: 'r.host',
};

/** The SQL value of a column for the run `r`: a metric's latest value, a param's or tag's text, an attribute. */
export function columnSql(c: ColumnRef): SqlFragment {
  switch (c.kind) {
    case 'metric':
      return { sql: '(SELECT m.value FROM metrics m WHERE m.run_id = r.id AND m.key = ? ORDER BY m.step DESC, m.time DESC LIMIT 1)', args: [c.key] };
    case 'param':
      return { sql: '(SELECT p.value FROM params p WHERE p.run_id = r.id AND p.key = ?)', args: [c.key] };
    case 'tag':
      return { sql: '(SELECT t.value FROM tags t WHERE t.run_id = r.id AND t.key = ?)', args: [c.key] };
    case 'attribute': {
      const sql = ATTRIBUTE_SQL[c.key];
      if (sql === undefined) throw new Error(`unknown attribute ${c.key}`); // parseColumn lets only known attributes through
      return { sql, args: [] };
    }
  }
}

const isText = (c: ColumnRef): boolean => c.kind === 'param' || c.kind === 'tag' || (c.kind === 'attribute' && ATTRIBUTE_SQL[c.key] !== undefined && !['start_time', 'end_time', 'seed'].includes(c.key));

/** A text column compared with a number reads the text as a number (NULL when it is not one). */
function operand(c: ColumnRef, value: Literal): SqlFragment {
  const col = columnSql(c);
  return typeof value === 'number' && isText(c) ? { sql: `strata_num(${col.sql})`, args: col.args } : col;
}

/** A placeholder typed by its value, so PostgreSQL never guesses an integer type for 0.5. */
const placeholder = (v: Literal): string => (typeof v === 'number' ? 'CAST(? AS DOUBLE PRECISION)' : '?');

const SQL_OPS: Readonly<Record<string, string>> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * A WHERE condition for the filter. A run without the param, tag or metric a comparison names
 * does not match it (SQL NULL), so `params.x != 'a'` keeps only runs that have `x`.
 *
 * @example
 * filterSql(parseFilter("metrics.acc > 0.9")!); // { sql: '(SELECT m.value … ) > ?', args: ['acc', 0.9] }
 */
export function filterSql(node: FilterNode): SqlFragment {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const l = filterSql(node.left);
      const r = filterSql(node.right);
      return { sql: `(${l.sql} ${node.kind.toUpperCase()} ${r.sql})`, args: [...l.args, ...r.args] };
    }
    case 'not': {
      const inner = filterSql(node.expr);
      return { sql: `(NOT COALESCE(${inner.sql}, FALSE))`, args: inner.args };
    }
    case 'in': {
      const numeric = node.values.every((v) => typeof v === 'number');
      const col = numeric ? operand(node.column, 0) : columnSql(node.column);
      const values = node.values.map((v) => (numeric ? Number(v) : String(v)));
      return { sql: `(${col.sql} ${node.negated ? 'NOT IN' : 'IN'} (${values.map(placeholder).join(', ')}))`, args: [...col.args, ...values] };
    }
    case 'compare': {
      if (node.op === 'LIKE' || node.op === 'NOT LIKE' || node.op === 'ILIKE') {
        const col = columnSql(node.column);
        const fn = node.op === 'ILIKE' ? 'strata_ilike' : 'strata_like';
        const sql = `${fn}(${col.sql}, ?)`;
        return { sql: node.op === 'NOT LIKE' ? `(NOT ${sql})` : sql, args: [...col.args, String(node.value)] };
      }
      const col = operand(node.column, node.value);
      return { sql: `(${col.sql} ${SQL_OPS[node.op]} ${placeholder(node.value)})`, args: [...col.args, node.value] };
    }
  }
}

/**
 * ORDER BY terms: numbers before text for params and tags (numeric order where they read as
 * numbers), runs lacking the column last in either direction, then newest first.
 */
export function orderSql(keys: readonly SortKey[]): SqlFragment {
  const terms: string[] = [];
  const args: unknown[] = [];
  for (const k of keys) {
    const col = columnSql(k.column);
    const dir = k.descending ? 'DESC' : 'ASC';
    terms.push(`(${col.sql} IS NULL)`);
    args.push(...col.args);
    if (isText(k.column)) {
      terms.push(`(strata_num(${col.sql}) IS NULL)`, `strata_num(${col.sql}) ${dir}`);
      args.push(...col.args, ...col.args);
    }
    terms.push(`${col.sql} ${dir}`);
    args.push(...col.args);
  }
  terms.push('r.start_time DESC', 'r.id');
  return { sql: terms.join(', '), args };
}
