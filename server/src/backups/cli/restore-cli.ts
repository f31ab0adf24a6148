import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AppConfigError, loadAppConfig } from '../../config/app-config.js';
import { BackupError } from '../backup.error.js';
import { restoreBackup, type RestoreStep } from '../restore-backup.js';
import { openToolDatabase } from '../tool-database.js';

const USAGE = `Usage: npm run restore -- FILE [--database NAME]

Restores a backup written by npm run backup into an EMPTY database, then checks every
table's row count and every audit hash chain against what the backup recorded.
  FILE             the .backup file; its .sha256 must be beside it
  --database NAME  restore into database NAME on the same server (created when missing)
                   instead of the app's own
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (stop the app first).
Exit status: 0 restored and verified, 1 refused (damaged file, database not empty,
verification failed: nothing restored), 2 could not run.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function show(step: RestoreStep): void {
  if (step.step === 'checked') {
    const m = step.manifest;
    console.log(`Checksum verified (SHA-256 ${step.sha256}).`);
    console.log(`Backup of "${m.database}" taken ${m.createdAt}: ${m.tables.length} tables, ${m.migrations.length} migrations, PostgreSQL ${m.serverVersion}.`);
  } else if (step.step === 'schema') {
    console.log(`Schema built by ${step.migrations} migrations.`);
  } else if (step.step === 'table') {
    console.log(`  ${step.table}: ${step.rows.toLocaleString('en-GB')} rows (${step.done}/${step.tables} tables)`);
  } else {
    const { tables, chains } = step.verification;
    const matching = tables.filter((t) => t.expected === t.restored);
    console.log(`Row counts: ${matching.length} of ${tables.length} tables hold exactly the rows the backup recorded.`);
    for (const t of tables) if (t.expected !== t.restored) console.log(`  ${t.table}: ${t.restored} rows, the backup recorded ${t.expected}`);
    const events = chains.reduce((sum, c) => sum + c.events, 0);
    const good = chains.filter((c) => c.intact && c.matchesBackup);
    console.log(`Audit hash chains: ${good.length} of ${chains.length} intact and ending where the backup recorded (${events.toLocaleString('en-GB')} events).`);
    for (const c of chains) if (!c.intact || !c.matchesBackup) console.log(`  chain of partnership ${c.partnershipId ?? '(none)'}: ${c.problem}`);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) fail('Name one backup file to restore.');
  if (values.database !== undefined && !/^[A-Za-z0-9_-]{1,63}$/.test(values.database)) fail('--database must be a database name (letters, digits, _ and -).');
  const config = loadAppConfig(process.env, () => undefined); // warnings about the app's own settings are for the app
  const database = await openToolDatabase(config);
  try {
    const target = new URL(database.url);
    if (values.database) target.pathname = `/${values.database}`;
    console.log(`Restoring ${file} into database "${decodeURIComponent(target.pathname.slice(1))}" of ${database.description}`);
    const result = await restoreBackup(file!, target.toString(), show);
    if (result.newerMigrations.length > 0) console.log(`Applied ${result.newerMigrations.length} newer migrations: ${result.newerMigrations.join(', ')}.`);
    console.log('Restored and verified.');
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return error.code === 'INSUFFICIENT_PRIVILEGE' ? 2 : 1;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppConfigError ? error.message : error);
    process.exit(2);
  },
);
