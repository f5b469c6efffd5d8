/** Runs the strata CLI in-process and captures what it prints. */
import { run } from '../../src/cli/program.js';

/**
 * Only string writes are captured: under `node --test` the runner reports through the same
 * stdout with binary messages, which must pass through untouched or results go missing.
 */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await run(['node', 'strata', ...argv], { stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = write;
  }
}
