import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { openToolDatabase } from '../../backups/tool-database.js';
import { ApiException } from '../../common/errors/api-exception.js';
import { AppConfigError, loadAppConfig } from '../../config/app-config.js';
import { deriveAppDatabaseUrl } from '../../database/app-database-role.js';
import { migrateDatabase } from '../../database/database-lifecycle.js';
import type { PartnershipRetention, RetentionRun } from '../retention-job.service.js';
import { openRetentionJob, type OpenRetentionJob } from './retention-cli.module.js';

const USAGE = `Usage: npm run retention -- [--dry-run] [--partnership ID]

Clears the record-level detail (summary, child key, outcome text, participants, notes,
correction reasons) of escalations closed longer ago than their partnership's retention
period, keeping every fact the statistics use. The server also runs this daily.
  --dry-run         list the escalations (references) and counts that would be cleared; change nothing
  --partnership ID  only this partnership (default: every partnership with a retention period)
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (the running one, if the app is up).
Exit status: 0 done, 2 could not run.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const day = (at: Date) => at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

function report(run: RetentionRun): void {
  console.log(run.dryRun ? `Retention dry run (${run.at.toISOString()}): nothing is changed.` : `Retention run (${run.at.toISOString()}).`);
  if (run.partnerships.length === 0) console.log('No partnership has a retention period: all detail is kept.');
  for (const p of run.partnerships) console.log(describe(p, run.dryRun));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function describe(p: PartnershipRetention, dryRun: boolean): string {
  const who = `Partnership ${p.partnershipId} (${p.partnershipName})`;
  if (p.yearsAfterClose === null || p.closedBefore === null) return `${who} has no retention period: its detail is kept.`;
  const counts = [
    plural(p.escalations, 'escalation'), plural(p.stageEntries, 'stage entry', 'stage entries'),
    plural(p.milestones, 'milestone'), plural(p.corrections, 'correction'), plural(p.importFiles, 'imported file'),
  ].join(', ');
  const lines = [
    `${who}, detail kept ${p.yearsAfterClose} years after closing (escalations closed before ${day(p.closedBefore)}): ` +
      (dryRun ? `would clear ${counts}.` : `cleared ${counts} (audit event ${p.auditEventId}).`),
  ];
  if (dryRun) for (let i = 0; i < p.references.length; i += 8) lines.push(`  ${p.references.slice(i, i + 8).join(', ')}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, partnership: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.partnership !== undefined && !/^[1-9][0-9]{0,17}$/.test(values.partnership)) fail('--partnership must be a partnership id (digits).');
  const logger = new Logger('Retention');
  const config = loadAppConfig(process.env, () => undefined);
  const database = await openToolDatabase(config);
  let retention: OpenRetentionJob | undefined;
  try {
    await migrateDatabase(database.url, logger);
    const appDatabaseUrl = config.security.appDatabaseUrl ?? (await deriveAppDatabaseUrl(database.url, logger));
    retention = await openRetentionJob(appDatabaseUrl, { production: config.production });
    const run = await retention.job.run({
      dryRun: values['dry-run'] ?? false,
      trigger: 'command line',
      ...(values.partnership ? { partnershipId: values.partnership } : {}),
    });
    report(run);
    return 0;
  } finally {
    await retention?.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ApiException || error instanceof AppConfigError ? error.message : error);
    process.exit(2);
  },
);
