import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Follows the value imports of src/plot/index.ts and reports any Node built-in or native package. */
test('the chart builders (src/plot/index.ts and all it imports) use no Node built-ins or native packages', () => {
  const start = resolve(dirname(fileURLToPath(import.meta.url)), 'index.ts');
  const seen = new Set<string>();
  const bad: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (spec.startsWith('node:') || /duckdb|resvg|^fs$|^path$/.test(spec)) bad.push(`${file} imports ${spec}`);
    }
  };
  visit(start);
  assert.ok(seen.size > 20);
  assert.ok(![...seen].some((f) => f.includes('/render/')), 'builders must not import the renderer');
  assert.deepEqual(bad, []);
});
