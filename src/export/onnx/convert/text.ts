/**
 * CountVectorizer, TfidfVectorizer and TfidfTransformer. A text column (string [N, 1]) is
 * lowercased with StringNormalizer (locale C.UTF-8), split into tokens with ONNX Runtime's
 * com.microsoft Tokenizer using the default token pattern (runs of two or more Unicode word
 * characters, Python's `\b\w\w+\b`), and counted over the vocabulary's n-grams by
 * TfIdfVectorizer; the TF-IDF weighting and row normalization then run in float64.
 * Only the default token pattern converts; the file needs ONNX Runtime (com.microsoft domain).
 */
import type { Estimator } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import { type GraphBuilder, MICROSOFT } from '../graph.js';
import { type Block, asColumns, asMatrix, checkWidth, matrixBlock, stateOf } from './blocks.js';

type AnyEstimator = Estimator<any, any>;

const DEFAULT_TOKEN_PATTERN = '(?u)\\b\\w\\w+\\b';
/** Python's Unicode \w, twice or more, in RE2 syntax. */
const TOKEN_REGEX = '[\\p{L}\\p{N}_][\\p{L}\\p{N}_]+';
/** Pads short token rows; never a token, since it is not a word character. */
const PAD = '\u0001';

interface Weighting {
  norm: 'l1' | 'l2' | null;
  sublinearTf: boolean;
}

/** Float64 [N, V] counts of the vocabulary's terms in text column X. */
function termCounts(g: GraphBuilder, est: AnyEstimator, X: Block, who: string): { counts: string; width: number } {
  const vocabulary = stateOf<{ vocabulary: string[] }>(est).vocabulary;
  const p = est.params as { lowercase: boolean; tokenPattern: string; ngramRange: [number, number]; stopWords: readonly string[] | null; binary: boolean };
  if (p.tokenPattern !== DEFAULT_TOKEN_PATTERN) {
    throw new OnnxExportError(`${who} with tokenPattern ${JSON.stringify(p.tokenPattern)} cannot be exported; only the default pattern ${JSON.stringify(DEFAULT_TOKEN_PATTERN)} converts to ONNX.`);
  }
  const [minN, maxN] = p.ngramRange;
  const stop = new Set(p.stopWords ?? []);
  if (stop.size > 0 && (maxN > 1 || vocabulary.some((t) => stop.has(t)))) {
    throw new OnnxExportError(`${who} with stop words and n-grams longer than 1 cannot be exported (removing stop words changes which tokens are adjacent); use ngramRange [1, 1] or no stopWords.`);
  }
  checkWidth(1, X, who);
  const column = asColumns(g, X)[0]!;
  if (column.type !== 'string') throw new OnnxExportError(`${who}: column '${column.name}' must be a string input to hold documents; declare it 'string' in options.inputs.`);
  const flat = g.op('Reshape', [column.value, g.int64s('shape', [-1])]);
  const text = p.lowercase ? g.op('StringNormalizer', [flat], { case_change_action: { string: 'LOWER' }, locale: { string: 'C.UTF-8' } }) : flat;
  const tokens = g.node('Tokenizer', [text], { mark: { int: 0 }, pad_value: { string: PAD }, mincharnum: { int: 1 }, tokenexp: { string: TOKEN_REGEX } }, { domain: MICROSOFT })[0]!;
  // The pool lists the vocabulary's n-grams grouped by n (1 … maxN), each as its tokens.
  const byN: { term: string; column: number }[][] = Array.from({ length: maxN }, () => []);
  vocabulary.forEach((term, column) => byN[term.split(' ').length - 1]!.push({ term, column }));
  const pool: string[] = [];
  const starts: number[] = [];
  const indexes: number[] = [];
  for (const group of byN) {
    starts.push(pool.length);
    for (const { term, column } of group) {
      pool.push(...term.split(' '));
      indexes.push(column);
    }
  }
  const tf = g.op('TfIdfVectorizer', [tokens], {
    mode: { string: 'TF' },
    min_gram_length: { int: minN },
    max_gram_length: { int: maxN },
    max_skip_count: { int: 0 },
    ngram_counts: { ints: starts },
    ngram_indexes: { ints: indexes },
    pool_strings: { strings: pool },
  });
  let counts = g.op('Cast', [tf], { to: { int: 11 } });
  if (p.binary) counts = g.op('Min', [counts, g.doubles('one', [], [1])]);
  return { counts, width: vocabulary.length };
}

/** Sublinear tf, idf and row normalization, as the native weighting. */
function weigh(g: GraphBuilder, counts: string, width: number, idf: ArrayLike<number> | null, p: Weighting): string {
  let v = counts;
  if (p.sublinearTf) {
    const positive = g.op('Greater', [v, g.doubles('zero', [], [0])]);
    v = g.op('Where', [positive, g.op('Add', [g.op('Log', [v]), g.doubles('one', [], [1])]), v]);
  }
  if (idf) v = g.op('Mul', [v, g.doubles('idf', [1, width], idf)]);
  if (p.norm === null) return v;
  const axis = g.int64s('axis1', [1]);
  const norm = p.norm === 'l2'
    ? g.op('Sqrt', [g.op('ReduceSum', [g.op('Mul', [v, v]), axis], { keepdims: { int: 1 } })])
    : g.op('ReduceSum', [g.op('Abs', [v]), axis], { keepdims: { int: 1 } });
  const safe = g.op('Where', [g.op('Equal', [norm, g.doubles('zero', [], [0])]), g.doubles('one', [], [1]), norm]);
  return g.op('Div', [v, safe]);
}

export function countVectorizer(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const { counts, width } = termCounts(g, est, X, 'CountVectorizer');
  return matrixBlock(counts, width);
}

export function tfidfVectorizer(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const { counts, width } = termCounts(g, est, X, 'TfidfVectorizer');
  const idf = stateOf<{ idf: Float64Array | null }>(est).idf;
  return matrixBlock(weigh(g, counts, width, idf, est.params as Weighting), width);
}

export function tfidfTransformer(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf<{ idf: Float64Array | null; nFeaturesIn: number }>(est);
  checkWidth(s.nFeaturesIn, X, 'TfidfTransformer');
  return matrixBlock(weigh(g, asMatrix(g, X, 'TfidfTransformer'), s.nFeaturesIn, s.idf, est.params as Weighting), s.nFeaturesIn);
}
