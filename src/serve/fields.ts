/**
 * What a served model takes and gives, in the terms every protocol shares: named input fields
 * with a value kind, and named output tensors with an Open Inference Protocol datatype.
 */
import type { FieldSchema } from '../track/index.js';

/** Open Inference Protocol (KServe v2) tensor datatypes. */
export type V2Datatype =
  | 'BOOL' | 'UINT8' | 'UINT16' | 'UINT32' | 'UINT64' | 'INT8' | 'INT16' | 'INT32' | 'INT64'
  | 'FP16' | 'FP32' | 'FP64' | 'BYTES';

export const NUMERIC_DATATYPES: readonly V2Datatype[] = ['UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64'];

/**
 * What values a field accepts (null is always a missing value, imputed as an empty CSV cell
 * would be): `number`, `string`, `boolean`, or `label` (a category whose values may be strings,
 * numbers or booleans).
 */
export type FieldKind = 'number' | 'string' | 'boolean' | 'label';

export interface InputField {
  name: string;
  kind: FieldKind;
  /** The type the model was trained on (`float64`, `string`, … from the signature), or the kind. */
  type: string;
  /** The datatype the v2 metadata advertises for this input. */
  datatype: V2Datatype;
}

export interface OutputField {
  name: string;
  datatype: V2Datatype;
  /** -1 for the batch dimension. */
  shape: number[];
}

const KIND_OF_TYPE: Record<string, FieldKind> = {
  float64: 'number', float32: 'number', int32: 'number', int64: 'number', double: 'number', integer: 'number', number: 'number',
  bool: 'boolean', boolean: 'boolean',
  string: 'string', category: 'string', date: 'string', datetime: 'string',
};

const DATATYPE_OF_TYPE: Record<string, V2Datatype> = {
  float64: 'FP64', float32: 'FP32', int32: 'INT32', int64: 'INT64', double: 'FP64', integer: 'INT64', number: 'FP64', bool: 'BOOL', boolean: 'BOOL',
};

/** Input fields from a registry signature (`[{ name: 'x1', type: 'float64' }, …]`). */
export function fieldsFromSignature(inputs: readonly FieldSchema[]): InputField[] {
  return inputs.map(({ name, type }) => {
    const kind = KIND_OF_TYPE[type] ?? 'label';
    return { name, kind, type, datatype: DATATYPE_OF_TYPE[type] ?? 'BYTES' };
  });
}

/** An input field of a known kind (when no signature says more). */
export function fieldOfKind(name: string, kind: FieldKind): InputField {
  const datatype: V2Datatype = kind === 'number' ? 'FP64' : kind === 'boolean' ? 'BOOL' : 'BYTES';
  return { name, kind, type: kind, datatype };
}

/** What a value of this field should look like, for error messages. */
export function describeKind(kind: FieldKind): string {
  switch (kind) {
    case 'number': return 'a number or null';
    case 'string': return 'a string or null';
    case 'boolean': return 'true, false or null';
    case 'label': return 'a string, number, boolean or null';
  }
}

/** The JSON Schema of one value of a field (for the OpenAPI document). */
export function jsonSchemaOfField(f: InputField): object {
  switch (f.kind) {
    case 'number': return { type: ['number', 'null'] };
    case 'string': return { type: ['string', 'null'] };
    case 'boolean': return { type: ['boolean', 'null'] };
    case 'label': return { type: ['string', 'number', 'boolean', 'null'] };
  }
}
