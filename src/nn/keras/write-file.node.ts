/** Node-only: writes a file atomically (temp file in the same folder, then rename). */
import { rename, writeFile, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `content` to `path` so readers never see a half-written file. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
