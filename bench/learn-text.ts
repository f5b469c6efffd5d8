/**
 * `node --import tsx bench/learn-text.ts`: TfidfVectorizer (unigrams + bigrams, max_features
 * 1,000) fit_transform and transform on a deterministic synthetic corpus (10,000 documents of
 * 20–80 Zipf-distributed words over a 5,000-word vocabulary) against scikit-learn's
 * TfidfVectorizer, interleaved in one run on the same documents (written once to bench/out/).
 * Strata returns a dense matrix, scikit-learn a sparse one: the ratio includes that difference.
 * Also reports how much of the vocabulary both pick and whether the values agree.
 * Options: `--reps N` (default 3), `--docs N` (default 10000).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TfidfVectorizer } from '../src/learn/index.js';
import { random } from '../src/tensor/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';
import { busyFraction, median, timeOnce } from './harness.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));

function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Documents of Zipf-distributed pseudo-words (`w17`, `w4031`, …) with some punctuation and case. */
function corpus(docs: number, seed: number): string[] {
  const rng = random.defaultRng(seed);
  const V = 5000;
  const cdf = new Float64Array(V);
  let s = 0;
  for (let k = 0; k < V; k++) cdf[k] = s += 1 / (k + 1);
  for (let k = 0; k < V; k++) cdf[k]! /= s;
  const word = (): string => {
    const u = rng.random();
    let lo = 0, hi = V - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return `w${lo}`;
  };
  return Array.from({ length: docs }, () => {
    const n = 20 + Math.floor(rng.random() * 61);
    const words = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? word().toUpperCase() : word()));
    return words.join(' ').replace(/ (w\d+7) /g, ', $1. ');
  });
}

const ANCHOR = `
import json, sys, time
import numpy as np, sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
cfg = json.loads(sys.stdin.readline())
docs = json.load(open(cfg["docs"]))
print(json.dumps({"sklearn": sklearn.__version__}), flush=True)
for line in sys.stdin:
    msg = json.loads(line)
    v = TfidfVectorizer(ngram_range=(1, 2), max_features=1000)
    t = time.perf_counter(); v.fit_transform(docs); fit = time.perf_counter() - t
    t = time.perf_counter(); X = v.transform(docs); tr = time.perf_counter() - t
    out = {"fit": fit, "transform": tr}
    if msg.get("check"):
        out["vocabulary"] = list(v.get_feature_names_out())
        out["rows"] = X[:50].toarray().tolist()
    print(json.dumps(out), flush=True)
`;

async function main(): Promise<void> {
  const reps = arg('--reps', 3);
  const nDocs = arg('--docs', 10000);
  const docs = corpus(nDocs, 0);
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}text-corpus.json`;
  writeFileSync(path, JSON.stringify(docs));
  const busy = await busyFraction();
  console.log(`TfidfVectorizer(ngramRange [1, 2], maxFeatures 1000) on ${nDocs} documents; CPU busy before start: ${busy === undefined ? 'n/a' : `${(busy * 100).toFixed(0)}%`}`);

  const skip = missingAnchor('scikit-learn', ['numpy', 'sklearn']);
  if (skip) console.log(skip);
  const proc = skip ? undefined : spawn(PYTHON, ['-c', ANCHOR], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = proc ? createInterface({ input: proc.stdout! })[Symbol.asyncIterator]() : undefined;
  const ask = async (msg: object): Promise<any> => {
    if (!proc || !lines) return undefined;
    proc.stdin!.write(JSON.stringify(msg) + '\n');
    return JSON.parse((await lines.next()).value as string);
  };
  if (proc) {
    proc.stdin!.write(JSON.stringify({ docs: path }) + '\n');
    console.log(`anchor: scikit-learn ${(JSON.parse((await lines!.next()).value as string) as { sklearn: string }).sklearn}`);
  }

  const ours = { fit: [] as number[], transform: [] as number[] };
  const theirs = { fit: [] as number[], transform: [] as number[] };
  let check: { vocabulary: string[]; rows: number[][] } | undefined;
  let model: TfidfVectorizer | undefined;
  for (let r = 0; r < reps; r++) {
    const v = new TfidfVectorizer({ ngramRange: [1, 2], maxFeatures: 1000 });
    ours.fit.push(timeOnce(() => v.fitTransform(docs)));
    ours.transform.push(timeOnce(() => v.transform(docs)));
    model = v;
    const a = await ask({ check: r === 0 });
    if (a) {
      theirs.fit.push(a.fit);
      theirs.transform.push(a.transform);
      if (a.vocabulary) check = a;
    }
  }
  proc?.stdin!.end();

  const fmt = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
  for (const phase of ['fit', 'transform'] as const) {
    const a = median(ours[phase]);
    const b = theirs[phase].length ? median(theirs[phase]) : undefined;
    console.log(`${phase.padEnd(9)} strata ${fmt(a).padStart(8)}   sklearn ${b === undefined ? 'n/a' : fmt(b).padStart(8)}   ratio strata/sklearn ${b === undefined ? 'n/a' : (a / b).toFixed(2)}`);
  }
  if (check && model) {
    // Terms tied in total count at the maxFeatures cut are picked by NumPy's unstable argsort in
    // scikit-learn and by vocabulary order in Strata, so the vocabularies may differ there; the
    // values are compared with scikit-learn's vocabulary given to Strata.
    const mine = new Set(model.vocabulary);
    const shared = check.vocabulary.filter((t) => mine.has(t)).length;
    const fixed = new TfidfVectorizer({ ngramRange: [1, 2], vocabulary: check.vocabulary }).fit(docs);
    const rows = fixed.transform(docs.slice(0, 50)).toArray() as number[][];
    let maxDiff = 0;
    rows.forEach((row, i) => row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - check!.rows[i]![j]!)))));
    console.log(`vocabulary: ${shared} of ${check.vocabulary.length} terms the same as scikit-learn's; with its vocabulary, max |difference| on 50 rows: ${maxDiff.toExponential(2)}`);
  }
}

await main();
