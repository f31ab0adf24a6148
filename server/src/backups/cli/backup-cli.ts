import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppConfigError, loadAppConfig } from '../../config/app-config.js';
import { BackupError } from '../backup.error.js';
import { createBackup } from '../create-backup.js';
import { openToolDatabase } from '../tool-database.js';

const USAGE = `Usage: npm run backup [-- --out DIR]

Writes a consistent backup of the app's database (one snapshot, taken while the app may
keep running) to DIR, with a SHA-256 checksum file beside it.
  --out DIR   where to write it; default BACKUP_DIR, else <DATA_DIR>/backups (.data/backups)
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (the running one, if the app is up).
Exit status: 0 written, 2 could not back up.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadAppConfig(process.env, () => undefined); // warnings about the app's own settings are for the app
  const folder = path.resolve(values.out ?? process.env['BACKUP_DIR']?.trim() ?? path.join(config.dataDir, 'backups'));
  const database = await openToolDatabase(config);
  try {
    console.log(`Backing up ${database.description} into ${folder}`);
    const started = performance.now();
    const result = await createBackup(database.url, {
      folder,
      onProgress: (p) => console.log(`  ${p.table}: ${p.rows.toLocaleString('en-GB')} rows (${p.done}/${p.tables} tables)`),
    });
    const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const events = result.manifest.auditChains.reduce((sum, c) => sum + c.events, 0);
    console.log(
      `Backed up ${rows.toLocaleString('en-GB')} rows in ${result.manifest.tables.length} tables (${events.toLocaleString('en-GB')} audit events, ` +
        `${result.manifest.migrations.length} migrations) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(`Backup:   ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`Checksum: ${result.checksumFile} (SHA-256 ${result.sha256})`);
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError || error instanceof AppConfigError ? error.message : error);
    process.exit(2);
  },
);
