import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MIGRATIONS, runMigrations } from '@escalation-insights/database';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor } from 'typeorm';
import { verifyChecksum } from './backup-checksum.js';
import { BackupError, BackupErrorCode } from './backup.error.js';
import { copyLine, END_OF_ROWS, parseManifestLine, quoted, TITLE_LINE, type BackupManifest } from './backup-manifest.js';
import { listTables } from './database-catalogue.js';
import { verifyRestoredDatabase, type RestoreVerification } from './restore-verification.js';

export type RestoreStep =
  | { readonly step: 'checked'; readonly sha256: string; readonly manifest: BackupManifest }
  | { readonly step: 'schema'; readonly migrations: number }
  | { readonly step: 'table'; readonly table: string; readonly rows: number; readonly done: number; readonly tables: number }
  | { readonly step: 'verified'; readonly verification: RestoreVerification };

export interface RestoreResult {
  readonly manifest: BackupManifest;
  readonly verification: RestoreVerification;
  /** Migrations newer than the backup, applied after it was restored and verified. */
  readonly newerMigrations: readonly string[];
}

/**
 * Restores a backup into the EMPTY database at `targetUrl` (created when missing):
 * 1. the checksum is checked before anything else (a damaged file changes nothing);
 * 2. in ONE transaction: the schema is built by this version's own migrations, as far as
 *    the backup's schema had gone (so tables, policies, grants to the app role and the
 *    SECURITY DEFINER functions are exactly what the code defines, owned by the restoring
 *    user); the rows are loaded with triggers off (the analytics facts and the audit trail
 *    are restored as they were, not recomputed); sequences are set; every table's count
 *    and every audit chain are verified against the manifest — and only then committed;
 * 3. migrations newer than the backup are applied.
 * Needs a superuser (or a role allowed to set session_replication_role and bypass
 * row-level security): see docs/operations.md.
 * @throws BackupError for every refusal; the database is left as it was.
 */
export async function restoreBackup(file: string, targetUrl: string, onStep: (step: RestoreStep) => void = () => undefined): Promise<RestoreResult> {
  const sha256 = await verifyChecksum(file);
  const manifest = await readManifest(file);
  onStep({ step: 'checked', sha256, manifest });
  const known = new Map(MIGRATIONS.map((migration) => [new migration().name ?? migration.name, migration]));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(BackupErrorCode.NEWER_SCHEMA, `The backup's schema has migrations this version does not know (${unknown.join(', ')}): restore it with the version that wrote it.`);
  }
  await createDatabaseIfMissing(targetUrl);
  await requireEmpty(targetUrl);

  const dataSource = new DataSource({ type: 'postgres', url: targetUrl, migrations: manifest.migrations.map((name) => known.get(name)!) });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  let verification: RestoreVerification;
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    await runner.startTransaction();
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'none';
    const applied = await executor.executePendingMigrations();
    onStep({ step: 'schema', migrations: applied.length });

    await privileged(client, 'SET LOCAL session_replication_role = replica');
    await requireSameTables(client, manifest);
    if (manifest.tables.length > 0) await client.query(`TRUNCATE ${manifest.tables.map((t) => `public.${quoted(t.name)}`).join(', ')}`);
    await loadRows(file, client, manifest, onStep);
    for (const sequence of manifest.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${quoted(sequence.name)}`, sequence.lastValue, sequence.isCalled]);
    }
    await client.query('SET LOCAL session_replication_role = origin');
    await privileged(client, 'SET LOCAL row_security = off');
    verification = await verifyRestoredDatabase(client, manifest);
    onStep({ step: 'verified', verification });
    if (!verification.ok) {
      throw new BackupError(BackupErrorCode.VERIFICATION_FAILED, `The restored database does not match the backup (${describeFailures(verification)}): nothing was restored.`);
    }
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await dataSource.destroy();
  }

  await withClient(targetUrl, (client) => client.query('ANALYZE'));
  const newerMigrations = await runMigrations(targetUrl);
  return { manifest, verification, newerMigrations };
}

/** The first two lines of the (decompressed) file: the title and the manifest. */
async function readManifest(file: string): Promise<BackupManifest> {
  const raw = createReadStream(file);
  const lines = createInterface({ input: raw.pipe(createGunzip()), crlfDelay: Infinity });
  const head: string[] = [];
  try {
    for await (const line of lines) {
      head.push(line);
      if (head.length === 2) break;
    }
    if (head[0] !== TITLE_LINE) throw new Error('it does not start with the title of an Escalation Insights backup');
    return parseManifestLine(head[1]);
  } catch (error) {
    throw new BackupError(BackupErrorCode.UNREADABLE_BACKUP, `The file cannot be restored: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    lines.close();
    raw.destroy();
  }
}

