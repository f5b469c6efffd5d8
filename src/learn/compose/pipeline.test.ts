import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type NdArray, fromTyped } from '../../tensor/index.js';
import {
  Classifier, DataError, Estimator, type Label, type LabelInput, type MatrixInput, MinMaxScaler, OneHotEncoder, ParamError, Pipeline,
  SimpleImputer, StandardScaler, checkFeatureCount, encodeLabels, makePipeline, registerEstimator, toLabels, toMatrix,
} from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';

/** Test-only: nearest class mean, with softmax(−distance) probabilities. */
class ToyCentroid extends Classifier<{ temperature: number }, { classes: Label[]; centroids: Float64Array; p: number }> {
  protected defaults() {
    return { temperature: 1 };
  }
  fit(X: MatrixInput, y: LabelInput): this {
    const m = toMatrix(X, { estimator: 'ToyCentroid' });
    const { classes, codes } = encodeLabels(toLabels(y, m.rows));
    const c = new Float64Array(classes.length * m.cols);
    const n = new Float64Array(classes.length);
    codes.forEach((k, i) => {
      n[k]!++;
      for (let j = 0; j < m.cols; j++) c[k * m.cols + j]! += m.data[i * m.cols + j]!;
    });
    c.forEach((v, i) => (c[i] = v / n[Math.floor(i / m.cols)]!));
    this.setFitted({ classes, centroids: c, p: m.cols });
    return this;
  }
  predictProba(X: MatrixInput): NdArray {
    const s = this.fitted('predictProba');
    const m = toMatrix(X);
    checkFeatureCount(m, s.p, 'ToyCentroid');
    const k = s.classes.length;
    const out = new Float64Array(m.rows * k);
    for (let i = 0; i < m.rows; i++) {
      let z = 0;
      for (let c = 0; c < k; c++) {
        let d = 0;
        for (let j = 0; j < s.p; j++) d += (m.data[i * s.p + j]! - s.centroids[c * s.p + j]!) ** 2;
        out[i * k + c] = Math.exp(-Math.sqrt(d) / this.params.temperature);
        z += out[i * k + c]!;
      }
      for (let c = 0; c < k; c++) out[i * k + c]! /= z;
    }
    return fromTyped(out, [m.rows, k]);
  }
  predict(X: MatrixInput): Label[] {
    const P = this.predictProba(X).toArray() as number[][];
    return P.map((r) => this.fitted().classes[r.indexOf(Math.max(...r))]!);
  }
}
registerEstimator(ToyCentroid);

const X = [[0, 0], [1, 0.5], [0.5, 1], [5, 5], [6, 5.5], [5.5, 6], [0.2, 0.1], [5.2, 5.1]];
const y = ['a', 'a', 'a', 'b', 'b', 'b', 'a', 'b'];

test('Pipeline fits steps in order and delegates predict, predictProba, score and transform', () => {
  const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['clf', new ToyCentroid()]] });
  pipe.fit(X, y);
  const scaled = new StandardScaler().fit(X).transform(X);
  const direct = new ToyCentroid().fit(scaled, y);
  assert.deepEqual(pipe.predict(X), direct.predict(scaled));
  assertClose(pipe.predictProba(X), direct.predictProba(scaled), { rtol: 1e-14 });
  assert.equal(pipe.score(X, y), 1);
  assert.deepEqual(pipe.classes, ['a', 'b']);
  assert.ok((pipe.namedSteps.scale as StandardScaler).isFitted);
  const tp = makePipeline(new StandardScaler(), new MinMaxScaler());
  assert.deepEqual(tp.params.steps.map(([n]) => n), ['standardscaler', 'minmaxscaler']);
  assertClose(tp.fitTransform(X), new MinMaxScaler().fit(scaled).transform(scaled), { rtol: 1e-14 });
  assertClose(tp.inverseTransform(tp.transform(X)) as NdArray, X, { rtol: 1e-12, atol: 1e-12 });
  assert.deepEqual(tp.featureNamesOut(['u', 'v']), ['u', 'v']);
  assert.deepEqual(makePipeline(new StandardScaler(), new StandardScaler()).params.steps.map(([n]) => n), ['standardscaler-1', 'standardscaler-2']);
});

test('Pipeline passes text between an imputer and an encoder', () => {
  const rows = [{ c: 'x' }, { c: null }, { c: 'y' }, { c: 'x' }];
  const pipe = makePipeline(new SimpleImputer({ strategy: 'most_frequent' }), new OneHotEncoder());
  assert.deepEqual(pipe.fitTransform(rows).toArray(), [[1, 0], [1, 0], [0, 1], [1, 0]]);
  assert.deepEqual(pipe.featureNamesOut(), ['c_x', 'c_y']);
});

