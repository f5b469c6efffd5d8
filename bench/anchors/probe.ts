/**
 * Checks that `/usr/bin/python3` can import the modules a benchmark's Python anchor needs, before
 * the anchor is started, so `npm run bench` skips an anchor that is not installed, says so in one
 * line naming the Debian package to install, and still prints Strata's own timings (see
 * shared/BENCHMARKS.md).
 *
 * @example
 * const skip = missingAnchor('scikit-learn', ['numpy', 'sklearn']);
 * if (skip) console.log(skip); // "scikit-learn anchor skipped: … (apt-get install -y python3-sklearn) …"
 */
import { spawnSync } from 'node:child_process';

/** The Python every anchor runs under (not whatever `python3` is first on PATH). */
export const PYTHON = '/usr/bin/python3';

/** Debian package providing each importable module the anchors use. */
const DEBIAN: Record<string, string> = {
  numpy: 'python3-numpy',
  scipy: 'python3-scipy',
  pandas: 'python3-pandas',
  sklearn: 'python3-sklearn',
  xgboost: 'python3-xgboost',
  matplotlib: 'python3-matplotlib',
  threadpoolctl: 'python3-threadpoolctl',
};

/** Tries each module in one Python process and prints the names that failed to import. */
const PROBE = `
import sys
missing = []
for name in sys.argv[1:]:
    try:
        __import__(name)
    except Exception:
        missing.append(name)
print(" ".join(missing))
`;

/** The modules of `modules` that `/usr/bin/python3` cannot import (all of them if Python itself is missing). */
export function missingModules(modules: readonly string[]): string[] {
  const r = spawnSync(PYTHON, ['-c', PROBE, ...modules], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return [...modules];
  return r.stdout.trim().split(/\s+/).filter((m) => m.length > 0);
}

/**
 * `undefined` when the anchor named `anchor` can run; otherwise the one line to print: which
 * modules `/usr/bin/python3` lacks and the `apt-get install` that provides them.
 */
export function missingAnchor(anchor: string, modules: readonly string[]): string | undefined {
  const missing = missingModules(modules);
  if (missing.length === 0) return undefined;
  const packages = missing.map((m) => DEBIAN[m] ?? `the package providing ${m}`);
  return `${anchor} anchor skipped: ${PYTHON} cannot import ${missing.join(', ')} (apt-get install -y ${packages.join(' ')}); showing Strata's timings only`;
}
