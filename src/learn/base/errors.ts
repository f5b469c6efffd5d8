/** Errors raised by learn. Messages say what was wrong and what to do about it. */

/** `predict`, `transform` or a fitted attribute was used before `fit`. */
export class NotFittedError extends Error {
  override name = 'NotFittedError';
  constructor(estimator: string, what = 'this') {
    super(`${estimator} is not fitted yet: call fit(X, y) before using ${what}.`);
  }
}

/** Data that an estimator cannot take: NaN where none is allowed, wrong feature count, one class, … */
export class DataError extends Error {
  override name = 'DataError';
}

/** A hyper-parameter with a value outside its range, or an unknown parameter name. */
export class ParamError extends Error {
  override name = 'ParamError';
}
