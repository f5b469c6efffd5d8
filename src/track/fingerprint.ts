/** Dataset fingerprints: a sha256 of the data plus its schema, so a model knows what it was trained on. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import type { DataFrame } from '../frame/index.js';
import { InvalidInputError } from './errors.js';
import type { DatasetFingerprint, FieldSchema } from './types.js';

/**
 * The fingerprint of a file: sha256 of its bytes (schema left null; pass one if known).
 *
 * @example
 * fingerprintFile('train.csv').digest; // 'e3b0c442…'
 */
export function fingerprintFile(path: string, schema: FieldSchema[] | null = null): DatasetFingerprint {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error();
    bytes = readFileSync(path);
  } catch {
    throw new InvalidInputError(`Dataset file '${path}' cannot be read; check the path.`);
  }
  return { digest: createHash('sha256').update(bytes).digest('hex'), kind: 'file', size: bytes.byteLength, source: path, rows: null, schema };
}

/**
 * The fingerprint of a frame: sha256 of its Arrow IPC stream (which carries the schema), plus
 * the column names and Arrow types.
 *
 * @example
 * fingerprintFrame(DataFrame.fromColumns({ x: [1, 2] })).schema; // [{ name: 'x', type: 'Float64' }]
 */
export function fingerprintFrame(df: DataFrame, source: string | null = null): DatasetFingerprint {
  const table = df.toArrow();
  const bytes = tableToIPC(table, 'stream');
  const schema = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
  return { digest: createHash('sha256').update(bytes).digest('hex'), kind: 'arrow-ipc', size: bytes.byteLength, source, rows: table.numRows, schema };
}
