/** TfidfVectorizer: documents → TF-IDF features (CountVectorizer followed by TfidfTransformer). */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import {
  type CountVectorizerParams, type TextInput, type VocabularyState, VocabularyIndex, countDefaults, countTerms, fitCounts,
} from './count-vectorizer.js';
import { buildAnalyzer, documentsOf } from './text-analyzer.js';
import { type TfidfWeighting, checkWeighting, inverseDocumentFrequency, weightCounts } from './tfidf-transformer.js';

export interface TfidfVectorizerParams extends CountVectorizerParams, TfidfWeighting {}

interface TfidfVectorizerState extends VocabularyState {
  idf: Float64Array | null;
}

/**
 * Converts documents to TF-IDF features (scikit-learn's TfidfVectorizer): counts as
 * CountVectorizer does, then weights each count by the smoothed inverse document frequency and
 * scales each row to unit L2 norm. The output is a dense documents × vocabulary matrix, so bound
 * the vocabulary (`maxFeatures`, `minDf`) for large corpora.
 *
 * @example
 * const tfidf = new TfidfVectorizer({ maxFeatures: 1000, ngramRange: [1, 2] });
 * const X = tfidf.fitTransform(reviews);       // reviews: string[]
 * tfidf.featureNamesOut().slice(0, 3);         // first terms of the sorted vocabulary
 */
export class TfidfVectorizer extends Transformer<TfidfVectorizerParams, TfidfVectorizerState> {
  #index = new VocabularyIndex();

  protected defaults(): TfidfVectorizerParams {
    return { ...countDefaults(), norm: 'l2', useIdf: true, smoothIdf: true, sublinearTf: false };
  }

  fit(X: TextInput, y?: LabelInput): this {
    this.fitTransform(X, y);
    return this;
  }

  override fitTransform(X: TextInput, _y?: LabelInput): NdArray {
    checkWeighting(this.params, 'TfidfVectorizer');
    const { vocabulary, counts } = fitCounts(documentsOf(X, 'TfidfVectorizer'), this.params, 'TfidfVectorizer');
    const { data, rows, cols } = counts;
    const idf = this.params.useIdf ? inverseDocumentFrequency(data, rows, cols, this.params.smoothIdf) : null;
    this.setFitted({ vocabulary, idf });
    weightCounts(data, rows, cols, idf, this.params);
    return fromTyped(data, [rows, cols]);
  }

  /** The terms, in output column order. */
  get vocabulary(): string[] {
    return this.fitted('vocabulary').vocabulary.slice();
  }

  /** The inverse document frequency of each term (null when useIdf is false). */
  get idf(): Float64Array | null {
    return this.fitted('idf').idf?.slice() ?? null;
  }

  transform(X: TextInput): NdArray {
    const s = this.fitted('transform');
    const docs = documentsOf(X, 'TfidfVectorizer');
    const { data, rows, cols } = countTerms(docs.map(buildAnalyzer(this.params, 'TfidfVectorizer')), this.#index.of(s), this.params.binary);
    weightCounts(data, rows, cols, s.idf, this.params);
    return fromTyped(data, [rows, cols]);
  }

  /** The vocabulary (the input column's name is not part of it, as in scikit-learn). */
  override featureNamesOut(_inputNames?: readonly string[]): string[] {
    return this.vocabulary;
  }
}

registerEstimator(TfidfVectorizer);
