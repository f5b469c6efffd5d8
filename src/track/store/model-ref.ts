/** Registry references: `NAME`, `NAME:VERSION`, `NAME@ALIAS`. */
import { InvalidInputError } from '../errors.js';
import { checkModelName } from '../validate.js';

export interface ModelRef {
  name: string;
  version?: number;
  alias?: string;
}

/**
 * @example
 * parseModelRef('churn@production'); // { name: 'churn', alias: 'production' }
 * parseModelRef('churn:3');          // { name: 'churn', version: 3 }
 */
export function parseModelRef(ref: string): ModelRef {
  if (typeof ref !== 'string') throw new InvalidInputError(`Model reference must be a string such as 'churn', 'churn:3' or 'churn@production'.`);
  const at = ref.indexOf('@');
  if (at >= 0) return { name: checkModelName(ref.slice(0, at)), alias: checkModelName(ref.slice(at + 1), 'Alias') };
  const colon = ref.indexOf(':');
  if (colon >= 0) {
    const v = ref.slice(colon + 1);
    if (!/^[1-9]\d*$/.test(v)) throw new InvalidInputError(`Model reference '${ref}': the version after ':' must be a positive integer (e.g. '${ref.slice(0, colon)}:1').`);
    return { name: checkModelName(ref.slice(0, colon)), version: Number(v) };
  }
  return { name: checkModelName(ref) };
}