test('Pipeline setParams reaches into steps with step__param and can replace steps', () => {
  const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['clf', new ToyCentroid()]] });
  pipe.setParams({ clf__temperature: 3, scale__withMean: false });
  assert.equal((pipe.step('clf') as ToyCentroid).params.temperature, 3);
  assert.equal((pipe.step('scale') as StandardScaler).params.withMean, false);
  assert.equal(pipe.deepParams().clf__temperature, 3);
  pipe.setParams({ scale: 'passthrough' });
  assert.equal(pipe.namedSteps.scale, 'passthrough');
  pipe.fit(X, y);
  assert.deepEqual(pipe.predict(X), y);
  assert.throws(() => pipe.setParams({ nope__x: 1 }), (e: Error) => e instanceof ParamError && /Valid parameters/.test(e.message));
  assert.throws(() => pipe.setParams({ clf__nope: 1 }), (e: Error) => e instanceof ParamError && /no parameter 'nope'/.test(e.message));
  const c = pipe.clone();
  assert.notEqual(c.step('clf'), pipe.step('clf'));
  assert.equal((c.step('clf') as ToyCentroid).isFitted, false);
  assert.equal((c.step('clf') as ToyCentroid).params.temperature, 3);
});

test('Pipeline serializes nested steps exactly', () => {
  const pipe = new Pipeline({ steps: [['impute', new SimpleImputer()], ['scale', new StandardScaler()], ['clf', new ToyCentroid({ temperature: 2 })]] });
  const holed = X.map((r) => r.slice());
  holed[2]![1] = NaN;
  pipe.fit(holed, y);
  const json = JSON.stringify(pipe.toJSON());
  const back = Estimator.fromJSON<Pipeline>(JSON.parse(json));
  assert.equal(JSON.stringify(back.toJSON()), json);
  assert.deepEqual(back.predictProba(holed).toArray(), pipe.predictProba(holed).toArray());
  const unfitted = Estimator.fromJSON<Pipeline>(JSON.parse(JSON.stringify(pipe.clone().toJSON())));
  assert.equal(unfitted.isFitted, false);
  assert.equal((unfitted.step('clf') as ToyCentroid).params.temperature, 2);
});

test('Pipeline errors: empty, duplicate names, a non-transformer in the middle, missing methods', () => {
  assert.throws(() => new Pipeline().fit(X, y), /at least one step/);
  assert.throws(() => new Pipeline({ steps: [['a', new StandardScaler()], ['a', new ToyCentroid()]] }).fit(X, y), /two steps named 'a'/);
  assert.throws(() => new Pipeline({ steps: [['clf', new ToyCentroid()], ['scale', new StandardScaler()]] }).fit(X, y), /must be a transformer/);
  const tp = makePipeline(new StandardScaler()).fit(X);
  assert.throws(() => tp.predict(X), (e: Error) => e instanceof ParamError && /has no predict/.test(e.message));
  assert.throws(() => makePipeline(new StandardScaler(), new ToyCentroid()).fit(X, y).predict([[1, 2, 3]]), (e: Error) => e instanceof DataError && /features/.test(e.message));
});

checkEstimator(() => new Pipeline({ steps: [['scale', new StandardScaler()], ['clf', new ToyCentroid()]] }), { X, y });
// A transformer-only pipeline still has predict() (it throws), so checkEstimator, which calls
// predict when present, is run on the classifier pipeline above; its contract is checked here.
test('a transformer pipeline round-trips and rejects a wrong feature count', () => {
  const tp = makePipeline(new StandardScaler(), new MinMaxScaler()).fit(X);
  const back = Estimator.fromJSON<Pipeline>(JSON.parse(JSON.stringify(tp)));
  assert.deepEqual(back.transform(X).toArray(), tp.transform(X).toArray());
  assert.throws(() => tp.transform([[1, 2, 3]]), (e: Error) => e instanceof DataError && /features/.test(e.message));
});

test('predictWithProba runs the transformers once for predict and predictProba, with the default for any classifier', () => {
  let transforms = 0;
  class CountingScaler extends StandardScaler {
    override transform(Xs: MatrixInput): NdArray {
      transforms++;
      return super.transform(Xs);
    }
  }
  const pipe = new Pipeline({ steps: [['scale', new CountingScaler()], ['clf', new ToyCentroid()]] }).fit(X, y);
  transforms = 0;
  const both = pipe.predictWithProba(X);
  assert.equal(transforms, 1, 'the scaler ran once');
  assert.deepEqual(both.labels, pipe.predict(X));
  assert.deepEqual(both.proba!.toArray(), pipe.predictProba(X).toArray());
  const direct = new ToyCentroid().fit(X, y);
  assert.deepEqual(direct.predictWithProba(X.slice(0, 1)).labels, direct.predict(X.slice(0, 1)));
  // A classifier without predictProba gets its labels and null, from one predict.
  let predicted = 0;
  class Constant extends Classifier<object, { classes: Label[] }> {
    protected defaults() {
      return {};
    }
    fit(_X: MatrixInput, yy: LabelInput): this {
      this.setFitted({ classes: encodeLabels(toLabels(yy)).classes });
      return this;
    }
    predict(Xp: MatrixInput): Label[] {
      predicted++;
      return new Array(toMatrix(Xp).rows).fill(this.classes[0]);
    }
  }
  const c = new Pipeline({ steps: [['scale', new StandardScaler()], ['clf', new Constant()]] }).fit(X, y);
  assert.deepEqual(c.predictWithProba(X.slice(0, 2)), { labels: ['a', 'a'], proba: null });
  assert.equal(predicted, 1, 'predict ran once');
  const tr = new Pipeline({ steps: [['scale', new MinMaxScaler()], ['std', new StandardScaler()]] }).fit(X);
  assert.throws(() => tr.predictWithProba(X), (e: Error) => e instanceof ParamError && /has no predict\(\)/.test(e.message));
});
