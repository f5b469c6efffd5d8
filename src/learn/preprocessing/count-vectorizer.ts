/** CountVectorizer: documents → a matrix of term counts over a learned vocabulary. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import { type AnalyzerParams, buildAnalyzer, documentsOf } from './text-analyzer.js';

/** What a text vectorizer takes: a list of documents, or a table with one text column. */
export type TextInput = TableInput | readonly (string | null)[];

export interface CountVectorizerParams extends AnalyzerParams {
  /** Drop terms in more documents than this: a fraction in (0, 1] (default 1, keep all) or an integer count > 1. */
  maxDf: number;
  /** Drop terms in fewer documents than this: an integer count >= 1 (default 1) or a fraction in [0, 1). */
  minDf: number;
  /** Keep only the this many terms with the highest total counts (default null: all). */
  maxFeatures: number | null;
  /** Record presence (1) instead of counts (default false). */
  binary: boolean;
  /** A fixed vocabulary, in output column order; fit then learns nothing from the documents' terms. */
  vocabulary: readonly string[] | null;
}

export interface VocabularyState {
  /** The terms, in output column order (sorted, unless a fixed vocabulary was given). */
  vocabulary: string[];
}

export function countDefaults(): CountVectorizerParams {
  return {
    lowercase: true, tokenPattern: '(?u)\\b\\w\\w+\\b', ngramRange: [1, 1], stopWords: null,
    maxDf: 1, minDf: 1, maxFeatures: null, binary: false, vocabulary: null,
  };
}

/** A row-major documents × vocabulary count matrix. */
export interface Counts {
  data: Float64Array;
  rows: number;
  cols: number;
}

