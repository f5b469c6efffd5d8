/**
 * Hosting and its guards on a real server: keys with scopes, private endpoints, uploads,
 * rate limits, usage per key and model, and every bad request answered with a 4xx that says why.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startServer, trainedHome, type Running, type TrainedHome } from '../../test/helpers/serve/fixture.js';
import { serveContext } from './index.js';

let t: TrainedHome;
let s: Running;
let admin: string;
let alice: { predict: string; upload: string; both: string };
let bob: string;
let modelFile: unknown;
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

before(async () => {
  t = await trainedHome();
  s = await startServer({ models: ['gb'], store: t.store, privateModels: true, bodyLimit: 64 * 1024 });
  const hosting = serveContext(s.app).hosting;
  admin = hosting.createKey({ owner: 'ops', scopes: ['admin'] }).token;
  alice = {
    predict: hosting.createKey({ owner: 'alice', scopes: ['predict'] }).token,
    upload: hosting.createKey({ owner: 'alice', scopes: ['upload'] }).token,
    both: hosting.createKey({ owner: 'alice', scopes: ['predict', 'upload'], rateLimit: 3 }).token,
  };
  bob = hosting.createKey({ owner: 'bob', scopes: ['predict', 'upload'] }).token;
  modelFile = JSON.parse(readFileSync(join(t.dir, 'gb.json'), 'utf8'));
});

after(async () => {
  await s?.app.close();
});

test('private models: no key → 401, a wrong key → 401, a key without predict → 403, predict → 200', async () => {
  const body = { instances: t.fresh.slice(0, 2) };
  const none = await s.call('POST', '/v1/models/gb:predict', body);
  assert.equal(none.status, 401);
  assert.match(none.body.error, /needs an API key with the 'predict' scope/);
  assert.equal((await s.call('GET', '/v2/models/gb')).status, 401, 'metadata of a private model is private too');
  const wrong = await s.call('POST', '/v1/models/gb:predict', body, bearer('sk_0123456789abcdef_' + 'A'.repeat(43)));
  assert.equal(wrong.status, 401);
  assert.match(wrong.body.error, /not valid/);
  assert.equal((await s.call('POST', '/v1/models/gb:predict', body, { authorization: 'Basic abc' })).status, 401);
  const scope = await s.call('POST', '/v1/models/gb:predict', body, bearer(alice.upload));
  assert.equal(scope.status, 403);
  assert.match(scope.body.error, /this needs 'predict'/);
  const ok = await s.call('POST', '/v1/models/gb:predict', body, { 'x-api-key': alice.predict });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.predictions.length, 2);
  assert.equal((await s.call('GET', '/v2/health/ready')).status, 200, 'health needs no key');
});

test('upload creates an endpoint owned by the key\'s owner; private to that owner, public to all', async () => {
  assert.equal((await s.call('POST', '/v1/endpoints/mine', modelFile, bearer(alice.predict))).status, 403, 'upload needs the upload scope');
  assert.equal((await s.call('POST', '/v1/endpoints/mine', modelFile)).status, 401);
  const up = await s.call('POST', '/v1/endpoints/mine', modelFile, bearer(alice.upload));
  assert.equal(up.status, 201, up.text);
  assert.deepEqual([up.body.name, up.body.version, up.body.visibility, up.body.owner, up.body.platform], ['mine', '1', 'private', 'alice', 'strata']);
  const rows = { instances: t.fresh.slice(0, 4) };
  assert.equal((await s.call('POST', '/v1/models/mine:predict', rows, bearer(alice.predict))).status, 200);
  const other = await s.call('POST', '/v1/models/mine:predict', rows, bearer(bob));
  assert.equal(other.status, 403);
  assert.match(other.body.error, /private to its owner/);
  assert.equal((await s.call('POST', '/v1/models/mine:predict', rows, bearer(admin))).status, 200, 'admin sees everything');
  assert.equal((await s.call('POST', '/v1/endpoints/mine', modelFile, bearer(bob))).status, 403, 'bob cannot overwrite alice\'s endpoint');
  const pub = await s.call('PATCH', '/v1/endpoints/mine', { visibility: 'public' }, bearer(alice.upload));
  assert.equal(pub.status, 200, pub.text);
  assert.equal((await s.call('POST', '/v1/models/mine:predict', rows)).status, 200, 'public: no key needed');
  const v2 = await s.call('PUT', '/v1/endpoints/mine?visibility=public', modelFile, bearer(alice.upload));
  assert.equal(v2.status, 200);
  assert.equal(v2.body.version, '2');
  const listed = await s.call('GET', '/v1/endpoints');
  assert.deepEqual(listed.body.endpoints.map((e: { name: string }) => e.name), ['mine'], 'anonymous callers see only public models');
  assert.equal((await s.call('POST', '/v1/endpoints/gb', modelFile, bearer(admin))).status, 409, 'a model named at start cannot be replaced');
  assert.equal((await s.call('DELETE', '/v1/endpoints/mine', undefined, bearer(bob))).status, 403);
  assert.equal((await s.call('DELETE', '/v1/endpoints/mine', undefined, bearer(alice.upload))).status, 204);
  assert.equal((await s.call('POST', '/v1/models/mine:predict', rows)).status, 404);
});

test('uploads that are not models are refused with the reason, and leave nothing behind', async () => {
  const notModel = await s.call('POST', '/v1/endpoints/junk', { hello: 1 }, bearer(alice.upload));
  assert.equal(notModel.status, 400);
  assert.match(notModel.body.error, /strata-model/);
  const badOnnx = await s.call('POST', '/v1/endpoints/junk', 'not an onnx file', { ...bearer(alice.upload), 'content-type': 'application/octet-stream' });
  assert.equal(badOnnx.status, 400);
  assert.match(badOnnx.body.error, /\.onnx model cannot be loaded/);
  const broken = await s.call('POST', '/v1/endpoints/junk', { ...(modelFile as object), pipeline: { type: 'no-such-estimator' } }, bearer(alice.upload));
  assert.equal(broken.status, 400);
  assert.match(broken.body.error, /pipeline cannot be rebuilt/);
  assert.equal(serveContext(s.app).hosting.getEndpoint('junk'), null);
  assert.equal((await s.call('POST', '/v1/endpoints/kept', modelFile, bearer(alice.upload))).status, 201);
  assert.equal((await s.call('POST', '/v1/endpoints/kept', { hello: 1 }, bearer(alice.upload))).status, 400);
  const kept = await s.call('GET', '/v1/endpoints/kept', undefined, bearer(alice.predict));
  assert.equal(kept.body.version, '1', 'a refused upload leaves the endpoint as it was');
  assert.equal(serveContext(s.app).hosting.getEndpoint('kept')?.version, 1);
  assert.equal((await s.call('POST', '/v1/models/junk:predict', { instances: t.fresh.slice(0, 1) }, bearer(admin))).status, 404);
});

test('keys: admin creates, lists and revokes; others get 403; a revoked key is a 401', async () => {
  assert.equal((await s.call('POST', '/v1/keys', { owner: 'carol', scopes: ['predict'] }, bearer(alice.both))).status, 403);
  const bad = await s.call('POST', '/v1/keys', { owner: 'carol', scopes: ['root'] }, bearer(admin));
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /scopes/);
  const made = await s.call('POST', '/v1/keys', { owner: 'carol', scopes: ['predict'], rateLimit: 100 }, bearer(admin));
  assert.equal(made.status, 201, made.text);
  assert.match(made.body.key, /^sk_[0-9a-f]{16}_/);
  const list = await s.call('GET', '/v1/keys', undefined, bearer(admin));
  const carol = list.body.keys.find((k: { owner: string }) => k.owner === 'carol');
  assert.deepEqual(carol.scopes, ['predict']);
  assert.ok(!JSON.stringify(list.body).includes(made.body.key.slice(20)), 'secrets are never listed');
  const raw = readFileSync(join(t.home, 'serve.db'));
  assert.ok(!raw.includes(Buffer.from(made.body.key.slice(20))), 'the database holds only a hash of the secret');
  assert.equal((await s.call('POST', '/v1/models/gb:predict', { instances: t.fresh.slice(0, 1) }, bearer(made.body.key))).status, 200);
  assert.equal((await s.call('DELETE', `/v1/keys/${carol.id}`, undefined, bearer(admin))).status, 204);
  assert.equal((await s.call('POST', '/v1/models/gb:predict', { instances: t.fresh.slice(0, 1) }, bearer(made.body.key))).status, 401);
});

test('rate limits answer 429 with Retry-After, and usage counts calls, rows and errors per key and model', async () => {
  const rows = { instances: t.fresh.slice(0, 5) };
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 5; i++) {
    const r = await s.call('POST', '/v1/models/gb:predict', i === 1 ? { instances: [{ x: 1 }] } : rows, bearer(alice.both));
    statuses.push(r.status);
    if (r.status === 429) retryAfter = r.headers.get('retry-after');
  }
  assert.deepEqual(statuses, [200, 400, 200, 429, 429], 'a limit of 3 per minute allows a burst of 3');
  assert.ok(Number(retryAfter) >= 1);
  const mine = await s.call('GET', '/v1/usage?model=gb', undefined, bearer(alice.both));
  assert.equal(mine.status, 200);
  const id = alice.both.slice(3, 19);
  const row = mine.body.usage.find((u: { keyId: string }) => u.keyId === id);
  assert.deepEqual({ calls: row.calls, rows: row.rows, errors: row.errors, owner: row.owner }, { calls: 3, rows: 10, errors: 1, owner: 'alice' });
  assert.ok(mine.body.usage.every((u: { owner: string }) => u.owner === 'alice'), 'a non-admin sees only its owner\'s keys');
  const all = await s.call('GET', '/v1/usage', undefined, bearer(admin));
  assert.ok(all.body.usage.some((u: { owner: string }) => u.owner === 'ops'));
  assert.equal((await s.call('GET', '/v1/usage')).status, 401);
  assert.match((await s.call('GET', '/metrics')).text, new RegExp(`strata_serve_rate_limited_total\\{key="${id}"\\} 2`));
});

test('bad requests: 413 oversized, 400 malformed JSON, deep nesting, wrong types, NaN strings, wrong names and shapes', async () => {
  const k = bearer(admin);
  const big = await s.call('POST', '/v1/models/gb:predict', { instances: Array.from({ length: 2000 }, () => t.fresh[0]) }, k);
  assert.equal(big.status, 413);
  assert.match(big.body.error, /65536-byte limit/);
  const cases: [unknown, RegExp, string?][] = [
    ['{"instances": [', /not valid JSON/],
    ['', /empty/],
    ['[' .repeat(5000) + ']'.repeat(5000), /nested more than 32 levels/],
    ['{"instances": [' + '{"a":'.repeat(40) + '1' + '}'.repeat(40) + ']}', /nested more than 32 levels/],
    [{ instances: [{ ...t.fresh[0], x1: 'NaN' }] }, /instances\[0\]\.x1 must be a number or null.*"NaN"/, 'instances[0].x1'],
    [{ instances: [{ ...t.fresh[0], x1: [1, 2] }] }, /x1 must be a number or null.*got an array/, 'instances[0].x1'],
    [{ instances: [{ ...t.fresh[0], shade: 3 }] }, /shade must be a string or null.*got number 3/, 'instances[0].shade'],
    [{ instances: [{ ...t.fresh[0], colour: 'red' }] }, /unknown field "colour"/, 'instances[0].colour'],
    [{ instances: [{ x1: 1 }] }, /lacks field 'id'/, 'instances[0].id'],
    [{ instances: [] }, /empty/],
    [{ instances: 'rows' }, /instances/],
    [{ instances: [3] }, /instances/],
    [{ rows: [] }, /one of the keys 'instances', 'inputs'/],
    [{ instances: [t.fresh[0]], extra: 1 }, /one of the keys|unknown key 'extra'/],
    [{ inputs: { id: [1, 2], x1: [1], x2: [1, 2], shade: ['a', 'b'], amount: [1, 2] } }, /x1 has 1 values but 'id' has 2/],
  ];
  for (const [body, re, field] of cases) {
    const r = await s.call('POST', '/v1/models/gb:predict', body, k);
    assert.equal(r.status, 400, `${String(re)}: ${r.text}`);
    assert.match(r.body.error, re);
    if (field) assert.equal(r.body.field, field);
  }
  const v2 = (inputs: unknown) => s.call('POST', '/v2/models/gb/infer', { inputs }, k);
  const good = (name: string, datatype: string, data: unknown[], shape = [data.length]) => ({ name, shape, datatype, data });
  const base = [good('id', 'INT64', [1]), good('x1', 'FP64', [0.5]), good('x2', 'FP64', [0.5]), good('shade', 'BYTES', ['dark']), good('amount', 'FP64', [1])];
  assert.equal((await v2(base)).status, 200);
  const v2cases: [unknown, RegExp][] = [
    [[...base.slice(0, 3), good('shade', 'FP64', [1]), base[4]], /'shade' has datatype "FP64"; it takes BYTES/],
    [[base[0], good('x1', 'FP64', [0.5, 1]), ...base.slice(2)], /'x1' has 2 rows but 'id' has 1/],
    [[base[0], good('x1', 'FP64', [0.5], [1, 2]), ...base.slice(2)], /shape \[1, 2\]; each input is one column/],
    [[base[0], good('x1', 'FP64', [0.5, 2], [1]), ...base.slice(2)], /2 values for shape \[1\]/],
    [[good('id', 'INT64', [1.5]), ...base.slice(1)], /must be an integer for INT64/],
    [[base[0], good('x1', 'FP64', ['NaN']), ...base.slice(2)], /must be a number.*"NaN"/],
    [base.slice(1), /lacks 'id'/],
    [[...base, good('../../etc/passwd', 'BYTES', ['x'])], /unknown field/],
  ];
  for (const [inputs, re] of v2cases) {
    const r = await v2(inputs);
    assert.equal(r.status, 400, `${String(re)}: ${r.text}`);
    assert.match(r.body.error, re);
  }
  const csv = await s.call('POST', '/invocations', 'id,x1,x2,shade,amount\n1,abc,1,dark,1\n', { ...k, 'content-type': 'text/csv' });
  assert.equal(csv.status, 400);
  assert.match(csv.body.error, /csv row 1 column 'x1' must be a number/);
  const media = await s.call('POST', '/v1/models/gb:predict', '<xml/>', { ...k, 'content-type': 'application/xml' });
  assert.equal(media.status, 415);
});

test('model names that try to walk out of the repository are rejected', async () => {
  for (const path of ['/v2/models/..%2F..%2Fetc%2Fpasswd', '/v1/models/..%2Fgb:predict', '/v2/models/%2Fetc%2Fpasswd/infer']) {
    const method = path.endsWith('predict') || path.endsWith('infer') ? 'POST' : 'GET';
    const r = await s.call(method, path, method === 'POST' ? { instances: [] } : undefined, bearer(admin));
    assert.equal(r.status, 400, `${path}: ${r.text}`);
    assert.match(r.body.error, /is not allowed/);
  }
  // fetch normalizes '..' away; a raw request sends it as is.
  const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${s.url}/v2/models/..`, { headers: bearer(admin) }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.path = '/v2/models/..';
    req.end();
  });
  assert.equal(raw.status, 400, raw.body);
  assert.match(raw.body, /is not allowed/);
  const up = await s.call('POST', '/v1/endpoints/..%2F..%2Fevil', modelFile, bearer(admin));
  assert.equal(up.status, 400);
  const notRoute = await s.call('GET', '/v2/models/a/b/c/d', undefined, bearer(admin));
  assert.equal(notRoute.status, 404);
});
