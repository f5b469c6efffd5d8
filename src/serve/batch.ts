/**
 * Request payloads of every protocol → one columnar batch, checked against the model's input
 * fields. Every rejection names the field (`instances[3].x1`) and says what it should be.
 */
import { describeKind, NUMERIC_DATATYPES, type InputField, type V2Datatype } from './fields.js';
import { invalidInput } from './errors.js';
import { parseCsv } from './csv.js';

/** Rows × named columns, in the model's field order; null marks a missing value. */
export interface Batch {
  readonly rows: number;
  readonly columns: Readonly<Record<string, unknown[]>>;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** JSON has no NaN or Infinity, but `1e999` parses to Infinity: no model can use it. */
function checkFinite(v: number, at: string): number {
  if (!Number.isFinite(v)) throw invalidInput(`${at} is ${v}, which is out of range; send a finite number, or null for a missing value.`, at);
  return v;
}

function checkValue(v: unknown, f: InputField, at: string): unknown {
  if (v === null) return null;
  if (typeof v === 'number') checkFinite(v, at);
  switch (f.kind) {
    case 'number':
      if (typeof v === 'number') return v;
      break;
    case 'string':
      if (typeof v === 'string') return v;
      break;
    case 'boolean':
      if (typeof v === 'boolean') return v;
      break;
    case 'label':
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      break;
  }
  const hint =
    f.kind === 'number' && typeof v === 'string'
      ? '; send numbers as JSON numbers and missing values as null (not as text like "NaN")'
      : '';
  throw invalidInput(`${at} must be ${describeKind(f.kind)} (the model was trained on ${f.type}), got ${describeValue(v)}${hint}.`, at);
}

function example(fields: readonly InputField[]): string {
  const sample = (f: InputField): string => (f.kind === 'number' ? '1.5' : f.kind === 'boolean' ? 'true' : '"a"');
  return `{${fields.slice(0, 3).map((f) => `"${f.name}": ${sample(f)}`).join(', ')}${fields.length > 3 ? ', …' : ''}}`;
}

const fieldList = (fields: readonly InputField[]): string => fields.map((f) => f.name).join(', ');

function checkRowCount(n: number, where: string, maxRows: number): void {
  if (n === 0) throw invalidInput(`${where} is empty; send at least one row.`, where);
  if (n > maxRows) throw invalidInput(`${where} has ${n} rows; send at most ${maxRows} per request (split the batch).`, where);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownField(name: string, at: string, fields: readonly InputField[]): never {
  throw invalidInput(`${at} has unknown field ${JSON.stringify(name.slice(0, 80))}; the model's fields are: ${fieldList(fields)}.`, `${at}.${name.slice(0, 80)}`);
}

function emptyColumns(fields: readonly InputField[], n: number): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
  for (const f of fields) columns[f.name] = new Array<unknown>(n);
  return columns;
}

const fieldMaps = new WeakMap<readonly InputField[], Map<string, InputField>>();

/** The fields by name (made once per model's field list). */
function fieldMap(fields: readonly InputField[]): Map<string, InputField> {
  let m = fieldMaps.get(fields);
  if (!m) fieldMaps.set(fields, (m = new Map(fields.map((f) => [f.name, f]))));
  return m;
}

/**
 * `checkValue` for a value that is already what the field takes (most of them): no
 * field path is built unless the value is wrong.
 */
function checkRecordValue(v: unknown, f: InputField, where: string, i: number): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'number':
      if ((f.kind === 'number' || f.kind === 'label') && Number.isFinite(v)) return v;
      break;
    case 'string':
      if (f.kind === 'string' || f.kind === 'label') return v;
      break;
    case 'boolean':
      if (f.kind === 'boolean' || f.kind === 'label') return v;
      break;
  }
  return checkValue(v, f, `${where}[${i}].${f.name}`);
}

