/** Pieces every benchmark shares: medians, timing, the idle check and the NumPy anchor process. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PYTHON, missingAnchor } from './anchors/probe.js';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Seconds one call of `fn` takes. */
export function timeOnce(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** `--only NAME` and `--reps N` from the command line. */
export function benchArgs(): { only?: string; reps?: number } {
  const argv = process.argv.slice(2);
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const reps = get('--reps');
  return { only: get('--only'), reps: reps === undefined ? undefined : Number(reps) };
}

/** Fraction of CPU time spent busy over `ms`, read from /proc/stat (undefined where it is not readable). */
export async function busyFraction(ms = 500): Promise<number | undefined> {
  const read = (): number[] | undefined => {
    try {
      return readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    } catch {
      return undefined;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b) return undefined;
  const d = b.map((v, i) => v - a[i]!);
  const total = d.reduce((p, v) => p + v, 0);
  const idle = d[3]! + (d[4] ?? 0);
  return total > 0 ? 1 - idle / total : undefined;
}

/**
 * The long-lived NumPy process (anchors/numpy_anchor.py) that times one case per request, so
 * Strata and NumPy can be interleaved in one run. OpenBLAS is pinned to 2 threads.
 */
export class NumpyAnchor {
  private readonly lines: AsyncIterableIterator<string>;
  private constructor(private readonly proc: ReturnType<typeof spawn>) {
    this.lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }

  static async start(): Promise<{ anchor?: NumpyAnchor; version?: string; reason?: string }> {
    const skip = missingAnchor('NumPy', ['numpy']);
    if (skip) return { reason: skip };
    const script = fileURLToPath(new URL('./anchors/numpy_anchor.py', import.meta.url));
    const proc = spawn(PYTHON, [script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2' } });
    const anchor = new NumpyAnchor(proc);
    const hello = JSON.parse((await anchor.lines.next()).value as string) as { numpy: string };
    return { anchor, version: hello.numpy };
  }

  async time(request: object): Promise<number> {
    this.proc.stdin!.write(JSON.stringify(request) + '\n');
    return (JSON.parse((await this.lines.next()).value as string) as { seconds: number }).seconds;
  }

  stop(): void {
    this.proc.stdin!.end();
  }
}
