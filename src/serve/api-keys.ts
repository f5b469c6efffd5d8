/**
 * API keys: `sk_<id>_<secret>`. The id is public (it names the key in usage reports); only a
 * salted scrypt hash of the secret is stored, so a copy of the database gives no usable key.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { invalidInput } from './errors.js';

export const SCOPES = ['predict', 'upload', 'admin'] as const;
/** `predict` calls models, `upload` creates and changes endpoints, `admin` does everything (keys, all usage). */
export type Scope = (typeof SCOPES)[number];

const TOKEN = /^sk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const SCRYPT = { N: 1 << 14, r: 8, p: 1 } as const;

/** A fresh key; `token` is shown to its owner once and never stored. */
export function generateKey(): { id: string; secret: string; token: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `sk_${id}_${secret}` };
}

export function parseToken(token: string): { id: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function hashSecret(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32, SCRYPT);
}

export function secretMatches(secret: string, salt: Buffer, hash: Buffer): boolean {
  const h = hashSecret(secret, salt);
  return h.length === hash.length && timingSafeEqual(h, hash);
}

export function hasScope(scopes: readonly Scope[], scope: Scope): boolean {
  return scopes.includes('admin') || scopes.includes(scope);
}

/** `predict,upload` or `['predict']` → scopes, refusing unknown names. */
export function parseScopes(value: unknown): Scope[] {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  if (!Array.isArray(list) || list.length === 0) throw invalidInput(`scopes must list one or more of ${SCOPES.join(', ')} (e.g. "predict,upload").`, 'scopes');
  for (const s of list) {
    if (!SCOPES.includes(s as Scope)) throw invalidInput(`Unknown scope ${JSON.stringify(s)}; scopes are ${SCOPES.join(', ')}.`, 'scopes');
  }
  return [...new Set(list as Scope[])];
}
