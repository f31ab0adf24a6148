import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureDemoUsers } from './auth/demo-users.js';
import { ensureFirstAdministrator } from './auth/first-administrator.js';
import { AppConfigError, loadAppConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { migrateDatabase, openDatabase } from './database/database-lifecycle.js';
import { seedDemoDataIfEmpty } from './database/demo-seed.js';
import { Shutdown } from './shutdown.js';

/** `node server/dist/main.js`: the database (embedded unless DATABASE_URL), migrations, demo data, the app. */
async function main(): Promise<void> {
  const logger = new Logger('EscalationInsights');
  const config = loadAppConfig();
  const shutdown = new Shutdown();
  shutdown.exitOnSignals();
  try {
    const database = await openDatabase(config, logger);
    if (database.embedded) shutdown.add('the embedded PostgreSQL', () => database.stop());
    await migrateDatabase(database.url, logger);
    if (config.seedDemoData) await seedDemoDataIfEmpty(database.url, config.childKeySecret, logger);
    await ensureFirstAdministrator(database.url, config.security.firstAdministrator, logger);
    const server = await createApp({
      databaseUrl: database.url,
      ...(config.security.appDatabaseUrl ? { appDatabaseUrl: config.security.appDatabaseUrl } : {}),
      auth: config.security.auth,
      port: config.port,
      host: config.host,
      production: config.production,
      serveWeb: config.serveWeb,
      webDist: config.webDist,
      childKeySecret: config.childKeySecret,
      schemaFile: config.schemaFile,
      outcomeRefreshMinutes: config.outcomeRefreshMinutes,
    });
    shutdown.add('the app', () => server.close());
    if (config.seedDemoData) {
      await ensureDemoUsers(database.url, { password: config.security.demoPassword, production: config.production }, logger);
    }
    console.log(`Escalation Insights is running at ${server.url}`);
  } catch (error) {
    logger.error(`Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await shutdown.run();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppConfigError ? error.message : error);
  process.exit(1);
});
