/**
 * Turning a document into the terms the text vectorizers count, as scikit-learn's word
 * analyzer does: lowercase, find tokens with a regular expression, drop stop words, join word
 * n-grams with a space. Token patterns are written in Python's syntax (`(?u)\b\w\w+\b`) so the
 * parameters read like scikit-learn's; `\w`, `\d`, `\s` and `\b` get Python's Unicode meaning.
 */
import { DataError, ParamError } from '../base/errors.js';
import { type TableInput, isMissing, toTable } from '../compose/table.js';

/** The options of the word analyzer shared by CountVectorizer and TfidfVectorizer. */
export interface AnalyzerParams {
  /** Lowercase documents before tokenizing (default true). */
  lowercase: boolean;
  /** Python-style regular expression for a token (default `(?u)\b\w\w+\b`: runs of two or more word characters). With one capturing group, the group is the token. */
  tokenPattern: string;
  /** Smallest and largest n of the word n-grams (default [1, 1]). */
  ngramRange: [number, number];
  /** Words removed after tokenizing (compared after lowercasing), or null. */
  stopWords: readonly string[] | null;
}

// Python's Unicode \w: letters, numbers and the underscore.
const WORD = '\\p{L}\\p{N}_';
const CLASS_ESCAPES: Record<string, string> = { w: WORD, W: '', d: '\\p{Nd}', D: '', s: '\\s', S: '\\S' };
const ESCAPES: Record<string, string> = {
  w: `[${WORD}]`,
  W: `[^${WORD}]`,
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  b: `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`,
  B: `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`,
};

/**
 * A Python regular expression as a JavaScript one with the `u` flag: a leading `(?u)` is
 * dropped (Unicode is the default in Python 3), `(?i)` becomes the `i` flag, named groups
 * `(?P<name>…)` and `(?P=name)` take JavaScript's spelling, and the class escapes get Python's
 * Unicode meaning.
 */
export function compileTokenPattern(pattern: string): RegExp {
  if (typeof pattern !== 'string' || pattern === '') {
    throw new ParamError(`tokenPattern must be a non-empty regular expression, got ${JSON.stringify(pattern)}.`);
  }
  let flags = 'gu';
  let src = pattern;
  for (let m = /^\(\?([aiLmsux]+)\)/.exec(src); m; m = /^\(\?([aiLmsux]+)\)/.exec(src)) {
    if (m[1]!.includes('i')) flags += 'i';
    src = src.slice(m[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      const e = src[++i]!;
      if (inClass && (e === 'W' || e === 'D')) {
        throw new ParamError(`tokenPattern ${JSON.stringify(pattern)}: \\${e} inside a character class is not supported; write the class another way.`);
      }
      const mapped = inClass ? CLASS_ESCAPES[e] : ESCAPES[e];
      out += mapped ?? `\\${e}`;
      continue;
    }
    if (!inClass && src.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    const backref = inClass ? null : /^\(\?P=(\w+)\)/.exec(src.slice(i));
    if (backref) {
      out += `\\k<${backref[1]}>`;
      i += backref[0].length - 1;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass && src[i - 1] !== '[' && !(src[i - 1] === '^' && src[i - 2] === '[')) inClass = false;
    out += c;
  }
  try {
    return new RegExp(out, flags);
  } catch (e) {
    throw new ParamError(`tokenPattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(e as Error).message}.`);
  }
}

/** Checks the analyzer options and returns the function that turns one document into its terms. */
export function buildAnalyzer(params: AnalyzerParams, estimator: string): (doc: string) => string[] {
  const [minN, maxN] = params.ngramRange ?? [];
  if (!Number.isInteger(minN) || !Number.isInteger(maxN) || minN! < 1 || maxN! < minN!) {
    throw new ParamError(`${estimator}: ngramRange must be [min, max] integers with 1 <= min <= max, got ${JSON.stringify(params.ngramRange)}.`);
  }
  if (params.stopWords !== null && !Array.isArray(params.stopWords)) {
    throw new ParamError(`${estimator}: stopWords must be a list of words or null, got ${JSON.stringify(params.stopWords)}.`);
  }
  const re = compileTokenPattern(params.tokenPattern);
  const groups = new RegExp(`${re.source}|`, 'u').exec('')!.length - 1;
  if (groups > 1) {
    throw new ParamError(`${estimator}: tokenPattern ${JSON.stringify(params.tokenPattern)} has ${groups} capturing groups; use at most one (the token).`);
  }
  const stop = params.stopWords ? new Set(params.stopWords) : null;
  const lowercase = params.lowercase;
  return (doc: string): string[] => {
    const text = lowercase ? doc.toLowerCase() : doc;
    let tokens: string[] = [];
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) tokens.push(groups === 1 ? (m[1] ?? '') : m[0]);
    if (stop) tokens = tokens.filter((t) => !stop.has(t));
    if (maxN === 1) return tokens;
    const terms: string[] = minN === 1 ? tokens.slice() : [];
    for (let n = Math.max(2, minN!); n <= maxN!; n++) {
      for (let i = 0; i + n <= tokens.length; i++) terms.push(tokens.slice(i, i + n).join(' '));
    }
    return terms;
  };
}

/**
 * The documents in X: a list of strings, or a table (DataFrame, rows, 2-d array) with exactly
 * one column of text, so a vectorizer can be a ColumnTransformer step on one text column.
 * Numbers and booleans are read as their text; missing documents are an error.
 */
export function documentsOf(X: TableInput | readonly (string | null)[], estimator: string): string[] {
  let values: readonly unknown[];
  if (Array.isArray(X) && X.length > 0 && X.every((v) => typeof v === 'string' || v === null)) {
    values = X;
  } else {
    const table = toTable(X as TableInput, estimator);
    if (table.numColumns !== 1) {
      throw new DataError(
        `${estimator}: X has ${table.numColumns} features (${table.columnNames.join(', ')}), but a text vectorizer takes one column of documents; ` +
          'give it a list of strings or select a single text column (one vectorizer per text column in a ColumnTransformer).',
      );
    }
    values = table.values(0);
  }
  if (values.length === 0) throw new DataError(`${estimator}: X has 0 documents; at least one is required.`);
  return values.map((v, i) => {
    if (typeof v === 'string') return v;
    if (isMissing(v)) {
      throw new DataError(
        `${estimator}: X contains ${v === null || v === undefined ? 'null' : 'NaN'} at row ${i}, where a document is expected; ` +
          "fill missing text first, e.g. SimpleImputer({ strategy: 'constant', fillValue: '' }) in a Pipeline.",
      );
    }
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const what = v instanceof Date ? 'a Date' : `a value of type ${typeof v}`;
    throw new DataError(`${estimator}: row ${i} holds ${what}, but documents must be strings; convert the column to text first.`);
  });
}