/** Streams each table's rows into COPY … FROM STDIN; the sections must be the manifest's tables, in its order. */
async function loadRows(file: string, client: pg.PoolClient, manifest: BackupManifest, onStep: (step: RestoreStep) => void): Promise<void> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  const unreadable = (why: string) => new BackupError(BackupErrorCode.UNREADABLE_BACKUP, `The file cannot be restored: ${why}; nothing was restored.`);
  let index = -2; // the title and manifest lines come first
  let copy: { stream: NodeJS.WritableStream; done: Promise<void>; rows: number; buffer: string[]; size: number } | null = null;
  const flush = async () => {
    if (!copy || copy.buffer.length === 0) return;
    const chunk = copy.buffer.join('');
    copy.buffer = [];
    copy.size = 0;
    if (!copy.stream.write(chunk)) await new Promise((resolve) => copy!.stream.once('drain', resolve));
  };
  for await (const line of lines) {
    if (index < 0) {
      index += 1;
      continue;
    }
    if (copy) {
      if (line !== END_OF_ROWS) {
        copy.buffer.push(line, '\n');
        copy.size += line.length + 1;
        copy.rows += 1;
        if (copy.size >= 256 * 1024) await flush();
        continue;
      }
      await flush();
      copy.stream.end();
      await copy.done;
      const table = manifest.tables[index]!;
      onStep({ step: 'table', table: table.name, rows: copy.rows, done: index + 1, tables: manifest.tables.length });
      copy = null;
      index += 1;
      continue;
    }
    const table = manifest.tables[index];
    if (!table) throw unreadable(`it holds more than the ${manifest.tables.length} tables its manifest lists`);
    if (line !== copyLine(table)) throw unreadable(`expected the rows of ${table.name} next, found "${line.slice(0, 80)}"`);
    const stream = client.query(copyFrom(line.replace(/;$/, '')));
    const done = finished(stream);
    done.catch(() => undefined);
    copy = { stream, done, rows: 0, buffer: [], size: 0 };
  }
  if (copy) throw unreadable(`the rows of ${manifest.tables[index]?.name ?? 'a table'} are cut short`);
  if (index !== manifest.tables.length) throw unreadable(`it ends after ${Math.max(index, 0)} of the ${manifest.tables.length} tables its manifest lists`);
}

async function requireSameTables(client: pg.ClientBase, manifest: BackupManifest): Promise<void> {
  const built = new Map((await listTables(client)).map((t) => [t.name, t.columns]));
  const problems: string[] = [];
  for (const table of manifest.tables) {
    const columns = built.get(table.name);
    if (!columns) problems.push(`table ${table.name} is not created by the migrations`);
    else if (columns.join(',') !== table.columns.join(',')) problems.push(`table ${table.name} has columns (${columns.join(', ')}), the backup (${table.columns.join(', ')})`);
    built.delete(table.name);
  }
  for (const name of built.keys()) problems.push(`table ${name} is not in the backup`);
  if (problems.length > 0) {
    throw new BackupError(BackupErrorCode.UNREADABLE_BACKUP, `The schema built from the backup's migrations differs from the backup's: ${problems.join('; ')}. Nothing was restored.`);
  }
}

async function createDatabaseIfMissing(targetUrl: string): Promise<void> {
  try {
    await withClient(targetUrl, async () => undefined);
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
    const target = new URL(targetUrl);
    const name = decodeURIComponent(target.pathname.slice(1));
    const maintenance = new URL(targetUrl);
    maintenance.pathname = '/postgres';
    await withClient(maintenance.toString(), (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  }
}

/** @throws BackupError DATABASE_NOT_EMPTY when the database holds any table, view, sequence or function of its own */
async function requireEmpty(targetUrl: string): Promise<void> {
  const { database, objects } = await withClient(targetUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>(`
      SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      UNION ALL
      SELECT n.nspname || '.' || p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1`);
    const { rows: [db] } = await client.query<{ name: string }>('SELECT current_database() AS name');
    return { database: db!.name, objects: rows.map((r) => r.name) };
  });
  if (objects.length > 0) {
    throw new BackupError(
      BackupErrorCode.DATABASE_NOT_EMPTY,
      `The database "${database}" is not empty (it holds ${objects.length} objects, e.g. ${objects.slice(0, 3).join(', ')}): ` +
        'a backup is restored only into an empty database, so nothing was changed. Restore into a new database, or drop this one first.',
    );
  }
}

async function privileged(client: pg.ClientBase, sql: string): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    throw new BackupError(
      BackupErrorCode.INSUFFICIENT_PRIVILEGE,
      `The database user may not run "${sql}": restore as a superuser (or a role allowed to set session_replication_role and with BYPASSRLS). Nothing was restored.`,
    );
  }
}

function describeFailures(verification: RestoreVerification): string {
  const tables = verification.tables.filter((t) => t.expected !== t.restored).map((t) => `${t.table}: ${t.restored} rows, expected ${t.expected}`);
  const chains = verification.chains.filter((c) => !c.intact || !c.matchesBackup).map((c) => `audit chain ${c.partnershipId ?? '(none)'}: ${c.problem}`);
  return [...tables, ...chains].join('; ');
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