/** Counts the vocabulary's terms in each document's terms (terms outside the vocabulary are ignored). */
export function countTerms(terms: readonly (readonly string[])[], index: ReadonlyMap<string, number>, binary: boolean): Counts {
  const cols = index.size;
  const data = new Float64Array(terms.length * cols);
  terms.forEach((docTerms, i) => {
    for (const term of docTerms) {
      const j = index.get(term);
      if (j !== undefined) data[i * cols + j] = binary ? 1 : data[i * cols + j]! + 1;
    }
  });
  return { data, rows: terms.length, cols };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function docCountBounds(p: CountVectorizerParams, n: number, estimator: string): [low: number, high: number] {
  if (!(typeof p.maxDf === 'number' && p.maxDf > 0 && (p.maxDf <= 1 || Number.isInteger(p.maxDf)))) {
    throw new ParamError(`${estimator}: maxDf must be a fraction in (0, 1] or an integer count > 1, got ${p.maxDf}.`);
  }
  if (!(typeof p.minDf === 'number' && p.minDf >= 0 && (p.minDf < 1 || Number.isInteger(p.minDf)))) {
    throw new ParamError(`${estimator}: minDf must be an integer count >= 1 or a fraction in [0, 1), got ${p.minDf}.`);
  }
  const high = p.maxDf <= 1 ? p.maxDf * n : p.maxDf;
  const low = p.minDf < 1 ? p.minDf * n : p.minDf;
  if (high < low) throw new ParamError(`${estimator}: maxDf (${p.maxDf}) allows fewer documents than minDf (${p.minDf}); lower minDf or raise maxDf.`);
  return [low, high];
}

/**
 * Learns the vocabulary of `docs` as scikit-learn does — every term, sorted; terms whose document
 * frequency is outside [minDf, maxDf] dropped; then the `maxFeatures` most frequent kept (ties by
 * vocabulary order) — and returns it with the documents' counts.
 */
export function fitCounts(docs: readonly string[], p: CountVectorizerParams, estimator: string): { vocabulary: string[]; counts: Counts } {
  const analyze = buildAnalyzer(p, estimator);
  if (p.maxFeatures !== null && !(Number.isInteger(p.maxFeatures) && p.maxFeatures >= 1)) {
    throw new ParamError(`${estimator}: maxFeatures must be an integer >= 1 or null, got ${p.maxFeatures}.`);
  }
  if (p.vocabulary !== null) {
    if (!Array.isArray(p.vocabulary) || p.vocabulary.length === 0 || p.vocabulary.some((t) => typeof t !== 'string')) {
      throw new ParamError(`${estimator}: vocabulary must be a non-empty list of strings or null.`);
    }
    const dup = p.vocabulary.find((t, i) => p.vocabulary!.indexOf(t) !== i);
    if (dup !== undefined) throw new ParamError(`${estimator}: vocabulary lists '${dup}' twice; terms must be unique.`);
    const vocabulary = [...p.vocabulary];
    return { vocabulary, counts: countTerms(docs.map(analyze), new Map(vocabulary.map((t, j) => [t, j])), p.binary) };
  }
  const [low, high] = docCountBounds(p, docs.length, estimator);
  const tf = new Map<string, number>();
  const df = new Map<string, number>();
  const terms = docs.map(analyze);
  for (const docTerms of terms) {
    const seen = new Set<string>();
    for (const term of docTerms) {
      tf.set(term, (tf.get(term) ?? 0) + 1);
      if (!seen.has(term)) {
        seen.add(term);
        df.set(term, (df.get(term) ?? 0) + 1);
      }
    }
  }
  if (tf.size === 0) {
    throw new DataError(`${estimator}: empty vocabulary; the documents hold no tokens matching tokenPattern ${JSON.stringify(p.tokenPattern)} (perhaps only stop words).`);
  }
  let vocabulary = [...tf.keys()].sort(byCodeUnit).filter((t) => df.get(t)! >= low && df.get(t)! <= high);
  if (vocabulary.length === 0) {
    throw new DataError(`${estimator}: after pruning, no terms remain; try a lower minDf (${p.minDf}) or a higher maxDf (${p.maxDf}).`);
  }
  if (p.maxFeatures !== null && vocabulary.length > p.maxFeatures) {
    const kept = new Set(
      vocabulary
        .map((t, j) => [t, j] as const)
        .sort((a, b) => tf.get(b[0])! - tf.get(a[0])! || a[1] - b[1])
        .slice(0, p.maxFeatures)
        .map(([t]) => t),
    );
    vocabulary = vocabulary.filter((t) => kept.has(t));
  }
  const counts = countTerms(terms, new Map(vocabulary.map((t, j) => [t, j])), p.binary);
  return { vocabulary, counts };
}

/** Looks terms up by the fitted state, building the map once per state. */
export class VocabularyIndex {
  #state: VocabularyState | undefined;
  #map: Map<string, number> = new Map();

  of(state: VocabularyState): Map<string, number> {
    if (this.#state !== state) {
      this.#state = state;
      this.#map = new Map(state.vocabulary.map((t, j) => [t, j]));
    }
    return this.#map;
  }
}

/**
 * Converts documents to a dense matrix of token counts (scikit-learn's CountVectorizer with the
 * word analyzer): lowercase, tokens of two or more word characters, optional n-grams, stop
 * words and document-frequency pruning; columns are the sorted vocabulary. X is a list of
 * strings or a table with one text column (so it can be a ColumnTransformer step); numbers in
 * it are read as their text, and a missing document is an error (impute '' first). The output is
 * dense: bound the vocabulary (`maxFeatures`, `minDf`) for large corpora.
 *
 * @example
 * const cv = new CountVectorizer().fit(['the cat sat', 'the dog']);
 * cv.vocabulary;                     // ['cat', 'dog', 'sat', 'the']
 * cv.transform(['the cat']).toArray(); // [[1, 0, 0, 1]]
 */
export class CountVectorizer extends Transformer<CountVectorizerParams, VocabularyState> {
  #index = new VocabularyIndex();

  protected defaults(): CountVectorizerParams {
    return countDefaults();
  }

  fit(X: TextInput, y?: LabelInput): this {
    this.fitTransform(X, y);
    return this;
  }

  override fitTransform(X: TextInput, _y?: LabelInput): NdArray {
    const { vocabulary, counts } = fitCounts(documentsOf(X, 'CountVectorizer'), this.params, 'CountVectorizer');
    this.setFitted({ vocabulary });
    return fromTyped(counts.data, [counts.rows, counts.cols]);
  }

  /** The terms, in output column order. */
  get vocabulary(): string[] {
    return this.fitted('vocabulary').vocabulary.slice();
  }

  transform(X: TextInput): NdArray {
    const s = this.fitted('transform');
    const docs = documentsOf(X, 'CountVectorizer');
    const counts = countTerms(docs.map(buildAnalyzer(this.params, 'CountVectorizer')), this.#index.of(s), this.params.binary);
    return fromTyped(counts.data, [counts.rows, counts.cols]);
  }

  /** The vocabulary (the input column's name is not part of it, as in scikit-learn). */
  override featureNamesOut(_inputNames?: readonly string[]): string[] {
    return this.vocabulary;
  }
}

registerEstimator(CountVectorizer);
