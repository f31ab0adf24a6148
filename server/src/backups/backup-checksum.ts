import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BackupError, BackupErrorCode } from './backup.error.js';

/** The checksum file beside a backup: `<backup>.sha256`, in the format `sha256sum -c` reads. */
export function checksumFileOf(backupFile: string): string {
  return `${backupFile}.sha256`;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeChecksumFile(backupFile: string, sha256: string): Promise<string> {
  const file = checksumFileOf(backupFile);
  await writeFile(file, `${sha256}  ${path.basename(backupFile)}\n`, { mode: 0o600 });
  return file;
}

/**
 * Refuses a backup whose bytes are not those its checksum file records: missing, cut
 * short, or changed in any way. Reads nothing else and changes nothing.
 * @throws BackupError BACKUP_NOT_FOUND, CHECKSUM_MISSING, CHECKSUM_MISMATCH
 */
export async function verifyChecksum(backupFile: string): Promise<string> {
  const size = await stat(backupFile).then((s) => (s.isFile() ? s.size : null), () => null);
  if (size === null) throw new BackupError(BackupErrorCode.BACKUP_NOT_FOUND, `There is no backup file at ${backupFile}.`);
  const checksumFile = checksumFileOf(backupFile);
  const recorded = await readFile(checksumFile, 'utf8').then(
    (text) => /^([0-9a-f]{64})\s/.exec(text)?.[1] ?? null,
    () => undefined,
  );
  if (recorded === undefined) {
    throw new BackupError(BackupErrorCode.CHECKSUM_MISSING, `The checksum file ${checksumFile} is missing: without it the backup cannot be trusted, so it is not restored.`);
  }
  if (recorded === null) throw new BackupError(BackupErrorCode.CHECKSUM_MISSING, `The checksum file ${checksumFile} does not hold a SHA-256 checksum.`);
  const actual = await sha256OfFile(backupFile);
  if (actual !== recorded) {
    throw new BackupError(
      BackupErrorCode.CHECKSUM_MISMATCH,
      `The backup ${path.basename(backupFile)} is damaged: its SHA-256 is ${actual}, but ${path.basename(checksumFile)} records ${recorded} ` +
        `(${size.toLocaleString('en-GB')} bytes read). It was changed or cut short after it was written; nothing was restored.`,
    );
  }
  return actual;
}
