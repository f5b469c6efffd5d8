/**
 * The shared contract suite every learn estimator runs (after scikit-learn's check_estimator):
 * call `checkEstimator(() => new Model({...}), data)` inside a test file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NdArray, array } from '../../src/tensor/index.js';
import { Estimator, NotFittedError, DataError, ParamError, type MatrixInput, type LabelInput } from '../../src/learn/index.js';

type AnyModel = Estimator<any, any> & {
  fit(X: MatrixInput, y?: LabelInput): unknown;
  predict?(X: MatrixInput): unknown;
  transform?(X: MatrixInput): unknown;
  predictProba?(X: MatrixInput): unknown;
};

export interface CheckData {
  X: number[][];
  y?: (number | string | boolean)[];
  /** The estimator accepts NaN in X (imputers, trees with native missing values). */
  allowsNaN?: boolean;
}

function output(model: AnyModel, X: MatrixInput): unknown {
  const raw = model.predict ? model.predict(X) : model.transform!(X);
  return raw instanceof NdArray ? { shape: raw.shape, values: raw.toArray() } : raw;
}

export function checkEstimator(make: () => AnyModel, data: CheckData): void {
  const name = make().constructor.name;
  const X = data.X;
  const fit = (m: AnyModel): AnyModel => {
    const r = m.fit(X, data.y);
    assert.equal(r, m, `${name}.fit must return this`);
    return m;
  };

  test(`${name} follows the estimator contract: params, clone, NotFittedError`, () => {
    const m = make();
    const params = m.getParams();
    assert.deepEqual(m.clone().getParams(), params);
    assert.equal(m.isFitted, false);
    assert.throws(() => output(m, X), (e: Error) => e instanceof NotFittedError && /call fit/.test(e.message));
    assert.throws(() => m.setParams({ noSuchParam: 1 } as never), (e: Error) => e instanceof ParamError && /Valid parameters:/.test(e.message));
    fit(m);
    assert.deepEqual(m.getParams(), params, 'fit must not change params');
    const c = m.clone();
    assert.equal(c.isFitted, false, 'clone must be unfitted');
  });

  test(`${name} round-trips through toJSON/fromJSON exactly`, () => {
    const m = fit(make());
    const json = JSON.stringify(m.toJSON());
    const back = Estimator.fromJSON(JSON.parse(json)) as AnyModel;
    assert.equal(back.constructor, m.constructor);
    assert.deepEqual(output(back, X), output(m, X));
    if (m.predictProba) {
      assert.deepEqual((back.predictProba!(X) as NdArray).toArray(), (m.predictProba(X) as NdArray).toArray());
    }
    assert.equal(JSON.stringify(back.toJSON()), json);
    const unfitted = Estimator.fromJSON(JSON.parse(JSON.stringify(make().toJSON())));
    assert.equal(unfitted.isFitted, false);
  });

  test(`${name} is deterministic for the same params and data`, () => {
    assert.deepEqual(output(fit(make()), X), output(fit(make()), X));
  });

  test(`${name} rejects bad input with errors that say what to fix`, () => {
    const m = fit(make());
    const wide = X.map((row) => [...row, 0]);
    assert.throws(() => output(m, wide), (e: Error) => e instanceof DataError && /features/.test(e.message));
    if (!data.allowsNaN) {
      const holed = X.map((row) => row.slice());
      holed[1]![0] = NaN;
      assert.throws(() => make().fit(holed, data.y), (e: Error) => e instanceof DataError && /NaN at row 1/.test(e.message));
    }
    assert.throws(() => make().fit(array(X[0]!) as never, data.y), /2-d array/);
  });
}
