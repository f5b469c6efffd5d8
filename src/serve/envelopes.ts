/**
 * The outer shapes of request bodies (zod), checked before any field is read; the same schemas
 * give the OpenAPI document its request bodies.
 */
import { z } from 'zod';
import { SCOPES } from './api-keys.js';
import { invalidInput } from './errors.js';

/** Rows are checked field by field by batch.ts, which names the row and field; here only their presence. */
const row = z.unknown();

const params = z.record(z.string(), z.unknown()).optional();

/** `POST /v1/models/{name}:predict`: rows, or TF-Serving's columnar `inputs`. */
export const v1Forms = {
  instances: z.strictObject({ instances: z.array(row) }),
  inputs: z.strictObject({ inputs: z.record(z.string(), z.array(z.unknown())) }),
};

/** Open Inference Protocol v2 inference request. */
export const v2Request = z.strictObject({
  id: z.string().max(256).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  inputs: z.array(
    z.object({
      name: z.string(),
      shape: z.array(z.number().int().nonnegative()),
      datatype: z.string(),
      parameters: z.record(z.string(), z.unknown()).optional(),
      data: z.array(z.unknown()),
    }),
  ),
  outputs: z.array(z.object({ name: z.string(), parameters: z.record(z.string(), z.unknown()).optional() })).optional(),
});

/** MLflow scoring server JSON: exactly one of its four input forms. */
export const mlflowForms = {
  dataframe_split: z.strictObject({
    dataframe_split: z.strictObject({ columns: z.array(z.string()), data: z.array(z.array(z.unknown())), index: z.array(z.unknown()).optional() }),
    params,
  }),
  dataframe_records: z.strictObject({ dataframe_records: z.array(row), params }),
  instances: z.strictObject({ instances: z.array(row), params }),
  inputs: z.strictObject({ inputs: z.union([z.record(z.string(), z.array(z.unknown())), z.array(row)]), params }),
};

export const keyRequest = z.strictObject({
  owner: z.string().regex(/^[A-Za-z0-9_.@-]{1,100}$/, 'owner must be 1–100 letters, digits, _ . @ -'),
  scopes: z.array(z.enum(SCOPES)).min(1),
  rateLimit: z.number().int().positive().nullable().optional(),
  description: z.string().max(500).optional(),
});

export const endpointPatch = z.strictObject({ visibility: z.enum(['public', 'private']) });

const at = (path: readonly PropertyKey[]): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** Parses `value` with `schema`, or throws a 400 naming the first problem and where it is. */
export function checkEnvelope<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues;
  const unknown = issues.find((i) => i.code === 'unrecognized_keys') as (z.core.$ZodIssue & { keys: string[] }) | undefined;
  const issue = unknown ?? issues[0]!;
  const where = at(issue.path);
  const message = unknown ? `unknown key ${unknown.keys.map((k) => `'${k}'`).join(', ')}` : issue.message;
  throw invalidInput(`${what}${where ? ` at ${where}` : ''}: ${message}.`, where || 'body');
}

/**
 * Bodies that come in several forms told apart by their one top-level key (`instances`,
 * `dataframe_split`, …): picks the form by key, then checks it.
 */
export function checkForm<F extends Record<string, z.ZodType>>(forms: F, value: unknown, what: string): { [K in keyof F]: { form: K; body: z.infer<F[K]> } }[keyof F] {
  const names = Object.keys(forms);
  const expected = names.map((n) => `'${n}'`).join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(`${what} must be a JSON object with one of the keys ${expected}.`, 'body');
  const present = names.filter((n) => Object.hasOwn(value, n));
  if (present.length !== 1) {
    throw invalidInput(
      present.length === 0
        ? `${what} must have one of the keys ${expected}; it has ${Object.keys(value).map((k) => `'${k.slice(0, 40)}'`).join(', ') || 'none'}.`
        : `${what} has both ${present.map((n) => `'${n}'`).join(' and ')}; send exactly one input form.`,
      'body',
    );
  }
  const form = present[0]!;
  return { form, body: checkEnvelope(forms[form]!, value, what) } as never;
}
