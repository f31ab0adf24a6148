/** Why a backup or a restore stopped; the command line prints the message and exits non-zero. */
export enum BackupErrorCode {
  BACKUP_NOT_FOUND = 'BACKUP_NOT_FOUND',
  /** No `<backup>.sha256` beside the file, or one without a checksum in it. */
  CHECKSUM_MISSING = 'CHECKSUM_MISSING',
  /** The file's bytes are not the ones the checksum file records. */
  CHECKSUM_MISMATCH = 'CHECKSUM_MISMATCH',
  /** The file is intact but not a backup this version can read. */
  UNREADABLE_BACKUP = 'UNREADABLE_BACKUP',
  /** The backup's schema has a migration this version does not know: restore it with the version that wrote it. */
  NEWER_SCHEMA = 'NEWER_SCHEMA',
  /** Restores go into an empty database only. */
  DATABASE_NOT_EMPTY = 'DATABASE_NOT_EMPTY',
  /** The restored rows or audit chains are not what the backup recorded: the restore was rolled back. */
  VERIFICATION_FAILED = 'VERIFICATION_FAILED',
  /** The database user may not do what a backup or restore needs (see docs/operations.md). */
  INSUFFICIENT_PRIVILEGE = 'INSUFFICIENT_PRIVILEGE',
}

export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
