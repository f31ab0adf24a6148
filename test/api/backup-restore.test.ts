import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { generateDemoData, type InstalledPartnership } from '@escalation-insights/database';
import { BackupErrorCode, checksumFileOf, createApp, createBackup, restoreBackup, type BackupResult } from '@escalation-insights/server';
import { GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { perform } from '../support/escalation-api.js';
import { insertPartnership } from '../support/fixtures.js';
import { signIn } from '../support/sign-in.js';
import { postGraphql, startTestApp, type TestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { requireTestEnv, TEST_ENV, withDatabase } from '../support/test-env.js';

const BACKUP_CLI = fileURLToPath(new URL('../../server/dist/backups/cli/backup-cli.js', import.meta.url));
const RESTORE_CLI = fileURLToPath(new URL('../../server/dist/backups/cli/restore-cli.js', import.meta.url));

/** Per table of the public schema: its row count and an md5 over its rows' text, in a fixed order. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM public.${pg.escapeIdentifier(name)} t`,
      );
      digests[name] = `${rows[0]!.n} rows, md5 ${rows[0]!.md5}`;
    }
    return digests;
  });
}

/** What row-level security and the app role's rights look like: they must come back with the rows. */
async function securityDigest(url: string): Promise<unknown> {
  return withClient(url, async (client) => ({
    policies: (await client.query(`SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`)).rows,
    rls: (await client.query(`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`)).rows,
    grants: (await client.query(`SELECT table_name, privilege_type FROM information_schema.role_table_grants
      WHERE grantee = 'escalation_insights_app' ORDER BY 1, 2`)).rows,
    appRoleOwnsNothing: (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'escalation_insights_app'`)).rows[0],
  }));
}

/** A new, empty database on the test cluster (not a copy of the migrated template). */
async function emptyDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = requireTestEnv(TEST_ENV.adminUrl);
  const database = `ei_restore_${process.pid}_${name}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`));
  return {
    url: withDatabase(adminUrl, database),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`)).then(() => undefined),
  };
}

async function tableCount(url: string): Promise<number> {
  return withClient(url, async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]!.n);
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cli: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, NODE_ENV: 'test', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr }));
  });
}