/** `[{ "x1": 1.5, "shade": "dark" }, …]`: every row names every field, and nothing else. */
export function batchFromRecords(records: unknown, fields: readonly InputField[], where: string, maxRows: number): Batch {
  if (!Array.isArray(records)) throw invalidInput(`${where} must be an array of objects like ${example(fields)}.`, where);
  checkRowCount(records.length, where, maxRows);
  const byName = fieldMap(fields);
  const columns = emptyColumns(fields, records.length);
  for (let i = 0; i < records.length; i++) {
    const row: unknown = records[i];
    if (!isPlainObject(row)) throw invalidInput(`${where}[${i}] must be an object like ${example(fields)}, got ${describeValue(row)}.`, `${where}[${i}]`);
    let seen = 0;
    for (const key in row) {
      if (!Object.hasOwn(row, key)) continue;
      if (!byName.has(key)) unknownField(key, `${where}[${i}]`, fields);
      seen++;
    }
    if (seen !== fields.length) {
      const at = `${where}[${i}]`;
      const missing = fields.find((f) => !Object.hasOwn(row, f.name))!;
      throw invalidInput(`${at} lacks field '${missing.name}'; send every field the model takes (${fieldList(fields)}), with null for a missing value.`, `${at}.${missing.name}`);
    }
    for (const f of fields) columns[f.name]![i] = checkRecordValue(row[f.name], f, where, i);
  }
  return { rows: records.length, columns };
}

/** `{ "x1": [1.5, 2], "shade": ["dark", null] }`: one equally long array per field. */
export function batchFromColumns(obj: unknown, fields: readonly InputField[], where: string, maxRows: number): Batch {
  if (!isPlainObject(obj)) throw invalidInput(`${where} must be an object of equally long arrays, one per field (${fieldList(fields)}).`, where);
  const byName = fieldMap(fields);
  for (const key of Object.keys(obj)) if (!byName.has(key)) unknownField(key, where, fields);
  let n = -1;
  for (const f of fields) {
    const at = `${where}.${f.name}`;
    if (!Object.hasOwn(obj, f.name)) throw invalidInput(`${where} lacks field '${f.name}'; send every field the model takes (${fieldList(fields)}).`, at);
    const col = obj[f.name];
    if (!Array.isArray(col)) throw invalidInput(`${at} must be an array of values, got ${describeValue(col)}.`, at);
    if (n < 0) {
      n = col.length;
      checkRowCount(n, at, maxRows);
    } else if (col.length !== n) {
      throw invalidInput(`${at} has ${col.length} values but '${fields[0]!.name}' has ${n}; every field needs one value per row.`, at);
    }
  }
  const columns = emptyColumns(fields, n);
  for (const f of fields) {
    const src = obj[f.name] as unknown[];
    const dst = columns[f.name]!;
    for (let i = 0; i < n; i++) dst[i] = checkValue(src[i], f, `${where}.${f.name}[${i}]`);
  }
  return { rows: n, columns };
}

/** pandas' split orient: `{ "columns": ["x1", …], "data": [[1.5, …], …] }`. */
export function batchFromSplit(split: unknown, fields: readonly InputField[], where: string, maxRows: number): Batch {
  if (!isPlainObject(split)) throw invalidInput(`${where} must be an object {"columns": [...], "data": [[...], ...]}.`, where);
  const names = split.columns;
  if (!Array.isArray(names) || !names.every((c) => typeof c === 'string')) throw invalidInput(`${where}.columns must be an array of column names.`, `${where}.columns`);
  const byName = fieldMap(fields);
  const seen = new Set<string>();
  for (const c of names as string[]) {
    if (!byName.has(c)) unknownField(c, `${where}.columns`, fields);
    if (seen.has(c)) throw invalidInput(`${where}.columns names '${c}' twice.`, `${where}.columns`);
    seen.add(c);
  }
  const missing = fields.find((f) => !seen.has(f.name));
  if (missing) throw invalidInput(`${where}.columns lacks '${missing.name}'; send every field the model takes (${fieldList(fields)}).`, `${where}.columns`);
  const data = split.data;
  if (!Array.isArray(data)) throw invalidInput(`${where}.data must be an array of rows (arrays of ${names.length} values).`, `${where}.data`);
  checkRowCount(data.length, `${where}.data`, maxRows);
  const order = (names as string[]).map((c) => byName.get(c)!);
  const columns = emptyColumns(fields, data.length);
  data.forEach((row: unknown, i) => {
    const at = `${where}.data[${i}]`;
    if (!Array.isArray(row) || row.length !== order.length) {
      throw invalidInput(`${at} must be an array of ${order.length} values (one per column), got ${Array.isArray(row) ? `${row.length} values` : describeValue(row)}.`, at);
    }
    order.forEach((f, j) => (columns[f.name]![i] = checkValue(row[j], f, `${at}[${j}] ('${f.name}')`)));
  });
  return { rows: data.length, columns };
}

