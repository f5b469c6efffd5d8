/**
 * Guards the layering in ARCHITECTURE.md: a stratum imports only strata below it, nothing
 * imports cli/ or web/, and browser-safe strata import no Node built-in or native package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/**
 * Lowest first, as in the table in ARCHITECTURE.md, except for two swaps: kernels sits below tensor
 * (kernels are raw typed-array loops — GEMM, convolution — with no NdArray, and tensor calls them),
 * and automl sits below tasks (a one-call toolkit such as TabularClassifier picks and tunes its
 * model with the AutoML search).
 */
export const STRATA = [
  'kernels', 'tensor', 'frame', 'plot', 'graph', 'learn', 'stats', 'prob', 'nn', 'gym', 'export',
  'compile', 'automl', 'tasks', 'track', 'cluster', 'serve', 'zoo', 'cli',
];

/** Strata whose code must run in a browser or React Native. */
const BROWSER_SAFE = new Set(['tensor', 'kernels', 'learn', 'stats', 'prob', 'nn', 'graph', 'gym']);

/** Packages that are plain JavaScript with no Node built-ins, usable from browser-safe strata. */
const BROWSER_PACKAGES = [/^@stdlib\//, /^apache-arrow$/, /^protobufjs(\/|$)/, /^flatbuffers$/, /^graphology/];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Import specifiers in real code (comments, where examples show imports, are skipped). */
export function importsOf(code: string): string[] {
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  for (const m of stripped.matchAll(IMPORT_RE)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

function stratumOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

const files = sourceFiles(SRC);

test('the import scanner sees static, re-export, side-effect and dynamic imports', () => {
  const code = `import { a } from './a.js';\nexport { b } from "../b/index.js";\nimport './c.js';\nconst d = await import('node:fs');\nimport type { E } from './e.js';\n/** import { x } from 'in-a-comment'; */`;
  assert.deepEqual(new Set(importsOf(code)), new Set(['./a.js', '../b/index.js', './c.js', 'node:fs', './e.js']));
});

test('every folder under src/ is a known stratum', () => {
  for (const name of readdirSync(SRC)) {
    if (!statSync(join(SRC, name)).isDirectory()) continue;
    assert.ok(STRATA.includes(name), `src/${name} is not a stratum listed in ARCHITECTURE.md (and in this test's STRATA)`);
  }
});

test('strata import only strata below them', () => {
  const problems: string[] = [];
  for (const file of files) {
    const from = stratumOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC + sep)) {
        problems.push(`${relative(ROOT, file)} imports ${spec}, outside src/`);
        continue;
      }
      const to = stratumOf(target);
      if (to === from) continue;
      if (to === 'cli' || to === 'web') problems.push(`${relative(ROOT, file)} imports ${spec}: nothing may import ${to}/`);
      else if (STRATA.indexOf(to) > STRATA.indexOf(from)) {
        problems.push(`${relative(ROOT, file)} (stratum ${from}) imports ${spec} from the higher stratum ${to}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

/**
 * A browser-safe stratum may keep Node-only code (worker threads) in files named `*.node.ts`,
 * which other files may reach only through a dynamic `import()` behind a runtime check.
 */
const isNodeOnly = (file: string): boolean => file.endsWith('.node.ts');

/** Static (non-dynamic) import specifiers. */
function staticImportsOf(code: string): string[] {
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return importsOf(stripped).filter((spec) => !new RegExp(`import\\s*\\(\\s*['"]${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`).test(stripped));
}

test('static imports leave out dynamic import() of the same file', () => {
  const code = `import { a } from './static.node.js';\nconst pool = await import('./pool.node.js');`;
  assert.deepEqual(staticImportsOf(code), ['./static.node.js']);
});

test('browser-safe strata reach *.node.ts files only through dynamic import()', () => {
  const problems: string[] = [];
  for (const file of files) {
    if (!BROWSER_SAFE.has(stratumOf(file)) || isNodeOnly(file)) continue;
    for (const spec of staticImportsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.') && /\.node\.(js|ts)$/.test(spec)) {
        problems.push(`${relative(ROOT, file)} statically imports ${spec}; load Node-only code with a guarded import()`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('browser-safe strata import no Node built-in and no native or Node-only package', () => {
  const problems: string[] = [];
  for (const file of files) {
    if (!BROWSER_SAFE.has(stratumOf(file)) || isNodeOnly(file)) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) continue;
      if (!BROWSER_PACKAGES.some((re) => re.test(spec))) {
        problems.push(`${relative(ROOT, file)} imports '${spec}', which is not on the browser-safe list`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
