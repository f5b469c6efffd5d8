/**
 * The long-lived PyTorch process (anchors/torch_cnn_anchor.py, CPU, 2 threads) that times one
 * GEMM or one CNN training epoch per request, so Strata and PyTorch interleave in one run. Its
 * OpenMP threads sleep when idle (OMP_WAIT_POLICY=PASSIVE), as Strata's worker threads do.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PYTHON, missingAnchor } from './probe.js';

export class TorchAnchor {
  private readonly lines: AsyncIterableIterator<string>;
  private constructor(private readonly proc: ReturnType<typeof spawn>) {
    this.lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }

  /** Starts the process, or says why it cannot (torch missing under /usr/bin/python3). */
  static async start(): Promise<{ anchor?: TorchAnchor; version?: string; reason?: string }> {
    const skip = missingAnchor('PyTorch', ['numpy', 'torch']);
    if (skip) return { reason: `${skip} (PyTorch: apt-get install -y python3-torch)` };
    const script = fileURLToPath(new URL('./torch_cnn_anchor.py', import.meta.url));
    const proc = spawn(PYTHON, [script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '2', MKL_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2', OMP_WAIT_POLICY: 'PASSIVE' } });
    const anchor = new TorchAnchor(proc);
    const hello = JSON.parse((await anchor.lines.next()).value as string) as { torch: string; threads: number };
    return { anchor, version: `${hello.torch} (${hello.threads} threads)` };
  }

  async request<T extends { seconds: number }>(request: object): Promise<T> {
    this.proc.stdin!.write(JSON.stringify(request) + '\n');
    return JSON.parse((await this.lines.next()).value as string) as T;
  }

  async time(request: object): Promise<number> {
    return (await this.request(request)).seconds;
  }

  stop(): void {
    this.proc.stdin!.end();
  }
}
