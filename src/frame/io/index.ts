/**
 * strata/frame IO (Node only): files to DataFrames and back through embedded DuckDB, and lazy
 * scans for data larger than memory.
 *
 * @example
 * import { readCsv, writeParquet, scanCsv } from 'strata/frame/io';
 * const df = await readCsv('train.csv');
 * await writeParquet(df, 'train.parquet');
 * for await (const batch of scanCsv('huge.csv').batches(100_000)) console.log(batch.numRows);
 */
export { readCsv, scanCsv, type ReadCsvOptions } from './read-csv.js';
export { readParquet, scanParquet, type ReadParquetOptions } from './read-parquet.js';
export { readJson, scanJson, type ReadJsonOptions } from './read-json.js';
export { readArrow, type ReadArrowOptions } from './read-arrow.js';
export { readFile, scanFile, type ReadFileOptions } from './read-file.js';
export { writeFile, writeCsv, writeParquet, writeJson, writeNdjson, writeArrow, type WriteFileOptions } from './write-frame.js';
export { LazyFrame, type LazySource, type LazyColumn, type AggregateExpression } from './lazy-frame.js';
export { formatOf, isFileFormat, FILE_FORMATS, FORMAT_EXTENSIONS, type FileFormat } from './paths.js';
export type { ReadType } from './dtypes.js';
export { DataFileError, DataFileNotFoundError, UnsupportedFormatError, CsvParseError, SqlError } from './errors.js';
export { registerFrame } from './frame-scan.js';
export { queryArrow, streamArrow } from './query.js';
export { withConnection, quoteIdent, quoteLiteral } from './engine.js';
