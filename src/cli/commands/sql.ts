/** `strata sql "QUERY"`: DuckDB SQL over data files (`select … from 'file.csv'`). */
import type { Command } from 'commander';
import { sql } from '../../frame/sql/index.js';
import { UsageError } from '../errors.js';
import { formatTable, type Cell } from '../table.js';
import { jsonRows } from './data.js';

export function registerSql(program: Command): void {
  program
    .command('sql')
    .argument('<QUERY>', "a SQL query; name files in single quotes: select * from 'data.csv'")
    .description('run SQL over data files (CSV, Parquet, JSON) with embedded DuckDB')
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', `\nExample:\n  $ strata sql "select species, avg(petal_length) from 'iris.csv' group by species" --json\n`)
    .action(async (query: string, opts: { json?: boolean }) => {
      if (query.trim() === '') throw new UsageError('the query is empty; pass a SQL statement such as "select * from \'data.csv\' limit 5".');
      const df = await sql(query);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ rows: jsonRows(df) }) + '\n');
        return;
      }
      const cells = df.toRecords().map((r) =>
        df.columnNames.map((c): Cell => {
          const v = r[c];
          if (v === null || v === undefined) return '';
          if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
          return v instanceof Date ? v.toISOString() : String(v);
        }),
      );
      process.stdout.write(formatTable(df.columnNames, cells) + `\n(${df.numRows} row${df.numRows === 1 ? '' : 's'})\n`);
    });
}
