/**
 * strata/frame — DataFrames on Apache Arrow columns (the pandas layer).
 *
 * @example
 * import { DataFrame } from 'strata/frame';
 * const df = DataFrame.fromColumns({ k: ['a', 'b', 'a'], x: [1, 2, 3] });
 * df.groupBy('k').agg({ x: 'sum' }).toString();
 * //    k  x
 * // 0  a  4
 * // 1  b  2
 */
export { DataFrame, type AnyRow, type RowOf, type ValueOf, type ToMatrixOptions } from './dataframe.js';
export {
  Column, FRAME_DTYPES, type DType, type Scalar, type ColumnInput, type ColumnData, type NumericArray,
  isNumericDType, isTemporalDType,
} from './column.js';
export { columnFromArrow, columnToArrow } from './arrow.js';
export { ColumnNotFoundError, ColumnTypeError, FrameError } from './errors.js';
export { type RowCursor } from './row.js';
export { formatFrame, type FormatOptions } from './format.js';
export { describe, type DescribeOptions } from './describe.js';
export { inferSchema, inferColumnKind, SCHEMA_RULES, type ColumnKind, type SchemaColumn } from './schema.js';

// Verbs as free functions (each DataFrame method delegates to one of these).
export { select, drop, rename } from './verbs/select.js';
export { filter, type FilterSpec, type RowPredicate } from './verbs/filter.js';
export { take } from './verbs/take.js';
export { mutate, assign, type RowExpressions, type ColumnValue } from './verbs/mutate.js';
export { sort, type SortOptions } from './verbs/sort.js';
export { head, tail, slice, sample, type SampleOptions } from './verbs/slice.js';
export { groupBy, GroupBy, type AggSpec, type AggSpecObject, type GroupByOptions } from './verbs/groupby.js';
export { aggregate, AGG_NAMES, type AggName, type AggFunction, type AggOptions } from './verbs/aggregate.js';
export { join, joinIndices, type JoinOptions, type JoinHow } from './verbs/join.js';
export { concat } from './verbs/concat.js';
export { pivot, pivotTable, type PivotOptions, type PivotTableOptions } from './verbs/pivot.js';
export { melt, type MeltOptions } from './verbs/melt.js';
export { dropNull, fillNull, type DropNullOptions } from './verbs/nulls.js';
export { valueCounts, type ValueCountsOptions } from './verbs/valuecounts.js';
export { dedupe, duplicated, type DedupeOptions } from './verbs/dedupe.js';
export { cut, qcut, type CutOptions } from './verbs/cut.js';
export { getDummies, type DummiesOptions } from './verbs/dummies.js';
export { datePart, dateParts, DATE_PARTS, type DatePart } from './verbs/datetime.js';
export { rolling, rollingFrame, type RollingAgg, type RollingOptions } from './verbs/rolling.js';
export { resample } from './verbs/resample.js';
export { cast } from './verbs/cast.js';
export { assertFrameEqual, frameFromData, type FrameData, type FrameEqualOptions } from './testing.js';

// IO through embedded DuckDB and SQL (Node only; src/frame/io, src/frame/sql).
export { readCsv, scanCsv, type ReadCsvOptions } from './io/read-csv.js';
export { readParquet, scanParquet, type ReadParquetOptions } from './io/read-parquet.js';
export { readJson, scanJson, type ReadJsonOptions } from './io/read-json.js';
export { readArrow, type ReadArrowOptions } from './io/read-arrow.js';
export { readFile, scanFile, type ReadFileOptions } from './io/read-file.js';
export { writeFile, writeCsv, writeParquet, writeJson, writeNdjson, writeArrow, type WriteFileOptions } from './io/write-frame.js';
export { LazyFrame, type LazySource, type LazyColumn, type AggregateExpression } from './io/lazy-frame.js';
export { formatOf, isFileFormat, FILE_FORMATS, FORMAT_EXTENSIONS, type FileFormat } from './io/paths.js';
export type { ReadType } from './io/dtypes.js';
export { DataFileError, DataFileNotFoundError, UnsupportedFormatError, CsvParseError, SqlError } from './io/errors.js';
export { registerFrame } from './io/frame-scan.js';
export { queryArrow, streamArrow } from './io/query.js';
export { withConnection, quoteIdent, quoteLiteral } from './io/engine.js';
export { sql, type SqlTables } from './sql/sql.js';
