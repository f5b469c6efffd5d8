/** The little a SQL tracking store needs from a database driver. SQL uses `?` placeholders. */
export type Row = Record<string, unknown>;

export interface SqlDriver {
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Inserts many rows of `columns` into `table`; `suffix` is e.g. an ON CONFLICT clause. */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix?: string): Promise<void>;
  /** Runs `fn` in one transaction (committed if it resolves, rolled back if it throws). */
  tx<T>(fn: (d: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
