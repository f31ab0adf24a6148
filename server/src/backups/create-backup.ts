import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { writeChecksumFile } from './backup-checksum.js';
import { BackupError, BackupErrorCode } from './backup.error.js';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileName, copyLine, END_OF_ROWS, MANIFEST_PREFIX, quoted, TITLE_LINE,
  type BackupManifest, type BackupTable,
} from './backup-manifest.js';
import { countRows, listTables, readAuditChainHeads, readMigrations, readSequences } from './database-catalogue.js';

export interface BackupProgress {
  readonly table: string;
  readonly rows: number;
  /** Tables written so far, of `tables`. */
  readonly done: number;
  readonly tables: number;
}

export interface CreateBackupOptions {
  /** Created when missing (readable by its owner only: backups hold children's records). */
  readonly folder: string;
  readonly onProgress?: (progress: BackupProgress) => void;
  /** Names the file; default: now. */
  readonly now?: Date;
}

export interface BackupResult {
  readonly file: string;
  readonly checksumFile: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly manifest: BackupManifest;
}

/**
 * Writes every row of the database at `ownerUrl` to one gzip-compressed file, from one
 * REPEATABLE READ snapshot (as pg_dump does): the rows, the counts in the manifest and the
 * audit chain heads all describe the same instant, while the app keeps working. Each
 * table is held with ACCESS SHARE so that no migration changes it midway. Rows are in
 * PostgreSQL's COPY text format, one table after another. The file appears under its
 * final name only once complete, with its `.sha256` beside it.
 *
 * Row-level security is switched off for the session, so a role that would see only some
 * rows gets an error instead of a silently partial backup: run it as the tables' owner
 * (a superuser, or a role with BYPASSRLS, when tables FORCE row-level security).
 */
export async function createBackup(ownerUrl: string, options: CreateBackupOptions): Promise<BackupResult> {
  await mkdir(options.folder, { recursive: true, mode: 0o700 });
  const file = path.join(path.resolve(options.folder), backupFileName(options.now ?? new Date()));
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query('SET LOCAL row_security = off');
    const manifest = await readManifest(client);
    if (manifest.tables.length > 0) {
      await client.query(`LOCK TABLE ${manifest.tables.map((t) => `public.${quoted(t.name)}`).join(', ')} IN ACCESS SHARE MODE`);
    }

    const gzip = createGzip({ level: 6 });
    const hash = createHash('sha256');
    let bytes = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const written = pipeline(gzip, tee, createWriteStream(partial, { mode: 0o600 }));
    try {
      await write(gzip, `${TITLE_LINE}\n${MANIFEST_PREFIX}${JSON.stringify(manifest)}\n`);
      for (const [index, table] of manifest.tables.entries()) {
        await write(gzip, `${copyLine(table)}\n`);
        const rows = await copyRows(client, table, gzip);
        if (rows !== table.rows) throw new Error(`${table.name}: copied ${rows} rows, counted ${table.rows} in the same snapshot`);
        await write(gzip, `${END_OF_ROWS}\n`);
        options.onProgress?.({ table: table.name, rows, done: index + 1, tables: manifest.tables.length });
      }
      gzip.end();
      await written;
    } catch (error) {
      gzip.destroy();
      await written.catch(() => undefined);
      throw error;
    }
    await client.query('COMMIT');

    const sha256 = hash.digest('hex');
    await rename(partial, file);
    const checksumFile = await writeChecksumFile(file, sha256);
    return { file, checksumFile, sha256, bytes, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw explain(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readManifest(client: pg.Client): Promise<BackupManifest> {
  const { rows: [about] } = await client.query<{ database: string; version: string; now: Date }>(
    `SELECT current_database() AS database, current_setting('server_version') AS version, transaction_timestamp() AS now`,
  );
  const tables = await listTables(client);
  const counts = await countRows(client, tables.map((t) => t.name));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: about!.now.toISOString(),
    database: about!.database,
    serverVersion: about!.version,
    migrations: await readMigrations(client),
    tables: tables.map((t): BackupTable => ({ name: t.name, columns: t.columns, rows: counts.get(t.name)! })),
    sequences: await readSequences(client),
    auditChains: await readAuditChainHeads(client),
  };
}

/** Streams one table's rows into the backup; returns how many (COPY text: one row a line). */
async function copyRows(client: pg.Client, table: BackupTable, out: Gzip): Promise<number> {
  const columns = table.columns.map(quoted).join(', ');
  const stream = client.query(copyTo(`COPY public.${quoted(table.name)} (${columns}) TO STDOUT`));
  let rows = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  return rows;
}

function write(out: Gzip, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

function explain(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === '42501') {
    return new BackupError(
      BackupErrorCode.INSUFFICIENT_PRIVILEGE,
      `The database user may not read every row (${(error as Error).message}). Back up as the owner of the tables, ` +
        'a superuser or a role with BYPASSRLS (docs/operations.md).',
    );
  }
  return error;
}
