/**
 * SQL over DataFrames and files: `sql("select … from t", { t: df })`. Each frame is visible to
 * the query under its key (streamed to DuckDB on demand, not copied into it); files can be named
 * directly (`select * from 'data.csv'`, `read_parquet('x/*.parquet')`). The result is a
 * DataFrame.
 */
import { DataFrame } from '../dataframe.js';
import { messageOf, withConnection } from '../io/engine.js';
import { SqlError, DataFileNotFoundError } from '../io/errors.js';
import { registerFrame } from '../io/frame-scan.js';
import { queryFrame } from '../io/query.js';
import { firstLine } from '../io/lazy-frame.js';

/** Frames a query can name, by table name. */
export type SqlTables = Readonly<Record<string, DataFrame>>;

/** Turns a DuckDB failure into an error that says what to do. */
function explain(query: string, tables: SqlTables, err: unknown): Error {
  const message = messageOf(err);
  const names = Object.keys(tables);
  const listed = names.length ? `the frames passed are ${names.join(', ')}` : 'no frames were passed';
  const missingTable = /Table with name (\S+) does not exist/.exec(message);
  if (missingTable) {
    const name = missingTable[1]!.replace(/!$/, '');
    return new SqlError(query, `SQL error: no table '${name}' (${listed}); pass it as sql(query, { ${name}: df }) or name a file in quotes ('data.csv').`, { cause: err });
  }
  const missingFile = /No files found that match the pattern "([^"]+)"/.exec(message);
  if (missingFile) {
    return new DataFileNotFoundError(missingFile[1]!, `SQL error: file '${missingFile[1]}' not found; check the path and the working directory.`, { cause: err });
  }
  const missingColumn = /Referenced column "((?:[^"]|"")+)" not found in FROM clause!?\s*(?:Candidate bindings: ([^\n]*))?/.exec(message);
  if (missingColumn) {
    const candidates = missingColumn[2] ? `; candidates: ${missingColumn[2].trim()}` : '';
    return new SqlError(query, `SQL error: column '${missingColumn[1]}' not found${candidates}. Check the spelling (names are case-sensitive when quoted).`, { cause: err });
  }
  return new SqlError(query, `SQL error: ${firstLine(message)}`, { cause: err });
}

/**
 * Runs `query` with each frame of `tables` visible under its key and returns the result as a
 * DataFrame. Several statements may be given; the last one's rows are returned.
 *
 * @example
 * const df = DataFrame.fromColumns({ k: ['a', 'b', 'a'], x: [1, 2, 3] });
 * const out = await sql('select k, sum(x) as total from t group by k order by k', { t: df });
 * out.toRecords(); // [{ k: 'a', total: 4 }, { k: 'b', total: 2 }]
 *
 * const big = await sql("select * from 'events.parquet' where kind = 'buy'");
 */
export async function sql(query: string, tables: SqlTables = {}): Promise<DataFrame> {
  for (const [name, df] of Object.entries(tables)) {
    if (!(df instanceof DataFrame)) {
      throw new SqlError(query, `sql(): table '${name}' must be a DataFrame, got ${df === null ? 'null' : typeof df}.`);
    }
  }
  return withConnection(async (con) => {
    const releases: (() => void)[] = [];
    try {
      for (const [name, df] of Object.entries(tables)) releases.push(await registerFrame(con, name, df));
      return await queryFrame(query, con);
    } catch (err) {
      if (err instanceof SqlError || err instanceof DataFileNotFoundError) throw err;
      throw explain(query, tables, err);
    } finally {
      releases.forEach((r) => r());
    }
  });
}
