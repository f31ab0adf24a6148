import 'reflect-metadata';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installPartnership, runMigrations, startEmbeddedPostgres } from '@escalation-insights/database';
import { CALENDAR_YEARS, createRowReader, DUDLEY, suggestMapping, type ImportContext } from '@escalation-insights/shared';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DEV_CHILD_KEY_SECRET, REPO_ROOT } from '../config/app-config.js';
import { REMINDERS_OFF } from '../config/reminder-config.js';
import { DEFAULT_AUTH_SETTINGS, DEFAULT_QUERY_LIMITS } from '../config/security-config.js';
import { deriveAppDatabaseUrl } from '../database/app-database-role.js';
import { TEXT_LIMITS } from '../escalations/dto/text-limits.js';
import { childKeyOf } from '../escalations/child-key.js';
import { runCommandLineImport } from '../imports/cli/command-line-import.js';
import { ImportCliModule } from '../imports/cli/import-cli.module.js';
import { SYNTHETIC_LOG_HEADERS, syntheticRow, writeSyntheticLog } from './synthetic-log.js';

/*
 * `npm run bench:import [-- ROWS]`: imports a synthetic 100,000-row escalation log through
 * the real import (as the command line does: parse, check, write in one transaction,
 * recompute timescale outcomes, audit) and loads the same rows with PostgreSQL's COPY,
 * each into a partnership of its own on a fresh embedded PostgreSQL. Prints rows per
 * second for both, their ratio (target: the import at least a third of COPY's rate) and
 * the import's peak memory.
 */

const ROWS = Number(process.argv[2] ?? 100_000);
const AGENCIES = ["Children's Social Care", 'Police', 'Health', 'Education'].map((name, i) => ({
  name, sector: (['childrens_social_care', 'police', 'health', 'education'] as const)[i]!,
}));