const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function csvValue(text: string, f: InputField, at: string): unknown {
  if (text === '') return null;
  switch (f.kind) {
    case 'number':
      if (NUMBER_TEXT.test(text)) return checkFinite(Number(text), at);
      throw invalidInput(`${at} must be a number or empty (missing), got ${describeValue(text)}.`, at);
    case 'string':
      return text;
    case 'boolean': {
      const t = text.toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw invalidInput(`${at} must be true, false or empty (missing), got ${describeValue(text)}.`, at);
    }
    case 'label':
      if (NUMBER_TEXT.test(text)) return checkFinite(Number(text), at);
      if (text === 'true' || text === 'false') return text === 'true';
      return text;
  }
}

/** A CSV body with a header row naming every field. */
export function batchFromCsv(text: string, fields: readonly InputField[], maxRows: number): Batch {
  const rows = parseCsv(text);
  if (rows.length === 0) throw invalidInput('The CSV body is empty; send a header row naming the fields and at least one data row.', 'csv');
  const header = rows[0]!;
  const byName = fieldMap(fields);
  const seen = new Set<string>();
  for (const c of header) {
    if (!byName.has(c)) unknownField(c, 'csv header', fields);
    if (seen.has(c)) throw invalidInput(`The CSV header names '${c}' twice.`, 'csv header');
    seen.add(c);
  }
  const missing = fields.find((f) => !seen.has(f.name));
  if (missing) throw invalidInput(`The CSV header lacks '${missing.name}'; send every field the model takes (${fieldList(fields)}).`, 'csv header');
  const n = rows.length - 1;
  checkRowCount(n, 'csv', maxRows);
  const order = header.map((c) => byName.get(c)!);
  const columns = emptyColumns(fields, n);
  for (let i = 0; i < n; i++) {
    const row = rows[i + 1]!;
    if (row.length !== order.length) throw invalidInput(`CSV row ${i + 1} has ${row.length} values but the header has ${order.length}.`, `csv row ${i + 1}`);
    order.forEach((f, j) => (columns[f.name]![i] = csvValue(row[j]!, f, `csv row ${i + 1} column '${f.name}'`)));
  }
  return { rows: n, columns };
}

function datatypesFor(f: InputField): readonly V2Datatype[] {
  switch (f.kind) {
    case 'number': return NUMERIC_DATATYPES;
    case 'string': return ['BYTES'];
    case 'boolean': return ['BOOL'];
    case 'label': return ['BYTES', 'BOOL', ...NUMERIC_DATATYPES];
  }
}

function checkTensorValue(v: unknown, datatype: V2Datatype, at: string): unknown {
  if (v === null) return null;
  if (datatype === 'BYTES') {
    if (typeof v === 'string') return v;
  } else if (datatype === 'BOOL') {
    if (typeof v === 'boolean') return v;
  } else if (typeof v === 'number') {
    checkFinite(v, at);
    if (datatype.startsWith('FP') || Number.isInteger(v)) {
      if (datatype.startsWith('UINT') && v < 0) throw invalidInput(`${at} must be a non-negative integer for ${datatype}, got ${v}.`, at);
      return v;
    }
    throw invalidInput(`${at} must be an integer for ${datatype}, got ${v}; declare the tensor as FP64 to send fractions.`, at);
  }
  const want = datatype === 'BYTES' ? 'a string' : datatype === 'BOOL' ? 'true or false' : 'a number';
  throw invalidInput(`${at} must be ${want} (or null for a missing value) because the tensor's datatype is ${datatype}, got ${describeValue(v)}.`, at);
}

/** Flattens row-major nested data (`[[1], [2]]`) one level at a time, refusing ragged or deeper nesting than the shape. */
function flattenTensorData(data: unknown[], shape: number[], at: string): unknown[] {
  if (!data.some(Array.isArray)) return data;
  if (shape.length < 2 || !data.every(Array.isArray)) throw invalidInput(`${at} mixes arrays and values; send a flat row-major array or nesting that matches the shape.`, at);
  const out: unknown[] = [];
  for (const inner of data as unknown[][]) for (const v of inner) out.push(v);
  return flattenTensorData(out, shape.slice(1), at);
}

