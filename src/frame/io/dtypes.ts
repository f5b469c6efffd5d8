/**
 * Column types asked for when reading a file: a frame dtype (`'float64'`, `'string'`,
 * `'category'`, …) or a DuckDB SQL type (`'DECIMAL(10,2)'`, `'BIGINT'`, …).
 */
import { FRAME_DTYPES, type DType } from '../column.js';
import type { DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';

/** A frame dtype or a DuckDB SQL type name. */
export type ReadType = DType | (string & {});

const SQL_OF: Record<DType, string> = {
  float64: 'DOUBLE',
  float32: 'FLOAT',
  int32: 'INTEGER',
  bool: 'BOOLEAN',
  string: 'VARCHAR',
  category: 'VARCHAR',
  date: 'DATE',
  datetime: 'TIMESTAMP',
};

/** The DuckDB type to read a column as; throws for text that is neither a dtype nor a SQL type. */
export function sqlTypeOf(column: string, type: ReadType): string {
  if ((FRAME_DTYPES as readonly string[]).includes(type)) return SQL_OF[type as DType];
  if (/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?$/.test(type)) return type.toUpperCase();
  throw new FrameError(`Unknown type '${type}' for column '${column}'; use one of ${FRAME_DTYPES.join(', ')} or a DuckDB SQL type such as DECIMAL(10,2).`);
}

/** Casts the columns read as text for a `'category'` request to category columns. */
export function applyCategories(df: DataFrame, types: Record<string, ReadType> | undefined): DataFrame {
  if (!types) return df;
  const wanted = Object.entries(types).filter(([name, t]) => t === 'category' && df.has(name));
  if (wanted.length === 0) return df;
  let out = df;
  for (const [name] of wanted) out = out.withColumn(out.column(name).cast('category'));
  return out;
}