describe('backups that restore', () => {
  let app: TestApp;
  let glos: InstalledPartnership;
  let folder: string;
  let backup: BackupResult;
  let restored: { url: string; drop(): Promise<void> };
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ei-backup-'));
    app = await startTestApp({
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        await generateDemoData(url, { size: 250, seed: 11, asOf: new Date('2025-10-01T12:00:00Z'), childKeySecret: 'backup-test-child-key-secret-0123456789' });
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025, code: 'backup-round-trip' });
      },
    });
    // Audited writes through the API, so that the audit hash chain has something to verify.
    const unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    const days = Array.from({ length: 12 }, (_, i) => String(i + 3).padStart(2, '0')); // 12 events: ids past 9, where text order would differ
    for (const day of days) {
      await perform(unit, 'record', {
        input: {
          partnershipId: glos.partnershipId, raisingAgencyId: glos.agencyIds['Police'], raisingRole: 'Detective sergeant',
          receivingAgencyId: glos.agencyIds["Children's Social Care"], raisedVia: 'PHONE', categoryCode: 'agreed_actions', urgency: 'STANDARD',
          raisedAt: `2025-03-${day}T09:00:00.000Z`, summary: `Disagreement about the plan (${day}).`, childReference: `CASE-${day}`,
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    for (const step of cleanup) await step().catch(() => undefined);
    await restored?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('backs up the live database, and restores into an empty one a copy equal table by table and row by row', async () => {
    const before = await tableDigests(app.databaseUrl);
    const security = await securityDigest(app.databaseUrl);
    const lines: string[] = [];
    backup = await createBackup(app.databaseUrl, { folder, onProgress: (p) => lines.push(`${p.table} ${p.rows}`) });
    expect(lines).toContain('escalation 262');
    expect(backup.manifest.tables.find((t) => t.name === 'escalation')!.rows).toBe(262);
    expect(backup.manifest.auditChains.find((c) => c.partnershipId === glos.partnershipId)).toMatchObject({ events: 12 });
    expect(await readFile(checksumFileOf(backup.file), 'utf8')).toBe(`${backup.sha256}  ${path.basename(backup.file)}\n`);

    await app.close(); // the database is dropped: only the backup is left
    restored = await emptyDatabase('round_trip');
    const steps: string[] = [];
    const result = await restoreBackup(backup.file, restored.url, (step) => steps.push(step.step));
    expect(steps[0]).toBe('checked');
    expect(steps.at(-1)).toBe('verified');
    expect(result.verification.ok).toBe(true);
    expect(result.verification.tables.every((t) => t.expected === t.restored)).toBe(true);
    expect(result.verification.chains.find((c) => c.partnershipId === glos.partnershipId)).toMatchObject({ events: 12, intact: true, matchesBackup: true });
    expect(result.newerMigrations).toEqual([]);

    expect(await tableDigests(restored.url)).toEqual(before);
    expect(await securityDigest(restored.url)).toEqual(security);

    // The app runs over the restored database as its restricted role, and sees what it saw before.
    const server = await createApp({ databaseUrl: restored.url, port: 0, logger: false, outcomeRefreshMinutes: 0 });
    try {
      const unit = await signIn(restored.url, 'business_unit', { partnershipId: glos.partnershipId });
      const { body } = await postGraphql<{ escalations: { totalCount: number; items: { summary: string }[] } }>(
        `${server.url}/graphql`,
        `query($p: ID!) { escalations(filter: { partnershipId: $p }, limit: 10) { totalCount items { summary } } }`,
        { p: glos.partnershipId },
        unit.cookie,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.escalations.totalCount).toBe(12);
      expect(body.data!.escalations.items.map((e) => e.summary).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Disagreement about the plan (${String(i + 5).padStart(2, '0')}).`));
    } finally {
      await server.close();
    }
  }, 180_000);

  it('refuses a damaged, a cut-short or an unchecked backup with a clear error, and changes nothing', async () => {
    const target = await emptyDatabase('refusals');
    cleanup.push(target.drop);

    const damaged = path.join(folder, 'damaged.backup');
    const bytes = await readFile(backup.file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    await writeFile(damaged, bytes);
    await copyFile(checksumFileOf(backup.file), checksumFileOf(damaged));
    await expect(restoreBackup(damaged, target.url)).rejects.toMatchObject({ code: BackupErrorCode.CHECKSUM_MISMATCH, message: expect.stringMatching(/is damaged.*nothing was restored/) });

    const cut = path.join(folder, 'cut.backup');
    await copyFile(backup.file, cut);
    await truncate(cut, Math.floor(bytes.length * 0.6));
    await copyFile(checksumFileOf(backup.file), checksumFileOf(cut));
    await expect(restoreBackup(cut, target.url)).rejects.toMatchObject({ code: BackupErrorCode.CHECKSUM_MISMATCH });

    const unchecked = path.join(folder, 'unchecked.backup');
    await copyFile(backup.file, unchecked);
    await expect(restoreBackup(unchecked, target.url)).rejects.toMatchObject({ code: BackupErrorCode.CHECKSUM_MISSING, message: expect.stringContaining('is missing') });

    expect(await tableCount(target.url)).toBe(0);
  }, 60_000);

  it('verifies row counts and audit chains against the manifest, and rolls everything back when they differ', async () => {
    const target = await emptyDatabase('verification');
    cleanup.push(target.drop);
    const text = gunzipSync(await readFile(backup.file)).toString('utf8');
    const [title, manifestLine, ...rest] = text.split('\n');
    /** A backup whose checksum is right but whose contents were changed before it was computed. */
    const forged = async (name: string, body: string): Promise<string> => {
      const file = path.join(folder, `${name}.backup`);
      const bytes = gzipSync(body);
      await writeFile(file, bytes);
      await writeFile(checksumFileOf(file), `${createHash('sha256').update(bytes).digest('hex')}  ${name}.backup\n`);
      return file;
    };

    const manifest = JSON.parse(manifestLine!.slice('-- manifest '.length)) as { tables: { name: string; rows: number }[] };
    manifest.tables.find((t) => t.name === 'escalation')!.rows += 1;
    const miscounted = await forged('miscounted', [title, `-- manifest ${JSON.stringify(manifest)}`, ...rest].join('\n'));
    await expect(restoreBackup(miscounted, target.url)).rejects.toMatchObject({
      code: BackupErrorCode.VERIFICATION_FAILED,
      message: expect.stringContaining('escalation: 262 rows, expected 263'),
    });
    expect(await tableCount(target.url)).toBe(0);

    const rewritten = await forged('rewritten', text.replaceAll('Disagreement about the plan (04).', 'Disagreement about the plan (09).'));
    await expect(restoreBackup(rewritten, target.url)).rejects.toMatchObject({
      code: BackupErrorCode.VERIFICATION_FAILED,
      message: expect.stringMatching(new RegExp(`audit chain ${glos.partnershipId}: event \\d+ does not match its hash`)),
    });
    expect(await tableCount(target.url)).toBe(0);
  }, 60_000);

  it('restores only into an empty database', async () => {
    const before = await tableDigests(restored.url);
    await expect(restoreBackup(backup.file, restored.url)).rejects.toMatchObject({
      code: BackupErrorCode.DATABASE_NOT_EMPTY,
      message: expect.stringMatching(/is not empty .*nothing was changed/),
    });
    expect(await tableDigests(restored.url)).toEqual(before);
  }, 60_000);

  it('works from the command line: progress, the file and its checksum; the restore prints its verification', async () => {
    const out = path.join(folder, 'cli');
    const backedUp = await run(BACKUP_CLI, [], { DATABASE_URL: restored.url, BACKUP_DIR: out });
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/ {2}escalation: 262 rows \(\d+\/\d+ tables\)/);
    const file = /Backup: +(\S+\.backup) /.exec(backedUp.stdout)?.[1];
    expect(file).toBeDefined();
    expect(path.dirname(file!)).toBe(out);
    expect(backedUp.stdout).toContain(`Checksum: ${file}.sha256 (SHA-256 `);

    const target = await emptyDatabase('cli');
    cleanup.push(target.drop);
    const restoredByCli = await run(RESTORE_CLI, [file!], { DATABASE_URL: target.url });
    expect(restoredByCli.stderr).toBe('');
    expect(restoredByCli.code).toBe(0);
    expect(restoredByCli.stdout).toMatch(/Checksum verified \(SHA-256 [0-9a-f]{64}\)\./);
    expect(restoredByCli.stdout).toMatch(/Row counts: (\d+) of \1 tables hold exactly the rows the backup recorded\./);
    expect(restoredByCli.stdout).toMatch(/Audit hash chains: (\d+) of \1 intact and ending where the backup recorded \(12 events\)\./);
    expect(restoredByCli.stdout).toContain('Restored and verified.');
    expect(await tableDigests(target.url)).toEqual(await tableDigests(restored.url));

    const bytes = await readFile(file!);
    await writeFile(file!, bytes.subarray(0, bytes.length - 100));
    const refused = await run(RESTORE_CLI, [file!, '--database', `ei_restore_${process.pid}_never`], { DATABASE_URL: target.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is damaged: its SHA-256 is [0-9a-f]{64}, but .* records [0-9a-f]{64}/);
  }, 180_000);
});
