/**
 * Atomic file output: write to a temporary file beside the target, then rename it over the
 * target, so a reader never sees a half-written file and a failed write leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Calls `write(tempPath)`, then renames the temporary file to `path`. The folder is created if
 * needed; on failure the temporary file is removed and the error rethrown.
 *
 * @example
 * await writeAtomically('out/model.json', (tmp) => fs.promises.writeFile(tmp, text));
 */
export async function writeAtomically(path: string, write: (tempPath: string) => Promise<void> | void): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temp);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true, recursive: true });
    throw err;
  }
}
