import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureDemoUsers } from './auth/demo-users.js';
import { ensureFirstAdministrator } from './auth/first-administrator.js';
import { AppConfigError, loadAppConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { migrateDatabase, openDatabase } from './database/database-lifecycle.js';
import { seedDemoDataIfEmpty } from './database/demo-seed.js';
import { APP_CLOSE_WAIT_MS, STOPPED_WORK_WAIT_MS } from './lifecycle/graceful-close.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { createRootLogger } from './logging/root-logger.js';
import { Shutdown } from './shutdown.js';

/** What stopping the embedded PostgreSQL may take, on top of the app's own bounds. */
const DATABASE_STOP_WAIT_MS = 15_000;

/**
 * `node server/dist/main.js`: the database (embedded unless DATABASE_URL), migrations,
 * demo data, the app. Logs go to standard output through pino (docs/operations.md).
 */
async function main(): Promise<void> {
  const warnings: string[] = [];
  const config = loadAppConfig(process.env, (warning) => warnings.push(warning));
  const rootLogger = createRootLogger({ level: config.operations.logLevel, format: config.operations.logFormat });
  Logger.overrideLogger(new PinoNestLogger(rootLogger));
  const logger = new Logger('EscalationInsights');
  for (const warning of warnings) logger.warn(warning);
  const shutdown = new Shutdown();
  shutdown.exitOnSignals(config.operations.shutdownGraceMs + STOPPED_WORK_WAIT_MS + APP_CLOSE_WAIT_MS + DATABASE_STOP_WAIT_MS);
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
      trustProxy: config.security.trustProxy,
      reminders: config.reminders,
      rootLogger,
      shutdownGraceMs: config.operations.shutdownGraceMs,
      databaseConnectTimeoutMs: config.operations.databaseConnectTimeoutMs,
      analyticsCacheSeconds: config.operations.analyticsCacheSeconds,
      analyticsStaleSeconds: config.operations.analyticsStaleSeconds,
    });
    shutdown.add('the app', () => server.close());
    if (config.seedDemoData) {
      await ensureDemoUsers(database.url, { password: config.security.demoPassword, production: config.production }, logger);
    }
    logger.log(`Escalation Insights is running at ${server.url}`);
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
