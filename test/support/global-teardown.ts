/* Loaded outside jest's module system, like global-setup: packages only. */
import { rm } from 'node:fs/promises';
import pg from 'pg';

/** Stops the embedded test cluster and deletes its folder; on TEST_DATABASE_URL, drops the template instead. */
export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.__eiTestCluster;
  if (cluster) {
    globalThis.__eiTestCluster = undefined;
    await cluster.stop();
    await rm(cluster.folder, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env['EI_TEST_ADMIN_URL'];
  const template = process.env['EI_TEST_TEMPLATE'];
  if (!adminUrl || !template) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
