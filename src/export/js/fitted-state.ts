/**
 * The fitted state of an estimator as plain data, read through its own `toJSON` (the same
 * document a saved model holds), so export needs no access to private fields.
 */
import { Estimator, NotFittedError } from '../../learn/index.js';
import { decode } from '../../learn/base/serialize.js';

/** The decoded fitted state of `est`; NotFittedError when it was never fitted. */
export function fittedState<S>(est: Estimator<any, any>): S {
  const doc = est.toJSON();
  if (doc.state === null) throw new NotFittedError(est.constructor.name, 'export');
  return decode(doc.state) as S;
}
