import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DATE_ORDERS, RAISED_VIA, URGENCIES, type DateOrder, type ImportMapping, type RaisedVia, type Urgency } from '@escalation-insights/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import { AppConfigError, loadAppConfig } from '../../config/app-config.js';
import { REMINDERS_OFF } from '../../config/reminder-config.js';
import { DEFAULT_AUTH_SETTINGS, DEFAULT_QUERY_LIMITS } from '../../config/security-config.js';
import { deriveAppDatabaseUrl } from '../../database/app-database-role.js';
import { migrateDatabase, openDatabase } from '../../database/database-lifecycle.js';
import type { ImportProgressRow } from '../import-sessions.repository.js';
import { runCommandLineImport } from './command-line-import.js';
import { ImportCliModule } from './import-cli.module.js';

const USAGE = `Usage: npm run import -- FILE --partnership ID [options]

Imports an escalation log (CSV or .xlsx) into a partnership, all or nothing.
  --partnership ID        the partnership's id (required)
  --dry-run               check every row and count what would change; write nothing
  --date-order ORDER      day-first (24/02/2025) or month-first; required unless a saved mapping says
  --mapping FILE.json     a whole mapping (columns, dates, value mappings); default: the one saved
                          for the partnership from the web app, else columns matched by name
  --default-urgency U     immediate, urgent or standard, for rows without one
  --default-raised-via V  in_person, phone, video, meeting, email or letter
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (stop the app first: one process at a time).
Exit status: 0 done, 1 the file has problems (nothing written), 2 could not run.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const normalised = value.replace(/-/g, '_') as T;
  if (!allowed.includes(normalised)) fail(`${flag} must be one of ${allowed.join(', ')}`);
  return normalised;
}

/** One line per batch, or one line rewritten in place on a terminal. */
function progressPrinter(dryRun: boolean): (p: ImportProgressRow) => void {
  const started = Date.now();
  return (p) => {
    const seconds = (Date.now() - started) / 1000;
    const line = `${p.phase === 'timescales' ? 'recomputing timescales' : dryRun ? 'checking' : 'importing'}: ` +
      `${p.rowsValidated.toLocaleString('en-GB')} rows checked, ${p.rowsWritten.toLocaleString('en-GB')} written (${seconds.toFixed(1)} s)`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
    else console.log(line);
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      partnership: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'date-order': { type: 'string' },
      mapping: { type: 'string' }, 'default-urgency': { type: 'string' }, 'default-raised-via': { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) fail('Name one file to import.');
  if (!values.partnership || !/^[1-9][0-9]{0,17}$/.test(values.partnership)) fail('--partnership must be a partnership id (digits).');
  const mapping = values.mapping ? (JSON.parse(await readFile(values.mapping, 'utf8')) as ImportMapping) : undefined;

  const logger = new Logger('Import');
  const config = loadAppConfig();
  const database = await openDatabase(config, logger);
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  try {
    await migrateDatabase(database.url, logger);
    const appDatabaseUrl = config.security.appDatabaseUrl ?? (await deriveAppDatabaseUrl(database.url, logger));
    app = await NestFactory.createApplicationContext(
      ImportCliModule.forRoot({
        databaseUrl: database.url, appDatabaseUrl, databasePoolSize: 3, auth: DEFAULT_AUTH_SETTINGS, queryLimits: DEFAULT_QUERY_LIMITS,
        production: config.production, childKeySecret: config.childKeySecret, serveWeb: false, webDist: config.webDist, schemaFile: null,
        outcomeRefreshMinutes: 0, reminders: REMINDERS_OFF,
      }),
      { logger: ['error', 'warn'] },
    );
    const dryRun = values['dry-run'] ?? false;
    const { session, problems } = await runCommandLineImport(app, {
      file: file!, partnershipId: values.partnership!, dryRun, onProgress: progressPrinter(dryRun),
      ...(mapping ? { mapping } : {}),
      ...(values['date-order'] ? { dateOrder: pick<DateOrder>(values['date-order'], DATE_ORDERS, '--date-order')! } : {}),
      ...(values['default-urgency'] ? { defaultUrgency: pick<Urgency>(values['default-urgency'], URGENCIES, '--default-urgency')! } : {}),
      ...(values['default-raised-via'] ? { defaultRaisedVia: pick<RaisedVia>(values['default-raised-via'], RAISED_VIA, '--default-raised-via')! } : {}),
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    const c = session.counts;
    if (c) console.log(`${session.rowsRead.toLocaleString('en-GB')} rows: ${c.toCreate} new, ${c.toUpdate} changed, ${c.unchanged} unchanged, ${c.problemRows} with problems.`);
    for (const p of problems) console.log(`  row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
    if (c && c.problemCount > problems.length) console.log(`  … and ${c.problemCount - problems.length} more problems.`);
    if (session.error) console.error(session.error);
    console.log(`Import ${session.id}: ${session.status} (file SHA-256 ${session.fileChecksum}).`);
    return session.status === 'committed' || session.status === 'validated' ? 0 : session.status === 'invalid' ? 1 : 2;
  } finally {
    await app?.close();
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
