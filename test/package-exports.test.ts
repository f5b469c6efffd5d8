/** The package's `exports` map and the strata's public surfaces agree. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};
const strata = readdirSync(join(ROOT, 'src')).filter((n) => statSync(join(ROOT, 'src', n)).isDirectory() && n !== 'cli');

test('every stratum has an index.ts and a subpath export with types first', () => {
  for (const name of strata) {
    assert.ok(existsSync(join(ROOT, 'src', name, 'index.ts')), `src/${name}/index.ts is missing`);
    const entry = pkg.exports[`./${name}`];
    assert.ok(entry !== undefined && typeof entry === 'object', `package.json exports has no "./${name}"`);
    assert.deepEqual(Object.keys(entry), ['types', 'default'], `"./${name}" must list types before default`);
    assert.equal(entry.types, `./dist/${name}/index.d.ts`);
    assert.equal(entry.default, `./dist/${name}/index.js`);
  }
});

test('every subpath export points at a stratum (or a public part of one, like plot/render) that exists', () => {
  for (const [key, entry] of Object.entries(pkg.exports)) {
    if (key === './package.json') continue;
    const name = key.slice(2);
    assert.ok(strata.includes(name.split('/')[0]!), `package.json exports "${key}" but src/${name.split('/')[0]}/ is not a stratum`);
    assert.ok(existsSync(join(ROOT, 'src', name, 'index.ts')), `package.json exports "${key}" but src/${name}/index.ts does not exist`);
    assert.ok(typeof entry === 'object' && entry.types === `./dist/${name}/index.d.ts` && entry.default === `./dist/${name}/index.js`, `"${key}" must map types and default into dist/${name}/`);
  }
});

test('public surfaces name their exports (no export * from internals)', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === 'index.ts' && /export\s+\*\s+from/.test(readFileSync(p, 'utf8'))) offenders.push(p);
    }
  };
  walk(join(ROOT, 'src'));
  assert.deepEqual(offenders, []);
});

test('the strata bin is declared and exists', () => {
  assert.equal(pkg.bin.strata, './bin/strata.js');
  assert.ok(existsSync(join(ROOT, 'bin', 'strata.js')));
});
