/**
 * The artifact store: files kept on disk by the sha256 of their content
 * (`ROOT/sha256/ab/abcdef…`), written to a temp file, synced and renamed into place, so a
 * crash never leaves half a file under a digest and equal content is stored once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, TrackingError } from './errors.js';

/** Default cap on one artifact: 1 GiB. */
export const DEFAULT_MAX_ARTIFACT_BYTES = 1 << 30;

/**
 * @example
 * const a = new ArtifactStore('.strata/artifacts');
 * const { digest } = a.put(new TextEncoder().encode('hello'));
 * a.read(digest).toString(); // 'hello'
 */
export class ArtifactStore {
  constructor(readonly root: string, readonly maxBytes = DEFAULT_MAX_ARTIFACT_BYTES) {}

  /** Where the content with this digest lives. */
  path(digest: string): string {
    if (!/^[0-9a-f]{64}$/.test(digest)) throw new InvalidInputError(`'${digest}' is not a sha256 digest (64 lowercase hex characters).`);
    return join(this.root, 'sha256', digest.slice(0, 2), digest);
  }

  has(digest: string): boolean {
    return existsSync(this.path(digest));
  }

  /** Stores bytes (atomically; once per content) and returns their digest and size. */
  put(bytes: Uint8Array): { digest: string; size: number } {
    if (bytes.byteLength > this.maxBytes) {
      throw new InvalidInputError(`Artifact of ${bytes.byteLength} bytes is over the ${this.maxBytes}-byte limit of this store; split it or raise maxArtifactBytes.`);
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    const dest = this.path(digest);
    if (existsSync(dest)) return { digest, size: bytes.byteLength };
    const dir = join(this.root, 'sha256', digest.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${digest}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      let off = 0;
      while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(tmp, dest);
    return { digest, size: bytes.byteLength };
  }

  /** Stores a file's content. */
  putFile(path: string): { digest: string; size: number } {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new InvalidInputError(`Artifact file '${path}' cannot be read; check the path.`);
    }
    if (size > this.maxBytes) throw new InvalidInputError(`Artifact file '${path}' is ${size} bytes, over the ${this.maxBytes}-byte limit of this store.`);
    return this.put(readFileSync(path));
  }

  /** The content stored under a digest. */
  read(digest: string): Buffer {
    const p = this.path(digest);
    if (!existsSync(p)) throw new TrackingError(`Artifact ${digest} is missing from ${this.root}; the artifact folder was moved or cleaned.`);
    return readFileSync(p);
  }
}
