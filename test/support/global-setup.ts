/*
 * Jest loads this file outside its module system, so it imports packages only, never
 * another .ts file of this folder (test-env.ts repeats the names it publishes).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runMigrations, startEmbeddedPostgres } from '@escalation-insights/database';
import pg from 'pg';

const TEMPLATE_DATABASE = 'ei_test_template';

/** Read by global-teardown, which jest runs in this same process. */
export interface TestClusterHandle {
  readonly folder: string;
  stop(): Promise<void>;
}
declare global {
  var __eiTestCluster: TestClusterHandle | undefined;
}

/**
 * Once per jest run: a PostgreSQL to test against (TEST_DATABASE_URL, or an embedded one
 * in a fresh temporary folder) and the template database, migrated once, that every
 * test database is copied from. Workers find both through EI_TEST_ADMIN_URL and
 * EI_TEST_TEMPLATE.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ei-test-'));
    await chmod(folder, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach the cluster inside
    try {
      const cluster = await startEmbeddedPostgres({ dataDir: path.join(folder, 'postgres'), database: 'postgres', unsafeFast: true });
      globalThis.__eiTestCluster = { folder, stop: () => cluster.stop() };
      adminUrl = cluster.url;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  try {
    await createTemplate(adminUrl);
  } catch (error) {
    // Jest skips the teardown when the setup fails: clean up here.
    const cluster = globalThis.__eiTestCluster;
    globalThis.__eiTestCluster = undefined;
    if (cluster) await cluster.stop().finally(() => rm(cluster.folder, { recursive: true, force: true }));
    throw error;
  }

  process.env['EI_TEST_ADMIN_URL'] = adminUrl;
  process.env['EI_TEST_TEMPLATE'] = TEMPLATE_DATABASE;
}

async function createTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(TEMPLATE_DATABASE)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await runMigrations(templateUrl.toString());
}
