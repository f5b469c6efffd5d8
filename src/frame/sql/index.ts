/**
 * strata/frame SQL (Node only): DuckDB SQL over DataFrames and data files.
 *
 * @example
 * import { sql } from 'strata/frame/sql';
 * const out = await sql('select k, avg(x) from t group by k', { t: df });
 */
export { sql, type SqlTables } from './sql.js';
export { SqlError } from '../io/errors.js';
