/** JSON request bodies, refusing nesting deeper than a limit before parsing a byte of it. */
import { invalidInput } from './errors.js';

/** The deepest `[`/`{` nesting outside strings, stopping as soon as it passes `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/** Whether `text` has at most `limit` `[`/`{` in all (then no nesting can be deeper), found natively. */
function fewOpeners(text: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) if (++count > limit) return false;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (++count > limit) return false;
  return true;
}

/** Parses a JSON body; malformed text and over-deep nesting are 400s that say so. */
export function parseJsonBody(text: string, maxDepth: number): unknown {
  if (text.trim() === '') throw invalidInput('The request body is empty; send a JSON object.', 'body');
  if (!fewOpeners(text, maxDepth) && nestingDepth(text, maxDepth) > maxDepth) {
    throw invalidInput(`The JSON body is nested more than ${maxDepth} levels deep; no prediction payload needs that.`, 'body');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidInput(`The body is not valid JSON (${err instanceof Error ? err.message : String(err)}).`, 'body');
  }
}
