/** Request validation with zod: parse or answer 400 naming the field. */
import type { z } from 'zod';
import { HttpError, zodMessage } from './errors.js';

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body' | 'params'): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new HttpError(400, zodMessage(r.error, where));
  return r.data;
}