const csv = (cells: readonly (string | number | boolean | null)[]) =>
  cells.map((c) => (c === null ? '' : c === '' || /[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ei-bench-'));
  await chmod(folder, 0o755); // as root, PostgreSQL runs as the postgres user: COPY reads its files from here
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(folder, 'postgres'), database: 'bench' });
  const owner = new pg.Client({ connectionString: postgres.url });
  try {
    await runMigrations(postgres.url);
    await owner.connect();
    const install = (code: string) => installPartnership(owner, { code, name: code, jurisdiction: DUDLEY.jurisdiction, template: DUDLEY, agencies: AGENCIES });
    const copied = await install('bench-copy');
    const imported = await install('bench-import');
    const logOptions = { rows: ROWS, agencies: AGENCIES.map((a) => a.name), categories: DUDLEY.categories.map((c) => c.code) };
    const logFile = path.join(folder, 'log.csv');
    await writeSyntheticLog(logFile, logOptions);

    // COPY: the same rows, already turned into escalation and stage-entry rows (not timed), loaded by the database itself.
    const context: ImportContext = {
      stages: DUDLEY.stages, skipAllowedFor: DUDLEY.skipAllowedFor, categories: DUDLEY.categories, now: new Date(),
      agencies: Object.entries(copied.agencyIds).map(([name, id]) => ({ id, name })),
      calendar: { earliest: new Date(Date.UTC(CALENDAR_YEARS.from, 0, 1)), latest: new Date(Date.UTC(CALENDAR_YEARS.to, 11, 1)) },
      textLimits: TEXT_LIMITS,
    };
    const headers = [...SYNTHETIC_LOG_HEADERS];
    const read = createRowReader(headers, {
      columns: suggestMapping(headers, DUDLEY.stages), dateOrder: 'day_first', excelSerialDates: true, dateOnlyTime: '09:00',
      defaultUrgency: null, defaultRaisedVia: null, values: [],
    }, context);
    const escalations: string[] = [];
    const entries: string[] = [];
    const firstId = 50_000_000;
    for (let i = 0; i < ROWS; i += 1) {
      const result = read(syntheticRow(i, logOptions), i + 2);
      if (!result.ok) throw new Error(`synthetic row ${i} is invalid: ${JSON.stringify(result.problems)}`);
      const e = result.escalation;
      const id = firstId + i;
      escalations.push(csv([
        copied.partnershipId, id, e.reference, copied.protocolId, e.childReference ? childKeyOf(DEV_CHILD_KEY_SECRET, e.childReference) : null,
        e.raisedAt.toISOString(), e.raisingAgencyId, e.raisingRole, e.receivingAgencyId, e.categoryCode, e.urgency, e.raisedVia, e.summary,
        e.status, e.outcome, e.closedAt?.toISOString() ?? null, e.currentStageCode, e.highestTier, e.highestStageOrder, e.resolvedTier,
      ]));
      for (const s of e.entries) {
        entries.push(csv([copied.partnershipId, id, copied.protocolId, s.stageCode, s.tier, s.ladderOrder, s.enteredAt.toISOString(), s.exitedAt?.toISOString() ?? null, s.exitReason, `{${s.skippedStageCodes.join(',')}}`]));
      }
    }
    const escalationFile = path.join(folder, 'escalation.csv');
    const entryFile = path.join(folder, 'stage_entry.csv');
    await writeFile(escalationFile, `${escalations.join('\n')}\n`, { mode: 0o644 });
    await writeFile(entryFile, `${entries.join('\n')}\n`, { mode: 0o644 });
    escalations.length = 0;
    entries.length = 0;
    const copyStarted = performance.now();
    await owner.query('BEGIN');
    await owner.query(`COPY escalation (partnership_id, id, reference, protocol_id, child_key, raised_at, raising_agency_id, raising_role, receiving_agency_id,
      category_code, urgency, raised_via, summary, status, outcome, closed_at, current_stage_code, highest_tier, highest_stage_order, resolved_tier)
      FROM '${escalationFile}' WITH (FORMAT csv)`);
    await owner.query(`COPY stage_entry (partnership_id, escalation_id, protocol_id, stage_code, tier, ladder_order, entered_at, exited_at, exit_reason, skipped_stage_codes)
      FROM '${entryFile}' WITH (FORMAT csv)`);
    await owner.query('COMMIT');
    const copySeconds = (performance.now() - copyStarted) / 1000;

    // The import, as the command line runs it.
    const appDatabaseUrl = await deriveAppDatabaseUrl(postgres.url, { error: (message: string) => console.error(message) });
    const app = await NestFactory.createApplicationContext(ImportCliModule.forRoot({
      databaseUrl: postgres.url, appDatabaseUrl, databasePoolSize: 3, auth: DEFAULT_AUTH_SETTINGS, queryLimits: DEFAULT_QUERY_LIMITS,
      production: true, childKeySecret: DEV_CHILD_KEY_SECRET, serveWeb: false, webDist: path.join(REPO_ROOT, 'web', 'dist'), schemaFile: null,
      outcomeRefreshMinutes: 0, reminders: REMINDERS_OFF,
    }), { logger: ['error', 'warn'] });
    global.gc?.();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    let timescalesAt: number | null = null;
    const started = performance.now();
    const { session } = await runCommandLineImport(app, {
      file: logFile, partnershipId: imported.partnershipId, dateOrder: 'day_first', dryRun: false,
      onProgress: (p) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (p.phase === 'timescales' && timescalesAt === null) timescalesAt = performance.now();
      },
    });
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await app.close();
    if (session.status !== 'committed') throw new Error(`the import ended ${session.status}: ${session.error ?? ''}`);
    const counted = await owner.query<{ partnership_id: string; n: number }>(
      'SELECT partnership_id::text, count(*)::int AS n FROM escalation GROUP BY 1 ORDER BY 1',
    );

    const rate = (seconds: number) => Math.round(ROWS / seconds);
    const writeSeconds = ((timescalesAt ?? performance.now()) - started) / 1000;
    console.log(`Import of a ${ROWS.toLocaleString('en-GB')}-row CSV (${counted.rows.map((r) => `partnership ${r.partnership_id}: ${r.n}`).join(', ')} escalations)`);
    console.log(`  COPY (escalations + stage entries, analytics triggers):  ${copySeconds.toFixed(1)} s  ${rate(copySeconds).toLocaleString('en-GB')} rows/s`);
    console.log(`  import: read, check, write (one transaction):            ${writeSeconds.toFixed(1)} s  ${rate(writeSeconds).toLocaleString('en-GB')} rows/s`);
    console.log(`  import, whole (+ timescale outcomes, audit, commit):     ${importSeconds.toFixed(1)} s  ${rate(importSeconds).toLocaleString('en-GB')} rows/s`);
    console.log(`  import ÷ COPY: ${(copySeconds / importSeconds).toFixed(2)} (target ≥ 0.33); peak memory (RSS) during the import: ${Math.round(peakRss / 1024 / 1024)} MB`);
  } finally {
    await owner.end().catch(() => undefined);
    await postgres.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
