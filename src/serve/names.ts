/** Model and endpoint names as they appear in URLs. */
import { invalidInput } from './errors.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

/**
 * A served name: 1–200 letters, digits, `_ - .`, starting with a letter or digit and without
 * `..`, so a name can never walk out of a directory or be mistaken for a path.
 */
export function checkServedName(name: unknown, what = 'Model name'): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.includes('..')) {
    throw invalidInput(
      `${what} ${JSON.stringify(typeof name === 'string' ? name.slice(0, 80) : name)} is not allowed: use 1–200 letters, digits, '_', '-' or '.', starting with a letter or digit (e.g. 'churn-model').`,
      'name',
    );
  }
  return name;
}
