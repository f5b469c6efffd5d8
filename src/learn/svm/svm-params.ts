/** Parameters and checks shared by SVC and SVR. */
import { ParamError } from '../base/errors.js';
import { checkChoice, checkInteger, checkNumber } from '../linear/checks.js';
import type { KernelName } from './kernels.js';

export interface KernelParams {
  /** 'rbf' (default), 'poly', 'linear' or 'sigmoid'. */
  kernel: KernelName;
  /** Degree of the 'poly' kernel. Default 3. */
  degree: number;
  /** Kernel coefficient: 'scale' (default, 1 / (features · Var(X))), 'auto' (1 / features) or a number > 0. */
  gamma: number | 'scale' | 'auto';
  /** Constant term of 'poly' and 'sigmoid'. Default 0. */
  coef0: number;
  /** Penalty on margin violations, > 0. Default 1. */
  C: number;
  /** Stopping tolerance on the KKT violation. Default 1e-3. */
  tol: number;
  /** Kernel cache size in MB. Default 200. */
  cacheSize: number;
  /** Iteration limit of SMO, -1 for none. Default -1. */
  maxIter: number;
}

export function kernelDefaults(): KernelParams {
  return { kernel: 'rbf', degree: 3, gamma: 'scale', coef0: 0, C: 1, tol: 1e-3, cacheSize: 200, maxIter: -1 };
}

export function checkKernelParams(p: KernelParams, name: string): void {
  checkChoice(name, 'kernel', p.kernel, ['rbf', 'poly', 'linear', 'sigmoid'] as const);
  checkInteger(name, 'degree', p.degree, 0);
  checkNumber(name, 'coef0', p.coef0, -Infinity);
  checkNumber(name, 'C', p.C, 0, true, 'C weighs margin violations; use a small C for strong regularization.');
  checkNumber(name, 'tol', p.tol, 0, true);
  checkNumber(name, 'cacheSize', p.cacheSize, 0, true);
  if (p.maxIter !== -1) checkInteger(name, 'maxIter', p.maxIter, 1);
  if (typeof p.gamma === 'string' && p.gamma !== 'scale' && p.gamma !== 'auto') {
    throw new ParamError(`${name}: gamma must be 'scale', 'auto' or a number > 0, got '${p.gamma}'.`);
  }
}

/** libsvm's default iteration cap when maxIter is -1. */
export function iterationLimit(maxIter: number, l: number): number {
  return maxIter === -1 ? Math.max(10_000_000, 100 * l) : maxIter;
}