/**
 * KServe v2 `inputs`: one named tensor per field, shape `[n]` or `[n, 1]`, with a datatype the
 * field accepts (BYTES for strings, BOOL, or any integer/float type for numbers).
 */
export function batchFromTensors(inputs: unknown, fields: readonly InputField[], maxRows: number): Batch {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw invalidInput(`inputs must be a non-empty array of tensors {"name", "shape", "datatype", "data"}, one per field (${fieldList(fields)}).`, 'inputs');
  }
  const byName = fieldMap(fields);
  const given = new Map<string, unknown[]>();
  let n = -1;
  let first = '';
  inputs.forEach((t: unknown, k) => {
    const at = `inputs[${k}]`;
    if (!isPlainObject(t)) throw invalidInput(`${at} must be a tensor object {"name", "shape", "datatype", "data"}.`, at);
    const name = t.name;
    if (typeof name !== 'string') throw invalidInput(`${at}.name must be the name of a model input (${fieldList(fields)}).`, `${at}.name`);
    const f = byName.get(name);
    if (!f) unknownField(name, 'inputs', fields);
    if (given.has(name)) throw invalidInput(`inputs names '${name}' twice.`, `${at}.name`);
    const shape = t.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw invalidInput(`${at}.shape must be an array of non-negative integers such as [3] or [3, 1].`, `${at}.shape`);
    }
    if (!(shape.length === 1 || (shape.length === 2 && shape[1] === 1))) {
      throw invalidInput(`Input '${name}' has shape [${shape.join(', ')}]; each input is one column, so send shape [n] or [n, 1].`, `${at}.shape`);
    }
    const datatype = t.datatype as V2Datatype;
    const allowed = datatypesFor(f);
    if (typeof datatype !== 'string' || !allowed.includes(datatype)) {
      throw invalidInput(`Input '${name}' has datatype ${JSON.stringify(datatype)}; it takes ${allowed.length > 4 ? `${allowed.slice(0, 3).join(', ')}, …` : allowed.join(' or ')} (the model was trained on ${f.type}).`, `${at}.datatype`);
    }
    if (!Array.isArray(t.data)) throw invalidInput(`${at}.data must be an array of ${shape[0]} values.`, `${at}.data`);
    const data = flattenTensorData(t.data, shape as number[], `${at}.data`);
    const rows = shape[0] as number;
    if (data.length !== rows) throw invalidInput(`Input '${name}' has ${data.length} values for shape [${shape.join(', ')}]; the shape and the data must agree.`, `${at}.data`);
    if (n < 0) {
      n = rows;
      first = name;
      checkRowCount(n, `${at}.data`, maxRows);
    } else if (rows !== n) {
      throw invalidInput(`Input '${name}' has ${rows} rows but '${first}' has ${n}; every input needs one value per row.`, `${at}.shape`);
    }
    given.set(name, data.map((v, i) => checkTensorValue(v, datatype, `${at}.data[${i}]`)));
  });
  const missing = fields.find((f) => !given.has(f.name));
  if (missing) throw invalidInput(`inputs lacks '${missing.name}'; send one tensor per model input (${fieldList(fields)}).`, 'inputs');
  const columns = Object.create(null) as Record<string, unknown[]>;
  for (const f of fields) columns[f.name] = given.get(f.name)!;
  return { rows: n, columns };
}

/** Several batches end to end (micro-batching), in field order. */
export function concatBatches(batches: readonly Batch[], fields: readonly InputField[]): Batch {
  if (batches.length === 1) return batches[0]!;
  const rows = batches.reduce((s, b) => s + b.rows, 0);
  const columns = Object.create(null) as Record<string, unknown[]>;
  for (const f of fields) {
    const out = new Array<unknown>(rows);
    let at = 0;
    for (const b of batches) {
      const src = b.columns[f.name]!;
      for (let i = 0; i < src.length; i++) out[at++] = src[i];
    }
    columns[f.name] = out;
  }
  return { rows, columns };
}
