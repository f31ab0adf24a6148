import 'reflect-metadata';
import { Logger } from '@nestjs/common';
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
    const server = await createApp({
      databaseUrl: database.url,
      port: config.port,
      host: config.host,
      production: config.production,
      serveWeb: config.serveWeb,
      webDist: config.webDist,
      childKeySecret: config.childKeySecret,
      schemaFile: config.schemaFile,
    });
    shutdown.add('the app', () => server.close());
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
