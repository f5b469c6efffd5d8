/** Arrow IPC files (the random-access "file"/Feather v2 format and the stream format) via apache-arrow. */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { DataFrame } from '../dataframe.js';
import { messageOf } from './engine.js';
import { DataFileError } from './errors.js';
import { requireFile } from './paths.js';

/** How to read an Arrow IPC file. */
export interface ReadArrowOptions {
  /** Read only these columns, in this order. */
  columns?: readonly string[];
}

/**
 * Reads an Arrow IPC file or stream into a DataFrame (numeric columns share the file's buffers).
 *
 * @example
 * const df = await readArrow('features.arrow');
 */
export async function readArrow(path: string, options: ReadArrowOptions = {}): Promise<DataFrame> {
  requireFile(path);
  let df: DataFrame;
  try {
    df = DataFrame.fromArrow(tableFromIPC(readFileSync(path)));
  } catch (err) {
    throw new DataFileError(path, `${path} is not a readable Arrow IPC file: ${messageOf(err)}. Check that it was written as Arrow IPC (file or stream format).`, {
      cause: err,
    });
  }
  if (options.columns) {
    df.requireColumns(options.columns, `columns for ${path}`);
    return df.withColumns(options.columns.map((c) => df.column(c)));
  }
  return df;
}
