import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IMPORT_LIMITS } from '../import-limits.js';
import { ImportsErrorCode, ImportsException } from '../imports.exception.js';

/** Where uploaded files wait between upload and commit. */
export const UPLOAD_DIR = path.join(tmpdir(), 'escalation-insights-imports');

export interface StoredFile {
  readonly path: string;
  readonly size: number;
  /** SHA-256 of the bytes, hex. */
  readonly checksum: string;
}

/**
 * Streams an upload to a file of its own in UPLOAD_DIR, hashing it on the way and
 * stopping (and deleting it) as soon as it passes the size limit.
 * @throws ImportsException FILE_TOO_LARGE, EMPTY_FILE
 */
export async function storeUpload(body: Readable, maxBytes: number = IMPORT_LIMITS.maxFileBytes): Promise<StoredFile> {
  await mkdir(UPLOAD_DIR, { recursive: true, mode: 0o700 });
  const target = path.join(UPLOAD_DIR, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new ImportsException(ImportsErrorCode.FILE_TOO_LARGE, `The file is over the ${Math.round(maxBytes / 1024 / 1024)} MB limit for one import: split it and import the parts.`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  if (size === 0) {
    await rm(target, { force: true });
    throw new ImportsException(ImportsErrorCode.EMPTY_FILE, 'The file is empty.');
  }
  return { path: target, size, checksum: hash.digest('hex') };
}

/** SHA-256 of a file on disk, hex (the command line's files, and a re-check before commit). */
export async function checksumOf(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
