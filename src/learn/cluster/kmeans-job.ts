/**
 * The nInit runs of one KMeans fit as a self-contained job: the centered data, and per run
 * either its starting centers or the random numbers its k-means++ consumes, all decided before
 * any run starts, so runs give the same results whichever thread runs them, in any order.
 */
import { elkanKMeans } from './elkan.js';
import type { KMeansRun } from './kmeans-core.js';
import { kmeansPlusPlusFrom } from './kmeans-init.js';
import { lloydKMeans } from './lloyd.js';

export interface KMeansJob {
  /** Centered data, n × d row-major (shared memory when runs go to worker threads). */
  x: Float64Array;
  /** Squared row norms of x. */
  xNorms: Float64Array;
  n: number;
  d: number;
  k: number;
  maxIter: number;
  /** Absolute tolerance on the total squared center shift. */
  tol: number;
  algorithm: 'lloyd' | 'elkan';
  /** Per run: its starting centers (k × d), or its k-means++ random numbers. */
  runs: ({ start: Float64Array } | { draws: Float64Array })[];
}

/** Runs initialization `r` of the job to convergence. */
export function runKMeans(job: KMeansJob, r: number): KMeansRun {
  const { x, xNorms, n, d, k, maxIter, tol, algorithm } = job;
  const run = job.runs[r]!;
  const start = 'start' in run ? run.start : kmeansPlusPlusFrom(x, n, d, k, run.draws, xNorms);
  if (algorithm === 'elkan' && k > 1) return elkanKMeans(x, n, d, start, k, maxIter, tol, xNorms);
  return lloydKMeans(x, n, d, start, k, maxIter, tol);
}
